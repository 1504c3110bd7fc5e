import type { PlannedReminder, ReminderKind } from '../../shared/reminders/plan'
import type { Tx } from '../db/connect'

/** The outbox: everything Hearth sends on its own, one row per message (see 003_reminders.sql). */

export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'cancelled' | 'skipped'
export type OutboxChannel = 'email' | 'sms' | 'whatsapp' | 'push' | 'webhook'

export type OutboxRow = {
  id: string
  practice_id: string
  topic: string
  channel: OutboxChannel
  idempotency_key: string
  appointment_id: string | null
  client_id: string | null
  reminder_kind: ReminderKind | null
  payload: Record<string, unknown>
  status: OutboxStatus
  send_at: Date
  due_at: Date
  attempts: number
  last_error: string | null
  closed_reason: string | null
  provider_message_id: string | null
  sent_at: Date | null
  delivery_status: string | null
  delivery_updated_at: Date | null
  /** When a send that must never be repeated (WhatsApp) was last started; see dispatch.ts. */
  send_started_at: Date | null
}

const columns = (tx: Tx) =>
  tx`id, practice_id, topic, channel, idempotency_key, appointment_id, client_id, reminder_kind, payload, status,
     send_at, due_at, attempts, last_error, closed_reason, provider_message_id, sent_at, delivery_status,
     delivery_updated_at, send_started_at`

export async function pendingReminders(tx: Tx, practiceId: string, appointmentId: string): Promise<OutboxRow[]> {
  return tx<OutboxRow[]>`
    select ${columns(tx)} from outbox
    where practice_id = ${practiceId} and appointment_id = ${appointmentId} and topic = 'reminder'
      and status = 'pending'
    for update`
}

export async function closeOutboxRows(
  tx: Tx,
  closing: { id: string; reason: string }[],
  status: 'cancelled' | 'skipped',
  now: Date,
): Promise<void> {
  if (!closing.length) return
  await tx`
    update outbox o set status = ${status}, closed_reason = v.reason, updated_at = ${now}
    from unnest(${closing.map((c) => c.id)}::uuid[], ${closing.map((c) => c.reason)}::text[]) as v(id, reason)
    where o.id = v.id and o.status = 'pending'`
}

/**
 * Writes a plan. A key seen before keeps its row: a sent reminder is never sent again, a cancelled
 * one comes back to life, a pending one that has not been tried moves to its new time.
 */
export async function upsertReminders(
  tx: Tx,
  practiceId: string,
  appointment: { id: string; client_id: string },
  planned: PlannedReminder[],
  now: Date,
): Promise<void> {
  if (!planned.length) return
  await tx`
    insert into outbox (practice_id, topic, channel, idempotency_key, appointment_id, client_id, reminder_kind,
                        send_at, due_at, created_at, updated_at)
    select ${practiceId}, 'reminder', v.channel, v.key, ${appointment.id}, ${appointment.client_id}, v.kind,
           v.send_at, v.send_at, ${now}, ${now}
    from unnest(${planned.map((p) => p.channel)}::text[], ${planned.map((p) => p.idempotency_key)}::text[],
                ${planned.map((p) => p.kind)}::text[], ${planned.map((p) => p.send_at)}::timestamptz[])
      as v(channel, key, kind, send_at)
    on conflict (practice_id, idempotency_key) do update
      set send_at = excluded.send_at, due_at = excluded.due_at, status = 'pending', closed_reason = null,
          attempts = 0, last_error = null, updated_at = excluded.updated_at
      where outbox.status = 'cancelled'
         or (outbox.status = 'pending' and outbox.attempts = 0 and outbox.send_at <> excluded.send_at)`
}

/** Anything else the outbox carries (a text reply, later a webhook): sent as soon as a dispatcher runs. */
export async function enqueue(
  tx: Tx,
  row: {
    id?: string
    practiceId: string
    topic: string
    channel: OutboxChannel
    idempotencyKey: string
    clientId?: string | null
    appointmentId?: string | null
    payload: Record<string, unknown>
    sendAt: Date
  },
): Promise<string | null> {
  const [inserted] = await tx<{ id: string }[]>`
    insert into outbox (id, practice_id, topic, channel, idempotency_key, client_id, appointment_id, payload,
                        send_at, due_at, created_at, updated_at)
    values (${row.id ?? crypto.randomUUID()}, ${row.practiceId}, ${row.topic}, ${row.channel}, ${row.idempotencyKey},
            ${row.clientId ?? null}, ${row.appointmentId ?? null}, ${tx.json(row.payload as never)},
            ${row.sendAt}, ${row.sendAt}, ${row.sendAt}, ${row.sendAt})
    on conflict (practice_id, idempotency_key) do nothing
    returning id`
  return inserted?.id ?? null
}

/**
 * Claims due rows for this dispatcher: locked until its transaction ends, skipped by every other
 * dispatcher meanwhile. A dispatcher that dies releases them with its connection, untouched.
 */
export async function claimDue(
  tx: Tx,
  options: { now: Date; limit: number; topics: string[]; channels: OutboxChannel[] },
): Promise<OutboxRow[]> {
  return tx<OutboxRow[]>`
    select ${columns(tx)} from outbox
    where status = 'pending' and due_at <= ${options.now}
      and topic = any(${options.topics}::text[]) and channel = any(${options.channels}::text[])
      -- A row in a recorded email batch is posted again only with its batch (claimEmailBatches).
      and not exists (select 1 from email_batches b where b.outbox_ids @> array[outbox.id])
    order by due_at
    limit ${options.limit}
    for update skip locked`
}

/**
 * Marks rows whose provider takes no idempotency key as being sent, out of every dispatcher's
 * reach until `leaseUntil`; committed before the send, so a crash mid-send leaves the mark behind.
 */
export async function markSendStarted(tx: Tx, ids: string[], now: Date, leaseUntil: Date): Promise<void> {
  if (!ids.length) return
  await tx`
    update outbox set send_started_at = ${now}, due_at = ${leaseUntil}, updated_at = ${now}
    where id = any(${ids}::uuid[])`
}

/** A recorded email batch (see 150_email_batches.sql). */
export type EmailBatch = { key: string; outbox_ids: string[]; messages: string; created_at: Date }

/** Records batches about to be posted; run on a connection of its own, committed before the post. */
export async function recordEmailBatches(tx: Tx, batches: Omit<EmailBatch, 'created_at'>[], now: Date): Promise<void> {
  if (!batches.length) return
  // One JSON parameter, not text arrays: the messages are large, and escaping them into an array
  // literal cost more than anything else the batch does.
  await tx`
    insert into email_batches (key, outbox_ids, messages, created_at, retry_at)
    select v.key, array(select jsonb_array_elements_text(v.outbox_ids))::uuid[], v.messages, ${now}, ${now}
    from jsonb_to_recordset(${tx.json(batches as never)}) as v(key text, outbox_ids jsonb, messages text)`
}

/**
 * Claims recorded batches due to be posted again, with their outbox rows still pending, locked.
 * A batch whose rows a live dispatcher still holds (it is posting it now) is left alone.
 */
export async function claimEmailBatches(
  tx: Tx,
  options: { now: Date; limit: number },
): Promise<{ batch: EmailBatch; rows: OutboxRow[] }[]> {
  const batches = await tx<EmailBatch[]>`
    select key, outbox_ids, messages, created_at from email_batches
    where retry_at <= ${options.now}
    order by retry_at
    limit ${options.limit}
    for update skip locked`
  if (!batches.length) return []
  const ids = batches.flatMap((b) => b.outbox_ids)
  const locked = await tx<OutboxRow[]>`
    select ${columns(tx)} from outbox where id = any(${ids}::uuid[]) for update skip locked`
  const existing = await tx<{ id: string }[]>`select id from outbox where id = any(${ids}::uuid[])`
  const byId = new Map(locked.map((r) => [r.id, r]))
  const claimed: { batch: EmailBatch; rows: OutboxRow[] }[] = []
  for (const batch of batches) {
    // All or nothing per batch: a row held elsewhere means its owner is alive (or a change is being made).
    const mine = new Set(batch.outbox_ids)
    if (existing.some((r) => mine.has(r.id) && !byId.has(r.id))) continue
    const rows = batch.outbox_ids.map((id) => byId.get(id)).filter((r): r is OutboxRow => r?.status === 'pending')
    claimed.push({ batch, rows })
  }
  return claimed
}

/** Batches whose outcome is now known: their rows' outcomes are recorded in the same transaction. */
export async function closeEmailBatches(tx: Tx, keys: string[]): Promise<void> {
  if (keys.length) await tx`delete from email_batches where key = any(${keys}::text[])`
}

/** Batches whose outcome is still unknown (no answer, a 5xx): posted again, as they are, from `retryAt`. */
export async function retryEmailBatches(tx: Tx, keys: string[], retryAt: Date): Promise<void> {
  if (keys.length) await tx`update email_batches set retry_at = ${retryAt} where key = any(${keys}::text[])`
}

/** Locks rows again for the transaction that records how their sends went. */
export async function relock(tx: Tx, ids: string[]): Promise<void> {
  if (ids.length) await tx`select 1 from outbox where id = any(${ids}::uuid[]) for update`
}

export type Settled =
  | { id: string; status: 'sent'; providerMessageId: string }
  | { id: string; status: 'retry'; error: string; dueAt: Date }
  | { id: string; status: 'failed' | 'skipped'; reason: string; error?: string }

/** Records a batch's outcomes in one statement. */
export async function settle(tx: Tx, outcomes: Settled[], now: Date): Promise<void> {
  if (!outcomes.length) return
  const pick = <T>(f: (o: Settled) => T) => outcomes.map(f)
  await tx`
    update outbox o set
      status = case v.status when 'retry' then 'pending' else v.status end,
      attempts = o.attempts + case when v.status = 'skipped' then 0 else 1 end,
      provider_message_id = coalesce(v.provider_id, o.provider_message_id),
      sent_at = case when v.status = 'sent' then ${now}::timestamptz else o.sent_at end,
      due_at = coalesce(v.due_at, o.due_at),
      last_error = coalesce(v.error, o.last_error),
      closed_reason = v.reason,
      -- A provider that answered "not taken" leaves nothing sent: the next try may send.
      send_started_at = case when v.status = 'retry' then null else o.send_started_at end,
      updated_at = ${now}
    from unnest(
      ${pick((o) => o.id)}::uuid[],
      ${pick((o) => o.status)}::text[],
      ${pick((o) => (o.status === 'sent' ? o.providerMessageId : null))}::text[],
      ${pick((o) => (o.status === 'retry' ? o.dueAt.toISOString() : null))}::timestamptz[],
      ${pick((o) => ('error' in o ? (o.error ?? null) : null))}::text[],
      ${pick((o) => ('reason' in o ? o.reason : null))}::text[]
    ) as v(id, status, provider_id, due_at, error, reason)
    where o.id = v.id`
}

/** Every reminder of an appointment, planned and sent, for the staff's delivery audit. */
export async function remindersOf(tx: Tx, practiceId: string, appointmentId: string): Promise<OutboxRow[]> {
  return tx<OutboxRow[]>`
    select ${columns(tx)} from outbox
    where practice_id = ${practiceId} and appointment_id = ${appointmentId} and topic = 'reminder'
    order by send_at, created_at, channel`
}

export async function findOutboxRow(tx: Tx, practiceId: string, id: string): Promise<OutboxRow | null> {
  const [row] = await tx<
    OutboxRow[]
  >`select ${columns(tx)} from outbox where practice_id = ${practiceId} and id = ${id}`
  return row ?? null
}

/** System lookup for a provider's delivery event: which practice's message it was. */
export async function findByProviderMessageId(
  tx: Tx,
  channel: OutboxChannel,
  providerMessageId: string,
): Promise<OutboxRow | null> {
  const [row] = await tx<OutboxRow[]>`
    select ${columns(tx)} from outbox
    where provider_message_id = ${providerMessageId} and channel = ${channel}
    limit 1`
  return row ?? null
}

export async function recordDelivery(tx: Tx, id: string, status: string, at: Date): Promise<void> {
  await tx`
    update outbox set delivery_status = ${status}, delivery_updated_at = ${at}, updated_at = ${at}
    where id = ${id}`
}
