import type { Tx } from '../db/connect'

export async function savePushSubscription(
  tx: Tx,
  values: { practiceId: string; clientId: string; endpoint: string; p256dh: string; auth: string; now: Date },
): Promise<{ id: string; created: boolean }> {
  const [row] = await tx<{ id: string; created: boolean }[]>`
    insert into push_subscriptions (practice_id, client_id, endpoint, p256dh, auth, created_at)
    values (${values.practiceId}, ${values.clientId}, ${values.endpoint}, ${values.p256dh}, ${values.auth}, ${values.now})
    on conflict (practice_id, endpoint) do update
      set client_id = excluded.client_id, p256dh = excluded.p256dh, auth = excluded.auth
    returning id, (xmax = 0) as created`
  return row!
}

export async function deletePushSubscription(
  tx: Tx,
  practiceId: string,
  clientId: string,
  endpoint: string,
): Promise<boolean> {
  const rows = await tx`
    delete from push_subscriptions
    where practice_id = ${practiceId} and client_id = ${clientId} and endpoint = ${endpoint}
    returning id`
  return rows.length > 0
}

/**
 * A client who turns on reminders on a device in their own portal has said yes to push reminders:
 * recorded on the client. True when this changed their consent.
 */
export async function recordPushConsent(tx: Tx, practiceId: string, clientId: string, now: Date): Promise<boolean> {
  const rows = await tx`
    update clients set consent_push = true, updated_at = ${now}
    where practice_id = ${practiceId} and id = ${clientId} and not consent_push
    returning id`
  return rows.length > 0
}

export type PushSubscriptionRow = { id: string; client_id: string; endpoint: string; p256dh: string; auth: string }

/** The devices of the clients in a dispatcher's batch who are due a push. */
export async function pushSubscriptionsFor(
  tx: Tx,
  rows: readonly { channel: string; client_id: string | null }[],
): Promise<PushSubscriptionRow[]> {
  const clients = [...new Set(rows.filter((r) => r.channel === 'push').map((r) => r.client_id!))]
  if (!clients.length) return []
  return tx<PushSubscriptionRow[]>`
    select id, client_id, endpoint, p256dh, auth from push_subscriptions
    where client_id = any(${clients}::uuid[])`
}

/** Devices the push service said are gone for good (404/410). */
export async function forgetPushSubscriptions(tx: Tx, ids: string[]): Promise<void> {
  await tx`delete from push_subscriptions where id = any(${ids}::uuid[])`
}
