import { OPEN_STATUSES } from '../../shared/policy/sessions'
import type { CancelReasonCode } from '../../shared/cancel-reasons'
import type { Appointment, AppointmentStatus, Cancellation } from '../../shared/schemas/appointment'
import type { Tx } from '../db/connect'
import { compact, decodeCursor, iso, page, type Page } from '../db/rows'

export type AppointmentRow = {
  id: string
  practice_id: string
  external_id: string | null
  therapist_id: string
  client_id: string
  starts_at: Date
  ends_at: Date
  type: string
  location: string | null
  telehealth_url: string | null
  series_id: string | null
  status: AppointmentStatus
  version: number
  late_fee_cents: number | null
  cancelled_at: Date | null
  cancelled_by: 'client' | 'practice' | null
  cancel_reason: string | null
  cancel_reason_code: CancelReasonCode | null
}

const CANCELLED: readonly AppointmentStatus[] = ['cancelled', 'late_cancelled']

/** Who cancelled, when and why, on a cancelled session only. */
export function toCancellation(row: AppointmentRow): Cancellation | undefined {
  if (!CANCELLED.includes(row.status)) return undefined
  return {
    by: row.cancelled_by,
    at: row.cancelled_at ? iso(row.cancelled_at) : null,
    reason_code: row.cancel_reason_code,
    reason: row.cancel_reason,
  }
}

export function toAppointment(row: AppointmentRow): Appointment {
  return compact({
    id: row.id,
    external_id: row.external_id,
    therapist_id: row.therapist_id,
    client_id: row.client_id,
    starts_at: iso(row.starts_at),
    ends_at: iso(row.ends_at),
    type: row.type,
    location: row.location,
    telehealth_url: row.telehealth_url,
    series_id: row.series_id,
    status: row.status,
    cancellation: toCancellation(row),
  }) as Appointment
}

export const appointmentColumns = (tx: Tx) =>
  tx`id, practice_id, external_id, therapist_id, client_id, starts_at, ends_at, type, location, telehealth_url,
     series_id, status, version, late_fee_cents, cancelled_at, cancelled_by, cancel_reason, cancel_reason_code`

/** Locks the row when `forUpdate`, so a decision and its write see the same state. */
export async function findAppointment(
  tx: Tx,
  practiceId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<AppointmentRow | null> {
  const [row] = await tx<AppointmentRow[]>`
    select ${appointmentColumns(tx)} from appointments
    where practice_id = ${practiceId} and id = ${id}
    ${options.forUpdate ? tx`for update` : tx``}`
  return row ?? null
}

export async function findByExternalId(tx: Tx, practiceId: string, externalId: string): Promise<AppointmentRow | null> {
  const [row] = await tx<AppointmentRow[]>`
    select ${appointmentColumns(tx)} from appointments
    where practice_id = ${practiceId} and external_id = ${externalId} for update`
  return row ?? null
}

export type AppointmentValues = {
  external_id?: string | null
  therapist_id: string
  client_id: string
  starts_at: string | Date
  ends_at: string | Date
  type: string
  location: string | null
  telehealth_url: string | null
  series_id: string | null
  status: AppointmentStatus
  confirmed_at?: Date
}

export async function insertAppointment(
  tx: Tx,
  practiceId: string,
  values: AppointmentValues,
): Promise<AppointmentRow> {
  const [row] = await tx<AppointmentRow[]>`
    insert into appointments ${tx({ practice_id: practiceId, ...values })}
    returning ${appointmentColumns(tx)}`
  return row!
}

/**
 * The EHR's first sync of a session: inserted, or null when its `external_id` is already here
 * (then the caller updates that one, which this statement did not touch).
 */
export async function insertUnlessSynced(
  tx: Tx,
  practiceId: string,
  values: AppointmentValues & Record<string, unknown>,
): Promise<AppointmentRow | null> {
  const [row] = await tx<AppointmentRow[]>`
    insert into appointments ${tx({ practice_id: practiceId, ...values })}
    on conflict (practice_id, external_id) do nothing
    returning ${appointmentColumns(tx)}`
  return row ?? null
}

/** Whether the therapist and client named (null: an id that cannot exist) are the practice's. */
export async function participantsExist(
  tx: Tx,
  practiceId: string,
  ids: { therapistId: string | null; clientId: string | null },
): Promise<{ therapist: boolean; client: boolean }> {
  const [found] = await tx<{ therapist: boolean; client: boolean }[]>`
    select
      ${ids.therapistId ? tx`exists(select 1 from therapists where practice_id = ${practiceId} and id = ${ids.therapistId})` : tx`false`} as therapist,
      ${ids.clientId ? tx`exists(select 1 from clients where practice_id = ${practiceId} and id = ${ids.clientId})` : tx`false`} as client`
  return found ?? { therapist: false, client: false }
}

/** Sets the given columns of one session, as changed at `now`, and returns it as it now is. */
export async function updateAppointment(
  tx: Tx,
  practiceId: string,
  id: string,
  values: Record<string, unknown>,
  now: Date,
): Promise<AppointmentRow> {
  const [row] = await tx<AppointmentRow[]>`
    update appointments set ${tx({ ...values, updated_at: now })}
    where practice_id = ${practiceId} and id = ${id}
    returning ${appointmentColumns(tx)}`
  return row!
}

/** The details of a client's latest session with a therapist (to book the next one alike). */
export async function latestSessionDetails(
  tx: Tx,
  practiceId: string,
  who: { clientId: string; therapistId: string },
): Promise<{ type: string; location: string | null; telehealth_url: string | null } | null> {
  const [row] = await tx<{ type: string; location: string | null; telehealth_url: string | null }[]>`
    select type, location, telehealth_url from appointments
    where practice_id = ${practiceId} and client_id = ${who.clientId} and therapist_id = ${who.therapistId}
    order by starts_at desc limit 1`
  return row ?? null
}

/**
 * The transaction's practice's sessions (the day list), as far as its caller may see them: a
 * therapist their own (`hearth_own_therapist()`). Neither comes as a value, so the list can be
 * sent beside the statement that checks the caller's key.
 */
export async function listAppointments(
  tx: Tx,
  q: {
    from?: string | undefined
    to?: string | undefined
    therapistId?: string | undefined
    clientId?: string | undefined
    status?: AppointmentStatus | undefined
    limit: number
    cursor?: string | undefined
  },
): Promise<Page<Appointment>> {
  const after = decodeCursor(q.cursor)
  const rows = await tx<(AppointmentRow & { sort_key: string })[]>`
    select ${appointmentColumns(tx)}, starts_at::text as sort_key from appointments
    where practice_id = hearth_current_practice()
      and (hearth_own_therapist() is null or therapist_id = hearth_own_therapist())
      ${q.from ? tx`and ends_at > ${q.from}` : tx``}
      ${q.to ? tx`and starts_at < ${q.to}` : tx``}
      ${q.therapistId ? tx`and therapist_id = ${q.therapistId}` : tx``}
      ${q.clientId ? tx`and client_id = ${q.clientId}` : tx``}
      ${q.status ? tx`and status = ${q.status}` : tx``}
      ${after ? tx`and (starts_at, id) > (${String(after[0])}::text::timestamptz, ${String(after[1])}::uuid)` : tx``}
    order by starts_at, id
    limit ${q.limit + 1}`
  return page(rows, q.limit, toAppointment, (row) => [row.sort_key, row.id])
}

/**
 * A practice's (or one client's) sessions still booked that start after `after`, soonest first,
 * locked for the caller's change (re-planning their reminders, answering a text about the next one).
 */
export async function upcomingSessions(
  tx: Tx,
  practiceId: string,
  q: { after: Date; clientId?: string; limit?: number },
): Promise<AppointmentRow[]> {
  return tx<AppointmentRow[]>`
    select ${appointmentColumns(tx)} from appointments
    where practice_id = ${practiceId} and starts_at > ${q.after} and status in ${tx([...OPEN_STATUSES])}
      ${q.clientId ? tx`and client_id = ${q.clientId}` : tx``}
    order by starts_at, id
    ${q.limit ? tx`limit ${q.limit}` : tx``}
    for update`
}

/** The names and zones around a session: its client, therapist and practice. */
export async function sessionPeople(
  tx: Tx,
  session: { practice_id: string; therapist_id: string; client_id: string },
): Promise<{
  client_name: string
  client_time_zone: string
  therapist_name: string
  practice_time_zone: string
} | null> {
  const [people] = await tx<
    { client_name: string; client_time_zone: string; therapist_name: string; practice_time_zone: string }[]
  >`
    select c.name as client_name, c.time_zone as client_time_zone, t.name as therapist_name,
           p.time_zone as practice_time_zone
    from clients c
    join therapists t on t.practice_id = c.practice_id and t.id = ${session.therapist_id}
    join practices p on p.id = c.practice_id
    where c.practice_id = ${session.practice_id} and c.id = ${session.client_id}`
  return people ?? null
}

/** The currency a session's late fee was charged in (the policy's at the time of cancelling). */
export async function lateFeeCurrency(tx: Tx, practiceId: string, id: string): Promise<string | null> {
  const [row] = await tx<{ late_fee_currency: string | null }[]>`
    select late_fee_currency from appointments where practice_id = ${practiceId} and id = ${id}`
  return row?.late_fee_currency ?? null
}
