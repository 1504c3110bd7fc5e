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
 * Whose call list and which day: the therapist asked for (else the caller's own), the day given
 * (else the next working day on the therapist's clock after `now`). Every statement of the list
 * finds them again from these, so none waits for another's answer and all leave in one round trip.
 */
export type CallListAsked = { therapistId: string | null; date: string | null; now: Date }

export type CallListDay = {
  therapist_id: string
  therapist_name: string
  time_zone: string
  country: string
  /** The day, `YYYY-MM-DD` on the therapist's clock. */
  day: string
  starts: Date
  ends: Date
}

/**
 * The therapist (of the transaction's practice, and the caller's own when the caller is limited
 * to one: `hearth_own_therapist()`) and the day's bounds on their clock, as shared/time reads
 * them (`hearth_local_midnight`, `hearth_next_business_day`).
 */
const dayOf = (tx: Tx, q: CallListAsked) => tx`
  select t.id as therapist_id, t.name as therapist_name, t.time_zone, p.country, d.day::text as day,
         hearth_local_midnight(d.day, t.time_zone) as starts, hearth_local_midnight(d.day + 1, t.time_zone) as ends
  from therapists t
  join practices p on p.id = t.practice_id
  cross join lateral (select coalesce(${q.date}::date, hearth_next_business_day(${q.now}::timestamptz, t.time_zone)) as day) d
  where t.practice_id = hearth_current_practice() and t.id = coalesce(${q.therapistId}::uuid, hearth_own_therapist())
    and (hearth_own_therapist() is null or t.id = hearth_own_therapist())`

/**
 * The sessions of the day that have not started, that may belong on the call list: still
 * unconfirmed, or with the client's request for a call.
 */
const candidatesOf = (tx: Tx, q: CallListAsked) => tx`
  select a.id, a.status, a.starts_at, a.ends_at, a.type, a.telehealth_url, r.requested_at as call_requested_at,
         c.id as client_id, c.name as client_name, c.phone as client_phone, m.starts_at as move_to
  from (${dayOf(tx, q)}) day
  join appointments a on a.practice_id = hearth_current_practice() and a.therapist_id = day.therapist_id
  join clients c on c.practice_id = a.practice_id and c.id = a.client_id
  left join call_requests r on r.practice_id = a.practice_id and r.appointment_id = a.id and r.reason = 'asked_for_call'
  left join reschedule_requests m on m.practice_id = a.practice_id and m.appointment_id = a.id and m.status = 'requested'
  where (a.status = 'scheduled' or (a.status = 'confirmed' and r.id is not null))
    and a.starts_at >= day.starts and a.starts_at < day.ends and a.starts_at > ${q.now}`

/** The therapist and the day; null when there is no such therapist the caller may see. */
export async function callListDay(tx: Tx, q: CallListAsked): Promise<CallListDay | null> {
  const [row] = await tx<CallListDay[]>`${dayOf(tx, q)}`
  return row ?? null
}

/** The candidate sessions in time order. */
export async function callListCandidates(tx: Tx, q: CallListAsked): Promise<CallListRow[]> {
  return tx<CallListRow[]>`${candidatesOf(tx, q)} order by a.starts_at, a.id`
}

/** The ids of the candidate sessions, for the statements that read what belongs to them. */
export const callListSessionIds = (tx: Tx, q: CallListAsked) =>
  tx`select candidate.id from (${candidatesOf(tx, q)}) candidate`

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
 * The reminders of the candidate sessions from the outbox (written by the reminders planner): pending,
 * sent, failed or skipped. Cancelled rows are plans that a move or a change replaced.
 */
export async function remindersBySession(tx: Tx, q: CallListAsked): Promise<Map<string, ReminderRow[]>> {
  const reminders = new Map<string, ReminderRow[]>()
  const rows = await tx<ReminderRow[]>`
    select appointment_id, reminder_kind, channel, status, send_at, sent_at, delivery_status, closed_reason
    from outbox
    where practice_id = hearth_current_practice() and topic = 'reminder' and status <> 'cancelled'
      and appointment_id in (${callListSessionIds(tx, q)})
    order by send_at, channel, id`
  for (const row of rows) reminders.set(row.appointment_id, [...(reminders.get(row.appointment_id) ?? []), row])
  return reminders
}
