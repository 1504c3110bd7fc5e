import type { Deps } from '../deps'
import { freshCode, judgeCode } from '../auth/sign-in-code'
import type { Tx } from '../db/connect'
import { countWrongStaffAttempt, currentStaffCode, markStaffCodeUsed, replaceStaffCode } from './code-queries'

/**
 * The portal's emailed codes (the same generator, keyed hash, expiry and five tries), kept per
 * email. A code is stored for any email asked about, known or not, so both do the same work;
 * only a staff email is sent one.
 */

export async function issueStaffCode(tx: Tx, deps: Deps, email: string): Promise<string> {
  const { id, code, hash, now, expiresAt } = await freshCode(deps)
  await replaceStaffCode(tx, { id, email, hash, now, expiresAt })
  return code
}

/** Whether `code` is the email's newest live one; a wrong guess is counted (the caller commits first). */
export async function checkStaffCode(tx: Tx, deps: Deps, email: string, code: string): Promise<boolean> {
  const { ok, id } = await judgeCode(deps, await currentStaffCode(tx, email), code)
  if (ok) await markStaffCodeUsed(tx, id, deps.clock())
  else await countWrongStaffAttempt(tx, id)
  return ok
}
