import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { exportJWK, generateKeyPair, type JWK, SignJWT, UnsecuredJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../testing/app'
import { fixtures } from '../testing/fixtures'

/**
 * Silent sign-in: the practice's backend signs a short-lived JWT and the widget exchanges it.
 * The JWKS path is tested against a real HTTP server on 127.0.0.1 serving the practice's keys.
 */

const NOW = '2026-03-02T15:00:00Z'
const SECRET = 'practice-shared-secret-with-32-plus-characters!'
const ISSUER = 'https://calmwaters.example'
let t: TestContext
let adminKey: string
let client: { id: string; email: string }
let jwks: Server
let jwksUrl: string
let jwksRequests = 0
const published: JWK[] = []
let esKeys: Awaited<ReturnType<typeof generateKeyPair>>
let rsKeys: Awaited<ReturnType<typeof generateKeyPair>>

const nowSeconds = () => Math.floor(t.clock.now().getTime() / 1000)

function claims(
  overrides: { sub?: string; aud?: string; iss?: string; iat?: number; exp?: number; jti?: string } = {},
) {
  const iat = overrides.iat ?? nowSeconds()
  return new SignJWT({})
    .setSubject(overrides.sub ?? client.email)
    .setIssuer(overrides.iss ?? ISSUER)
    .setAudience(overrides.aud ?? 'hearth:silent-a')
    .setIssuedAt(iat)
    .setExpirationTime(overrides.exp ?? iat + 120)
    .setJti(overrides.jti ?? crypto.randomUUID())
}
const hs256 = (overrides = {}) =>
  claims(overrides).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(SECRET))
const exchange = (token: string, practice = 'silent-a') =>
  t.call('POST', '/v1/portal/auth/exchange', { body: { practice, token } })
const configure = (silent: unknown) =>
  t.call('PATCH', '/v1/practice', { key: adminKey, body: { silent_sign_in: silent } })

beforeAll(async () => {
  t = await startTestApp({ now: NOW })
  ;({ adminKey } = await t.createPractice('silent-a'))
  client = await fixtures(t, adminKey).client({ email: 'quiet@example.com' })
  esKeys = await generateKeyPair('ES256')
  rsKeys = await generateKeyPair('RS256')
  published.push(
    { ...(await exportJWK(esKeys.publicKey)), kid: 'es-1', alg: 'ES256', use: 'sig' },
    { ...(await exportJWK(rsKeys.publicKey)), kid: 'rs-1', alg: 'RS256', use: 'sig' },
  )
  jwks = createServer((_request, res) => {
    jwksRequests++
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ keys: published }))
  })
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve))
  jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`
})
afterAll(async () => {
  await new Promise((resolve) => jwks.close(resolve))
  await t.stop()
})

describe('silent sign-in settings', () => {
  it('are off until configured, and the secret is never shown', async () => {
    expect((await t.call('GET', '/v1/portal/config?practice=silent-a')).body.silent_sign_in).toBe(false)
    expect((await exchange(await hs256())).status).toBe(401)
    const saved = await configure({ issuer: ISSUER, secret: SECRET })
    expect(saved.status).toBe(200)
    expect(saved.body.silent_sign_in).toEqual({ issuer: ISSUER, audience: 'hearth:silent-a', has_secret: true })
    expect(saved.text).not.toContain(SECRET)
    const [row] = await t.sql`select silent_sign_in_secret from practices where slug = 'silent-a'`
    expect(Buffer.from(row!.silent_sign_in_secret).toString('latin1')).not.toContain(SECRET)
    expect((await t.call('GET', '/v1/portal/config?practice=silent-a')).body.silent_sign_in).toBe(true)
  })

  it('refuse settings that could verify nothing, or a short secret, or plain http elsewhere', async () => {
    expect((await configure({ issuer: ISSUER, secret: null })).body.error.details.fields).toHaveProperty(
      'silent_sign_in',
    )
    expect((await configure({ issuer: ISSUER, secret: 'short' })).status).toBe(400)
    expect((await configure({ issuer: ISSUER, jwks_url: 'http://keys.example/jwks.json' })).status).toBe(400)
    // None of these changed what was saved.
    expect((await t.call('GET', '/v1/practice', { key: adminKey })).body.silent_sign_in.has_secret).toBe(true)
  })
})

describe('POST /v1/portal/auth/exchange with the shared secret (HS256)', () => {
  it('opens a session for the client named by email or by Hearth id, once per token', async () => {
    const token = await hs256()
    const session = await exchange(token)
    expect(session.status).toBe(200)
    expect((await t.call('GET', '/v1/portal/me', { key: session.body.access_token })).body.client.id).toBe(client.id)
    expect((await exchange(token)).status, 'a token is single-use').toBe(401)
    expect((await exchange(await hs256({ sub: client.id }))).status).toBe(200)
    const [row] = await t.sql`select method from portal_sessions where client_id = ${client.id} limit 1`
    expect(row!.method).toBe('exchange')
  })

  it('refuses the wrong audience, issuer, secret, an expired or old token, alg none, and unknown clients', async () => {
    const iat = nowSeconds()
    const refused = [
      await hs256({ aud: 'hearth:another-practice' }),
      await hs256({ iss: 'https://evil.example' }),
      await claims()
        .setProtectedHeader({ alg: 'HS256' })
        .sign(new TextEncoder().encode(`${SECRET}x`)),
      await hs256({ iat: iat - 600, exp: iat - 60 }),
      await hs256({ iat: iat - 6 * 60, exp: iat + 600 }),
      await hs256({ iat: iat + 600, exp: iat + 900 }),
      new UnsecuredJWT({}).setSubject(client.email).setIssuer(ISSUER).setAudience('hearth:silent-a').encode(),
      await hs256({ sub: 'nobody@example.com' }),
      await new SignJWT({})
        .setSubject(client.email)
        .setIssuer(ISSUER)
        .setAudience('hearth:silent-a')
        .setIssuedAt(iat)
        .setExpirationTime(iat + 60)
        .setProtectedHeader({ alg: 'HS256' })
        .sign(new TextEncoder().encode(SECRET)), // no jti
    ]
    for (const [i, token] of refused.entries()) {
      const res = await exchange(token)
      expect(res.status, `token ${i}`).toBe(401)
      expect(res.body.error.code).toBe('unauthorized')
    }
    expect((await exchange(await hs256(), 'no-such-practice')).status).toBe(404)
  })
})

describe('POST /v1/portal/auth/exchange with keys from a JWKS URL', () => {
  it('verifies ES256 and RS256 tokens against the published keys', async () => {
    expect((await configure({ issuer: ISSUER, jwks_url: jwksUrl, secret: null })).body.silent_sign_in).toEqual({
      issuer: ISSUER,
      audience: 'hearth:silent-a',
      jwks_url: jwksUrl,
      has_secret: false,
    })
    const es = await claims().setProtectedHeader({ alg: 'ES256', kid: 'es-1' }).sign(esKeys.privateKey)
    const rs = await claims().setProtectedHeader({ alg: 'RS256', kid: 'rs-1' }).sign(rsKeys.privateKey)
    expect((await exchange(es)).status).toBe(200)
    expect((await exchange(rs)).status).toBe(200)
    expect(jwksRequests).toBeGreaterThan(0)
  })

  it('refuses a key the practice did not publish, and HS256 once no secret is set', async () => {
    const stranger = await generateKeyPair('ES256')
    const unpublished = await claims().setProtectedHeader({ alg: 'ES256', kid: 'es-1' }).sign(stranger.privateKey)
    expect((await exchange(unpublished)).status).toBe(401)
    expect((await exchange(await hs256())).status).toBe(401)
  })

  it('turns off with null', async () => {
    expect((await configure(null)).body.silent_sign_in).toBeUndefined()
    const es = await claims().setProtectedHeader({ alg: 'ES256', kid: 'es-1' }).sign(esKeys.privateKey)
    expect((await exchange(es)).status).toBe(401)
    expect((await t.call('GET', '/v1/portal/config?practice=silent-a')).body.silent_sign_in).toBe(false)
  })
})
