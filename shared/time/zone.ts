import { tzOffset } from '@date-fns/tz'
import { utcMillis } from './bounds'

/**
 * Wall-clock time in an IANA zone. The offsets come from the runtime's time-zone data through
 * `tzOffset` (@date-fns/tz); this file only decides what a local time means around DST changes.
 */

/** An instant as a Date, an ISO 8601 string with offset, or epoch milliseconds. */
export type InstantInput = Date | string | number

/** A calendar date as `YYYY-MM-DD`. */
export type LocalDate = string
/** A wall-clock time as 24-hour `HH:MM`. */
export type LocalTime = string

export interface WallClock {
  date: LocalDate
  time: LocalTime
  year: number
  month: number
  day: number
  hour: number
  minute: number
  /** 0 = Sunday … 6 = Saturday, as in `Date#getDay`. */
  weekday: number
}

const MINUTE = 60_000
const DAY = 86_400_000

export function toMillis(instant: InstantInput): number {
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant)
  if (!Number.isFinite(ms)) throw new RangeError(`Not a valid instant: ${String(instant)}`)
  return ms
}

/** The zone's offset from UTC in minutes at an instant (New York in winter: -300). */
export function offsetMinutes(timeZone: string, instant: InstantInput): number {
  const ms = toMillis(instant)
  // Sessions start on the hour: a day list or a run of quotes asks for the same few instants again and again.
  const key = `${timeZone}|${ms}`
  let offset = offsets.get(key)
  if (offset === undefined) {
    offset = tzOffset(timeZone, new Date(ms))
    if (!Number.isFinite(offset)) throw new RangeError(`Unknown time zone: ${timeZone}`)
    if (offsets.size >= OFFSETS_MAX) offsets.clear()
    offsets.set(key, offset)
  }
  return offset
}

const OFFSETS_MAX = 10_000
const offsets = new Map<string, number>()

/** What a clock on the wall in `timeZone` shows at `instant`. */
export function wallClock(instant: InstantInput, timeZone: string): WallClock {
  const ms = toMillis(instant)
  const local = new Date(ms + offsetMinutes(timeZone, ms) * MINUTE)
  const iso = local.toISOString()
  return {
    date: iso.slice(0, 10),
    time: iso.slice(11, 16),
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    weekday: local.getUTCDay(),
  }
}

/** The local calendar date (`YYYY-MM-DD`) of an instant in a zone. */
export function localDate(instant: InstantInput, timeZone: string): LocalDate {
  return wallClock(instant, timeZone).date
}

/** The local wall-clock time (`HH:MM`) of an instant in a zone. */
export function localTime(instant: InstantInput, timeZone: string): LocalTime {
  return wallClock(instant, timeZone).time
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/

/** Epoch milliseconds of a local date and time read as if it were UTC; the basis of the zone maths. */
export function wallMillis(date: LocalDate, time: LocalTime = '00:00'): number {
  const d = DATE_RE.exec(date)
  const t = TIME_RE.exec(time)
  if (!d || !t) throw new RangeError(`Not a local date and time: ${date} ${time}`)
  const ms = utcMillis(Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2]))
  if (new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`No such date: ${date}`)
  return ms
}

/**
 * The instant a clock in `timeZone` shows `date` at `time`.
 *
 * Around a DST change a wall-clock time can happen twice or not at all. Defined here as:
 * - ambiguous (the autumn overlap): the earlier instant, i.e. the first time the clock shows it;
 * - nonexistent (the spring-forward gap): the instant just after the gap, i.e. the moment of the
 *   change itself (02:30 on the New York spring-forward day gives 03:00 EDT).
 *
 * `new TZDate(y, m, d, h, min, zone)` is not used here because it resolves overlaps differently
 * depending on the machine's own zone, and moves gap times forward by the gap's length.
 */
export function instantAt(date: LocalDate, time: LocalTime, timeZone: string): Date {
  return new Date(showings(date, time, timeZone)[0])
}

/**
 * Like `instantAt`, but the first showing later than `after`: in the autumn overlap, once the clock
 * has shown the time on the old offset, the second showing on the new one (an end of quiet hours
 * read while the hour repeats). The first showing when none is later.
 */
export function instantAtAfter(date: LocalDate, time: LocalTime, timeZone: string, after: number): Date {
  const all = showings(date, time, timeZone)
  return new Date(all.find((ms) => ms > after) ?? all[0])
}

/** The instants a clock shows `date` at `time`, earliest first; in a gap, the moment of the change. */
function showings(date: LocalDate, time: LocalTime, timeZone: string): [number, ...number[]] {
  const wall = wallMillis(date, time)
  // One day either side brackets any single DST change near this wall time.
  const before = offsetMinutes(timeZone, wall - DAY)
  const after = offsetMinutes(timeZone, wall + DAY)

  const [first, ...rest] = [...new Set([before, after])]
    .map((offset) => wall - offset * MINUTE)
    .filter((candidate) => offsetMinutes(timeZone, candidate) * MINUTE === wall - candidate)
    .sort((a, b) => a - b)
  if (first !== undefined) return [first, ...rest]

  // In a gap: the change happened between these two readings. Find its exact minute.
  let lo = wall - Math.max(before, after) * MINUTE // still on the old offset
  let hi = wall - Math.min(before, after) * MINUTE // already on the new one
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE
    if (offsetMinutes(timeZone, mid) === offsetMinutes(timeZone, lo)) lo = mid
    else hi = mid
  }
  return [hi]
}
