import type { Tx } from '../db/connect'
import type { WebhookEndpointRow } from './queries'

/** The SQL of an endpoint's health: its run of failures, turning it off and on, and what it missed. */

/**
 * One dispatcher round's outcome for an endpoint: any delivery that worked ends its run of
 * failures; otherwise the run grows by `failures` and starts now if it had not begun.
 */
export async function recordEndpointRound(
  tx: Tx,
  endpointId: string,
  round: { delivered: boolean; failures: number },
  now: Date,
): Promise<WebhookEndpointRow | null> {
  const [row] = await tx<WebhookEndpointRow[]>`
    update webhook_endpoints set
      consecutive_failures = ${round.delivered ? tx`0` : tx`consecutive_failures + ${round.failures}`},
      failing_since = ${round.delivered ? null : tx`coalesce(failing_since, ${now})`}
    where id = ${endpointId} and deleted_at is null
    returning *`
  return row ?? null
}

/** Turns the endpoint off, holding what is queued for it from `heldSince`; null when it was off already. */
export async function disableEndpoint(
  tx: Tx,
  endpoint: { practiceId: string; id: string },
  reason: 'failing' | 'practice',
  heldSince: Date,
  now: Date,
): Promise<WebhookEndpointRow | null> {
  const [row] = await tx<WebhookEndpointRow[]>`
    update webhook_endpoints set disabled_at = ${now}, disabled_reason = ${reason}, held_since = ${heldSince}
    where practice_id = ${endpoint.practiceId} and id = ${endpoint.id} and deleted_at is null and disabled_at is null
    returning *`
  return row ?? null
}

/**
 * Turns the endpoint back on with a clean record, and queues again, due now, every message it
 * missed while off or in the run of failures that turned it off: closed as held or given up on
 * since `held_since`. Each keeps its webhook-id, so a receiver that did get one drops the repeat.
 * Returns how many are on their way again, or null when the endpoint was not off.
 */
export async function enableEndpoint(
  tx: Tx,
  endpoint: { practiceId: string; id: string },
  now: Date,
): Promise<number | null> {
  const [row] = await tx<{ held_since: Date | null }[]>`
    select held_since from webhook_endpoints
    where practice_id = ${endpoint.practiceId} and id = ${endpoint.id} and deleted_at is null
      and disabled_at is not null
    for update`
  if (!row) return null
  await tx`
    update webhook_endpoints set disabled_at = null, disabled_reason = null, held_since = null,
      consecutive_failures = 0, failing_since = null
    where practice_id = ${endpoint.practiceId} and id = ${endpoint.id}`
  const again = await tx`
    update outbox set status = 'pending', attempts = 0, due_at = ${now}, closed_reason = null, last_error = null,
      updated_at = ${now}
    where practice_id = ${endpoint.practiceId} and topic = 'webhook' and payload->>'endpoint_id' = ${endpoint.id}
      and status in ('skipped', 'failed') and closed_reason in ('endpoint_disabled', 'gave_up')
      and updated_at >= ${row.held_since ?? now}
    returning id`
  return again.length
}
