import type { Availability, RescheduleSettings } from '../../shared/schemas/availability'
import type { Tx } from '../db/connect'
import { findAvailability } from '../availability/queries'

/** What deciding a client's move needs beyond the session: the practice's rule and the therapist's hours. */
export async function rescheduleContext(
  tx: Tx,
  practiceId: string,
  therapistId: string,
): Promise<{ settings: RescheduleSettings; availability: Availability | null; therapist_time_zone: string }> {
  const [row] = await tx<{ settings: RescheduleSettings; therapist_time_zone: string }[]>`
    select p.reschedule as settings, t.time_zone as therapist_time_zone
    from practices p join therapists t on t.practice_id = p.id and t.id = ${therapistId}
    where p.id = ${practiceId}`
  return { ...row!, availability: await findAvailability(tx, practiceId, therapistId) }
}

/**
 * Taking a therapist's time takes turns by kind: moves share the lock (the no-double-booking
 * constraint judges between them), while holding a time for a request takes it alone, so a hold
 * and a move never both believe the same time is free.
 */
export async function lockTherapistTimes(tx: Tx, therapistId: string, mode: 'move' | 'hold'): Promise<void> {
  const name = `therapist-times:${therapistId}`
  if (mode === 'hold') await tx`select pg_advisory_xact_lock(hashtextextended(${name}, 0))`
  else await tx`select pg_advisory_xact_lock_shared(hashtextextended(${name}, 0))`
}

export type RescheduleRequestRow = {
  id: string
  practice_id: string
  appointment_id: string
  client_id: string
  therapist_id: string
  previous_starts_at: Date
  starts_at: Date
  ends_at: Date
  status: 'requested' | 'approved' | 'declined' | 'expired' | 'withdrawn'
  requested_at: Date
  hold_until: Date
  late_fee_cents: number | null
  decided_at: Date | null
  decided_by: string | null
  alert_id: string | null
}

const requestColumns = (tx: Tx) =>
  tx`id, practice_id, appointment_id, client_id, therapist_id, previous_starts_at, starts_at, ends_at, status,
     requested_at, hold_until, late_fee_cents, decided_at, decided_by, alert_id`

/**
 * Requests whose hold ran out unanswered, oldest first, locked (rows another sweep holds are
 * skipped): of one therapist, of one practice, or of every practice (inside `asSystem`).
 */
export async function dueHolds(
  tx: Tx,
  q: { now: Date; practiceId?: string; therapistId?: string; limit: number },
): Promise<RescheduleRequestRow[]> {
  return tx<RescheduleRequestRow[]>`
    select ${requestColumns(tx)} from reschedule_requests
    where status = 'requested' and hold_until <= ${q.now}
      ${q.practiceId ? tx`and practice_id = ${q.practiceId}` : tx``}
      ${q.therapistId ? tx`and therapist_id = ${q.therapistId}` : tx``}
    order by hold_until, id
    limit ${q.limit}
    for update skip locked`
}

/** The request stops holding its time: closed as `expired` when the hold ran out. */
export async function markExpired(tx: Tx, request: RescheduleRequestRow): Promise<void> {
  await tx`
    update reschedule_requests set status = 'expired', decided_at = hold_until
    where practice_id = ${request.practice_id} and id = ${request.id} and status = 'requested'`
}

/** A new request replaces the session's earlier one still waiting (the client changed their mind). */
export async function withdrawOpenRequest(tx: Tx, practiceId: string, appointmentId: string, now: Date) {
  await tx`
    update reschedule_requests set status = 'withdrawn', decided_at = ${now}
    where practice_id = ${practiceId} and appointment_id = ${appointmentId} and status = 'requested'`
}

export async function insertRequest(
  tx: Tx,
  values: Omit<RescheduleRequestRow, 'id' | 'status' | 'decided_at' | 'decided_by' | 'alert_id'>,
): Promise<RescheduleRequestRow> {
  const [row] = await tx<RescheduleRequestRow[]>`
    insert into reschedule_requests ${tx(values)} returning ${requestColumns(tx)}`
  return row!
}

export async function findRequest(
  tx: Tx,
  practiceId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<RescheduleRequestRow | null> {
  const [row] = await tx<RescheduleRequestRow[]>`
    select ${requestColumns(tx)} from reschedule_requests where practice_id = ${practiceId} and id = ${id}
    ${options.forUpdate ? tx`for update` : tx``}`
  return row ?? null
}

export async function closeRequest(
  tx: Tx,
  request: RescheduleRequestRow,
  decision: { status: 'approved' | 'declined'; by: string; at: Date },
): Promise<RescheduleRequestRow> {
  const [row] = await tx<RescheduleRequestRow[]>`
    update reschedule_requests set status = ${decision.status}, decided_at = ${decision.at}, decided_by = ${decision.by}
    where practice_id = ${request.practice_id} and id = ${request.id} returning ${requestColumns(tx)}`
  return row!
}

export type RequestListItem = RescheduleRequestRow & { client_name: string; therapist_name: string }

/** Requests waiting for the practice (or all, newest first), for the console. */
export async function listRequests(
  tx: Tx,
  practiceId: string,
  q: { therapistId?: string | undefined; status?: string | undefined; limit: number },
): Promise<RequestListItem[]> {
  return tx<RequestListItem[]>`
    select ${requestColumnsAliased(tx)}, c.name as client_name, t.name as therapist_name
    from reschedule_requests r
    join clients c on c.practice_id = r.practice_id and c.id = r.client_id
    join therapists t on t.practice_id = r.practice_id and t.id = r.therapist_id
    where r.practice_id = ${practiceId}
      ${q.therapistId ? tx`and r.therapist_id = ${q.therapistId}` : tx``}
      ${q.status ? tx`and r.status = ${q.status}` : tx``}
    order by r.requested_at desc, r.id
    limit ${q.limit}`
}

const requestColumnsAliased = (tx: Tx) =>
  tx`r.id, r.practice_id, r.appointment_id, r.client_id, r.therapist_id, r.previous_starts_at, r.starts_at,
     r.ends_at, r.status, r.requested_at, r.hold_until, r.late_fee_cents, r.decided_at, r.decided_by, r.alert_id`

export async function linkRequestAlert(tx: Tx, request: RescheduleRequestRow, alertId: string): Promise<void> {
  await tx`update reschedule_requests set alert_id = ${alertId}
    where practice_id = ${request.practice_id} and id = ${request.id}`
}
