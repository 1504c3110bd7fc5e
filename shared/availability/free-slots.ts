import type { Availability, SessionMode, Slot } from '../schemas/availability'
import { SESSION_MODES } from '../schemas/availability'
import { addDays } from '../time/calendar'
import { instantAt, localDate, toMillis, wallMillis, type InstantInput, type LocalDate } from '../time/zone'

/**
 * The free start times of a therapist, as a pure function: their hours (in their own zone) minus
 * what is busy, after the minimum notice and within the horizon. The server offers and re-checks
 * with it; nothing here reads a clock or a database.
 */

export type BusyInterval = { starts_at: InstantInput; ends_at: InstantInput }

export type FreeSlotsInput = {
  availability: Availability
  /** Other sessions and held requests; each is kept clear by `buffer_minutes` on both sides. */
  busy: BusyInterval[]
  now: InstantInput
  length_minutes: number
  /** Start times step this far from the start of each stretch of hours (wall clock). */
  step_minutes?: number
  /** Only starts in [from, to); the horizon and notice still apply. */
  from?: InstantInput
  to?: InstantInput
  /** Only times offering this way of meeting. */
  mode?: SessionMode
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
export const DEFAULT_STEP_MINUTES = 30

/** A stretch of bookable hours on one local date, as instants. */
export type OpenWindow = {
  date: LocalDate
  start: number
  end: number
  modes: SessionMode[]
}

/** ISO weekday (Monday 1 … Sunday 7) of a local date. */
export function isoWeekday(date: LocalDate): number {
  return ((new Date(wallMillis(date)).getUTCDay() + 6) % 7) + 1
}

/**
 * The hours open on one local date: that date's exceptions when it has any (none with times: away
 * all day), otherwise the weekly hours of its weekday. An exception's hours offer the modes that
 * weekday's hours offer (both when the weekday has none).
 */
export function openWindows(availability: Availability, date: LocalDate): OpenWindow[] {
  const zone = availability.time_zone
  const weekly = availability.weekly.filter((hours) => hours.weekday === isoWeekday(date))
  const exceptions = availability.exceptions.filter((exception) => exception.date === date)
  const window = (day: LocalDate, start: string, end: string, modes: SessionMode[]): OpenWindow => ({
    date: day,
    start: instantAt(day, start, zone).getTime(),
    end: instantAt(day, end, zone).getTime(),
    modes,
  })
  if (exceptions.length) {
    const modes = weekly.length ? unionModes(weekly.map((hours) => hours.modes ?? SESSION_MODES)) : [...SESSION_MODES]
    return exceptions
      .filter((exception) => exception.start && exception.end)
      .map((exception) => window(date, exception.start!, exception.end!, modes))
  }
  return weekly.map((hours) => window(date, hours.start, hours.end, [...(hours.modes ?? SESSION_MODES)]))
}

function unionModes(lists: readonly (readonly SessionMode[])[]): SessionMode[] {
  return SESSION_MODES.filter((mode) => lists.some((list) => list.includes(mode)))
}

/**
 * Free slots, in order of their start, each once. A slot lies wholly inside one stretch of hours
 * (each day's hours begin where that day's wall clock shows their start, so 09:00 stays 09:00
 * across a DST change), clear of every busy interval widened by the buffer, starting no sooner
 * than the minimum notice and before the horizon. Starts step in elapsed time from the stretch's
 * start, so on a changeover night a slot is as long as it says and hours the clock skips are
 * never offered, while the hour it shows twice is worked, and offered, twice.
 */
export function freeSlots(input: FreeSlotsInput): Slot[] {
  const { availability } = input
  const length = input.length_minutes * MINUTE
  const step = (input.step_minutes ?? DEFAULT_STEP_MINUTES) * MINUTE
  if (!(length > 0) || !(step > 0)) return []
  const now = toMillis(input.now)
  const earliest = Math.max(now + availability.min_notice_hours * HOUR, input.from ? toMillis(input.from) : -Infinity)
  const latest = Math.min(now + availability.horizon_days * DAY, input.to ? toMillis(input.to) : Infinity)
  if (earliest >= latest) return []
  const buffer = availability.buffer_minutes * MINUTE
  const busy = input.busy
    .map((b) => [toMillis(b.starts_at) - buffer, toMillis(b.ends_at) + buffer] as const)
    .sort((a, b) => a[0] - b[0])
  const isFree = (start: number, end: number) => !busy.some(([s, e]) => s < end && start < e)

  const found = new Map<number, Set<SessionMode>>()
  const zone = availability.time_zone
  // One day either side: a stretch of hours on a neighbouring local date can reach into the range.
  const last = localDate(latest, zone)
  for (let date = addDays(localDate(earliest, zone), -1); date <= addDays(last, 1); date = addDays(date, 1)) {
    for (const window of openWindows(availability, date)) {
      const modes = input.mode ? window.modes.filter((m) => m === input.mode) : window.modes
      if (!modes.length) continue
      for (let start = window.start; start + length <= window.end; start += step) {
        const end = start + length
        if (start < earliest || start >= latest || !isFree(start, end)) continue
        const seen = found.get(start) ?? new Set<SessionMode>()
        for (const mode of modes) seen.add(mode)
        found.set(start, seen)
      }
    }
  }
  return [...found.entries()]
    .sort(([a], [b]) => a - b)
    .map(([start, modes]) => ({
      starts_at: new Date(start).toISOString(),
      ends_at: new Date(start + length).toISOString(),
      modes: SESSION_MODES.filter((mode) => modes.has(mode)),
    }))
}
