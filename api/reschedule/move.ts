import { freeSlots } from '../../shared/availability/free-slots'
import type { Slot } from '../../shared/schemas/availability'
import { appointmentChanged } from '../appointments/changed'
import type { ClientAppointment } from '../appointments/portal-queries'
import { type AppointmentRow, updateAppointment } from '../appointments/queries'
import { audit, type Actor } from '../audit/queries'
import type { Tx } from '../db/connect'
import { isDoubleBooking } from '../db/pg-errors'
import type { Deps } from '../deps'
import { ApiError } from '../http/errors'
import { queueSessionNotice } from '../notices/enqueue'
import { lockTherapistTimes, rescheduleContext } from './queries'
import { hoursOf, sessionMode, slotsForSession } from './slots'

const MINUTE = 60_000
/** How many fresh times a refusal carries, so the picker can offer them at once. */
export const FRESH_SLOTS = 12

export type MoveInput = {
  /** The client's session, locked by the caller. */
  session: ClientAppointment
  startsAt: Date
  actor: Actor
  /** Who asked, for the audit log: the client, or staff approving the client's request. */
  by: 'client' | 'practice'
  /** Inside the window with `as_cancellation`: the late fee the client acknowledged. */
  lateFee?: { cents: number; currency: string } | null
}

/**
 * Whether `startsAt` is one of the session's free times now: `free`, `busy` (it is in the hours,
 * but something is there now) or `not_offered` (outside the hours, notice or horizon).
 */
export async function checkSlot(tx: Tx, session: AppointmentRow, startsAt: Date, now: Date) {
  const context = await rescheduleContext(tx, session.practice_id, session.therapist_id)
  const window = { from: startsAt, to: new Date(startsAt.getTime() + MINUTE) }
  const [free] = await slotsForSession(tx, session, context, { now, ...window })
  if (free && Date.parse(free.starts_at) === startsAt.getTime()) return { state: 'free' as const, context }
  const length = (session.ends_at.getTime() - session.starts_at.getTime()) / MINUTE
  const [offered] = freeSlots({
    availability: hoursOf(context),
    busy: [],
    now,
    length_minutes: length,
    mode: sessionMode(session),
    ...window,
  })
  const inHours = offered && Date.parse(offered.starts_at) === startsAt.getTime()
  return { state: inHours ? ('busy' as const) : ('not_offered' as const), context }
}

/** The session's next free times, for a refusal to carry. */
export async function freshSlots(tx: Tx, session: AppointmentRow, now: Date): Promise<Slot[]> {
  const context = await rescheduleContext(tx, session.practice_id, session.therapist_id)
  const slots = await slotsForSession(tx, session, context, { now })
  return slots.slice(0, FRESH_SLOTS)
}

export async function slotTaken(tx: Tx, session: AppointmentRow, now: Date): Promise<ApiError> {
  return new ApiError('slot_taken', 'Someone else has just taken that time. Here are the times still free.', {
    slots: await freshSlots(tx, session, now),
  })
}

/** Refuses a time that is not one of the session's free times now; returns the therapist's hours. */
export async function ensureFreeSlot(tx: Tx, session: AppointmentRow, startsAt: Date, now: Date) {
  const { state, context } = await checkSlot(tx, session, startsAt, now)
  if (state === 'busy') throw await slotTaken(tx, session, now)
  if (state === 'not_offered') {
    throw new ApiError('invalid_request', 'That time is not one of the free times. Please choose one of them.', {
      fields: { starts_at: 'Choose one of the free times.' },
    })
  }
  return hoursOf(context)
}

/**
 * Moves a client's session to a free time, in the caller's transaction: re-checks the time, moves
 * the session (the same id, a new version, confirmed: the client chose it), lets the listeners
 * follow (reminders re-planned, `appointment.rescheduled`, the freed time offered to the
 * cancellation list), sends the client a receipt with the new time and zone, and audits. Two moves
 * into one time at once: the no-double-booking constraint lets one in, the other gets `slot_taken`
 * with the times still free.
 */
export async function moveSession(tx: Tx, deps: Deps, input: MoveInput): Promise<AppointmentRow> {
  const now = deps.clock()
  const { session, startsAt } = input
  await lockTherapistTimes(tx, session.therapist_id, 'move')
  await ensureFreeSlot(tx, session, startsAt, now)
  const endsAt = new Date(startsAt.getTime() + (session.ends_at.getTime() - session.starts_at.getTime()))
  let after: AppointmentRow
  try {
    after = await tx.savepoint((sp) =>
      updateAppointment(
        sp,
        session.practice_id,
        session.id,
        { starts_at: startsAt, ends_at: endsAt, version: session.version + 1, status: 'confirmed', confirmed_at: now },
        now,
      ),
    )
  } catch (error) {
    if (!isDoubleBooking(error)) throw error
    throw await slotTaken(tx, session, now)
  }
  const { therapist_name: _t, client_name: _c, ...before } = session
  // The receipt below is the client's word of this move, so the change notice stays quiet.
  await appointmentChanged(tx, deps, { before, after, actor: input.actor, notifyClient: false })
  await queueSessionNotice(tx, after, {
    kind: 'rescheduled',
    timeZone: session.client_time_zone,
    now,
    onceFor: `${session.id}:v${after.version}`,
  })
  await audit(tx, {
    practiceId: session.practice_id,
    actor: input.actor,
    action: 'appointment.rescheduled',
    subject: { kind: 'appointment', id: session.id },
    detail: {
      by: input.by,
      previous_starts_at: session.starts_at.toISOString(),
      starts_at: startsAt.toISOString(),
      ...(input.lateFee ? { late_fee_cents: input.lateFee.cents, currency: input.lateFee.currency } : {}),
    },
  })
  return after
}
