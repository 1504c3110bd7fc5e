import { findActiveClient } from './people-queries'
import { type Context, Hono } from 'hono'
import { enforceLimits, LIMITS } from '../auth/rate-limit'
import { bearerToken } from '../api-keys/auth'
import { endSession, REFRESH_GRACE_MS, refreshSession, sessionOfRefreshToken, startSession } from './session'
import { verifyAccessToken } from './token'
import { checkCode, issueCode } from '../auth/sign-in-code'
import { verifyPracticeToken } from './silent-sign-in'
import type { AppEnv, Deps } from '../deps'
import { audit } from '../audit/queries'
import { findPracticeBySlug } from '../practice/queries'
import { findSignInClient } from '../auth/sign-in-code-queries'
import { findSilentSignIn, spendExchangeToken } from './silent-sign-in-queries'
import { asSystem, inPractice } from '../db/tenant'
import { ApiError, notFound } from '../http/errors'
import { describe, input } from '../http/openapi/describe'
import { answerCodeRequested } from '../auth/send-in-background'
import {
  AuthExchange,
  AuthLogout,
  AuthRefresh,
  AuthStart,
  AuthVerify,
  PortalSession,
  SignInCodeSent,
} from '../../shared/schemas/portal'
import { isUuid } from '../http/params'

async function practiceBySlug(deps: Deps, slug: string) {
  const practice = await asSystem(deps.sql, (tx) => findPracticeBySlug(tx, slug))
  if (!practice) throw notFound('That practice')
  return practice
}

function clientAddress(deps: Deps, c: Context): string {
  return deps.clientIp?.(c) || 'unknown'
}

const wrongCode = (practiceName: string) =>
  new ApiError(
    'invalid_code',
    `That code didn't work. Check the newest email from ${practiceName}, or send a new code.`,
  )

export function portalAuthRoutes(deps: Deps) {
  const app = new Hono<AppEnv>()

  app.post(
    '/start',
    describe({
      summary:
        'Email a 6-digit sign-in code (202 whether or not the email is known; 400 or 429 for bad input or too many tries)',
      tags: ['portal sign-in'],
      auth: 'none',
      responses: {
        202: { description: 'A code is on its way if the email belongs to a client', schema: SignInCodeSent },
      },
    }),
    input('json', AuthStart),
    async (c) => {
      const started = performance.now()
      const { practice: slug, email } = c.req.valid('json')
      const practice = await practiceBySlug(deps, slug)
      await enforceLimits(deps, [
        { limit: LIMITS.codePerEmail, key: `${practice.id}:${email}` },
        { limit: LIMITS.codePerIp, key: clientAddress(deps, c) },
      ])
      const message = await inPractice(deps.sql, practice.id, async (tx) => {
        const client = await findSignInClient(tx, practice.id, email)
        if (!client) return null
        const message = await issueCode(tx, deps, { practiceId: practice.id, practiceName: practice.name, client })
        await audit(tx, {
          practiceId: practice.id,
          actor: { kind: 'client', id: client.id },
          action: 'portal.code_sent',
          subject: { kind: 'client', id: client.id },
        })
        return message
      })
      return answerCodeRequested(c, deps, started, message)
    },
  )

  app.post(
    '/verify',
    describe({
      summary: 'Exchange the emailed code for a session (access and refresh tokens)',
      tags: ['portal sign-in'],
      auth: 'none',
      description:
        'Any wrong, expired, replaced or locked code answers 400 `invalid_code`. A code stops working after 5 wrong tries.',
      responses: { 200: { description: 'Signed in', schema: PortalSession } },
    }),
    input('json', AuthVerify),
    async (c) => {
      const { practice: slug, email, code } = c.req.valid('json')
      const practice = await practiceBySlug(deps, slug)
      await enforceLimits(deps, [{ limit: LIMITS.verifyPerIp, key: clientAddress(deps, c) }])
      // A wrong guess must be counted even though the answer is an error, so the outcome is returned.
      const session = await inPractice(deps.sql, practice.id, async (tx) => {
        const client = await findSignInClient(tx, practice.id, email)
        const ok = await checkCode(tx, deps, { practiceId: practice.id, clientId: client?.id ?? null, code })
        if (!client || !ok) {
          // Recorded for unknown emails too: the same write either way, so timing cannot tell them apart.
          await audit(tx, {
            practiceId: practice.id,
            actor: client ? { kind: 'client', id: client.id } : { kind: 'system' },
            action: 'portal.code_rejected',
            subject: { kind: 'client', id: client?.id ?? 'unknown' },
          })
          return null
        }
        return startSession(tx, deps, { practiceId: practice.id, clientId: client.id, method: 'code' })
      })
      if (!session) throw wrongCode(practice.name)
      return c.json(session)
    },
  )

  app.post(
    '/exchange',
    describe({
      summary: "Silent sign-in: exchange a short-lived JWT signed by the practice's backend for a session",
      tags: ['portal sign-in'],
      auth: 'none',
      description:
        'The token: HS256 with the practice secret, or RS256/ES256 with a key from its JWKS URL; `iss` as configured, ' +
        '`aud` `hearth:<slug>`, `sub` the client email or Hearth client id, `iat`, `exp` and a one-time `jti`, at most 5 minutes old.',
      responses: { 200: { description: 'Signed in', schema: PortalSession } },
    }),
    input('json', AuthExchange),
    async (c) => {
      const { practice: slug, token } = c.req.valid('json')
      const practice = await practiceBySlug(deps, slug)
      await enforceLimits(deps, [{ limit: LIMITS.exchangePerIp, key: clientAddress(deps, c) }])
      const config = await inPractice(deps.sql, practice.id, (tx) => findSilentSignIn(tx, practice.id))
      const claims = config ? await verifyPracticeToken(deps, { id: practice.id, slug, config }, token) : null
      const session =
        claims &&
        (await inPractice(deps.sql, practice.id, async (tx) => {
          const subject = isUuid(claims.subject)
            ? { id: claims.subject }
            : { email: claims.subject.trim().toLowerCase() }
          const client = await findActiveClient(tx, practice.id, subject)
          if (!client) return null
          if (!(await spendExchangeToken(tx, practice.id, claims.jti, claims.expiresAt))) return null
          return startSession(tx, deps, { practiceId: practice.id, clientId: client.id, method: 'exchange' })
        }))
      if (!session) throw new ApiError('unauthorized', 'That sign-in has expired. Please sign in with your email.')
      return c.json(session)
    },
  )

  app.post(
    '/refresh',
    describe({
      summary: 'Rotate the refresh token for a new access token (a reused token ends the whole session)',
      tags: ['portal sign-in'],
      auth: 'none',
      description:
        `A refresh token sent again within ${REFRESH_GRACE_MS / 1000} seconds of its rotation (two tabs ` +
        'refreshing at once) gets a new access token and the same new refresh token. Sent again later, it is ' +
        'reuse: 401, and every token of the session stops working.',
      responses: { 200: { description: 'New tokens; the refresh token sent is now spent', schema: PortalSession } },
    }),
    input('json', AuthRefresh),
    async (c) => c.json(await refreshSession(deps, c.req.valid('json').refresh_token)),
  )

  app.post(
    '/logout',
    describe({
      summary: 'End the session: its access and refresh tokens stop working at once',
      tags: ['portal sign-in'],
      auth: 'none',
      description: 'Send the access token as a Bearer token, or the refresh token in the body (or both).',
      responses: { 204: { description: 'Signed out' } },
    }),
    input('json', AuthLogout),
    async (c) => {
      const bearer = bearerToken(c.req.header('authorization'))
      const { refresh_token } = c.req.valid('json')
      const session =
        (bearer ? await verifyAccessToken(deps, bearer) : null) ??
        (refresh_token ? await sessionOfRefreshToken(deps, refresh_token) : null)
      if (!session) throw new ApiError('unauthorized', 'Please sign in again to continue.')
      await endSession(deps, session)
      return c.body(null, 204)
    },
  )
  return app
}
