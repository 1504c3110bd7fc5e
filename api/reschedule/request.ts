import { maySee, type Viewer } from '../../shared/policy/access'
import { holdEnds } from '../../shared/policy/reschedule'
import { isOpen } from '../../shared/policy/sessions'
import { formatInstant } from '../../shared/time/format'
import { raiseAlert } from '../alerts/raise'
import { findClientAppointment, type ClientAppointment } from '../appointments/portal-queries'
import { audit, type Actor } from '../audit/queries'
import type { Tx } from '../db/connect'
import { isDoubleBooking } from '../db/pg-errors'
import type { Deps } from '../deps'
import { ApiError, notFound } from '../http/errors'
import { queueSessionNotice } from '../notices/enqueue'
import { closeRequestAlert, expireTherapistHolds } from './expire'
import { ensureFreeSlot, moveSession, slotTaken } from './move'
import {
  closeRequest,
  findRequest,
  insertRequest,
  linkRequestAlert,
  lockTherapistTimes,
  type RescheduleRequestRow,
  withdrawOpenRequest,
} from './queries'

/**
 * The practice's rule makes this move a request: the chosen time is held for the client (its own
 * lock, so no move or other hold can take it meanwhile; the hold's exclusion constraint is the
 * last word), the front desk gets an alert to approve or decline it, and it is audited. A second
 * request for the same session replaces the first.
 */
export async function holdRequest(
  tx: Tx,
  deps: Deps,
  input: {
    session: ClientAppointment
    startsAt: Date
    actor: Actor
    lateFee?: { cents: number; currency: string } | null
  },
): Promise<RescheduleRequestRow> {
  const now = deps.clock()
  const { session, startsAt } = input
  await lockTherapistTimes(tx, session.therapist_id, 'hold')
  await expireTherapistHolds(tx, session.practice_id, session.therapist_id, now)
  await withdrawOpenRequest(tx, session.practice_id, session.id, now)
  const hours = await ensureFreeSlot(tx, session, startsAt, now)
  const held = holdEnds({ now, startsAt, minNoticeHours: hours.min_notice_hours })
  const length = session.ends_at.getTime() - session.starts_at.getTime()
  let request: RescheduleRequestRow
  try {
    request = await tx.savepoint((sp) =>
      insertRequest(sp, {
        practice_id: session.practice_id,
        appointment_id: session.id,
        client_id: session.client_id,
        therapist_id: session.therapist_id,
        previous_starts_at: session.starts_at,
        starts_at: startsAt,
        ends_at: new Date(startsAt.getTime() + length),
        requested_at: now,
        hold_until: held.ends_at,
        late_fee_cents: input.lateFee?.cents ?? null,
      }),
    )
  } catch (error) {
    if (!isDoubleBooking(error)) throw error
    throw await slotTaken(tx, session, now)
  }
  const zone = session.practice_time_zone
  const alert = await raiseAlert(
    tx,
    {
      practiceId: session.practice_id,
      kind: 'reschedule_request',
      audience: 'front_desk',
      therapistId: session.therapist_id,
      clientId: session.client_id,
      appointmentId: session.id,
      dedupeKey: `reschedule_request:${request.id}`,
      summary: `${session.client_name} would like to move the session on ${formatInstant(session.starts_at, zone, 'en', 'medium')} with ${session.therapist_name} to ${formatInstant(startsAt, zone, 'en', 'medium')}. The time is held until ${formatInstant(request.hold_until, zone, 'en', 'medium')}.`,
      context: {
        request_id: request.id,
        starts_at: startsAt.toISOString(),
        hold_until: request.hold_until.toISOString(),
        ...(input.lateFee ? { late_fee_cents: input.lateFee.cents, currency: input.lateFee.currency } : {}),
      },
    },
    now,
  )
  if (alert) await linkRequestAlert(tx, request, alert.id)
  await audit(tx, {
    practiceId: session.practice_id,
    actor: input.actor,
    action: 'appointment.reschedule_requested',
    subject: { kind: 'appointment', id: session.id },
    detail: { request_id: request.id, starts_at: startsAt.toISOString(), hold_until: request.hold_until.toISOString() },
  })
  return request
}

type Decision = { viewer: Viewer; practiceId: string; requestId: string; actor: Actor; by: string }

async function loadForDecision(tx: Tx, input: Decision) {
  const request = await findRequest(tx, input.practiceId, input.requestId, { forUpdate: true })
  if (!request || !maySee(input.viewer, request)) throw notFound('That request')
  if (request.status !== 'requested') {
    throw new ApiError('invalid_state', 'This request has already been answered.', { status: request.status })
  }
  const session = await findClientAppointment(tx, input.practiceId, request.client_id, request.appointment_id, {
    forUpdate: true,
  })
  if (!session) throw notFound('That request')
  return { request, session }
}

/**
 * Staff approve: the session moves to the held time, as the client's own move would (re-checked,
 * so a time taken meanwhile by another writer answers `slot_taken` and nothing changes), and the
 * client gets the receipt. A hold that ran out but is not yet expired (the dispatcher does that
 * within a minute, telling the client) can still be approved while the time is free.
 */
export async function approveRequest(tx: Tx, deps: Deps, input: Decision) {
  const now = deps.clock()
  const { request, session } = await loadForDecision(tx, input)
  if (!isOpen(session.status)) {
    throw new ApiError('invalid_state', 'This session is no longer booked, so it cannot be moved.')
  }
  const closed = await closeRequest(tx, request, { status: 'approved', by: input.by, at: now })
  const fee = request.late_fee_cents
    ? { cents: request.late_fee_cents, currency: session.practice_policy.currency }
    : null
  const appointment = await moveSession(tx, deps, {
    session,
    startsAt: request.starts_at,
    actor: input.actor,
    by: 'practice',
    lateFee: fee,
  })
  await closeRequestAlert(tx, request, { at: now, by: input.by, note: 'Approved: the session was moved.' })
  return { request: closed, appointment }
}

/** Staff decline: the hold ends, the session stays where it was, and the client is told kindly. */
export async function declineRequest(tx: Tx, deps: Deps, input: Decision) {
  const now = deps.clock()
  const { request, session } = await loadForDecision(tx, input)
  const closed = await closeRequest(tx, request, { status: 'declined', by: input.by, at: now })
  await queueSessionNotice(tx, session, {
    kind: 'reschedule_declined',
    timeZone: session.client_time_zone,
    now,
    onceFor: request.id,
  })
  await audit(tx, {
    practiceId: request.practice_id,
    actor: input.actor,
    action: 'appointment.reschedule_declined',
    subject: { kind: 'appointment', id: session.id },
    detail: { request_id: request.id },
  })
  await closeRequestAlert(tx, request, { at: now, by: input.by, note: 'Declined: the session stays at its time.' })
  return { request: closed }
}
