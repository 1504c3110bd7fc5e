import type { StoredCode } from '../auth/sign-in-code'
import type { Tx } from '../db/connect'

/** Staff sign-in codes belong to an email (asked for before the practice is known): system transactions only. */

export async function replaceStaffCode(
  tx: Tx,
  values: { id: string; email: string; hash: string; now: Date; expiresAt: Date },
): Promise<void> {
  await tx`update staff_sign_in_codes set used_at = ${values.now} where email = ${values.email} and used_at is null`
  await tx`
    insert into staff_sign_in_codes (id, email, code_hash, created_at, expires_at)
    values (${values.id}, ${values.email}, ${values.hash}, ${values.now}, ${values.expiresAt})`
}

/** The email's newest live code, locked so two guesses at once are both counted. */
export async function currentStaffCode(tx: Tx, email: string): Promise<StoredCode | null> {
  const [row] = await tx<StoredCode[]>`
    select id, code_hash, expires_at, attempts from staff_sign_in_codes
    where email = ${email} and used_at is null order by created_at desc limit 1 for update`
  return row ?? null
}

export async function countWrongStaffAttempt(tx: Tx, id: string): Promise<void> {
  await tx`update staff_sign_in_codes set attempts = attempts + 1 where id = ${id}`
}

export async function markStaffCodeUsed(tx: Tx, id: string, now: Date): Promise<void> {
  await tx`update staff_sign_in_codes set used_at = ${now} where id = ${id}`
}
