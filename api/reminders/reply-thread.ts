import type { ClientMessageCategory } from '../../shared/schemas/policies'
import type { Tx } from '../db/connect'
import type { Deps } from '../deps'
import { postMessage } from '../messages/post'

/**
 * A client's text reply kept in their thread with the therapist ("running late", a question, "I'm
 * nervous"), so the therapist is told and the words are never lost. The one place text replies
 * enter the thread.
 */
export async function postReplyToThread(
  tx: Tx,
  deps: Deps,
  reply: {
    practiceId: string
    clientId: string
    therapistId: string
    category: ClientMessageCategory
    body: string
    via: 'sms' | 'whatsapp'
  },
): Promise<void> {
  await postMessage(tx, deps, {
    practiceId: reply.practiceId,
    clientId: reply.clientId,
    therapistId: reply.therapistId,
    sender: 'client',
    channel: reply.via,
    senderKeyId: null,
    category: reply.category,
    body: reply.body,
    now: deps.clock(),
  })
}
