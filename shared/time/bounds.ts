/**
 * The instants and dates Hearth accepts: 1900-01-01 to 2199-12-31 (UTC). Wide enough for any
 * birth date or booking, narrow enough that every runtime and Postgres read them the same way
 * (JavaScript's date parser reads years 0–99 as 1900–1999; year 10000 has no ISO form).
 */
export const EARLIEST_DATE = '1900-01-01'
export const LATEST_DATE = '2199-12-31'

const EARLIEST_MS = Date.UTC(1900, 0, 1)
const AFTER_LATEST_MS = Date.UTC(2200, 0, 1)

export const DATE_RANGE_MESSAGE = `Use a date between ${EARLIEST_DATE} and ${LATEST_DATE}.`

export function isWithinDateRange(instant: Date | number): boolean {
  const ms = instant instanceof Date ? instant.getTime() : instant
  return Number.isFinite(ms) && ms >= EARLIEST_MS && ms < AFTER_LATEST_MS
}

/** Epoch milliseconds of a UTC calendar date and time, with no two-digit-year rewriting. */
export function utcMillis(year: number, month: number, day: number, hour = 0, minute = 0): number {
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  date.setUTCHours(hour, minute, 0, 0)
  return date.getTime()
}
