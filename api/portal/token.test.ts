import { Hono } from 'hono'
import { SignJWT, UnsecuredJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppEnv } from '../deps'
import { handleError } from '../http/error-handler'
import { inPractice } from '../db/tenant'
import { derivedKeyBytes } from '../crypto/secrets'
import { startTestApp, type TestContext } from '../testing/app'
import { fixtures } from '../testing/fixtures'
import { startSession } from './session'
import { issueAccessToken, portalAuth, verifyAccessToken } from './token'

let t: TestContext
let practiceId: string
let clientId: string
let probe: Hono<AppEnv>

const signIn = () =>
  inPractice(t.sql, practiceId, (tx) => startSession(tx, t.deps, { practiceId, clientId, method: 'code' }))

const call = async (token: string | null) => {
  const res = await probe.request('/', token ? { headers: { authorization: `Bearer ${token}` } } : {})
  return { status: res.status, body: (await res.json()) as any }
}

beforeAll(async () => {
  t = await startTestApp()
  const a = await t.createPractice('tokens-a')
  practiceId = a.practice.id
  clientId = (await fixtures(t, a.adminKey).client()).id
  probe = new Hono<AppEnv>()
  probe.onError(handleError)
  probe.use(portalAuth(t.deps)).get('/', (c) => c.json(c.var.client))
})
afterAll(() => t.stop())

describe('portal access tokens', () => {
  it('carry practice, client and session, and last 15 minutes', async () => {
    const session = await signIn()
    expect(session.expires_in).toBe(900)
    const client = await verifyAccessToken(t.deps, session.access_token)
    expect(client).toMatchObject({ practiceId, clientId })
    expect((await call(session.access_token)).body).toEqual(client)
    t.clock.advance(15 * 60_000 + 1000)
    expect(await verifyAccessToken(t.deps, session.access_token)).toBeNull()
    expect((await call(session.access_token)).status).toBe(401)
  })

  it('refuse tokens that are unsigned, for another audience, from another secret or of another type', async () => {
    const now = Math.floor(t.clock.now().getTime() / 1000)
    const claims = { pid: practiceId, sid: crypto.randomUUID() }
    const key = await derivedKeyBytes(t.deps.secret, 'portal-access-token')
    const base = () =>
      new SignJWT(claims)
        .setSubject(clientId)
        .setIssuer(t.deps.publicUrl)
        .setIssuedAt(now)
        .setExpirationTime(now + 600)
    const forged = [
      new UnsecuredJWT(claims).setSubject(clientId).setIssuer(t.deps.publicUrl).setAudience('portal').encode(),
      await base().setAudience('admin').setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' }).sign(key),
      await base().setAudience('portal').setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(key),
      await base()
        .setAudience('portal')
        .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
        .sign(new TextEncoder().encode(t.deps.secret)),
      await issueAccessToken(
        { ...t.deps, publicUrl: 'https://elsewhere.example' },
        { practiceId, clientId, sessionId: claims.sid },
      ),
    ]
    for (const token of forged) {
      expect(await verifyAccessToken(t.deps, token), token).toBeNull()
      expect((await call(token)).body.error.code).toBe('unauthorized')
    }
    expect((await call(null)).status).toBe(401)
    expect((await call('not.a.jwt')).status).toBe(401)
  })

  it('stop working as soon as the session is revoked or the client disabled', async () => {
    const revoked = await signIn()
    const disabled = await signIn()
    expect((await call(revoked.access_token)).status).toBe(200)
    await t.sql`update portal_sessions set revoked_at = now(), revoked_reason = 'logout'
      where id = ${(await verifyAccessToken(t.deps, revoked.access_token))!.sessionId}`
    expect((await call(revoked.access_token)).status).toBe(401)
    expect((await call(disabled.access_token)).status).toBe(200)
    await t.sql`update clients set disabled_at = now() where id = ${clientId}`
    expect((await call(disabled.access_token)).status).toBe(401)
    await t.sql`update clients set disabled_at = null where id = ${clientId}`
  })
})
