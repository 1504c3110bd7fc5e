import type { Tx } from '../db/connect'

/** Portal sessions and their refresh-token families. Times come from the app's clock. */

export type SessionRow = {
  id: string
  practice_id: string
  client_id: string
  last_active_at: Date
  expires_at: Date
  revoked_at: Date | null
}

export async function insertSession(
  tx: Tx,
  values: { practiceId: string; clientId: string; method: 'code' | 'exchange'; now: Date; expiresAt: Date },
): Promise<string> {
  const [row] = await tx<{ id: string }[]>`
    insert into portal_sessions (practice_id, client_id, method, created_at, last_active_at, expires_at)
    values (${values.practiceId}, ${values.clientId}, ${values.method}, ${values.now}, ${values.now}, ${values.expiresAt})
    returning id`
  return row!.id
}

export async function insertRefreshToken(
  tx: Tx,
  values: { practiceId: string; sessionId: string; hash: string; now: Date },
): Promise<void> {
  await tx`
    insert into portal_refresh_tokens (token_hash, practice_id, session_id, issued_at)
    values (${values.hash}, ${values.practiceId}, ${values.sessionId}, ${values.now})`
}

/** System lookup: a refresh token's hash is all that is known before its practice is. */
export async function findRefreshTokenPractice(
  tx: Tx,
  hash: string,
): Promise<{ practice_id: string; session_id: string } | null> {
  const [row] = await tx<{ practice_id: string; session_id: string }[]>`
    select practice_id, session_id from portal_refresh_tokens where token_hash = ${hash}`
  return row ?? null
}

export type RefreshTokenRow = {
  session_id: string
  rotated_at: Date | null
  successor_ciphertext: Uint8Array | null
  successor_iv: Uint8Array | null
}

export async function findRefreshToken(tx: Tx, practiceId: string, hash: string): Promise<RefreshTokenRow | null> {
  const [row] = await tx<RefreshTokenRow[]>`
    select session_id, rotated_at, successor_ciphertext, successor_iv
    from portal_refresh_tokens where practice_id = ${practiceId} and token_hash = ${hash}`
  return row ?? null
}

/** Spends a refresh token, keeping its successor sealed for a repeat within the grace window. */
export async function markRefreshTokenRotated(
  tx: Tx,
  practiceId: string,
  hash: string,
  values: { now: Date; successor: { ciphertext: Uint8Array; iv: Uint8Array } },
): Promise<void> {
  await tx`
    update portal_refresh_tokens
    set rotated_at = ${values.now}, successor_ciphertext = ${values.successor.ciphertext},
        successor_iv = ${values.successor.iv}
    where practice_id = ${practiceId} and token_hash = ${hash}`
}

/** The session with its client's disabled flag; locked when `forUpdate`, so two refreshes take turns. */
export async function findSession(
  tx: Tx,
  practiceId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<(SessionRow & { client_disabled: boolean }) | null> {
  const [row] = await tx<(SessionRow & { client_disabled: boolean })[]>`
    select s.id, s.practice_id, s.client_id, s.last_active_at, s.expires_at, s.revoked_at,
           (c.disabled_at is not null) as client_disabled
    from portal_sessions s join clients c on c.practice_id = s.practice_id and c.id = s.client_id
    where s.practice_id = ${practiceId} and s.id = ${id}
    ${options.forUpdate ? tx`for update of s` : tx``}`
  return row ?? null
}

export async function touchSession(tx: Tx, practiceId: string, id: string, now: Date): Promise<void> {
  await tx`update portal_sessions set last_active_at = ${now} where practice_id = ${practiceId} and id = ${id}`
}

export async function revokeSession(
  tx: Tx,
  practiceId: string,
  id: string,
  reason: 'logout' | 'refresh_reuse' | 'idle' | 'disabled',
  now: Date,
): Promise<boolean> {
  const rows = await tx`
    update portal_sessions set revoked_at = ${now}, revoked_reason = ${reason}
    where practice_id = ${practiceId} and id = ${id} and revoked_at is null
    returning id`
  return rows.length > 0
}
