import type { CrisisResource, Locale } from './schemas/policies'
import { t } from './i18n/crisis'

/**
 * Crisis resources: sensible defaults by country, which the practice then checks and edits, and
 * the sentence shown before anything else whenever a client might be in crisis.
 */

type ServiceKey = 'us988' | 'ca988' | 'samaritans' | 'auLifeline' | 'nz1737' | 'fr3114' | 'es024'

/** The well-known lines, each by its own number; names and language notes come from shared/i18n/crisis. */
const SERVICES: Record<ServiceKey, Omit<CrisisResource, 'name'>> = {
  us988: { kind: 'hotline', phone: '988', text: '988', url: 'https://988lifeline.org', hours: '24/7' },
  ca988: { kind: 'hotline', phone: '988', text: '988', url: 'https://988.ca', hours: '24/7' },
  samaritans: { kind: 'hotline', phone: '116 123', url: 'https://www.samaritans.org', hours: '24/7' },
  auLifeline: {
    kind: 'hotline',
    phone: '13 11 14',
    text: '0477 13 11 14',
    url: 'https://www.lifeline.org.au',
    hours: '24/7',
  },
  nz1737: { kind: 'hotline', phone: '1737', text: '1737', url: 'https://1737.org.nz', hours: '24/7' },
  fr3114: { kind: 'hotline', phone: '3114', url: 'https://3114.fr', hours: '24/7' },
  es024: { kind: 'hotline', phone: '024', hours: '24/7' },
}
const LOCALES: readonly Locale[] = ['en', 'es', 'fr']

const emergency = (phone: string, locale: Locale): CrisisResource => ({
  name: t(locale, 'crisis.name.emergency'),
  kind: 'emergency',
  phone,
})

function service(key: ServiceKey, locale: Locale): CrisisResource {
  const known = SERVICES[key]
  const url = key === 'ca988' && locale === 'fr' ? 'https://988.ca/fr' : known.url
  return { name: t(locale, `crisis.name.${key}`), ...known, ...(url && { url }) }
}

const DEFAULTS: Record<string, (locale: Locale) => CrisisResource[]> = {
  US: (locale) => [emergency('911', locale), service('us988', locale)],
  CA: (locale) => [emergency('911', locale), service('ca988', locale)],
  GB: (locale) => [emergency('999', locale), service('samaritans', locale)],
  IE: (locale) => [emergency('112', locale), service('samaritans', locale)],
  AU: (locale) => [emergency('000', locale), service('auLifeline', locale)],
  NZ: (locale) => [emergency('111', locale), service('nz1737', locale)],
  FR: (locale) => [emergency('112', locale), service('fr3114', locale)],
  ES: (locale) => [emergency('112', locale), service('es024', locale)],
}

// Names the practice may have saved for a line we know, in any language (and as Hearth once named them).
const EARLIER_NAMES: Partial<Record<ServiceKey, string[]>> = {
  ca988: ['9-8-8: Suicide Crisis Helpline', "9-8-8 : Ligne d'aide en cas de crise de suicide"],
  fr3114: ['3114 – Numéro national de prévention du suicide'],
  es024: ['Línea 024 de atención a la conducta suicida'],
}
const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase()

/**
 * A saved resource as the reader should see it: a line Hearth knows, still under one of its known
 * names, is named in the reader's language with a note on the languages it answers in ("Línea 988
 * … (en español: oprima 2)"), and "24/7" reads the local way. A name the practice wrote itself is
 * theirs and stays as written.
 */
export function crisisResourceFor(resource: CrisisResource, locale: Locale): CrisisResource {
  const hours =
    resource.hours && /^24\s*\/\s*7$/.test(resource.hours.trim()) ? t(locale, 'crisis.hours.always') : resource.hours
  const named = (name: string): CrisisResource => ({ ...resource, name, ...(hours && { hours }) })
  if (resource.kind === 'emergency' && LOCALES.some((l) => sameName(resource.name, t(l, 'crisis.name.emergency'))))
    return named(t(locale, 'crisis.name.emergency'))
  const digits = (n?: string) => n?.replace(/\D/g, '') ?? ''
  for (const key of Object.keys(SERVICES) as ServiceKey[]) {
    if (digits(SERVICES[key].phone) !== digits(resource.phone)) continue
    const names = [...LOCALES.map((l) => t(l, `crisis.name.${key}`)), ...(EARLIER_NAMES[key] ?? [])]
    if (names.some((name) => sameName(name, resource.name))) return named(t(locale, `crisis.name.${key}`))
  }
  return named(resource.name)
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
