import { isOpen } from '../../shared/policy/sessions'
import { resolveAlert } from '../alerts/queries'
import { findClientAppointment } from '../appointments/portal-queries'
import { audit } from '../audit/queries'
import type { Tx } from '../db/connect'
import { asSystem } from '../db/tenant'
import type { Deps } from '../deps'
import { queueSessionNotice } from '../notices/enqueue'
import { dueHolds, markExpired, type RescheduleRequestRow } from './queries'

/** Requests expired per transaction by the dispatcher's round. */
const BATCH = 100

/** The front desk's alert for the request, resolved with what became of it. */
export async function closeRequestAlert(
  tx: Tx,
  request: RescheduleRequestRow,
  decision: { at: Date; by: string; note: string },
): Promise<void> {
  if (request.alert_id) await resolveAlert(tx, request.practice_id, request.alert_id, decision)
}

/**
 * A request nobody answered within its hold: it is closed as expired (so the time is free for
 * anyone again), the front desk's alert is resolved saying so, the client is told their session
 * stays where it was and how to choose another time, and it is audited. In the caller's transaction.
 */
async function expireRequest(tx: Tx, request: RescheduleRequestRow, now: Date): Promise<void> {
  await markExpired(tx, request)
  const session = await findClientAppointment(tx, request.practice_id, request.client_id, request.appointment_id)
  // A session cancelled or moved some other way meanwhile has had its own word to the client.
  if (session && isOpen(session.status) && session.starts_at.getTime() === request.previous_starts_at.getTime()) {
    await queueSessionNotice(tx, session, {
      kind: 'reschedule_expired',
      timeZone: session.client_time_zone,
      now,
      onceFor: request.id,
    })
  }
  await closeRequestAlert(tx, request, {
    at: now,
    by: 'hearth',
    note: 'Not answered within the hold: the time is free again, the session stays at its time, and the client was told.',
  })
  await audit(tx, {
    practiceId: request.practice_id,
    actor: { kind: 'system' },
    action: 'appointment.reschedule_expired',
    subject: { kind: 'appointment', id: request.appointment_id },
    detail: { request_id: request.id, hold_until: request.hold_until.toISOString() },
  })
}

/** One therapist's holds that ran out, expired before a new hold is taken on their times. */
export async function expireTherapistHolds(tx: Tx, practiceId: string, therapistId: string, now: Date) {
  for (const request of await dueHolds(tx, { now, practiceId, therapistId, limit: BATCH })) {
    await expireRequest(tx, request, now)
  }
}

/** Every practice's holds that ran out, a batch per transaction; returns how many expired. */
export async function expireDueHolds(deps: Pick<Deps, 'sql' | 'clock'>): Promise<number> {
  let total = 0
  for (;;) {
    const now = deps.clock()
    const expired = await asSystem(deps.sql, async (tx) => {
      const due = await dueHolds(tx, { now, limit: BATCH })
      for (const request of due) await expireRequest(tx, request, now)
      return due.length
    })
    total += expired
    if (expired < BATCH) return total
  }
}

/** The dispatcher's round (`startDispatcher`'s `periodic`): a hold is let go within a minute of running out. */
export function holdExpiryJob(deps: Pick<Deps, 'sql' | 'clock'>) {
  return { everyMs: 60_000, run: () => expireDueHolds(deps) }
}
