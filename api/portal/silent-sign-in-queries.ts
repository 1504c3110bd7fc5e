import type { Tx } from '../db/connect'

export type SilentSignInRow = {
  silent_sign_in_issuer: string | null
  silent_sign_in_secret: Uint8Array | null
  silent_sign_in_secret_iv: Uint8Array | null
  silent_sign_in_jwks_url: string | null
}

export async function findSilentSignIn(tx: Tx, practiceId: string): Promise<SilentSignInRow | null> {
  const [row] = await tx<SilentSignInRow[]>`
    select silent_sign_in_issuer, silent_sign_in_secret, silent_sign_in_secret_iv, silent_sign_in_jwks_url
    from practices where id = ${practiceId}`
  return row ?? null
}

/** Replaces the settings; `secret` undefined keeps the sealed secret already stored. */
export async function saveSilentSignIn(
  tx: Tx,
  practiceId: string,
  values: {
    issuer: string | null
    jwksUrl: string | null
    secret?: { ciphertext: Uint8Array; iv: Uint8Array } | null
  },
): Promise<SilentSignInRow> {
  const [row] = await tx<SilentSignInRow[]>`
    update practices set
      silent_sign_in_issuer = ${values.issuer},
      silent_sign_in_jwks_url = ${values.jwksUrl},
      ${
        values.secret === undefined
          ? tx``
          : tx`silent_sign_in_secret = ${values.secret?.ciphertext ?? null},
               silent_sign_in_secret_iv = ${values.secret?.iv ?? null},`
      }
      updated_at = now()
    where id = ${practiceId}
    returning silent_sign_in_issuer, silent_sign_in_secret, silent_sign_in_secret_iv, silent_sign_in_jwks_url`
  return row!
}

/** Records a token id as spent; false when it was already used. */
export async function spendExchangeToken(tx: Tx, practiceId: string, jti: string, expiresAt: Date): Promise<boolean> {
  const rows = await tx`
    insert into portal_exchange_tokens (practice_id, jti, expires_at) values (${practiceId}, ${jti}, ${expiresAt})
    on conflict do nothing returning jti`
  return rows.length > 0
}
