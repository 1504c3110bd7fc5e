import { noticeSendTime } from '../../shared/notices/timing'
import type { Tx } from '../db/connect'
import { queueClientNotice } from '../notices/enqueue'
import { firstUnreadReply } from './queries'

/**
 * Tells the client a reply is waiting, on their first usable channel, with a link into the portal
 * at the thread: never the words, never the therapist's name. Replies in a row make one notice
 * (it is keyed to the oldest reply still unread), it waits out the client's night, and it is
 * skipped at sending time if they have read the thread meanwhile.
 */
export async function announceReply(
  tx: Tx,
  reply: { practiceId: string; clientId: string; therapistId: string; threadId: string; now: Date },
): Promise<void> {
  const oldest = await firstUnreadReply(tx, reply.practiceId, reply.threadId)
  if (!oldest) return
  await queueClientNotice(tx, {
    practiceId: reply.practiceId,
    clientId: reply.clientId,
    reach: 'preferred',
    onceFor: oldest.id,
    payload: {
      kind: 'reply_waiting',
      starts_at: reply.now.toISOString(),
      show: 'messages',
      subject_id: reply.therapistId,
      thread_id: reply.threadId,
    },
    sendAt: noticeSendTime(reply.now, oldest.client_time_zone),
  })
}
