import type { Tx } from '../db/connect'

export type PasskeyRow = {
  id: string
  practice_id: string
  user_id: string
  credential_id: string
  public_key: Uint8Array
  counter: string
  transports: string[]
  name: string
  created_at: Date
  last_used_at: Date | null
}

export type ChallengePurpose = 'sign_in' | 'second_factor' | 'register'

export async function insertChallenge(
  tx: Tx,
  values: {
    challenge: string
    purpose: ChallengePurpose
    session: { id: string; practiceId: string } | null
    now: Date
    expiresAt: Date
  },
): Promise<void> {
  await tx`
    insert into staff_passkey_challenges (challenge, purpose, session_id, practice_id, created_at, expires_at)
    values (${values.challenge}, ${values.purpose}, ${values.session?.id ?? null}, ${values.session?.practiceId ?? null},
            ${values.now}, ${values.expiresAt})`
}

/**
 * Spends a live challenge of this purpose and session (none for signing in from nothing): true
 * once, false ever after, and false for one that expired or was asked for elsewhere.
 */
export async function spendChallenge(
  tx: Tx,
  values: { challenge: string; purpose: ChallengePurpose; sessionId: string | null; now: Date },
): Promise<boolean> {
  const rows = await tx`
    update staff_passkey_challenges set used_at = ${values.now}
    where challenge = ${values.challenge} and purpose = ${values.purpose}
      and session_id is not distinct from ${values.sessionId}::uuid
      and used_at is null and expires_at > ${values.now}
    returning id`
  return rows.length > 0
}

const passkeyColumns = (tx: Tx) =>
  tx`id, practice_id, user_id, credential_id, public_key, counter::text, transports, name, created_at, last_used_at`

/** Locked, so two sign-ins with the same assertion cannot both move the counter past it. */
export async function findPasskeyByCredential(tx: Tx, credentialId: string): Promise<PasskeyRow | null> {
  const [row] = await tx<PasskeyRow[]>`
    select ${passkeyColumns(tx)} from staff_passkeys where credential_id = ${credentialId} for update`
  return row ?? null
}

export async function listPasskeys(tx: Tx, practiceId: string, userId: string): Promise<PasskeyRow[]> {
  return tx<PasskeyRow[]>`
    select ${passkeyColumns(tx)} from staff_passkeys
    where practice_id = ${practiceId} and user_id = ${userId} order by created_at, id`
}

export async function insertPasskey(
  tx: Tx,
  values: {
    practiceId: string
    userId: string
    credentialId: string
    publicKey: Uint8Array
    counter: number
    transports: string[]
    name: string
    now: Date
  },
): Promise<PasskeyRow | null> {
  const [row] = await tx<PasskeyRow[]>`
    insert into staff_passkeys (practice_id, user_id, credential_id, public_key, counter, transports, name, created_at)
    values (${values.practiceId}, ${values.userId}, ${values.credentialId}, ${values.publicKey}, ${values.counter},
            ${values.transports}, ${values.name}, ${values.now})
    on conflict (credential_id) do nothing
    returning ${passkeyColumns(tx)}`
  return row ?? null
}

export async function usePasskey(tx: Tx, id: string, counter: number, now: Date): Promise<void> {
  await tx`update staff_passkeys set counter = ${counter}, last_used_at = ${now} where id = ${id}`
}

export async function deletePasskey(tx: Tx, practiceId: string, userId: string, id: string): Promise<boolean> {
  const rows = await tx`
    delete from staff_passkeys where practice_id = ${practiceId} and user_id = ${userId} and id = ${id} returning id`
  return rows.length > 0
}

/** Records whose passkey signed in a session that must still choose among practices. */
export async function markPasskeySession(tx: Tx, sessionId: string, userId: string): Promise<void> {
  await tx`update staff_sessions set passkey_user_id = ${userId} where id = ${sessionId}`
}

export async function passkeyUserOfSession(tx: Tx, sessionId: string): Promise<string | null> {
  const [row] = await tx<{ passkey_user_id: string | null }[]>`
    select passkey_user_id from staff_sessions where id = ${sessionId}`
  return row?.passkey_user_id ?? null
}
