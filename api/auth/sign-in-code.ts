import type { Deps } from '../deps'
import { timingSafeEqual } from '../crypto/web-crypto'
import type { Tx } from '../db/connect'
import { countWrongAttempt, currentCode, markCodeUsed, replaceCode, type SignInClient } from './sign-in-code-queries'
import type { EmailMessage } from '../providers/email'
import { keyedHash } from '../crypto/secrets'
import { t } from '../i18n'

/** Six digits by email: short-lived, stored only as a keyed hash, and dead after a few wrong tries. */

export const CODE_TTL_MS = 10 * 60_000
export const MAX_WRONG_ATTEMPTS = 5

/** A uniformly random 6-digit code (rejection sampling, so no digit is likelier than another). */
export function generateCode(): string {
  const limit = 4_294_000_000 // the largest multiple of 1e6 below 2^32
  for (;;) {
    const [value] = crypto.getRandomValues(new Uint32Array(1))
    if (value! < limit) return String(value! % 1_000_000).padStart(6, '0')
  }
}

const hashCode = (deps: Deps, codeId: string, code: string) =>
  keyedHash(deps.secret, 'sign-in-code', `${codeId}:${code}`)

/** Stores a fresh code for the client (retiring older ones) and returns the email that carries it. */
export async function issueCode(
  tx: Tx,
  deps: Deps,
  input: { practiceId: string; practiceName: string; client: SignInClient },
): Promise<EmailMessage> {
  const now = deps.clock()
  const id = crypto.randomUUID()
  const code = generateCode()
  await replaceCode(tx, {
    id,
    practiceId: input.practiceId,
    clientId: input.client.id,
    hash: await hashCode(deps, id, code),
    now,
    expiresAt: new Date(now.getTime() + CODE_TTL_MS),
  })
  const locale = input.client.locale
  const practice = input.practiceName
  return {
    to: input.client.email,
    subject: t(locale, 'signin.email.subject', { practice }),
    text: [
      `${t(locale, 'signin.email.code', { practice, code })}`,
      '',
      t(locale, 'signin.email.expiry', { minutes: CODE_TTL_MS / 60_000 }),
    ].join('\n'),
    tags: { kind: 'sign_in_code' },
  }
}

/**
 * Checks a code against the client's newest one. A wrong guess is counted (and stays counted:
 * the caller commits before answering); after MAX_WRONG_ATTEMPTS the code is dead. An unknown
 * client costs the same hashing, so the answer's timing says nothing about the email.
 */
export async function checkCode(
  tx: Tx,
  deps: Deps,
  input: { practiceId: string; clientId: string | null; code: string },
): Promise<boolean> {
  const now = deps.clock()
  const current = input.clientId ? await currentCode(tx, input.practiceId, input.clientId) : null
  const expected = await hashCode(deps, current?.id ?? crypto.randomUUID(), input.code)
  if (!current) return false
  if (current.attempts >= MAX_WRONG_ATTEMPTS || current.expires_at.getTime() <= now.getTime()) return false
  if (!timingSafeEqual(current.code_hash, expected)) {
    await countWrongAttempt(tx, current.id)
    return false
  }
  await markCodeUsed(tx, current.id, now)
  return true
}
