import { URGENT_ALERT_KINDS, type Alert, type AlertAudience, type AlertEvent } from '../../shared/schemas/alerts'
import type { AlertEventRow } from './history-queries'
import { consoleLink } from '../../shared/console-links'
import type { Tx } from '../db/connect'
import { compact, decodeCursor, iso, page, type Page } from '../db/rows'

export type AlertRow = {
  id: string
  practice_id: string
  kind: string
  audience: AlertAudience
  therapist_id: string | null
  client_id: string | null
  appointment_id: string | null
  thread_id: string | null
  dedupe_key: string
  summary: string
  context: Record<string, unknown>
  client_note_ciphertext: Uint8Array | null
  client_note_iv: Uint8Array | null
  status: 'open' | 'resolved'
  created_at: Date
  resolved_at: Date | null
  resolved_by: string | null
  resolved_by_name: string | null
  resolution_note: string | null
  acknowledged_at: Date | null
  acknowledged_by: string | null
  /** The client's phone now (for a call back), read with the alert. */
  client_phone?: string | null
  /** The alert's session, or else the client's next one after it was raised, read with the alert. */
  session?: { id: string; starts_at: string } | null
}

/** The alert as the API shows it; `publicUrl` gives the link into the console where it is handled. */
export function toAlert(row: AlertRow, clientNote?: string | null, publicUrl?: string): Alert {
  return compact({
    id: row.id,
    kind: row.kind,
    audience: row.audience,
    urgent: (URGENT_ALERT_KINDS as readonly string[]).includes(row.kind),
    therapist_id: row.therapist_id,
    client_id: row.client_id,
    appointment_id: row.appointment_id,
    thread_id: row.thread_id,
    client_phone: row.client_phone ?? null,
    session: row.session ?? null,
    console_url:
      publicUrl === undefined
        ? null
        : consoleLink(
            publicUrl,
            row.thread_id ? { tab: 'inbox', threadId: row.thread_id } : { tab: 'alerts', alertId: row.id },
          ),
    summary: row.summary,
    context: row.context,
    client_note: clientNote ?? null,
    status: row.status,
    created_at: iso(row.created_at),
    resolved_at: row.resolved_at ? iso(row.resolved_at) : null,
    resolved_by: row.resolved_by,
    resolved_by_name: row.resolved_by_name,
    resolution_note: row.resolution_note,
    acknowledged_at: row.acknowledged_at ? iso(row.acknowledged_at) : null,
    acknowledged_by: row.acknowledged_by,
  }) as Alert
}

export function toAlertEvent(row: AlertEventRow): AlertEvent {
  return compact({
    at: iso(row.at),
    kind: row.kind,
    recipient: row.recipient,
    name: row.name ?? null,
    channel: row.channel,
    ...row.detail,
  }) as AlertEvent
}

/** The alert's history as the API shows it: its recorded events, then its resolution (kept on the alert itself). */
export function alertHistoryOf(row: AlertRow, events: AlertEventRow[]): AlertEvent[] {
  const history = events.filter((e) => e.alert_id === row.id).map(toAlertEvent)
  if (row.resolved_at) {
    history.push(
      compact({
        at: iso(row.resolved_at),
        kind: 'resolved',
        recipient: row.resolved_by,
        name: row.resolved_by_name,
      }) as AlertEvent,
    )
  }
  return history
}

const columns = (tx: Tx) =>
  tx`id, practice_id, kind, audience, therapist_id, client_id, appointment_id, thread_id, dedupe_key, summary,
     context, client_note_ciphertext, client_note_iv, status, created_at, resolved_at, resolved_by, resolved_by_name, resolution_note,
     acknowledged_at, acknowledged_by,
     (select c.phone from clients c where c.practice_id = alerts.practice_id and c.id = alerts.client_id) as client_phone,
     (select json_build_object('id', a.id, 'starts_at', to_char(a.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
      from appointments a
      where a.practice_id = alerts.practice_id
        and (a.id = alerts.appointment_id
          or (alerts.appointment_id is null and a.client_id = alerts.client_id
            and a.status in ('scheduled', 'confirmed') and a.starts_at > alerts.created_at
            and (alerts.therapist_id is null or a.therapist_id = alerts.therapist_id)))
      order by a.starts_at limit 1) as session`

/** A new alert: open, so nothing about its resolution yet. */
export type AlertValues = Omit<
  AlertRow,
  | 'status'
  | 'resolved_at'
  | 'resolved_by'
  | 'resolved_by_name'
  | 'resolution_note'
  | 'acknowledged_at'
  | 'acknowledged_by'
>

/** Null when an alert with the same dedupe key already exists in the practice. */
export async function insertAlertOnce(tx: Tx, values: AlertValues): Promise<AlertRow | null> {
  const [row] = await tx<AlertRow[]>`
    insert into alerts ${tx({ ...values, context: tx.json(values.context as never) } as never)}
    on conflict (practice_id, dedupe_key) do nothing
    returning ${columns(tx)}`
  return row ?? null
}

const urgentKinds = [...URGENT_ALERT_KINDS]

/** Whether an alert of this kind about this session is still open. */
export async function hasOpenAlert(
  tx: Tx,
  practiceId: string,
  about: { kind: string; appointmentId: string },
): Promise<boolean> {
  const [open] = await tx`
    select 1 from alerts where practice_id = ${practiceId} and kind = ${about.kind}
      and appointment_id = ${about.appointmentId} and status = 'open'`
  return Boolean(open)
}

export async function listAlerts(
  tx: Tx,
  practiceId: string,
  q: {
    status: 'open' | 'resolved'
    therapistId?: string | undefined
    kind?: string | undefined
    audience?: AlertAudience | undefined
    limit: number
    cursor?: string | undefined
  },
): Promise<Page<AlertRow>> {
  const after = decodeCursor(q.cursor)
  // Urgent kinds first, then newest: the sort key is (urgent, created_at, id), all descending.
  const rows = await tx<(AlertRow & { urgent_rank: number; sort_at: string })[]>`
    select * from (
      select ${columns(tx)}, (case when kind = any(${urgentKinds}) then 1 else 0 end) as urgent_rank,
             created_at::text as sort_at
      from alerts
      where practice_id = ${practiceId} and status = ${q.status}
        ${q.therapistId ? tx`and therapist_id = ${q.therapistId}` : tx``}
        ${q.kind ? tx`and kind = ${q.kind}` : tx``}
        ${q.audience ? tx`and audience = ${q.audience}` : tx``}
    ) ranked
    ${
      after
        ? tx`where (urgent_rank, created_at, id) < (${Number(after[0])}, ${String(after[1])}::text::timestamptz, ${String(after[2])}::uuid)`
        : tx``
    }
    order by urgent_rank desc, created_at desc, id desc
    limit ${q.limit + 1}`
  return page(
    rows,
    q.limit,
    (row) => row as AlertRow,
    (row) => [row.urgent_rank, row.sort_at, row.id],
  )
}

export async function findAlert(
  tx: Tx,
  practiceId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<AlertRow | null> {
  const [row] = await tx<AlertRow[]>`
    select ${columns(tx)} from alerts
    where practice_id = ${practiceId} and id = ${id}
    ${options.forUpdate ? tx`for update` : tx``}`
  return row ?? null
}

export async function resolveAlert(
  tx: Tx,
  practiceId: string,
  id: string,
  values: { at: Date; by: string; byName?: string | null; note: string | null },
): Promise<AlertRow> {
  const [row] = await tx<AlertRow[]>`
    update alerts set status = 'resolved', resolved_at = ${values.at}, resolved_by = ${values.by},
                      resolved_by_name = ${values.byName ?? null}, resolution_note = ${values.note}
    where practice_id = ${practiceId} and id = ${id}
    returning ${columns(tx)}`
  return row!
}

/** Adds facts to an alert's context (a waiver's decision, say). */
export async function addAlertContext(
  tx: Tx,
  alert: { practice_id: string; id: string },
  facts: Record<string, unknown>,
): Promise<void> {
  await tx`
    update alerts set context = context || ${tx.json(facts as never)}
    where practice_id = ${alert.practice_id} and id = ${alert.id}`
}
