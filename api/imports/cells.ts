import { DATE_RANGE_MESSAGE, isWithinDateRange } from '../../shared/time/bounds'
import type { DateOrder } from '../../shared/schemas/imports'
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
const TIME = String.raw`[ T,]+(\d{1,2}):(\d{2})(?::\d{2})?\s*([ap]\.?m\.?)?`
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})${TIME}$`, 'i')
/** 3/10/2026, 10.03.2026 or 10-03-2026: the year last, the way a spreadsheet set to a country's dates writes it. */
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})${TIME}$`, 'i')

const WRITE_IT = 'Write the date and time as year-month-day and hour:minute, such as 2026-03-10 14:00.'

/**
 * A date and time as spreadsheets write it. With an offset (`2026-03-10T14:00:00-05:00`) it is
 * that instant; without one (`2026-03-10 14:00`, `2026/03/10 2:00 PM`, and with the year last in
 * `order`: `3/10/2026 2:00 PM` in the US, `10/03/2026 14:00` or `10.03.2026 14:00` elsewhere) it is
 * the wall-clock time in `timeZone`. A day that is not in the calendar is refused; a local time
 * that falls in the spring-forward gap does not exist and is refused rather than guessed; one that
 * happens twice in the autumn is the first.
 */
export function dateTime(cell: string, timeZone: string, order: DateOrder = null): Cell<Date> {
  const text = cell.trim()
  if (WITH_OFFSET.test(text)) {
    const instant = new Date(text)
    return isWithinDateRange(instant) ? ok(instant) : no(DATE_RANGE_MESSAGE)
  }
  let parts: { year: string; month: string; day: string; hour: string; minute: string; meridiem?: string | undefined }
  const yearFirst = YEAR_FIRST.exec(text)
  const yearLast = yearFirst ? null : YEAR_LAST.exec(text)
  if (yearFirst) {
    const [, year, month, day, hour, minute, meridiem] = yearFirst
    parts = { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, meridiem }
  } else if (yearLast && order) {
    const [, first, , second, year, hour, minute, meridiem] = yearLast
    const [month, day] = order === 'month_first' ? [first!, second!] : [second!, first!]
    parts = { year: year!, month, day, hour: hour!, minute: minute!, meridiem }
  } else {
    return no(WRITE_IT)
  }
  let hour = Number(parts.hour)
  if (parts.meridiem) {
    if (hour < 1 || hour > 12) return no('With am or pm, the hour is between 1 and 12.')
    hour = (hour % 12) + (/^p/i.test(parts.meridiem) ? 12 : 0)
  }
  const [year, month, day] = [Number(parts.year), Number(parts.month), Number(parts.day)]
  const calendar = new Date(Date.UTC(year, month - 1, day))
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day || hour > 23 || Number(parts.minute) > 59) {
    return no(
      yearLast
        ? `This date or time does not exist. Check the day, month and hour: dates with the year last are read ${order === 'month_first' ? 'month/day/year' : 'day/month/year'} here.`
        : 'This date or time does not exist. Check the day, month and hour.',
    )
  }
  const date = `${parts.year}-${parts.month.padStart(2, '0')}-${parts.day.padStart(2, '0')}`
  const time = `${String(hour).padStart(2, '0')}:${parts.minute}`
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
