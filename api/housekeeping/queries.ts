import type { PendingQuery, Row } from 'postgres'
import type { Tx } from '../db/connect'

/**
 * Bounded deletes of rows that have outlived their use, one batch each: at most `limit` rows, the
 * oldest first is not promised. Rows another transaction holds are skipped, never waited for.
 * System transactions only (rate limits and inbound events span practices). Each returns how many
 * rows it deleted; a caller repeats while a batch comes back full.
 */

type Batch = { before: Date; limit: number }
export type Sweep = (tx: Tx, batch: Batch) => Promise<number>

/** A sweep of `table` (rows named by `key`) for the rows `where` picks as done with by `before`. */
function sweep(table: string, key: string[], where: (tx: Tx, before: Date) => PendingQuery<Row[]>): Sweep {
  return async (tx, { before, limit }) => {
    const rows = await tx`
      delete from ${tx(table)} where (${tx(key)}) in (
        select ${tx(key)} from ${tx(table)} where ${where(tx, before)} limit ${limit} for update skip locked)
      returning 1`
    return rows.length
  }
}

/** Rate-limit windows that started before `before`. */
export const deleteOldRateLimits = sweep('rate_limits', ['bucket'], (tx, before) => tx`window_started_at < ${before}`)

/** Sign-in codes (used or not) that expired before `before`. */
export const deleteOldSignInCodes = sweep('portal_sign_in_codes', ['id'], (tx, before) => tx`expires_at < ${before}`)

/** Passkey challenges (spent or not) that expired before `before`. */
export const deleteOldPasskeyChallenges = sweep(
  'staff_passkey_challenges',
  ['id'],
  (tx, before) => tx`expires_at < ${before}`,
)

/** Spent silent sign-in token ids whose token expired before `before` (it can no longer be replayed). */
export const deleteOldExchangeTokens = sweep(
  'portal_exchange_tokens',
  ['practice_id', 'jti'],
  (tx, before) => tx`expires_at < ${before}`,
)

/** Portal sessions that ended (signed out, revoked, or past their absolute lifetime) before `before`, with their refresh tokens. */
export const deleteEndedSessions = sweep(
  'portal_sessions',
  ['id'],
  (tx, before) => tx`expires_at < ${before} or revoked_at < ${before}`,
)

/** Provider event ids (svix-id, webhook-id) received before `before`. */
export const deleteOldInboundEvents = sweep(
  'inbound_events',
  ['practice_id', 'source', 'event_id'],
  (tx, before) => tx`received_at < ${before}`,
)

/**
 * Finished outbox messages other than reminders and webhooks (text replies, client notices): sent,
 * failed, cancelled or skipped, last touched before `before`.
 */
export const deleteFinishedMessages = sweep(
  'outbox',
  ['id'],
  (tx, before) => tx`topic <> 'reminder' and topic <> 'webhook' and status <> 'pending' and updated_at < ${before}`,
)

/** Finished webhook messages last touched before `before`, with their delivery attempts. */
export const deleteFinishedWebhooks = sweep(
  'outbox',
  ['id'],
  (tx, before) => tx`topic = 'webhook' and status <> 'pending' and updated_at < ${before}`,
)

/**
 * Reminders that were never sent (cancelled when the session moved or was confirmed, or skipped),
 * once their session ended before `before`: no plan can bring them back then. Sent and failed
 * reminders stay: no-show insights (by channel) and the staff's delivery audit read them.
 */
export const deleteUnsentReminders = sweep(
  'outbox',
  ['id'],
  (tx, before) => tx`
    topic = 'reminder' and status in ('cancelled', 'skipped') and updated_at < ${before}
    and exists (
      select 1 from appointments a
      where a.practice_id = outbox.practice_id and a.id = outbox.appointment_id and a.ends_at < ${before})`,
)
