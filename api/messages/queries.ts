import { URGENT_ALERT_KINDS } from '../../shared/alert-kinds'
import type { ClientMessageCategory } from '../../shared/schemas/policies'
import type { MessageChannel, MessageSender } from '../../shared/schemas/portal'
import type { Tx } from '../db/connect'
import { decodeCursor, page } from '../db/rows'

export type MessageRow = {
  id: string
  practice_id: string
  thread_id: string
  therapist_id: string
  sender: MessageSender
  channel: MessageChannel
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
    sender: MessageSender
    channel: MessageChannel
    senderKeyId: string | null
    senderStaff: { id: string; name: string } | null
    category: ClientMessageCategory
    sealed: { ciphertext: Uint8Array; iv: Uint8Array }
    now: Date
  },
): Promise<MessageRow> {
  const [row] = await tx<MessageRow[]>`
    with inserted as (
      insert into messages (id, practice_id, thread_id, sender, channel, sender_key_id, sender_staff_id, sender_name,
                            category, body_ciphertext, body_iv, created_at)
      values (${values.id}, ${values.practiceId}, ${values.threadId}, ${values.sender}, ${values.channel}, ${values.senderKeyId},
              ${values.senderStaff?.id ?? null}, ${values.senderStaff?.name ?? null}, ${values.category}, ${values.sealed.ciphertext}, ${values.sealed.iv}, ${values.now})
      returning *
    )
    select i.id, i.practice_id, i.thread_id, t.therapist_id, i.sender, i.channel, i.category, i.body_ciphertext, i.body_iv,
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
    select m.id, m.practice_id, m.thread_id, t.therapist_id, m.sender, m.channel, m.category, m.body_ciphertext, m.body_iv,
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

/** Marks what the other side wrote as read by the reader, up to now (`therapist`: the practice's side). */
export async function markRead(
  tx: Tx,
  practiceId: string,
  q: { threadIds: string[]; writtenBy: 'client' | 'therapist'; now: Date },
): Promise<void> {
  if (!q.threadIds.length) return
  await tx`
    update messages set read_at = ${q.now}
    where practice_id = ${practiceId} and thread_id in ${tx(q.threadIds)}
      and ${q.writtenBy === 'client' ? tx`sender = 'client'` : tx`sender <> 'client'`}
      and read_at is null and created_at <= ${q.now}`
}

export type ThreadRow = {
  id: string
  client_id: string
  client_name: string
  therapist_id: string
  last_message_at: Date
  last_sender: MessageSender
  unread_count: number
  urgent: boolean
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

/**
 * Whether an open urgent alert is about this thread: raised for it (`thread_id`), or, for alerts
 * raised before threads were named, a crisis message from the same client to the same therapist.
 */
const openUrgentAlert = (tx: Tx) => tx`
  exists (select 1 from alerts a
          where a.practice_id = th.practice_id and a.kind = any(${[...URGENT_ALERT_KINDS]}) and a.status = 'open'
            and (a.thread_id = th.id
                 or (a.thread_id is null and a.client_id = th.client_id and a.therapist_id = th.therapist_id)))`

/** The inbox: threads with an open urgent alert first, then the most recently active. */
export async function listThreads(
  tx: Tx,
  practiceId: string,
  q: { therapistId?: string | undefined; threadId?: string; limit: number; cursor?: string | undefined },
): Promise<{ rows: ThreadRow[]; next_cursor: string | null }> {
  const after = decodeCursor(q.cursor)
  const rows = await tx<(ThreadRow & { crisis_rank: number; sort_key: string })[]>`
    select * from (
      select th.id, th.client_id, c.name as client_name, th.therapist_id, th.last_message_at,
             th.last_message_at::text as sort_key,
             (select count(*)::int from messages m
              where m.practice_id = th.practice_id and m.thread_id = th.id and m.sender = 'client' and m.read_at is null)
               as unread_count,
             (select m.sender from messages m where m.practice_id = th.practice_id and m.thread_id = th.id
              order by m.created_at desc, m.id desc limit 1) as last_sender,
             ${openUrgentAlert(tx)} as urgent
      from message_threads th join clients c on c.practice_id = th.practice_id and c.id = th.client_id
      where th.practice_id = ${practiceId}
        ${q.therapistId ? tx`and th.therapist_id = ${q.therapistId}` : tx``}
        ${q.threadId ? tx`and th.id = ${q.threadId}` : tx``}
    ) inbox
    cross join lateral (select case when inbox.urgent then 1 else 0 end as crisis_rank) r
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

/**
 * The oldest of the practice's replies in a thread that the client has not read yet: while it
 * stays unread, later replies join the same notice.
 */
export async function firstUnreadReply(
  tx: Tx,
  practiceId: string,
  threadId: string,
): Promise<{ id: string; client_time_zone: string } | null> {
  const [row] = await tx<{ id: string; client_time_zone: string }[]>`
    select m.id, c.time_zone as client_time_zone
    from messages m
    join message_threads th on th.practice_id = m.practice_id and th.id = m.thread_id
    join clients c on c.practice_id = th.practice_id and c.id = th.client_id
    where m.practice_id = ${practiceId} and m.thread_id = ${threadId} and m.sender <> 'client' and m.read_at is null
    order by m.created_at, m.id
    limit 1`
  return row ?? null
}

/**
 * Hands a thread to another therapist: its alerts follow it. When the client already has a thread
 * with that therapist the messages join it (one thread per client and therapist) and the empty
 * one goes. Returns the thread that now holds the conversation.
 */
export async function routeThread(
  tx: Tx,
  practiceId: string,
  thread: { id: string; client_id: string },
  therapistId: string,
): Promise<string> {
  const [existing] = await tx<{ id: string }[]>`
    select id from message_threads
    where practice_id = ${practiceId} and client_id = ${thread.client_id} and therapist_id = ${therapistId}
    for update`
  const target = existing?.id ?? thread.id
  if (existing) {
    await tx`update messages set thread_id = ${target} where practice_id = ${practiceId} and thread_id = ${thread.id}`
    await tx`update alerts set thread_id = ${target} where practice_id = ${practiceId} and thread_id = ${thread.id}`
    await tx`
      update message_threads set last_message_at = greatest(last_message_at,
        (select last_message_at from message_threads where practice_id = ${practiceId} and id = ${thread.id}))
      where practice_id = ${practiceId} and id = ${target}`
    await tx`delete from message_threads where practice_id = ${practiceId} and id = ${thread.id}`
  } else {
    await tx`update message_threads set therapist_id = ${therapistId} where practice_id = ${practiceId} and id = ${target}`
  }
  await tx`
    update alerts set therapist_id = ${therapistId}
    where practice_id = ${practiceId} and thread_id = ${target} and status = 'open'`
  return target
}
