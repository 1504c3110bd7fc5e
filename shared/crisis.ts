import type { CrisisResource, Locale } from './schemas/policies'
import { t } from './i18n/crisis'

/**
 * Crisis resources: sensible defaults by country, which the practice then checks and edits, and
 * the sentence shown before anything else whenever a client might be in crisis.
 */

const emergency = (phone: string, locale: Locale): CrisisResource => ({
  name: t(locale, 'crisis.name.emergency'),
  kind: 'emergency',
  phone,
})

const DEFAULTS: Record<string, (locale: Locale) => CrisisResource[]> = {
  US: (locale) => [
    emergency('911', locale),
    {
      name: '988 Suicide & Crisis Lifeline',
      kind: 'hotline',
      phone: '988',
      text: '988',
      url: 'https://988lifeline.org',
      hours: '24/7',
    },
  ],
  CA: (locale) => [
    emergency('911', locale),
    locale === 'fr'
      ? {
          name: "9-8-8 : Ligne d'aide en cas de crise de suicide",
          kind: 'hotline',
          phone: '988',
          text: '988',
          url: 'https://988.ca/fr',
          hours: '24/7',
        }
      : {
          name: '9-8-8: Suicide Crisis Helpline',
          kind: 'hotline',
          phone: '988',
          text: '988',
          url: 'https://988.ca',
          hours: '24/7',
        },
  ],
  GB: (locale) => [
    emergency('999', locale),
    { name: 'Samaritans', kind: 'hotline', phone: '116 123', url: 'https://www.samaritans.org', hours: '24/7' },
  ],
  IE: (locale) => [
    emergency('112', locale),
    { name: 'Samaritans', kind: 'hotline', phone: '116 123', url: 'https://www.samaritans.org', hours: '24/7' },
  ],
  AU: (locale) => [
    emergency('000', locale),
    {
      name: 'Lifeline',
      kind: 'hotline',
      phone: '13 11 14',
      text: '0477 13 11 14',
      url: 'https://www.lifeline.org.au',
      hours: '24/7',
    },
  ],
  NZ: (locale) => [
    emergency('111', locale),
    {
      name: '1737, Need to talk?',
      kind: 'hotline',
      phone: '1737',
      text: '1737',
      url: 'https://1737.org.nz',
      hours: '24/7',
    },
  ],
  FR: (locale) => [
    emergency('112', locale),
    {
      name: '3114 – Numéro national de prévention du suicide',
      kind: 'hotline',
      phone: '3114',
      url: 'https://3114.fr',
      hours: '24/7',
    },
  ],
  ES: (locale) => [
    emergency('112', locale),
    { name: 'Línea 024 de atención a la conducta suicida', kind: 'hotline', phone: '024', hours: '24/7' },
  ],
}

/**
 * Starting crisis resources for a practice in `country` (ISO 3166 alpha-2). Elsewhere, 112, which
 * mobile phones connect to an emergency service in most countries. Always a fresh, editable array.
 */
export function defaultCrisisResources(country: string, locale: Locale = 'en'): CrisisResource[] {
  const build = DEFAULTS[country.toUpperCase()]
  return build ? build(locale) : [emergency('112', locale)]
}

const KIND_ORDER: Record<CrisisResource['kind'], number> = { emergency: 0, hotline: 1, local: 2 }

/** The practice's resources with emergency numbers first, then hotlines, then local lines. */
export function orderCrisisResources(resources: readonly CrisisResource[]): CrisisResource[] {
  return [...resources].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind])
}

/** Tappable links for a resource: `tel:`, `sms:` and its web address. */
export function crisisLinks(resource: CrisisResource): { call?: string; sms?: string; web?: string } {
  const dial = (number: string) => number.replace(/[^\d+]/g, '')
  return {
    ...(resource.phone && { call: `tel:${dial(resource.phone)}` }),
    ...(resource.text && { sms: `sms:${dial(resource.text)}` }),
    ...(resource.url && { web: resource.url }),
  }
}

const ROUND_THE_CLOCK = /24\s*(\/|h|hours|heures|horas)|any ?time|toujours|siempre/i

/** The name of the way to crisis resources, which other sentences point to ("For anything urgent, see Need help now?"). */
export function helpNowLabel(locale: Locale): string {
  return t(locale, 'crisis.helpNow')
}

/**
 * What to do now, built from the practice's own resources, e.g. "If you might act on thoughts of
 * harming yourself or someone else, call 911 now. You can call or text 988 any time to talk to someone."
 */
export function crisisSentence(resources: readonly CrisisResource[], locale: Locale): string {
  const ordered = orderCrisisResources(resources)
  const emergencyLine = ordered.find((r) => r.kind === 'emergency' && r.phone)
  const first = emergencyLine?.phone
    ? t(locale, 'crisis.emergency', { number: emergencyLine.phone })
    : t(locale, 'crisis.emergency.generic')

  const line =
    ordered.find((r) => r.kind !== 'emergency' && (r.phone || r.text)) ?? ordered.find((r) => r.kind !== 'emergency')
  if (!line) return first
  const action = hotlineAction(line, locale)
  const second =
    !line.hours || ROUND_THE_CLOCK.test(line.hours)
      ? t(locale, 'crisis.hotline.always', { action })
      : t(locale, 'crisis.hotline.hours', { action, hours: line.hours })
  return `${first} ${second}`
}

function hotlineAction(line: CrisisResource, locale: Locale): string {
  const { phone, text, url } = line
  const same = (a: string, b: string) => a.replace(/\D/g, '') === b.replace(/\D/g, '')
  if (phone && text) {
    return same(phone, text)
      ? t(locale, 'crisis.action.callOrText', { phone })
      : t(locale, 'crisis.action.callAndText', { phone, text })
  }
  if (phone) return t(locale, 'crisis.action.call', { phone })
  if (text) return t(locale, 'crisis.action.text', { text })
  return t(locale, 'crisis.action.visit', { url: url ?? '' })
}
