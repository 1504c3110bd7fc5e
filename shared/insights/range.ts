import { isLocalDate } from '../schemas/practice-tools'
import { instantAt } from '../time/zone'

/** The period an insights request covers: `[from, to)`, checked before anything is counted. Pure. */

export const DEFAULT_RANGE_DAYS = 90
/** Two years, with room for a leap day. */
export const MAX_RANGE_DAYS = 731

const DAY = 86_400_000

export type InsightRange = { ok: true; from: Date; to: Date } | { ok: false; field: 'from' | 'to'; message: string }

/** A date is the start of that day on the practice's clock; a time with an offset is taken as it is. */
function bound(value: string, timeZone: string): Date {
  return isLocalDate(value) ? instantAt(value, '00:00', timeZone) : new Date(value)
}

export function insightRange(
  query: { from?: string | undefined; to?: string | undefined },
  timeZone: string,
  now: Date,
): InsightRange {
  const to = query.to ? bound(query.to, timeZone) : now
  const from = query.from ? bound(query.from, timeZone) : new Date(to.getTime() - DEFAULT_RANGE_DAYS * DAY)
  if (from.getTime() >= to.getTime()) {
    return { ok: false, field: query.from ? 'from' : 'to', message: 'The start of the range must be before its end.' }
  }
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY) {
    return { ok: false, field: 'to', message: 'Choose a range of at most two years.' }
  }
  return { ok: true, from, to }
}
