import { DATE_RANGE_MESSAGE, isWithinDateRange } from '../../shared/time/bounds'
import { instantAt, localTime } from '../../shared/time/zone'

/**
 * What a spreadsheet cell means. Each reader returns the value, or the plain reason it cannot be
 * read (shown to the person beside the row and column).
 */
export type Cell<T> = { ok: true; value: T } | { ok: false; message: string }

const ok = <T>(value: T): Cell<T> => ({ ok: true, value })
const no = (message: string): Cell<never> => ({ ok: false, message })

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'si', 'sí', 'oui'])
const NO = new Set(['no', 'n', 'false', '0', 'non'])

/** yes/no in the ways people type it; blank means "leave as it is" (undefined). */
export function yesNo(cell: string): Cell<boolean | undefined> {
  const value = cell.trim().toLowerCase()
  if (!value) return ok(undefined)
  if (YES.has(value)) return ok(true)
  if (NO.has(value)) return ok(false)
  return no('Write yes or no.')
}

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i
const LOCAL = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?$/i

/**
 * A date and time as spreadsheets write it. With an offset (`2026-03-10T14:00:00-05:00`) it is
 * that instant; without one (`2026-03-10 14:00`, `2026/03/10 2:00 PM`) it is the wall-clock time in
 * `timeZone`. A local time that falls in the spring-forward gap does not exist and is refused
 * rather than guessed; one that happens twice in the autumn is the first.
 */
export function dateTime(cell: string, timeZone: string): Cell<Date> {
  const text = cell.trim()
  if (WITH_OFFSET.test(text)) {
    const instant = new Date(text)
    return isWithinDateRange(instant) ? ok(instant) : no(DATE_RANGE_MESSAGE)
  }
  const match = LOCAL.exec(text)
  if (!match) return no('Write the date and time as year-month-day and hour:minute, such as 2026-03-10 14:00.')
  const [, year, month, day, rawHour, minute, , meridiem] = match
  let hour = Number(rawHour)
  if (meridiem) {
    if (hour < 1 || hour > 12) return no('With am or pm, the hour is between 1 and 12.')
    hour = (hour % 12) + (/^p/i.test(meridiem) ? 12 : 0)
  }
  const date = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`
  const time = `${String(hour).padStart(2, '0')}:${minute}`
  let instant: Date
  try {
    instant = instantAt(date, time, timeZone)
  } catch {
    return no('This date or time does not exist. Check the day, month and hour.')
  }
  if (!isWithinDateRange(instant)) return no(DATE_RANGE_MESSAGE)
  if (localTime(instant, timeZone) !== time) {
    return no(
      `${date} ${time} does not exist in ${timeZone}: the clocks move forward an hour that night. Choose a time before or after the change.`,
    )
  }
  return ok(instant)
}
