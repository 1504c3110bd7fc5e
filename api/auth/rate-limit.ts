import type { Deps } from '../deps'
import { sha256Hex } from '../crypto/web-crypto'
import { countHit } from './rate-limit-queries'
import { asSystem } from '../db/tenant'
import { ApiError } from '../http/errors'

export type Limit = { name: string; max: number; windowMs: number }

/**
 * Sign-in limits. Per email they bound how many codes are sent (and so, with each code's own 5 wrong
 * tries, the guessing: 25 per 15 minutes); per address they bound spraying many emails. Checks of a
 * code have no per-email limit: a stranger's guessing would lock the client out of a fresh code too.
 */
export const LIMITS = {
  codePerEmail: { name: 'code-email', max: 5, windowMs: 15 * 60_000 },
  codePerIp: { name: 'code-ip', max: 30, windowMs: 15 * 60_000 },
  verifyPerIp: { name: 'verify-ip', max: 60, windowMs: 15 * 60_000 },
  exchangePerIp: { name: 'exchange-ip', max: 60, windowMs: 15 * 60_000 },
  /** A staff member's second factor (TOTP or a recovery code): a million codes, ten guesses. */
  secondFactorPerUser: { name: 'second-factor-user', max: 10, windowMs: 15 * 60_000 },
  /** Asking to sign in with a passkey stores a challenge: bounded per address like asking for a code. */
  passkeyOptionsPerIp: { name: 'passkey-options-ip', max: 60, windowMs: 15 * 60_000 },
} satisfies Record<string, Limit>

/**
 * Counts a hit against each (limit, key) pair in Postgres, so every API instance shares the
 * count, and refuses with 429 when any is over. Keys are hashed: no email sits in the table.
 */
export async function enforceLimits(deps: Deps, hits: { limit: Limit; key: string }[]): Promise<void> {
  const now = deps.clock().getTime()
  let retryAfterMs = 0
  await asSystem(deps.sql, async (tx) => {
    for (const { limit, key } of hits) {
      const windowStart = now - (now % limit.windowMs)
      const bucket = `${limit.name}:${await sha256Hex(key)}`
      const count = await countHit(tx, bucket, new Date(windowStart))
      if (count > limit.max) retryAfterMs = Math.max(retryAfterMs, windowStart + limit.windowMs - now)
    }
  })
  if (retryAfterMs > 0) {
    throw new ApiError('rate_limited', 'Too many tries in a short time. Please wait a few minutes and try again.', {
      retry_after_seconds: Math.ceil(retryAfterMs / 1000),
    })
  }
}
