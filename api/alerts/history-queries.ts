import type { Tx } from '../db/connect'

/** An alert's history (040_conversations.sql): each page, escalation and acknowledgement. */

export type AlertEventKind = 'paged' | 'escalated' | 'page_failed' | 'acknowledged' | 'resolved'

export type AlertEventRow = {
  alert_id: string
  at: Date
  kind: AlertEventKind
  recipient: string | null
  channel: 'email' | 'sms' | 'push' | null
  detail: Record<string, unknown>
  /** Who, by name: the therapist record or staff member the recipient key names (read, not stored). */
  name?: string | null
}

export async function recordAlertEvents(
  tx: Tx,
  practiceId: string,
  events: (Omit<AlertEventRow, 'detail' | 'name'> & { detail?: Record<string, unknown> })[],
): Promise<void> {
  for (const event of events) {
    await tx`
      insert into alert_events (practice_id, alert_id, at, kind, recipient, channel, detail)
      values (${practiceId}, ${event.alert_id}, ${event.at}, ${event.kind}, ${event.recipient}, ${event.channel},
              ${tx.json((event.detail ?? {}) as never)})`
  }
}

export async function alertHistory(tx: Tx, practiceId: string, alertIds: string[]): Promise<AlertEventRow[]> {
  if (!alertIds.length) return []
  return tx<AlertEventRow[]>`
    select e.alert_id, e.at, e.kind, e.recipient, e.channel, e.detail,
           coalesce(th.name, su.name) as name
    from alert_events e
    left join therapists th on th.practice_id = e.practice_id and e.recipient = 'therapist:' || th.id::text
    left join staff_users su on su.practice_id = e.practice_id
      and (e.recipient = su.id::text or e.recipient = 'staff:' || su.id::text)
    where e.practice_id = ${practiceId} and e.alert_id = any(${alertIds}::uuid[])
    order by e.at, e.id`
}

/**
 * Marks open, unacknowledged alerts as seen: one alert, or every urgent one about a thread. Only
 * the first opening counts; returns the alerts it acknowledged.
 */
export async function acknowledgeAlerts(
  tx: Tx,
  practiceId: string,
  which: { alertId: string } | { threadId: string; kinds: readonly string[] },
  by: string,
  now: Date,
): Promise<string[]> {
  const rows = await tx<{ id: string }[]>`
    update alerts set acknowledged_at = ${now}, acknowledged_by = ${by}
    where practice_id = ${practiceId} and status = 'open' and acknowledged_at is null
      and ${
        'alertId' in which
          ? tx`id = ${which.alertId}`
          : tx`thread_id = ${which.threadId} and kind = any(${[...which.kinds]})`
      }
    returning id`
  const ids = rows.map((r) => r.id)
  await recordAlertEvents(
    tx,
    practiceId,
    ids.map((id) => ({ alert_id: id, at: now, kind: 'acknowledged' as const, recipient: by, channel: null })),
  )
  return ids
}
