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

export type StoredCode = { id: string; code_hash: string; expires_at: Date; attempts: number }

/** A fresh code with its id, its keyed hash and its expiry, for whichever store keeps it. */
export async function freshCode(deps: Deps) {
  const now = deps.clock()
  const id = crypto.randomUUID()
  const code = generateCode()
  return { id, code, hash: await hashCode(deps, id, code), now, expiresAt: new Date(now.getTime() + CODE_TTL_MS) }
}

/** Stores a fresh code for the client (retiring older ones) and returns the email that carries it. */
export async function issueCode(
  tx: Tx,
  deps: Deps,
  input: { practiceId: string; practiceName: string; client: SignInClient },
): Promise<EmailMessage> {
  const { id, code, hash, now, expiresAt } = await freshCode(deps)
  await replaceCode(tx, { id, practiceId: input.practiceId, clientId: input.client.id, hash, now, expiresAt })
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

/** Stands in for the person or code an unknown email does not have, so its path runs the same queries. */
export const NOBODY = '00000000-0000-0000-0000-000000000000'

/**
 * Judges a code against the newest stored one: `ok`, or the id whose wrong tries to count (NOBODY
 * for a locked or missing code: it counts nothing, but costs the same statement). Known and
 * unknown emails, live, locked and missing codes all run the same work (one hash, one
 * comparison), so the answer's timing says nothing about who is known.
 */
export async function judgeCode(
  deps: Deps,
  current: StoredCode | null,
  code: string,
): Promise<{ ok: boolean; id: string }> {
  const now = deps.clock()
  const expected = await hashCode(deps, current?.id ?? NOBODY, code)
  const usable =
    current !== null && current.attempts < MAX_WRONG_ATTEMPTS && current.expires_at.getTime() > now.getTime()
  const matches = timingSafeEqual(current?.code_hash ?? expected, expected)
  if (usable && matches) return { ok: true, id: current.id }
  return { ok: false, id: usable ? current.id : NOBODY }
}

/**
 * Checks a code against the client's newest one. A wrong guess is counted (and stays counted:
 * the caller commits before answering); after MAX_WRONG_ATTEMPTS the code is dead.
 */
export async function checkCode(
  tx: Tx,
  deps: Deps,
  input: { practiceId: string; clientId: string | null; code: string },
): Promise<boolean> {
  const current = await currentCode(tx, input.practiceId, input.clientId ?? NOBODY)
  const { ok, id } = await judgeCode(deps, current, input.code)
  if (ok) await markCodeUsed(tx, id, deps.clock())
  else await countWrongAttempt(tx, id)
  return ok
}
