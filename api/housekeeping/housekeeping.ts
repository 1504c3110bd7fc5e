import type { Sql } from '../db/connect'
import {
  deleteEndedSessions,
  deleteFinishedMessages,
  deleteFinishedWebhooks,
  deleteOldExchangeTokens,
  deleteOldPasskeyChallenges,
  deleteOldInboundEvents,
  deleteOldRateLimits,
  deleteOldSignInCodes,
  deleteUnsentReminders,
  type Sweep,
} from './queries'
import { asSystem } from '../db/tenant'

/**
 * Deletes what has outlived its use, keeping what audits and idempotency need. Run about hourly by
 * every Node dispatcher loop (api/outbox/dispatch.ts) and by the Worker's hourly cron; any number
 * may run at once (rows another run holds are skipped). Each kind goes in small batches, one short
 * transaction each, so nothing is locked for long.
 *
 * Kept on purpose: the audit log; alerts; sent and failed reminders (no-show insights by channel
 * and the staff's per-session delivery audit read them; about two rows per session, like the
 * sessions themselves).
 */

const HOUR = 3_600_000
const DAY = 24 * HOUR

/** How long each kind of row is kept after it stopped mattering. */
export const RETENTION = {
  /** Rate-limit windows last 15 minutes; a day leaves room for any longer limit added later. */
  rateLimitWindows: DAY,
  /** Codes live 10 minutes; a day after expiry is plenty to answer "why didn't my code work?". */
  signInCodes: DAY,
  /** A spent token id only has to outlive its token (5 minutes at most, plus clock skew). */
  exchangeTokens: DAY,
  /** Passkey challenges live 5 minutes; a day after expiry, like the codes. */
  passkeyChallenges: DAY,
  /** Sessions, with their refresh tokens, 30 days after they ended (signed out or expired). */
  portalSessions: 30 * DAY,
  /** Svix retries Resend's events for up to 3 days and SMS gateways less: a week of ids. */
  inboundEvents: 7 * DAY,
  /** Text replies and client notices: a week, past Resend's 24-hour idempotency and any bounce. */
  finishedMessages: 7 * DAY,
  /** Webhook messages and their delivery attempts stay readable to the practice for 30 days. */
  finishedWebhooks: 30 * DAY,
  /** Reminders never sent: a week after their session ended. */
  unsentReminders: 7 * DAY,
} as const

export type HousekeepingReport = Record<keyof typeof RETENTION, number>

const SWEEPS: Record<keyof typeof RETENTION, Sweep> = {
  rateLimitWindows: deleteOldRateLimits,
  signInCodes: deleteOldSignInCodes,
  exchangeTokens: deleteOldExchangeTokens,
  passkeyChallenges: deleteOldPasskeyChallenges,
  portalSessions: deleteEndedSessions,
  inboundEvents: deleteOldInboundEvents,
  finishedMessages: deleteFinishedMessages,
  finishedWebhooks: deleteFinishedWebhooks,
  unsentReminders: deleteUnsentReminders,
}

export const HOUSEKEEPING_EVERY_MS = HOUR

export type HousekeepingOptions = {
  /** Rows per delete statement. */
  batchSize?: number
  /** Statements per kind per run: a long backlog is worked off over several runs. */
  maxBatches?: number
}

export async function housekeeping(
  sql: Sql,
  now: Date,
  { batchSize = 1000, maxBatches = 20 }: HousekeepingOptions = {},
): Promise<HousekeepingReport> {
  const report = {} as HousekeepingReport
  for (const kind of Object.keys(SWEEPS) as (keyof typeof RETENTION)[]) {
    const before = new Date(now.getTime() - RETENTION[kind])
    report[kind] = 0
    for (let batch = 0; batch < maxBatches; batch++) {
      const deleted = await asSystem(sql, (tx) => SWEEPS[kind](tx, { before, limit: batchSize }))
      report[kind] += deleted
      if (deleted < batchSize) break
    }
  }
  return report
}
