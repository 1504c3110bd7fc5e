import {
  type Channel,
  DEFAULT_QUIET_HOURS,
  minutesOfDay,
  type QuietHours,
  type ReminderSchedule,
} from '../schemas/policies'
import { addDays } from '../time/calendar'
import { isOpen } from '../policy/sessions'
import { instantAt, instantAtAfter, toMillis, wallClock, type InstantInput } from '../time/zone'

/**
 * The reminder plan for one appointment: which messages go out, on which channels, and when.
 * The API recomputes it whenever an appointment is created or changed and writes it to the outbox.
 *
 * The rules, all in the client's own time zone, with the practice's steps (`reminderSteps`):
 * - Confirmation request: `hours_before_free_until` before the free-cancellation deadline (with a
 *   48 h policy and the default 24 h, that is 72 h before the session). Not for confirmed sessions.
 * - Morning-of reminder: at `morning_of.at` on the session's local date; none if that is not
 *   before the start.
 * - Reminders before: each `reminders[].hours_before` hours before the start.
 * - On booking (`on_booking`): a short note that the session is booked, when the caller says the
 *   session was just created or came in and the client may be told. Now, or after quiet hours.
 * - Quiet hours are the practice's `quiet_hours` (21:00–08:00 when not set; a window may span
 *   midnight). A confirmation request that falls in them moves earlier, to half an hour before they
 *   begin (20:30 by default, a margin for a busy dispatcher), so it still arrives before the
 *   deadline. A morning-of reminder never leaves the session's day: inside the quiet hours' early
 *   part it moves to their end, inside the late part to half an hour before they begin, and is
 *   dropped if that is not before the start. A reminder before the session moves later, to the
 *   end of the quiet hours, when that is still before the start, else earlier like a confirmation.
 * - A send whose time has already passed (booked or moved late) goes out now if the session is
 *   still more than 12 h away, otherwise it is dropped. If now is inside quiet hours it waits for
 *   their end, provided the session is then still more than 12 h away (and, for the morning-of,
 *   it is still the session's day); otherwise it is dropped.
 * - Two reminders that land at the same instant go out once (the earlier step in the list wins).
 * - Nothing for sessions that are cancelled, late-cancelled, missed, attended or already started.
 * - Every enabled channel the client consented to and that is neither failing nor opted out.
 */

export type ReminderKind = 'confirmation' | 'morning_of' | 'reminder' | 'booked'

export interface PlannedReminder {
  kind: ReminderKind
  channel: Channel
  /** ISO 8601 in UTC. */
  send_at: string
  /**
   * `reminder/{appointment_id}/{step}/{channel}/{version}`: a retry reuses it, a move makes a new
   * one. The step is the kind, or `before_{minutes}m` for a reminder before the session.
   */
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
  /** The session was just created or came in, and the client may hear of it (for `on_booking`). */
  justBooked?: boolean
  now: InstantInput
}

export const QUIET_HOURS = DEFAULT_QUIET_HOURS
/** Where a send that would fall in the default quiet hours moves to on the evening before. */
export const EVENING_SEND_TIME = '20:30'
/** How long before quiet hours begin a send moved out of them goes. */
const QUIET_MARGIN_MINUTES = 30
/** A send that is already late still goes out if the session is more than this far away. */
export const LATE_SEND_MIN_LEAD_HOURS = 12

const NO_REMINDERS = new Set(['cancelled', 'late_cancelled', 'no_show', 'attended'])
const HOUR = 3_600_000
const MINUTE = 60_000

/** One step of the practice's schedule, in the order the schedule lists them. */
export type ReminderStepPlan =
  | { kind: 'confirmation'; hours_before_free_until: number }
  | { kind: 'morning_of'; at: string }
  | { kind: 'reminder'; hours_before: number }

/** The steps a schedule sets, the two fixed ones first; a schedule without `reminders` has none more. */
export function reminderSteps(schedule: ReminderSchedule): ReminderStepPlan[] {
  return [
    ...(schedule.confirmation.enabled
      ? [{ kind: 'confirmation' as const, hours_before_free_until: schedule.confirmation.hours_before_free_until }]
      : []),
    ...(schedule.morning_of.enabled ? [{ kind: 'morning_of' as const, at: schedule.morning_of.at }] : []),
    ...(schedule.reminders ?? []).map((r) => ({ kind: 'reminder' as const, hours_before: r.hours_before })),
  ]
}

/** The quiet hours a schedule sets, or the default 21:00–08:00. */
export function quietHoursOf(schedule: Pick<ReminderSchedule, 'quiet_hours'>): QuietHours {
  return schedule.quiet_hours ?? DEFAULT_QUIET_HOURS
}

function stepName(step: { kind: ReminderKind; hours_before?: number }): string {
  return step.kind === 'reminder' ? `before_${Math.round((step.hours_before ?? 0) * 60)}m` : step.kind
}

export function reminderKey(appointmentId: string, step: string, channel: Channel, version: number): string {
  return `reminder/${appointmentId}/${step}/${channel}/${version}`
}

/** The step a reminder's key names (`confirmation`, `before_120m`, ...). */
export function reminderStepOf(idempotencyKey: string): string {
  return idempotencyKey.split('/')[2] ?? ''
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

/** Whether a time of day (minutes since midnight) falls in quiet hours, which may span midnight. */
function inQuiet(minutes: number, quiet: QuietHours): boolean {
  const from = minutesOfDay(quiet.start)
  const until = minutesOfDay(quiet.end)
  return from > until ? minutes >= from || minutes < until : minutes >= from && minutes < until
}

/** Whether an instant falls in the client's quiet hours (21:00 to 08:00 on their clock unless set). */
export function isQuietHour(instant: InstantInput, timeZone: string, quiet: QuietHours = DEFAULT_QUIET_HOURS): boolean {
  const { hour, minute } = wallClock(instant, timeZone)
  return inQuiet(hour * 60 + minute, quiet)
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

  const quiet = quietHoursOf(schedule)
  const quietFrom = minutesOfDay(quiet.start)
  const quietUntil = minutesOfDay(quiet.end)
  const spansMidnight = quietFrom > quietUntil
  const isQuiet = (ms: number) => isQuietHour(ms, zone, quiet)
  const sessionDate = wallClock(start, zone).date
  const minutesOf = (ms: number) => {
    const { hour, minute } = wallClock(ms, zone)
    return hour * 60 + minute
  }
  /**
   * Half an hour before quiet hours begin on `date` (which may fall on the day before), counted back
   * from the instant they begin: on a spring-forward night the clock may never show the wall time
   * half an hour earlier, and the moment of the change stands in for it inside quiet hours.
   */
  const beforeQuietOn = (date: string) => instantAt(date, quiet.start, zone).getTime() - QUIET_MARGIN_MINUTES * MINUTE
  /** The date the quiet period holding `ms` began on. */
  const quietBegan = (ms: number) => {
    const { date } = wallClock(ms, zone)
    return spansMidnight && minutesOf(ms) < quietUntil ? addDays(date, -1) : date
  }
  /** Before the quiet period holding `ms` (for an instant inside quiet hours). */
  const eveningBefore = (ms: number) => beforeQuietOn(quietBegan(ms))
  /** The end of the quiet period holding `ms` (for an instant inside quiet hours), always after it. */
  const nextMorning = (ms: number) => {
    const date = quietBegan(ms)
    return instantAtAfter(spansMidnight ? addDays(date, 1) : date, quiet.end, zone, ms).getTime()
  }
  const farEnough = (ms: number) => start - ms > LATE_SEND_MIN_LEAD_HOURS * HOUR

  /**
   * A send that missed its time: now, or the end of quiet hours, or not at all. A late morning-of
   * stays on the session's day by construction: "now" is already that day, and a later end of
   * quiet hours is never 12 h before a session that starts on this one.
   */
  const lateSend = (): number | null => {
    const at = isQuiet(now) ? nextMorning(now) : now
    return farEnough(at) ? at : null
  }

  const sends: [ReminderKind, string, number][] = []
  const add = (kind: ReminderKind, step: string, at: number) => {
    // Two reminders at one instant would say the same thing twice; a confirmation request asks more.
    const clash = sends.some(([k, , when]) => when === at && k !== 'confirmation' && kind !== 'confirmation')
    if (!clash) sends.push([kind, step, at])
  }

  if (input.justBooked && schedule.on_booking) {
    const at = isQuiet(now) ? nextMorning(now) : now
    if (at < start) sends.push(['booked', 'booked', at])
  }

  for (const step of reminderSteps(schedule)) {
    if (step.kind === 'confirmation') {
      if (appointment.status === 'confirmed') continue
      const target = toMillis(input.freeUntil) - step.hours_before_free_until * HOUR
      const at = isQuiet(target) ? eveningBefore(target) : target
      const when = at >= now ? at : lateSend()
      if (when !== null && when < start) add('confirmation', 'confirmation', when)
    } else if (step.kind === 'morning_of') {
      const target = instantAt(sessionDate, step.at, zone).getTime()
      const minutes = minutesOf(target)
      const early = spansMidnight ? minutes < quietUntil : true
      const at = !isQuiet(target) ? target : early ? nextMorning(target) : beforeQuietOn(sessionDate)
      if (at < start) {
        const when = at >= now ? at : lateSend()
        if (when !== null) add('morning_of', 'morning_of', when)
      }
    } else {
      const target = start - step.hours_before * HOUR
      const after = isQuiet(target) ? nextMorning(target) : target
      const at = after < start ? after : eveningBefore(target)
      const when = at >= now ? at : lateSend()
      if (when !== null && when < start) add('reminder', stepName(step), when)
    }
  }

  return sends
    .sort((a, b) => a[2] - b[2])
    .flatMap(([kind, step, at]) =>
      channels.map((channel) => ({
        kind,
        channel,
        send_at: new Date(at).toISOString(),
        idempotency_key: reminderKey(appointment.id, step, channel, appointment.version),
      })),
    )
}
