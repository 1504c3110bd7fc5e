import type { Locale } from '../schemas/policies'
import { t } from '../i18n/dates'
import { toMillis, wallClock, wallMillis, type InstantInput } from './zone'

/**
 * How an instant reads for a person in their zone and language. Every style that shows a time
 * carries the zone's short name, so nobody has to guess whose clock it is:
 * - `long`    "Tuesday 14 January at 3:00 pm EST" · "martes 14 de enero a las 15:00 EST" · "mardi 14 janvier à 15 h EST"
 * - `medium`  "Tue 14 Jan at 3:00 pm EST"
 * - `short`   "Tue 14 Jan, 3:00 pm EST"
 * - `day`     "Tuesday 14 January" (no time, so no zone)
 * - `weekday` "Thursday at 3:00 pm EST" (only for times within the coming week)
 * - `at`      "at 3:00 pm EST"
 * - `time`    "3:00 pm EST" · "15:00 EST" · "15 h EST"
 * Weekday and month names come from Intl in the locale; the word order from `shared/i18n`.
 */
export type InstantStyle = 'long' | 'medium' | 'short' | 'day' | 'weekday' | 'at' | 'time'

export function formatInstant(
  instant: InstantInput,
  timeZone: string,
  locale: Locale,
  style: InstantStyle = 'long',
): string {
  // Sessions start on the hour: a reminder run formats the same few instants thousands of times.
  const key = `${toMillis(instant)}|${timeZone}|${locale}|${style}`
  let text = formatted.get(key)
  if (text === undefined) {
    if (formatted.size >= FORMATTED_MAX) formatted.clear()
    text = formatUncached(instant, timeZone, locale, style)
    formatted.set(key, text)
  }
  return text
}

const FORMATTED_MAX = 10_000
const formatted = new Map<string, string>()

function formatUncached(instant: InstantInput, timeZone: string, locale: Locale, style: InstantStyle): string {
  const clock = wallClock(instant, timeZone)
  const time = `${timeOfDay(clock.hour, clock.minute, locale)} ${zoneAbbreviation(instant, timeZone, locale)}`
  const at = t(locale, 'date.at', { time, count: clock.hour })
  if (style === 'time') return time
  if (style === 'at') return at

  // Names are read from noon UTC on the local date, so the zone cannot shift them to another day.
  const noon = new Date(wallMillis(clock.date, '12:00'))
  const parts = {
    weekday: names(locale, { weekday: 'long' }).format(noon),
    weekdayShort: names(locale, { weekday: 'short' }).format(noon),
    month: names(locale, { month: 'long' }).format(noon),
    monthShort: names(locale, { month: 'short' }).format(noon),
    day: t(locale, 'date.dayOfMonth', { count: clock.day }),
    time,
    at,
  }
  return t(locale, `date.${style}`, parts)
}

/** "3:00 pm" in English; 24-hour "15:00" in Spanish; "15 h" or "15 h 30" in French. */
function timeOfDay(hour: number, minute: number, locale: Locale): string {
  const mm = String(minute).padStart(2, '0')
  if (locale === 'en') return `${hour % 12 || 12}:${mm} ${hour < 12 ? 'am' : 'pm'}`
  if (locale === 'fr') return minute === 0 ? `${hour} h` : `${hour} h ${mm}`
  return `${hour}:${mm}`
}

const nameFormats = new Map<string, Intl.DateTimeFormat>()
function names(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let format = nameFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' })
    nameFormats.set(key, format)
  }
  return format
}

/**
 * The zone as people read it beside a time: "EST", "CDT", "CET". Spanish and French Intl data name
 * few zones ("GMT-6", "UTC−6" for Chicago), so the locale's name is used only when it is a name;
 * otherwise the US or British English one, and the offset form only where no zone has a name.
 */
export function zoneAbbreviation(instant: InstantInput, timeZone: string, locale: Locale): string {
  const at = toMillis(instant)
  const own = shortZoneName(at, timeZone, locale === 'en' ? 'en-US' : locale)
  if (!isOffsetForm(own)) return own
  for (const region of ['en-US', 'en-GB']) {
    const named = shortZoneName(at, timeZone, region)
    if (!isOffsetForm(named)) return named
  }
  return own
}

const isOffsetForm = (name: string) => /^(GMT|UTC)[+−-]/.test(name)

/**
 * A zone as a person reads it in a sentence: "Eastern Time (New York)", "hora oriental (New
 * York)"; with `at`, the short name then too: "Eastern Time (New York, EST)". A zone Intl names
 * only by its offset (UTC) is called by its own name.
 */
export function zoneName(timeZone: string, locale: Locale, at?: InstantInput): string {
  const region = locale === 'en' ? 'en-US' : locale
  const place = timeZone.split('/').at(-1)!.replace(/_/g, ' ')
  const short = at === undefined ? null : zoneAbbreviation(at, timeZone, locale)
  const generic = zoneNamePart(0, timeZone, region, 'longGeneric')
  if (isOffsetForm(generic)) return short && short !== place ? `${place} (${short})` : place
  return `${generic} (${short ? `${place}, ${short}` : place})`
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>()
function zoneNamePart(at: number, timeZone: string, region: string, style: 'short' | 'longGeneric'): string {
  const key = `${region}|${timeZone}|${style}`
  let format = zoneFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(region, { timeZone, timeZoneName: style })
    zoneFormats.set(key, format)
  }
  return format.formatToParts(new Date(at)).find((p) => p.type === 'timeZoneName')?.value ?? timeZone
}

const shortZoneName = (at: number, timeZone: string, region: string) => zoneNamePart(at, timeZone, region, 'short')
