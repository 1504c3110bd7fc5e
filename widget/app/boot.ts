import type { Locale } from '../../shared/schemas/policies'
import { isLocale } from '../../ui/locale'
import { PORTAL_SCREENS, type PortalScreen } from '../../shared/portal-links'

/** What the portal page knows before any request: from its address and the practice block the server put in the page. */
export type Boot = {
  practice: { slug: string; name: string; accent?: string; locales: Locale[] }
  /** `panel` (opened from the launcher), `inline` (in the practice's page), or `page` (opened on its own). */
  mode: 'panel' | 'inline' | 'page'
  /** The host page's origin, the only target of our postMessages; null when not framed. */
  parentOrigin: string | null
  /** The locale the practice asked for with data-locale, if any. */
  locale?: Locale
  accent?: string
  /** A link from an email or notification: the screen to open after sign-in (`?show=...&id=...`). */
  initial?: Initial
}

export type Initial = { show: PortalScreen; id: string }

const isAccent = (value: unknown): value is string => typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value)

function originOf(value: string | null): string | null {
  if (!value) return null
  try {
    const url = new URL(value)
    return /^https?:$/.test(url.protocol) && url.origin === value ? url.origin : null
  } catch {
    return null
  }
}

export function readBoot(location: Location, doc: Document, framed: boolean): Boot {
  const params = new URLSearchParams(location.search)
  let practice: Boot['practice'] = {
    slug: location.pathname.split('/').filter(Boolean).pop() ?? '',
    name: '',
    locales: ['en'],
  }
  try {
    const block = doc.getElementById('hearth-practice')?.textContent
    if (block) practice = { ...practice, ...JSON.parse(block) }
  } catch {
    // A missing block only costs the practice name until /config answers.
  }
  const requested = params.get('mode')
  const mode: Boot['mode'] = !framed ? 'page' : requested === 'inline' ? 'inline' : 'panel'
  const locale = params.get('locale')
  const accent = params.get('accent') ?? practice.accent
  const show = params.get('show') as Initial['show'] | null
  const id = params.get('id') ?? ''
  const initial = show && PORTAL_SCREENS.includes(show) && /^[\w-]{1,64}$/.test(id || 'x') ? { show, id } : undefined
  return {
    practice,
    mode,
    parentOrigin: framed ? originOf(params.get('parent')) : null,
    ...(isLocale(locale) && { locale }),
    ...(isAccent(accent) && { accent }),
    ...(initial && { initial }),
  }
}
