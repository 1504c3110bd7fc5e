import { URGENT_ALERT_KINDS } from '../../shared/alert-kinds'
import type { AlertRow } from '../alerts/queries'
import { recordAlertEvents } from '../alerts/history-queries'
import type { Tx } from '../db/connect'
import { enqueue } from '../outbox/queries'
import { type PageStage, urgentRecipients } from './recipients'

/**
 * An urgent alert's pages, queued in the transaction that raised it (outbox topic `staff_page`):
 * the person it is for at once, whatever the hour; the escalation after the practice's window,
 * sent only if nobody has acknowledged the alert by then (checked at sending time).
 */

export type PagePayload = {
  alert_id: string
  stage: PageStage
  recipient: string
  /** The address or number this page goes to (a push goes to the recipient's console devices). */
  to: string | null
  locale: string
  minutes: number
}

export function isUrgent(kind: string): boolean {
  return (URGENT_ALERT_KINDS as readonly string[]).includes(kind)
}

export async function queuePages(tx: Tx, alert: AlertRow, now: Date): Promise<void> {
  if (!isUrgent(alert.kind)) return
  const { plans, escalationMinutes, locale } = await urgentRecipients(tx, alert)
  for (const { stage, recipients, unreachable } of plans) {
    const sendAt = stage === 'first' ? now : new Date(now.getTime() + escalationMinutes * 60_000)
    for (const recipient of recipients) {
      for (const channel of recipient.channels) {
        const payload: PagePayload = {
          alert_id: alert.id,
          stage,
          recipient: recipient.key,
          to: channel === 'email' ? recipient.email : channel === 'sms' ? recipient.phone : null,
          locale,
          minutes: escalationMinutes,
        }
        await enqueue(tx, {
          practiceId: alert.practice_id,
          topic: 'staff_page',
          channel,
          idempotencyKey: `page/${alert.id}/${stage}/${recipient.key}/${channel}`,
          payload,
          sendAt,
        })
      }
    }
    await recordAlertEvents(
      tx,
      alert.practice_id,
      unreachable.map((key) => ({
        alert_id: alert.id,
        at: now,
        kind: 'page_failed' as const,
        recipient: key,
        channel: null,
        detail: { reason: 'no_contact', stage },
      })),
    )
  }
}
