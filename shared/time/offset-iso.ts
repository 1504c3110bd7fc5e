import { offsetMinutes, toMillis, type InstantInput } from './zone'

/**
 * An instant as ISO 8601 with the zone's own offset at that moment, as a clock there reads it:
 * `2026-03-02T23:30:00-05:00` rather than `2026-03-03T04:30:00.000Z`. The same instant either way,
 * but a person (or a `tel:` list on a phone) reads the local date and time straight off it.
 */
export function isoInZone(instant: InstantInput, timeZone: string): string {
  const ms = toMillis(instant)
  const offset = offsetMinutes(timeZone, ms)
  const local = new Date(ms + offset * 60_000).toISOString().slice(0, 19)
  const sign = offset < 0 ? '-' : '+'
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0')
  return `${local}${sign}${hours}:${minutes}`
}
