import type { ClientMessageCategory } from '../../shared/schemas/policies'
import type { MessageChannel, MessageSender } from '../../shared/schemas/portal'
import type { Tx } from '../db/connect'
import { insertMessage, type MessageRow, touchThread } from './queries'
import type { Deps } from '../deps'
import { queueWebhookEvent } from '../webhooks/events'
import { sealMessageBody } from './body'
import { announceClientMessage } from '../staff-notices/enqueue'

/**
 * A message from the client or their therapist, in the caller's transaction: into their thread
 * (made on the first message, its last activity moved to now), the body sealed before the insert,
 * the thin `message.created` webhook queued, and, for the client's, their therapist told (api/staff-notices).
 */
export async function postMessage(
  tx: Tx,
  deps: Deps,
  message: {
    practiceId: string
    clientId: string
    therapistId: string
    sender: MessageSender
    /** Where it was written (the client) or how the client will be told of it (a reply: the portal). */
    channel: MessageChannel
    /** The therapist's API key for a reply; null for the client. */
    senderKeyId: string | null
    /** The staff member who replied, by name (null for a key or the client). */
    senderStaff?: { id: string; name: string } | null
    category: ClientMessageCategory
    body: string
    now: Date
  },
): Promise<MessageRow> {
  const { practiceId, sender, now } = message
  const id = crypto.randomUUID()
  const threadId = await touchThread(tx, {
    practiceId,
    clientId: message.clientId,
    therapistId: message.therapistId,
    now,
  })
  const row = await insertMessage(tx, {
    id,
    practiceId,
    threadId,
    sender,
    channel: message.channel,
    senderKeyId: message.senderKeyId,
    senderStaff: message.senderStaff ?? null,
    category: message.category,
    sealed: await sealMessageBody(deps, practiceId, id, message.body),
    now,
  })
  await queueWebhookEvent(tx, {
    practiceId,
    type: 'message.created',
    data: { message_id: id, thread_id: threadId, sender, channel: message.channel },
    at: now,
  })
  if (sender === 'client') {
    await announceClientMessage(tx, {
      practiceId,
      threadId,
      therapistId: message.therapistId,
      crisis: message.category === 'crisis',
      now,
    })
  }
  return row
}
