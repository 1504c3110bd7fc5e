import type { Deps } from '../deps'
import { randomToken, sha256Hex } from '../crypto/web-crypto'
import { openText, sealText } from '../crypto/secrets'
import { audit } from '../audit/queries'
import type { Tx } from '../db/connect'
import {
  findRefreshToken,
  findRefreshTokenPractice,
  findSession,
  insertRefreshToken,
  insertSession,
  markRefreshTokenRotated,
  type RefreshTokenRow,
  revokeSession,
  touchSession,
} from './session-queries'
import { asSystem, inPractice } from '../db/tenant'
import { ApiError } from '../http/errors'
import type { PortalSession } from '../../shared/schemas/portal'
import { ACCESS_TOKEN_SECONDS, issueAccessToken, type PortalClient } from './token'

/**
 * Portal sessions: a sign-in opens one; each refresh rotates its refresh token. Presenting a
 * token that was already rotated means it leaked: the whole family is revoked, so neither copy
 * works any more. Only a repeat within seconds, two tabs refreshing at once, is forgiven.
 */

/** No refresh for this long and the client must sign in again. */
export const SESSION_IDLE_MS = 60 * 60_000
/** However active, a session ends this long after sign-in. */
export const SESSION_MAX_MS = 12 * 60 * 60_000

const signInAgain = () => new ApiError('unauthorized', 'Your session has ended. Please sign in again.')

async function newRefreshToken(tx: Tx, practiceId: string, sessionId: string, now: Date): Promise<string> {
  const token = `hrt_${randomToken(32)}`
  await insertRefreshToken(tx, { practiceId, sessionId, hash: await sha256Hex(token), now })
  return token
}

/** Opens a session inside the caller's transaction and returns the tokens for the client. */
export async function startSession(
  tx: Tx,
  deps: Deps,
  input: { practiceId: string; clientId: string; method: 'code' | 'exchange' },
): Promise<PortalSession> {
  const now = deps.clock()
  const sessionId = await insertSession(tx, {
    ...input,
    now,
    expiresAt: new Date(now.getTime() + SESSION_MAX_MS),
  })
  const client: PortalClient = { practiceId: input.practiceId, clientId: input.clientId, sessionId }
  await audit(tx, {
    practiceId: input.practiceId,
    actor: { kind: 'client', id: input.clientId },
    action: 'portal.signed_in',
    subject: { kind: 'portal_session', id: sessionId },
    detail: { method: input.method },
  })
  return {
    access_token: await issueAccessToken(deps, client),
    refresh_token: await newRefreshToken(tx, input.practiceId, sessionId, now),
    expires_in: ACCESS_TOKEN_SECONDS,
  }
}

type RefreshOutcome = { ok: true; session: PortalSession } | { ok: false }

/**
 * A spent refresh token presented again this soon after it rotated is a second tab of the same
 * browser that sent the same token a moment later, not a stolen copy: it is handed the successor
 * the first tab got. Later than this, a repeat is reuse and ends the whole family.
 */
export const REFRESH_GRACE_MS = 10_000

/**
 * The successor is sealed with the spent token as associated data, so opening it takes the token
 * itself, which is stored only as a hash. Handing back the same successor, rather than minting
 * another, keeps one live refresh token per family: whichever tab's answer is stored last works.
 */
const sealSuccessor = (deps: Deps, spent: string, successor: string) =>
  sealText(deps.secret, 'portal-refresh-successor', successor, spent)

/** The successor of a token that rotated within the grace window, while it is still the live one. */
async function successorWithinGrace(
  tx: Tx,
  deps: Deps,
  practiceId: string,
  spent: { token: string; row: RefreshTokenRow },
  now: Date,
): Promise<string | null> {
  const { rotated_at, successor_ciphertext, successor_iv } = spent.row
  if (!rotated_at || !successor_ciphertext || !successor_iv) return null
  if (now.getTime() - rotated_at.getTime() > REFRESH_GRACE_MS) return null
  const successor = await openText(
    deps.secret,
    'portal-refresh-successor',
    { ciphertext: successor_ciphertext, iv: successor_iv },
    spent.token,
  ).catch(() => null)
  if (!successor) return null
  const live = await findRefreshToken(tx, practiceId, await sha256Hex(successor))
  return live && !live.rotated_at ? successor : null
}

/**
 * Rotates a refresh token. Any failure is the same 401; reuse revokes the family first, except a
 * repeat within `REFRESH_GRACE_MS`, which gets a new access token and the same successor.
 */
export async function refreshSession(deps: Deps, refreshToken: string): Promise<PortalSession> {
  const hash = await sha256Hex(refreshToken)
  const found = await asSystem(deps.sql, (tx) => findRefreshTokenPractice(tx, hash))
  if (!found) throw signInAgain()
  const practiceId = found.practice_id
  const now = deps.clock()
  // Revocations must commit even though the caller gets a 401, so the outcome is returned, not thrown.
  const outcome = await inPractice<RefreshOutcome>(deps.sql, practiceId, async (tx) => {
    // The session's row lock makes two refreshes of one family take turns: the second sees the first's rotation.
    const session = await findSession(tx, practiceId, found.session_id, { forUpdate: true })
    const token = await findRefreshToken(tx, practiceId, hash)
    if (!session || !token || session.revoked_at) return { ok: false }
    const actor = { kind: 'client', id: session.client_id } as const
    const subject = { kind: 'portal_session', id: session.id }
    const repeated = await successorWithinGrace(tx, deps, practiceId, { token: refreshToken, row: token }, now)
    if (token.rotated_at && !repeated) {
      await revokeSession(tx, practiceId, session.id, 'refresh_reuse', now)
      await audit(tx, { practiceId, actor, action: 'portal.refresh_reused', subject })
      return { ok: false }
    }
    const idle = now.getTime() - session.last_active_at.getTime() > SESSION_IDLE_MS
    if (idle || session.client_disabled || session.expires_at.getTime() <= now.getTime()) {
      await revokeSession(tx, practiceId, session.id, session.client_disabled ? 'disabled' : 'idle', now)
      return { ok: false }
    }
    let successor = repeated
    if (!successor) {
      successor = await newRefreshToken(tx, practiceId, session.id, now)
      await markRefreshTokenRotated(tx, practiceId, hash, {
        now,
        successor: await sealSuccessor(deps, refreshToken, successor),
      })
    }
    await touchSession(tx, practiceId, session.id, now)
    await audit(tx, {
      practiceId,
      actor,
      action: 'portal.refreshed',
      subject,
      ...(repeated ? { detail: { repeated_within_grace: true } } : {}),
    })
    const client = { practiceId, clientId: session.client_id, sessionId: session.id }
    return {
      ok: true,
      session: {
        access_token: await issueAccessToken(deps, client),
        refresh_token: successor,
        expires_in: ACCESS_TOKEN_SECONDS,
      },
    }
  })
  if (!outcome.ok) throw signInAgain()
  return outcome.session
}

/** The session a refresh token belongs to, for logging out when the access token has expired. */
export async function sessionOfRefreshToken(deps: Deps, refreshToken: string): Promise<PortalClient | null> {
  const hash = await sha256Hex(refreshToken)
  const found = await asSystem(deps.sql, (tx) => findRefreshTokenPractice(tx, hash))
  if (!found) return null
  const session = await inPractice(deps.sql, found.practice_id, (tx) =>
    findSession(tx, found.practice_id, found.session_id),
  )
  return session ? { practiceId: session.practice_id, clientId: session.client_id, sessionId: session.id } : null
}

/** Logs out: the session and every refresh token in it stop working at once. */
export async function endSession(deps: Deps, client: PortalClient): Promise<void> {
  const now = deps.clock()
  await inPractice(deps.sql, client.practiceId, async (tx) => {
    const ended = await revokeSession(tx, client.practiceId, client.sessionId, 'logout', now)
    if (ended) {
      await audit(tx, {
        practiceId: client.practiceId,
        actor: { kind: 'client', id: client.clientId },
        action: 'portal.signed_out',
        subject: { kind: 'portal_session', id: client.sessionId },
      })
    }
  })
}
