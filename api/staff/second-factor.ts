import type { Deps } from '../deps'
import { openText, sealText } from '../crypto/secrets'
import type { Tx } from '../db/connect'
import { acceptedStep, newTotpSecret } from './totp'
import { findTotp, putPendingTotp, useTotpStep } from './totp-queries'
import { hashRecoveryCode } from './recovery'
import { spendRecoveryCode } from './recovery-queries'

/** The second factors behind a staff session: TOTP (sealed at rest) and recovery codes. */

type Person = { practiceId: string; userId: string }

const bound = (userId: string) => `staff-totp:${userId}`

/** Starts (or restarts) enrolment: a new secret, unconfirmed until a code from it is typed. Null if one is confirmed. */
export async function startTotpEnrolment(tx: Tx, deps: Deps, person: Person): Promise<string | null> {
  const secret = newTotpSecret()
  const sealed = await sealText(deps.secret, 'staff-totp-secret', secret, bound(person.userId))
  const stored = await putPendingTotp(tx, { ...person, sealed, now: deps.clock() })
  return stored ? secret : null
}

/**
 * Whether `code` is right for the person's TOTP secret now and not used before; a right code
 * spends its step. `enrolling` accepts only an unconfirmed secret (and confirms it), otherwise
 * only a confirmed one counts.
 */
export async function checkTotp(
  tx: Tx,
  deps: Deps,
  input: Person & { code: string; enrolling?: boolean },
): Promise<boolean> {
  const row = await findTotp(tx, input.practiceId, input.userId)
  if (!row || (row.confirmed_at === null) !== Boolean(input.enrolling)) return false
  const secret = await openText(
    deps.secret,
    'staff-totp-secret',
    { ciphertext: row.secret, iv: row.secret_iv },
    bound(input.userId),
  )
  const now = deps.clock()
  const step = acceptedStep(secret, input.code, now, row.last_step === null ? null : Number(row.last_step))
  if (step === null) return false
  await useTotpStep(tx, input.practiceId, input.userId, step, input.enrolling ? now : null)
  return true
}

export async function checkRecoveryCode(tx: Tx, deps: Deps, input: Person & { code: string }): Promise<boolean> {
  const hash = await hashRecoveryCode(deps.secret, input.userId, input.code)
  return spendRecoveryCode(tx, { ...input, hash, now: deps.clock() })
}
