import { isQuietHour, QUIET_HOURS } from '../reminders/plan'
import { addDays } from '../time/calendar'
import { instantAt, toMillis, wallClock, type InstantInput } from '../time/zone'

/**
 * When a note to a client may go: now, unless it is night on their clock (the reminders' quiet
 * hours, 21:00–08:00), in which case the next 08:00 there. Nobody's phone buzzes at 2 am.
 */
export function noticeSendTime(now: InstantInput, timeZone: string): Date {
  const at = toMillis(now)
  if (!isQuietHour(at, timeZone)) return new Date(at)
  const { date, hour } = wallClock(at, timeZone)
  return instantAt(hour < 12 ? date : addDays(date, 1), QUIET_HOURS.end, timeZone)
}
