import type { Channel, ReminderSchedule } from '../schemas/policies'
import { addDays } from '../time/calendar'
import { isOpen } from '../policy/sessions'
import { instantAt, toMillis, wallClock, type InstantInput } from '../time/zone'

/**
 * The reminder plan for one appointment: which messages go out, on which channels, and when.
 * The API recomputes it whenever an appointment is created or changed and writes it to the outbox.
 *
 * The rules, all in the client's own time zone:
 * - Confirmation request: `hours_before_free_until` before the free-cancellation deadline (with a
 *   48 h policy and the default 24 h, that is 72 h before the session). Not for confirmed sessions.
 * - Morning-of reminder: at `morning_of.at` on the session's local date; none if that is not
 *   before the start.
 * - Quiet hours are 21:00–08:00. A confirmation request that falls in them moves earlier, to 20:30
 *   the evening before the quiet period (half an hour's margin for a busy dispatcher), so it still
 *   arrives before the deadline. A morning-of reminder never leaves the session's day: before 08:00
 *   it moves to 08:00, after 21:00 to 20:30, and is dropped if that is not before the start.
 * - A send whose time has already passed (booked or moved late) goes out now if the session is
 *   still more than 12 h away, otherwise it is dropped. If now is inside quiet hours it waits for
 *   the next 08:00, provided the session is then still more than 12 h away (and, for the
 *   morning-of, it is still the session's day); otherwise it is dropped.
 * - Nothing for sessions that are cancelled, late-cancelled, missed, attended or already started.
 * - Every enabled channel the client consented to and that is neither failing nor opted out.
 */

export type ReminderKind = 'confirmation' | 'morning_of'

export interface PlannedReminder {
  kind: ReminderKind
  channel: Channel
  /** ISO 8601 in UTC. */
  send_at: string
  /** `reminder/{appointment_id}/{kind}/{channel}/{version}`: a retry reuses it, a move makes a new one. */
  idempotency_key: string
}

export interface ReminderPlanInput {
  appointment: { id: string; starts_at: InstantInput; status: string; version: number }
  /** The free-cancellation deadline from `cancellationQuote`. */
  freeUntil: InstantInput
  schedule: ReminderSchedule
  client: {
    time_zone: string
    consents: Partial<Record<Channel, boolean>>
    failing?: readonly Channel[]
    opted_out?: readonly Channel[]
  }
  now: InstantInput
}

export const QUIET_HOURS = { start: '21:00', end: '08:00' } as const
/** Where a send that would fall in quiet hours moves to on the evening before. */
export const EVENING_SEND_TIME = '20:30'
/** A send that is already late still goes out if the session is more than this far away. */
export const LATE_SEND_MIN_LEAD_HOURS = 12

const NO_REMINDERS = new Set(['cancelled', 'late_cancelled', 'no_show', 'attended'])
const HOUR = 3_600_000
const QUIET_FROM = 21 * 60
const QUIET_UNTIL = 8 * 60

export function reminderKey(appointmentId: string, kind: ReminderKind, channel: Channel, version: number): string {
  return `reminder/${appointmentId}/${kind}/${channel}/${version}`
}

/**
 * Why a planned reminder is no longer wanted for its session as the session is now, or null while
 * it still is: the session is no longer booked (the reason is its status), it moved since (the key
 * carries the version it was planned for), or it was confirmed (for a confirmation request).
 * Re-planning and sending both ask, so a reminder is dropped for the same reasons either way.
 */
export function reminderNotWanted(
  reminder: { kind: ReminderKind | null; idempotency_key: string },
  session: { status: string; version: number },
): string | null {
  if (!isOpen(session.status)) return session.status
  if (!reminder.idempotency_key.endsWith(`/${session.version}`)) return 'moved'
  if (reminder.kind === 'confirmation' && session.status === 'confirmed') return 'confirmed'
  return null
}

/** Whether an instant falls in the client's quiet hours (21:00 to 08:00 on their clock). */
export function isQuietHour(instant: InstantInput, timeZone: string): boolean {
  const { hour, minute } = wallClock(instant, timeZone)
  const minutes = hour * 60 + minute
  return minutes >= QUIET_FROM || minutes < QUIET_UNTIL
}

export function planReminders(input: ReminderPlanInput): PlannedReminder[] {
  const { appointment, schedule, client } = input
  const zone = client.time_zone
  const start = toMillis(appointment.starts_at)
  const now = toMillis(input.now)
  if (NO_REMINDERS.has(appointment.status) || start <= now) return []

  const blocked = new Set([...(client.failing ?? []), ...(client.opted_out ?? [])])
  const channels = [...new Set(schedule.channels)].filter((c) => client.consents[c] && !blocked.has(c))
  if (channels.length === 0) return []

  const sessionDate = wallClock(start, zone).date
  const minutesOf = (ms: number) => {
    const { hour, minute } = wallClock(ms, zone)
    return hour * 60 + minute
  }
  const eveningBefore = (ms: number) => {
    const { date } = wallClock(ms, zone)
    return instantAt(minutesOf(ms) >= QUIET_FROM ? date : addDays(date, -1), EVENING_SEND_TIME, zone).getTime()
  }
  const nextMorning = (ms: number) => {
    const { date } = wallClock(ms, zone)
    return instantAt(minutesOf(ms) < QUIET_UNTIL ? date : addDays(date, 1), QUIET_HOURS.end, zone).getTime()
  }
  const farEnough = (ms: number) => start - ms > LATE_SEND_MIN_LEAD_HOURS * HOUR

  /**
   * A send that missed its time: now, or the next 08:00, or not at all. A late morning-of stays on
   * the session's day by construction: "now" is already that day, and a next-08:00 would be the
   * following day, which is never 12 h before a session that starts on this one.
   */
  const lateSend = (): number | null => {
    const at = isQuietHour(now, zone) ? nextMorning(now) : now
    return farEnough(at) ? at : null
  }

  const sends: [ReminderKind, number][] = []

  if (schedule.confirmation.enabled && appointment.status !== 'confirmed') {
    const target = toMillis(input.freeUntil) - schedule.confirmation.hours_before_free_until * HOUR
    const at = isQuietHour(target, zone) ? eveningBefore(target) : target
    const when = at >= now ? at : lateSend()
    if (when !== null && when < start) sends.push(['confirmation', when])
  }

  if (schedule.morning_of.enabled) {
    const target = instantAt(sessionDate, schedule.morning_of.at, zone).getTime()
    const minutes = minutesOf(target)
    const at =
      minutes < QUIET_UNTIL
        ? instantAt(sessionDate, QUIET_HOURS.end, zone).getTime()
        : minutes >= QUIET_FROM
          ? instantAt(sessionDate, EVENING_SEND_TIME, zone).getTime()
          : target
    if (at < start) {
      const when = at >= now ? at : lateSend()
      if (when !== null) sends.push(['morning_of', when])
    }
  }

  return sends
    .sort((a, b) => a[1] - b[1])
    .flatMap(([kind, at]) =>
      channels.map((channel) => ({
        kind,
        channel,
        send_at: new Date(at).toISOString(),
        idempotency_key: reminderKey(appointment.id, kind, channel, appointment.version),
      })),
    )
}
