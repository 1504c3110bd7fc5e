import type { ClientMessageCategory } from '../../shared/schemas/policies'
import type { Tx } from '../db/connect'
import { decodeCursor, page } from '../db/rows'

export type MessageRow = {
  id: string
  practice_id: string
  thread_id: string
  therapist_id: string
  sender: 'client' | 'therapist'
  category: ClientMessageCategory
  body_ciphertext: Uint8Array
  body_iv: Uint8Array
  created_at: Date
  read_at: Date | null
}

/** The client–therapist thread, created on the first message; its last activity moves to `now`. */
export async function touchThread(
  tx: Tx,
  values: { practiceId: string; clientId: string; therapistId: string; now: Date },
): Promise<string> {
  const [row] = await tx<{ id: string }[]>`
    insert into message_threads (practice_id, client_id, therapist_id, created_at, last_message_at)
    values (${values.practiceId}, ${values.clientId}, ${values.therapistId}, ${values.now}, ${values.now})
    on conflict (practice_id, client_id, therapist_id) do update set last_message_at = excluded.last_message_at
    returning id`
  return row!.id
}

export async function insertMessage(
  tx: Tx,
  values: {
    id: string
    practiceId: string
    threadId: string
    sender: 'client' | 'therapist'
    senderKeyId: string | null
    category: ClientMessageCategory
    sealed: { ciphertext: Uint8Array; iv: Uint8Array }
    now: Date
  },
): Promise<MessageRow> {
  const [row] = await tx<MessageRow[]>`
    with inserted as (
      insert into messages (id, practice_id, thread_id, sender, sender_key_id, category, body_ciphertext, body_iv, created_at)
      values (${values.id}, ${values.practiceId}, ${values.threadId}, ${values.sender}, ${values.senderKeyId},
              ${values.category}, ${values.sealed.ciphertext}, ${values.sealed.iv}, ${values.now})
      returning *
    )
    select i.id, i.practice_id, i.thread_id, t.therapist_id, i.sender, i.category, i.body_ciphertext, i.body_iv,
           i.created_at, i.read_at
    from inserted i join message_threads t on t.practice_id = i.practice_id and t.id = i.thread_id`
  return row!
}

/** Newest page first, returned oldest-to-newest; the cursor leads to older messages. */
async function pageOfMessages(
  tx: Tx,
  where: ReturnType<Tx>,
  q: { limit: number; cursor?: string | undefined },
): Promise<{ rows: MessageRow[]; next_cursor: string | null }> {
  const before = decodeCursor(q.cursor)
  const rows = await tx<(MessageRow & { sort_key: string })[]>`
    select m.id, m.practice_id, m.thread_id, t.therapist_id, m.sender, m.category, m.body_ciphertext, m.body_iv,
           m.created_at, m.read_at, m.created_at::text as sort_key
    from messages m join message_threads t on t.practice_id = m.practice_id and t.id = m.thread_id
    where ${where}
      ${before ? tx`and (m.created_at, m.id) < (${String(before[0])}::text::timestamptz, ${String(before[1])}::uuid)` : tx``}
    order by m.created_at desc, m.id desc
    limit ${q.limit + 1}`
  // The page's last row is its oldest: the cursor leads on from there.
  const newestFirst = page(
    rows,
    q.limit,
    (row) => row,
    (oldest) => [oldest.sort_key, oldest.id],
  )
  return { rows: newestFirst.data.reverse(), next_cursor: newestFirst.next_cursor }
}

export function listClientMessages(
  tx: Tx,
  practiceId: string,
  clientId: string,
  q: { therapistId?: string | undefined; limit: number; cursor?: string | undefined },
) {
  return pageOfMessages(
    tx,
    tx`m.practice_id = ${practiceId} and t.client_id = ${clientId}
       ${q.therapistId ? tx`and t.therapist_id = ${q.therapistId}` : tx``}`,
    q,
  )
}

export function listThreadMessages(
  tx: Tx,
  practiceId: string,
  threadId: string,
  q: { limit: number; cursor?: string | undefined },
) {
  return pageOfMessages(tx, tx`m.practice_id = ${practiceId} and m.thread_id = ${threadId}`, q)
}

/** Marks what the other side wrote as read by the reader, up to now. */
export async function markRead(
  tx: Tx,
  practiceId: string,
  q: { threadIds: string[]; writtenBy: 'client' | 'therapist'; now: Date },
): Promise<void> {
  if (!q.threadIds.length) return
  await tx`
    update messages set read_at = ${q.now}
    where practice_id = ${practiceId} and thread_id in ${tx(q.threadIds)} and sender = ${q.writtenBy}
      and read_at is null and created_at <= ${q.now}`
}

export type ThreadRow = {
  id: string
  client_id: string
  client_name: string
  therapist_id: string
  last_message_at: Date
  unread_count: number
  crisis: boolean
}

export async function findThread(
  tx: Tx,
  practiceId: string,
  id: string,
): Promise<{ id: string; client_id: string; therapist_id: string } | null> {
  const [row] = await tx<{ id: string; client_id: string; therapist_id: string }[]>`
    select id, client_id, therapist_id from message_threads
    where practice_id = ${practiceId} and id = ${id}`
  return row ?? null
}

/** The inbox: threads with an open crisis alert first, then the most recently active. */
export async function listThreads(
  tx: Tx,
  practiceId: string,
  q: { therapistId?: string | undefined; limit: number; cursor?: string | undefined },
): Promise<{ rows: ThreadRow[]; next_cursor: string | null }> {
  const after = decodeCursor(q.cursor)
  const rows = await tx<(ThreadRow & { crisis_rank: number; sort_key: string })[]>`
    select * from (
      select th.id, th.client_id, c.name as client_name, th.therapist_id, th.last_message_at,
             th.last_message_at::text as sort_key,
             (select count(*)::int from messages m
              where m.practice_id = th.practice_id and m.thread_id = th.id and m.sender = 'client' and m.read_at is null)
               as unread_count,
             exists (select 1 from alerts a
                     where a.practice_id = th.practice_id and a.kind = 'crisis_message' and a.status = 'open'
                       and a.client_id = th.client_id and a.therapist_id = th.therapist_id) as crisis
      from message_threads th join clients c on c.practice_id = th.practice_id and c.id = th.client_id
      where th.practice_id = ${practiceId}
        ${q.therapistId ? tx`and th.therapist_id = ${q.therapistId}` : tx``}
    ) inbox
    cross join lateral (select case when inbox.crisis then 1 else 0 end as crisis_rank) r
    ${
      after
        ? tx`where (crisis_rank, last_message_at, id) < (${Number(after[0])}, ${String(after[1])}::text::timestamptz, ${String(after[2])}::uuid)`
        : tx``
    }
    order by crisis_rank desc, last_message_at desc, id desc
    limit ${q.limit + 1}`
  const { data, next_cursor } = page(
    rows,
    q.limit,
    (row) => row,
    (last) => [last.crisis_rank, last.sort_key, last.id],
  )
  return { rows: data, next_cursor }
}
