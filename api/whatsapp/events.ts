import { formatInstant } from '../../shared/time/format'
import { raiseAlert } from '../alerts/raise'
import { markChannelFailing } from '../clients/channel-queries'
import type { Tx } from '../db/connect'
import type { Deps } from '../deps'
import { recordDelivery } from '../outbox/queries'
import { bouncedReminderAbout, firstTimeSeen, textSenders } from '../reminders/queries'
import { replanClient } from '../reminders/replan'
import { handleInboundSms } from '../reminders/sms-replies'
import { adoptWhatsappMessage, recordWhatsappInbound, whatsappOutboxRow } from './queries'

/**
 * What a verified WhatsApp webhook says, handled in the caller's transaction. A client's message is
 * a text reply like any other (api/reminders/sms-replies.ts: the classifier, the thread, STOP and
 * START) and opens the 24-hour window; a status moves the message's delivery state, and `failed`
 * marks the client's WhatsApp as failing, re-plans their reminders onto what still works and
 * raises an alert like a bounce. Each message and each status is handled once.
 */

export type InboundMessage = { id: string; from: string; timestamp?: string; type: string } & Record<string, unknown>
export type StatusEvent = {
  id: string
  status: string
  recipient_id?: string
  biz_opaque_callback_data?: string
  errors?: { code?: number; title?: string }[]
}

/** The words of a message; what Hearth cannot read (a photo, a voice note) still reaches a person. */
export function messageText(message: InboundMessage): string {
  const pick = (value: unknown, key: string) =>
    value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined
  const candidates = [
    pick(message.text, 'body'),
    pick(message.button, 'text'),
    pick(pick(message.interactive, 'button_reply'), 'title'),
    pick(pick(message.interactive, 'list_reply'), 'title'),
  ]
  const text = candidates.find((c): c is string => typeof c === 'string' && c.trim().length > 0)
  return (text ?? `(A WhatsApp ${message.type} that Hearth cannot show; please look in WhatsApp.)`).slice(0, 1600)
}

export async function handleWhatsappMessage(tx: Tx, deps: Deps, practiceId: string, message: InboundMessage) {
  const now = deps.clock()
  if (!(await firstTimeSeen(tx, practiceId, { source: 'whatsapp', id: message.id, at: now }))) return 'duplicate'
  const digits = message.from.replace(/\D/g, '')
  for (const sender of await textSenders(tx, practiceId, digits, 'whatsapp')) {
    await recordWhatsappInbound(tx, practiceId, sender.id, now)
  }
  return handleInboundSms(tx, deps, {
    practiceId,
    eventId: message.id,
    from: `+${digits}`,
    text: messageText(message),
    channel: 'whatsapp',
  })
}

const DELIVERY = { delivered: 'delivered', read: 'read', failed: 'failed' } as const

export async function handleWhatsappStatus(tx: Tx, deps: Deps, practiceId: string, event: StatusEvent) {
  const now = deps.clock()
  if (!(await firstTimeSeen(tx, practiceId, { source: 'whatsapp', id: `status:${event.id}:${event.status}`, at: now })))
    return 'duplicate'
  let row = await whatsappOutboxRow(tx, practiceId, event.id)
  // A send whose answer was lost: its callback data names the row, which learns its message id now.
  if (!row && event.biz_opaque_callback_data && /^[0-9a-f-]{36}$/.test(event.biz_opaque_callback_data)) {
    if (await adoptWhatsappMessage(tx, event.biz_opaque_callback_data, event.id, now)) {
      row = await whatsappOutboxRow(tx, practiceId, event.id)
    }
  }
  const status = DELIVERY[event.status as keyof typeof DELIVERY]
  if (!row || !status) return 'ignored'
  // A late "delivered" never hides a read or a failure already recorded.
  const rank = { delivered: 1, read: 2, failed: 3 } as Record<string, number>
  if ((rank[row.delivery_status ?? ''] ?? 0) < rank[status]!) await recordDelivery(tx, row.id, status, now)
  if (status !== 'failed' || !row.client_id) return 'processed'

  const reason = event.errors?.[0]?.title?.slice(0, 200) ?? 'failed'
  await markChannelFailing(tx, practiceId, row.client_id, 'whatsapp', reason, now)
  await replanClient(tx, deps, practiceId, row.client_id)
  const about = await bouncedReminderAbout(tx, { ...row, client_id: row.client_id })
  const session = about?.starts_at
    ? ` for the session on ${formatInstant(about.starts_at, about.time_zone, 'en', 'medium')}`
    : ''
  await raiseAlert(
    tx,
    {
      practiceId,
      kind: 'delivery_failed',
      audience: 'front_desk',
      therapistId: about?.therapist_id ?? null,
      clientId: row.client_id,
      appointmentId: row.appointment_id,
      dedupeKey: `delivery_failed:${row.id}:failed`,
      summary: `The WhatsApp message to ${about?.client_name}${session} could not be delivered. Please call them and check their number.`,
      context: { outbox_id: row.id, channel: 'whatsapp', event: 'failed', error: reason },
    },
    now,
  )
  return 'processed'
}
