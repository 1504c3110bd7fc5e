import { channelStatus } from '../../shared/reminders/channels'
import type { ReminderDelivery } from '../../shared/schemas/reminders'
import { channelFacts } from '../clients/channel-queries'
import type { Tx } from '../db/connect'
import { type OutboxRow, remindersOf } from '../outbox/queries'
import { compact, iso } from '../db/rows'

/** The staff's delivery audit: what was planned and sent for a session, and why a client gets nothing. */

function toDelivery(row: OutboxRow): ReminderDelivery {
  return compact({
    id: row.id,
    kind: row.reminder_kind!,
    channel: row.channel as ReminderDelivery['channel'],
    send_at: iso(row.send_at),
    status: row.status,
    attempts: row.attempts,
    sent_at: row.sent_at && iso(row.sent_at),
    delivery_status: row.delivery_status as ReminderDelivery['delivery_status'],
    delivery_updated_at: row.delivery_updated_at && iso(row.delivery_updated_at),
    reason: row.closed_reason,
    last_error: row.last_error,
  }) as ReminderDelivery
}

export async function appointmentReminders(tx: Tx, practiceId: string, appointmentId: string) {
  return (await remindersOf(tx, practiceId, appointmentId)).map(toDelivery)
}

export async function clientChannels(tx: Tx, practiceId: string, clientId: string) {
  const facts = await channelFacts(tx, practiceId, clientId)
  return facts ? channelStatus(facts) : null
}
