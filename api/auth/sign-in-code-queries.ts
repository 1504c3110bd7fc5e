import type { Locale } from '../../shared/schemas/policies'
import type { Tx } from '../db/connect'

export type SignInClient = { id: string; name: string; email: string; locale: Locale }

/** The client who may sign in with this email: exists in the practice and is not disabled. */
export async function findSignInClient(tx: Tx, practiceId: string, email: string): Promise<SignInClient | null> {
  const [row] = await tx<SignInClient[]>`
    select id, name, email, locale from clients
    where practice_id = ${practiceId} and email = ${email} and disabled_at is null`
  return row ?? null
}

export type CodeRow = { id: string; code_hash: string; expires_at: Date; attempts: number }

/** A new code replaces every earlier one: only the newest email's code works. */
export async function replaceCode(
  tx: Tx,
  values: { id: string; practiceId: string; clientId: string; hash: string; now: Date; expiresAt: Date },
): Promise<void> {
  await tx`
    update portal_sign_in_codes set used_at = ${values.now}
    where practice_id = ${values.practiceId} and client_id = ${values.clientId} and used_at is null`
  await tx`
    insert into portal_sign_in_codes (id, practice_id, client_id, code_hash, created_at, expires_at)
    values (${values.id}, ${values.practiceId}, ${values.clientId}, ${values.hash}, ${values.now}, ${values.expiresAt})`
}

/** The client's current code, locked so two guesses at once are both counted. */
export async function currentCode(tx: Tx, practiceId: string, clientId: string): Promise<CodeRow | null> {
  const [row] = await tx<CodeRow[]>`
    select id, code_hash, expires_at, attempts from portal_sign_in_codes
    where practice_id = ${practiceId} and client_id = ${clientId} and used_at is null
    order by created_at desc limit 1
    for update`
  return row ?? null
}

export async function countWrongAttempt(tx: Tx, id: string): Promise<void> {
  await tx`update portal_sign_in_codes set attempts = attempts + 1 where id = ${id}`
}

export async function markCodeUsed(tx: Tx, id: string, now: Date): Promise<void> {
  await tx`update portal_sign_in_codes set used_at = ${now} where id = ${id}`
}
