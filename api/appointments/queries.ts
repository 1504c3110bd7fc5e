import type { Appointment, AppointmentStatus } from '../../shared/schemas/appointment'
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
  }) as Appointment
}

export const appointmentColumns = (tx: Tx) =>
  tx`id, practice_id, external_id, therapist_id, client_id, starts_at, ends_at, type, location, telehealth_url,
     series_id, status, version, late_fee_cents`

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

export async function updateAppointment(
  tx: Tx,
  practiceId: string,
  id: string,
  values: Record<string, unknown>,
): Promise<AppointmentRow> {
  const [row] = await tx<AppointmentRow[]>`
    update appointments set ${tx(values)}, updated_at = now()
    where practice_id = ${practiceId} and id = ${id}
    returning ${appointmentColumns(tx)}`
  return row!
}

export async function listAppointments(
  tx: Tx,
  practiceId: string,
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
    where practice_id = ${practiceId}
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
