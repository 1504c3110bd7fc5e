import { wallMillis, type LocalDate } from './zone'

/** Calendar arithmetic on local dates (`YYYY-MM-DD`); no zone is involved once the date is known. */

const DAY = 86_400_000

/** `date` moved by `days` calendar days. */
export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(wallMillis(date) + days * DAY).toISOString().slice(0, 10)
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: LocalDate): number {
  return new Date(wallMillis(date)).getUTCDay()
}

export function isBusinessDay(date: LocalDate): boolean {
  const weekday = weekdayOf(date)
  return weekday !== 0 && weekday !== 6
}

/**
 * `date` moved by `days` whole business days (Monday to Friday; public holidays are not known here).
 * Only the days stepped onto count, so Friday + 1 is Monday and Saturday + 1 is also Monday;
 * `days = 0` returns `date` unchanged; negative `days` go back.
 */
export function addBusinessDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isInteger(days)) throw new RangeError(`Whole business days only: ${days}`)
  const step = days < 0 ? -1 : 1
  let current = date
  for (let remaining = Math.abs(days); remaining > 0; ) {
    current = addDays(current, step)
    if (isBusinessDay(current)) remaining -= 1
  }
  return current
}
