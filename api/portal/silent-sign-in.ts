import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTVerifyGetKey } from 'jose'
import type { Deps } from '../deps'
import type { Tx } from '../db/connect'
import { findSilentSignIn, saveSilentSignIn, type SilentSignInRow } from './silent-sign-in-queries'
import { fieldError } from '../http/errors'
import { openText, sealText } from '../crypto/secrets'
import {
  silentSignInAudience,
  type SilentSignInPatch,
  type SilentSignInSettings,
} from '../../shared/schemas/silent-sign-in'

/**
 * Verifies a practice-signed silent sign-in token: HS256 with the practice's shared secret, or
 * RS256/ES256 with a key from its JWKS URL. Issuer, audience (`hearth:<slug>`), expiry, age
 * and a one-time `jti` are all required; anything else is refused the same way.
 */

export const MAX_TOKEN_AGE_SECONDS = 5 * 60
const ASYMMETRIC = ['RS256', 'ES256']

const remoteKeySets = new Map<string, JWTVerifyGetKey>()
function remoteKeySet(url: string): JWTVerifyGetKey {
  let keys = remoteKeySets.get(url)
  if (!keys) {
    keys = createRemoteJWKSet(new URL(url), { timeoutDuration: 5000, cooldownDuration: 30_000, cacheMaxAge: 600_000 })
    remoteKeySets.set(url, keys)
  }
  return keys
}

export const sealPracticeSecret = (deps: Deps, practiceId: string, secret: string) =>
  sealText(deps.secret, 'practice-signing-secret', secret, practiceId)

export function silentSignInView(slug: string, row: SilentSignInRow | null): SilentSignInSettings | undefined {
  if (!row?.silent_sign_in_issuer) return undefined
  return {
    issuer: row.silent_sign_in_issuer,
    audience: silentSignInAudience(slug),
    ...(row.silent_sign_in_jwks_url ? { jwks_url: row.silent_sign_in_jwks_url } : {}),
    has_secret: Boolean(row.silent_sign_in_secret),
  }
}

export const silentSignInEnabled = (row: SilentSignInRow | null) =>
  Boolean(row?.silent_sign_in_issuer && (row.silent_sign_in_secret || row.silent_sign_in_jwks_url))

export type PracticeTokenClaims = { subject: string; jti: string; expiresAt: Date }

export async function verifyPracticeToken(
  deps: Deps,
  practice: { id: string; slug: string; config: SilentSignInRow },
  token: string,
): Promise<PracticeTokenClaims | null> {
  const { config } = practice
  if (!silentSignInEnabled(config)) return null
  try {
    const { alg } = decodeProtectedHeader(token)
    const options = {
      issuer: config.silent_sign_in_issuer!,
      audience: silentSignInAudience(practice.slug),
      currentDate: deps.clock(),
      maxTokenAge: MAX_TOKEN_AGE_SECONDS,
      clockTolerance: 30,
      requiredClaims: ['sub', 'exp', 'iat', 'jti'],
    }
    let payload: { sub?: string; jti?: string; exp?: number }
    if (alg === 'HS256' && config.silent_sign_in_secret && config.silent_sign_in_secret_iv) {
      const secret = await openText(
        deps.secret,
        'practice-signing-secret',
        { ciphertext: config.silent_sign_in_secret, iv: config.silent_sign_in_secret_iv },
        practice.id,
      )
      ;({ payload } = await jwtVerify(token, new TextEncoder().encode(secret), { ...options, algorithms: ['HS256'] }))
    } else if (alg && ASYMMETRIC.includes(alg) && config.silent_sign_in_jwks_url) {
      const keys = remoteKeySet(config.silent_sign_in_jwks_url)
      ;({ payload } = await jwtVerify(token, keys, { ...options, algorithms: ASYMMETRIC }))
    } else {
      return null
    }
    if (typeof payload.sub !== 'string' || typeof payload.jti !== 'string' || typeof payload.exp !== 'number') {
      return null
    }
    return { subject: payload.sub, jti: payload.jti, expiresAt: new Date(payload.exp * 1000) }
  } catch {
    return null
  }
}

/**
 * Saves the practice's silent sign-in settings from PATCH /v1/practice. An omitted secret keeps
 * the stored one; the result must still have a way to verify tokens (a secret or a JWKS URL).
 */
export async function applySilentSignIn(
  tx: Tx,
  deps: Deps,
  practiceId: string,
  patch: SilentSignInPatch | null,
): Promise<void> {
  if (patch === null) {
    await saveSilentSignIn(tx, practiceId, { issuer: null, jwksUrl: null, secret: null })
    return
  }
  const current = await findSilentSignIn(tx, practiceId)
  const keepsSecret = patch.secret === undefined && Boolean(current?.silent_sign_in_secret)
  if (!patch.secret && !keepsSecret && !patch.jwks_url) {
    throw fieldError('silent_sign_in', 'Give a shared secret, a JWKS URL, or both.')
  }
  await saveSilentSignIn(tx, practiceId, {
    issuer: patch.issuer,
    jwksUrl: patch.jwks_url ?? null,
    ...(patch.secret === undefined
      ? {}
      : { secret: patch.secret === null ? null : await sealPracticeSecret(deps, practiceId, patch.secret) }),
  })
}
