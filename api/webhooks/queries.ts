import type { WebhookEndpoint, WebhookEventType } from '../../shared/schemas/webhooks'
import type { Tx } from '../db/connect'
import { compact, decodeCursor, encodeCursor, iso, type Page } from '../db/rows'

export type WebhookEndpointRow = {
  id: string
  practice_id: string
  url: string
  description: string | null
  events: WebhookEventType[]
  secret_ciphertext: Uint8Array
  secret_iv: Uint8Array
  created_at: Date
  deleted_at: Date | null
  consecutive_failures: number
  failing_since: Date | null
  disabled_at: Date | null
  disabled_reason: 'failing' | 'practice' | null
  held_since: Date | null
}

export function toWebhookEndpoint(row: WebhookEndpointRow): WebhookEndpoint {
  return compact({
    id: row.id,
    url: row.url,
    events: row.events,
    description: row.description,
    created_at: iso(row.created_at),
    enabled: row.disabled_at === null,
    disabled_at: row.disabled_at && iso(row.disabled_at),
    disabled_reason: row.disabled_reason,
    failing_since: row.failing_since && iso(row.failing_since),
    consecutive_failures: row.consecutive_failures,
  }) as WebhookEndpoint
}

const columns = (tx: Tx) =>
  tx`id, practice_id, url, description, events, secret_ciphertext, secret_iv, created_at, deleted_at,
     consecutive_failures, failing_since, disabled_at, disabled_reason, held_since`

export async function insertWebhookEndpoint(
  tx: Tx,
  values: Omit<
    WebhookEndpointRow,
    'deleted_at' | 'consecutive_failures' | 'failing_since' | 'disabled_at' | 'disabled_reason' | 'held_since'
  >,
): Promise<WebhookEndpointRow> {
  const [row] = await tx<WebhookEndpointRow[]>`
    insert into webhook_endpoints ${tx(values as never)}
    returning ${columns(tx)}`
  return row!
}

export async function listWebhookEndpoints(tx: Tx, practiceId: string): Promise<WebhookEndpointRow[]> {
  return tx<WebhookEndpointRow[]>`
    select ${columns(tx)} from webhook_endpoints
    where practice_id = ${practiceId} and deleted_at is null
    order by created_at, id`
}

export async function findWebhookEndpoint(tx: Tx, practiceId: string, id: string): Promise<WebhookEndpointRow | null> {
  const [row] = await tx<WebhookEndpointRow[]>`
    select ${columns(tx)} from webhook_endpoints
    where practice_id = ${practiceId} and id = ${id} and deleted_at is null`
  return row ?? null
}

/**
 * The practice's endpoints that want `type`: where an event is queued. A turned-off endpoint gets
 * its messages too; they are held (closed as `endpoint_disabled`) and sent when it is back on.
 */
export async function endpointsFor(tx: Tx, practiceId: string, type: WebhookEventType): Promise<{ id: string }[]> {
  return tx<{ id: string }[]>`
    select id from webhook_endpoints
    where practice_id = ${practiceId} and deleted_at is null and ${type} = any(events)
    order by created_at, id`
}

/** Stops deliveries at once: messages still waiting in the outbox are cancelled with it. */
export async function deleteWebhookEndpoint(tx: Tx, practiceId: string, id: string, now: Date): Promise<boolean> {
  const [row] = await tx<{ id: string }[]>`
    update webhook_endpoints set deleted_at = ${now}
    where practice_id = ${practiceId} and id = ${id} and deleted_at is null
    returning id`
  if (!row) return false
  await tx`
    update outbox set status = 'cancelled', closed_reason = 'endpoint_deleted', updated_at = ${now}
    where practice_id = ${practiceId} and topic = 'webhook' and status = 'pending'
      and payload->>'endpoint_id' = ${id}`
  return true
}

export type DeliveryRow = {
  delivery_id: string
  message_id: string
  event_type: WebhookEventType
  attempt: number
  attempted_at: Date
  outcome: 'delivered' | 'retrying' | 'failed' | 'skipped'
  status_code: number | null
  error: string | null
  duration_ms: number | null
}

export async function recordDeliveries(
  tx: Tx,
  rows: {
    practice_id: string
    endpoint_id: string
    outbox_id: string
    message_id: string
    event_type: string
    attempt: number
    attempted_at: Date
    outcome: DeliveryRow['outcome']
    status_code: number | null
    error: string | null
    duration_ms: number | null
  }[],
): Promise<void> {
  if (!rows.length) return
  await tx`insert into webhook_deliveries ${tx(rows as never)}`
}

/** Newest first. */
export async function listDeliveries(
  tx: Tx,
  practiceId: string,
  endpointId: string,
  q: { limit: number; cursor?: string | undefined },
): Promise<Page<DeliveryRow>> {
  const after = decodeCursor(q.cursor)
  const rows = await tx<DeliveryRow[]>`
    select id::text as delivery_id, message_id, event_type, attempt, attempted_at, outcome, status_code, error, duration_ms
    from webhook_deliveries
    where practice_id = ${practiceId} and endpoint_id = ${endpointId}
      ${after ? tx`and id < ${String(after[0])}::bigint` : tx``}
    order by id desc
    limit ${q.limit + 1}`
  const more = rows.length > q.limit
  const data = more ? rows.slice(0, q.limit) : rows
  return { data, next_cursor: more ? encodeCursor([data[data.length - 1]!.delivery_id]) : null }
}

/** The endpoints (of any practice: the dispatcher's batch) that still exist, by id. */
export async function liveEndpoints(tx: Tx, ids: string[]): Promise<WebhookEndpointRow[]> {
  return tx<WebhookEndpointRow[]>`
    select ${columns(tx)} from webhook_endpoints where id = any(${ids}::uuid[]) and deleted_at is null`
}

/** Changes what the practice may change; null when there is no such live endpoint. */
export async function updateWebhookEndpoint(
  tx: Tx,
  practiceId: string,
  id: string,
  values: Partial<Pick<WebhookEndpointRow, 'url' | 'description' | 'events'>>,
): Promise<WebhookEndpointRow | null> {
  if (!Object.keys(values).length) return findWebhookEndpoint(tx, practiceId, id)
  const [row] = await tx<WebhookEndpointRow[]>`
    update webhook_endpoints set ${tx(values as never)}
    where practice_id = ${practiceId} and id = ${id} and deleted_at is null
    returning ${columns(tx)}`
  return row ?? null
}
