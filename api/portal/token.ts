import { jwtVerify, SignJWT } from 'jose'
import { Hono, type MiddlewareHandler } from 'hono'
import type { AppEnv, Deps } from '../deps'
import { findSession } from './session-queries'
import { inPractice, type TenantOptions } from '../db/tenant'
import type { Tx } from '../db/connect'
import { ApiError } from '../http/errors'
import { derivedHmacKey } from '../crypto/secrets'
import { bearerToken } from '../api-keys/auth'

/** Who is calling a portal route: one client of one practice, in one session. */
export type PortalClient = { practiceId: string; clientId: string; sessionId: string }

export const ACCESS_TOKEN_SECONDS = 15 * 60
const AUDIENCE = 'portal'
const TYPE = 'at+jwt'
const ALGORITHMS = ['HS256']

const unauthorized = () => new ApiError('unauthorized', 'Please sign in again to continue.')

/** A short-lived access JWT for the portal, HS256 under a key derived from HEARTH_SECRET. */
export async function issueAccessToken(deps: Deps, client: PortalClient): Promise<string> {
  const now = Math.floor(deps.clock().getTime() / 1000)
  return new SignJWT({ pid: client.practiceId, sid: client.sessionId })
    .setProtectedHeader({ alg: 'HS256', typ: TYPE })
    .setIssuer(deps.publicUrl)
    .setAudience(AUDIENCE)
    .setSubject(client.clientId)
    .setIssuedAt(now)
    .setExpirationTime(now + ACCESS_TOKEN_SECONDS)
    .sign(await derivedHmacKey(deps.secret, 'portal-access-token'))
}

/**
 * Tokens already verified, per deployment: a token never changes, so only its expiry needs
 * checking again. Saves the signature check on every read of a busy session.
 */
const verified = new WeakMap<Deps, Map<string, { client: PortalClient; exp: number }>>()
const MOST_REMEMBERED = 10_000

/** The token's client, or null for anything not exactly what `issueAccessToken` makes. */
export async function verifyAccessToken(deps: Deps, token: string): Promise<PortalClient | null> {
  const now = deps.clock().getTime() / 1000
  let remembered = verified.get(deps)
  const known = remembered?.get(token)
  if (known) return known.exp > now ? known.client : null
  try {
    const { payload } = await jwtVerify(token, await derivedHmacKey(deps.secret, 'portal-access-token'), {
      algorithms: ALGORITHMS,
      issuer: deps.publicUrl,
      audience: AUDIENCE,
      typ: TYPE,
      currentDate: deps.clock(),
      requiredClaims: ['sub', 'exp', 'iat'],
    })
    const { sub, pid, sid, exp } = payload
    if (typeof sub !== 'string' || typeof pid !== 'string' || typeof sid !== 'string') return null
    const client = { practiceId: pid, clientId: sub, sessionId: sid }
    if (!remembered) verified.set(deps, (remembered = new Map()))
    if (remembered.size >= MOST_REMEMBERED) remembered.delete(remembered.keys().next().value!)
    remembered.set(token, { client, exp: exp! })
    return client
  } catch {
    return null
  }
}

/** Runs a portal route's work in its one transaction, after the session check inside it. */
export type InSession = <T>(work: (tx: Tx) => Promise<T>, options?: TenantOptions) => Promise<T>

/**
 * Requires a valid access token whose session is still open and whose client is not disabled,
 * so logging out or disabling a client ends access at once, not when the token expires. The
 * session is checked inside the route's own transaction (`c.var.inSession`), not in one of its own.
 */
export function portalAuth(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'))
    const client = token ? await verifyAccessToken(deps, token) : null
    if (!client) throw unauthorized()
    let checked = false
    const inSession: InSession = (work, options) =>
      inPractice(
        deps.sql,
        client.practiceId,
        async (tx) => {
          checked = true
          if (!options?.read) {
            await requireOpenSession(tx, client, deps.clock())
            return work(tx)
          }
          // A read sends the session check with its own statements, in one round trip; a closed
          // session still gets nothing (the rows are dropped, the audit line rolled back).
          const [open, read] = await Promise.allSettled([requireOpenSession(tx, client, deps.clock()), work(tx)])
          if (open.status === 'rejected') throw open.reason
          if (read.status === 'rejected') throw read.reason
          return read.value
        },
        options,
      )
    c.set('client', client)
    c.set('inSession', inSession)
    await next()
    // A route that never opened its transaction still answers only an open session.
    if (!checked) await inSession(async () => {}, { read: true })
  }
}

/** A router whose every route is the signed-in client's own (`portalAuth`). */
export function portalRouter(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  app.use('*', portalAuth(deps))
  return app
}

async function requireOpenSession(tx: Tx, client: PortalClient, now: Date): Promise<void> {
  const session = await findSession(tx, client.practiceId, client.sessionId)
  const open =
    session &&
    session.client_id === client.clientId &&
    !session.revoked_at &&
    !session.client_disabled &&
    session.expires_at.getTime() > now.getTime()
  if (!open) throw unauthorized()
}
