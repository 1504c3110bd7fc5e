import type { Tx } from '../db/connect'

/**
 * Bounded deletes of rows that have outlived their use, one batch each: at most `limit` rows, the
 * oldest first is not promised. Rows another transaction holds are skipped, never waited for.
 * System transactions only (rate limits and inbound events span practices). Each returns how many
 * rows it deleted; a caller repeats while a batch comes back full.
 */

type Batch = { before: Date; limit: number }

const count = (rows: readonly unknown[]) => rows.length

/** Rate-limit windows that started before `before`. */
export async function deleteOldRateLimits(tx: Tx, { before, limit }: Batch): Promise<number> {
  return count(
    await tx`
    delete from rate_limits where bucket in (
      select bucket from rate_limits where window_started_at < ${before} limit ${limit} for update skip locked)
    returning 1`,
  )
}

/** Sign-in codes (used or not) that expired before `before`. */
export async function deleteOldSignInCodes(tx: Tx, { before, limit }: Batch): Promise<number> {
  return count(
    await tx`
    delete from portal_sign_in_codes where id in (
      select id from portal_sign_in_codes where expires_at < ${before} limit ${limit} for update skip locked)
    returning 1`,
  )
}

/** Spent silent sign-in token ids whose token expired before `before` (it can no longer be replayed). */
export async function deleteOldExchangeTokens(tx: Tx, { before, limit }: Batch): Promise<number> {
  return count(
    await tx`
    delete from portal_exchange_tokens where (practice_id, jti) in (
      select practice_id, jti from portal_exchange_tokens where expires_at < ${before}
      limit ${limit} for update skip locked)
    returning 1`,
  )
}

/** Portal sessions that ended (signed out, revoked, or past their absolute lifetime) before `before`, with their refresh tokens. */
export async function deleteEndedSessions(tx: Tx, { before, limit }: Batch): Promise<number> {
  return count(
    await tx`
    delete from portal_sessions where id in (
      select id from portal_sessions where expires_at < ${before} or revoked_at < ${before}
      limit ${limit} for update skip locked)
    returning 1`,
  )
}

/** Provider event ids (svix-id, webhook-id) received before `before`. */
export async function deleteOldInboundEvents(tx: Tx, { before, limit }: Batch): Promise<number> {
  return count(
    await tx`
    delete from inbound_events where (practice_id, source, event_id) in (
      select practice_id, source, event_id from inbound_events where received_at < ${before}
      limit ${limit} for update skip locked)
    returning 1`,
  )
}

/**
 * Finished outbox messages other than reminders and webhooks (text replies, client notices): sent,
 * failed, cancelled or skipped, last touched before `before`.
 */
export async function deleteFinishedMessages(tx: Tx, { before, limit }: Batch): Promise<number> {
  return count(
    await tx`
    delete from outbox where id in (
      select id from outbox
      where topic <> 'reminder' and topic <> 'webhook' and status <> 'pending' and updated_at < ${before}
      limit ${limit} for update skip locked)
    returning 1`,
  )
}

/** Finished webhook messages last touched before `before`, with their delivery attempts. */
export async function deleteFinishedWebhooks(tx: Tx, { before, limit }: Batch): Promise<number> {
  return count(
    await tx`
    delete from outbox where id in (
      select id from outbox
      where topic = 'webhook' and status <> 'pending' and updated_at < ${before}
      limit ${limit} for update skip locked)
    returning 1`,
  )
}

/**
 * Reminders that were never sent (cancelled when the session moved or was confirmed, or skipped),
 * once their session ended before `before`: no plan can bring them back then. Sent and failed
 * reminders stay: no-show insights (by channel) and the staff's delivery audit read them.
 */
export async function deleteUnsentReminders(tx: Tx, { before, limit }: Batch): Promise<number> {
  return count(
    await tx`
    delete from outbox where id in (
      select o.id from outbox o
      join appointments a on a.practice_id = o.practice_id and a.id = o.appointment_id
      where o.topic = 'reminder' and o.status in ('cancelled', 'skipped') and o.updated_at < ${before}
        and a.ends_at < ${before}
      limit ${limit} for update of o skip locked)
    returning 1`,
  )
}
