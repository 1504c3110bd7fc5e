import type { MessageRow } from './queries'
import { compact, iso } from '../db/rows'
import type { Deps } from '../deps'
import { openText, sealText } from '../crypto/secrets'
import type { Message } from '../../shared/schemas/portal'

/**
 * Message bodies exist in plaintext only in memory: sealed with AES-GCM before the insert, bound
 * to their practice and id, and opened only to answer the client or their therapist.
 */

export function sealMessageBody(deps: Deps, practiceId: string, messageId: string, body: string) {
  return sealText(deps.secret, 'message-body', body, `${practiceId}:${messageId}`)
}

export async function toMessage(deps: Deps, row: MessageRow): Promise<Message> {
  const body = await openText(
    deps.secret,
    'message-body',
    { ciphertext: row.body_ciphertext, iv: row.body_iv },
    `${row.practice_id}:${row.id}`,
  )
  return compact({
    id: row.id,
    thread_id: row.thread_id,
    therapist_id: row.therapist_id,
    sender: row.sender,
    channel: row.channel,
    category: row.category,
    body,
    created_at: iso(row.created_at),
    read_at: row.read_at ? iso(row.read_at) : null,
  }) as Message
}
