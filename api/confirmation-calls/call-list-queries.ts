import type { Tx } from '../db/connect'

/** The sessions on a therapist's confirmation call list, and what their reminders did so far. */

export type CallListRow = {
  id: string
  status: 'scheduled' | 'confirmed'
  call_requested_at: Date | null
  starts_at: Date
  ends_at: Date
  type: string
  telehealth_url: string | null
  client_id: string
  client_name: string
  client_phone: string | null
  /** The time the client asked to move this session to, while the practice has not answered. */
  move_to: Date | null
}

/**
 * Sessions starting in [from, to) and not before `notBefore`, in time order, that may belong on the
 * call list: still unconfirmed, or with the client's request for a call.
 */
export async function callListCandidates(
  tx: Tx,
  practiceId: string,
  q: { therapistId: string; from: Date; to: Date; notBefore: Date },
): Promise<CallListRow[]> {
  return tx<CallListRow[]>`
    select a.id, a.status, a.starts_at, a.ends_at, a.type, a.telehealth_url, r.requested_at as call_requested_at,
           c.id as client_id, c.name as client_name, c.phone as client_phone, m.starts_at as move_to
    from appointments a
    join clients c on c.practice_id = a.practice_id and c.id = a.client_id
    left join call_requests r on r.practice_id = a.practice_id and r.appointment_id = a.id and r.reason = 'asked_for_call'
    left join reschedule_requests m on m.practice_id = a.practice_id and m.appointment_id = a.id and m.status = 'requested'
    where a.practice_id = ${practiceId} and a.therapist_id = ${q.therapistId}
      and (a.status = 'scheduled' or (a.status = 'confirmed' and r.id is not null))
      and a.starts_at >= ${q.from} and a.starts_at < ${q.to} and a.starts_at > ${q.notBefore}
    order by a.starts_at, a.id`
}

export type ReminderRow = {
  appointment_id: string
  reminder_kind: string
  channel: string
  status: string
  send_at: Date
  sent_at: Date | null
  delivery_status: string | null
  closed_reason: string | null
}

/**
 * The reminders of these sessions from the outbox (written by the reminders planner): pending,
 * sent, failed or skipped. Cancelled rows are plans that a move or a change replaced.
 */
export async function remindersBySession(
  tx: Tx,
  practiceId: string,
  appointmentIds: string[],
): Promise<Map<string, ReminderRow[]>> {
  const reminders = new Map<string, ReminderRow[]>()
  if (!appointmentIds.length) return reminders
  const rows = await tx<ReminderRow[]>`
    select appointment_id, reminder_kind, channel, status, send_at, sent_at, delivery_status, closed_reason
    from outbox
    where practice_id = ${practiceId} and topic = 'reminder' and status <> 'cancelled'
      and appointment_id = any(${appointmentIds}::uuid[])
    order by send_at, channel, id`
  for (const row of rows) reminders.set(row.appointment_id, [...(reminders.get(row.appointment_id) ?? []), row])
  return reminders
}
