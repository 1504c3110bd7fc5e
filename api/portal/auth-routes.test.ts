import { describe, expect, it } from 'vitest'
import { practiceForFile, fixtures } from '../testing/fixtures'
import { codeFromOutbox, signIn } from '../testing/portal'
import { REFRESH_GRACE_MS } from './session'

const NOW = '2026-03-02T15:00:00Z'
const SLUG = 'signin-a'
let n = 0

/** A fresh client each time, so tests do not share rate-limit buckets or codes. */
async function newClient(overrides: Record<string, unknown> = {}) {
  return f.client({ email: `client${n++}@example.com`, ...overrides })
}

const start = (email: string, ip = '198.51.100.1', practice = SLUG) =>
  t.call('POST', '/v1/portal/auth/start', { body: { practice, email }, headers: { 'x-test-ip': ip } })
const verify = (email: string, code: string, ip = '198.51.100.1') =>
  t.call('POST', '/v1/portal/auth/verify', { body: { practice: SLUG, email, code }, headers: { 'x-test-ip': ip } })
const refresh = (token: string) => t.call('POST', '/v1/portal/auth/refresh', { body: { refresh_token: token } })
const me = (token: string) => t.call('GET', '/v1/portal/me', { key: token })
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0')

const { t, adminKey, f } = await practiceForFile(SLUG, {
  now: NOW,
  deps: { clientIp: (c) => c.req.header('x-test-ip') },
})
const practiceId = (await t.call('GET', '/v1/practice', { key: adminKey })).body.id

describe('sign-in with an emailed code', () => {
  it('emails a 6-digit code read from /dev/outbox, and the code opens a session', async () => {
    const client = await newClient({ name: 'Robin Hale' })
    const started = await start(client.email)
    expect(started.status).toBe(202)
    expect(started.body).toEqual({ expires_in: 600 })

    const [email] = (await t.call('GET', `/dev/outbox?to=${client.email}`)).body.data
    expect(email).toMatchObject({ from: t.deps.emailFrom, subject: 'Your sign-in code for Practice signin-a' })
    expect(email.text).toMatch(/^Your sign-in code for Practice signin-a is \d{6}\n\nIt works for 10 minutes\./)
    expect(email.text).not.toMatch(/therap|session|counsel/i)

    const session = await verify(client.email, await codeFromOutbox(t, client.email))
    expect(session.status).toBe(200)
    expect(session.body).toMatchObject({ expires_in: 900, refresh_token: expect.stringMatching(/^hrt_/) })
    const profile = await me(session.body.access_token)
    expect(profile.status).toBe(200)
    expect(profile.body.client).toMatchObject({ id: client.id, name: 'Robin Hale' })

    const codes = await t.sql`select code_hash from portal_sign_in_codes where client_id = ${client.id}`
    expect(codes[0]!.code_hash).not.toContain(await codeFromOutbox(t, client.email))
    const audits = await t.sql`select action from audit_log where actor_id = ${client.id} order by id`
    expect(audits.map((a) => a.action)).toEqual(['portal.code_sent', 'portal.signed_in', 'portal.viewed_profile'])
  })

  it('answers an unknown or disabled email exactly like a known one, and sends nothing', async () => {
    const disabled = await newClient()
    await t.sql`update clients set disabled_at = now() where id = ${disabled.id}`
    const known = await newClient()
    const timings: number[] = []
    for (const email of [known.email, 'nobody@example.com', disabled.email]) {
      const began = performance.now()
      const res = await start(email)
      timings.push(performance.now() - began)
      expect({ status: res.status, body: res.body }).toEqual({ status: 202, body: { expires_in: 600 } })
    }
    for (const ms of timings) expect(ms).toBeGreaterThanOrEqual(195)
    expect((await t.call('GET', '/dev/outbox?to=nobody@example.com')).body.data).toEqual([])
    expect((await t.call('GET', `/dev/outbox?to=${disabled.email}`)).body.data).toEqual([])
    expect((await verify('nobody@example.com', '123456')).body.error.code).toBe('invalid_code')
  })

  it('refuses a wrong code with a kind message, and the right one still works after it', async () => {
    const client = await newClient()
    await start(client.email)
    const code = await codeFromOutbox(t, client.email)
    const refused = await verify(client.email, wrong(code))
    expect(refused.status).toBe(400)
    expect(refused.body.error).toMatchObject({
      code: 'invalid_code',
      message: "That code didn't work. Check the newest email from Practice signin-a, or send a new code.",
    })
    expect((await verify(client.email, code)).status).toBe(200)
    expect((await verify(client.email, code)).status, 'a code works once').toBe(400)
  })

  it('expires a code after 10 minutes', async () => {
    const client = await newClient()
    await start(client.email)
    const code = await codeFromOutbox(t, client.email)
    t.clock.advance(10 * 60_000)
    expect((await verify(client.email, code)).body.error.code).toBe('invalid_code')
    t.clock.set(NOW)
  })

  it('accepts only the newest code', async () => {
    const client = await newClient()
    await start(client.email)
    const first = await codeFromOutbox(t, client.email)
    await start(client.email)
    const second = await codeFromOutbox(t, client.email)
    if (first !== second) expect((await verify(client.email, first)).status).toBe(400)
    expect((await verify(client.email, second)).status).toBe(200)
  })

  it('locks a code after 5 wrong tries, even for the right code; a new code works', async () => {
    const client = await newClient()
    await start(client.email)
    const code = await codeFromOutbox(t, client.email)
    for (let i = 0; i < 5; i++) expect((await verify(client.email, wrong(code))).status).toBe(400)
    expect((await verify(client.email, code)).body.error.code).toBe('invalid_code')
    const [row] = await t.sql`select attempts from portal_sign_in_codes where client_id = ${client.id}`
    expect(row!.attempts).toBe(5)
    await start(client.email)
    expect((await verify(client.email, await codeFromOutbox(t, client.email))).status).toBe(200)
  })
})

describe('sign-in rate limits (kept in Postgres)', () => {
  it('allows 5 codes per email in 15 minutes from any address, known or not, then 429', async () => {
    const client = await newClient()
    for (const email of [client.email, 'stranger@example.com']) {
      for (let i = 0; i < 5; i++) expect((await start(email, `203.0.113.${i}`)).status).toBe(202)
      const limited = await start(email, '203.0.113.99')
      expect(limited.status).toBe(429)
      expect(limited.body.error).toMatchObject({ code: 'rate_limited', details: { retry_after_seconds: 900 } })
    }
    t.clock.advance(15 * 60_000)
    expect((await start(client.email)).status).toBe(202)
    t.clock.set(NOW)
  })

  it('allows 30 codes per address in 15 minutes across emails, then 429', async () => {
    t.clock.set('2026-03-03T09:00:00Z')
    for (let i = 0; i < 30; i++) expect((await start(`spray${i}@example.com`, '192.0.2.7')).status).toBe(202)
    expect((await start('spray-last@example.com', '192.0.2.7')).status).toBe(429)
    expect((await start('spray-last@example.com', '192.0.2.8')).status).toBe(202)
    t.clock.set(NOW)
  })

  it('lets guessing lock only the code guessed at: a fresh code still works', async () => {
    t.clock.set('2026-03-04T09:00:00Z')
    const client = await newClient()
    await start(client.email)
    const guessed = await codeFromOutbox(t, client.email)
    // Someone else guesses from many addresses, far past the 5 tries that kill a code.
    for (let i = 0; i < 20; i++) expect((await verify(client.email, wrong(guessed), `10.0.0.${i}`)).status).toBe(400)
    expect((await verify(client.email, guessed)).body.error.code).toBe('invalid_code')
    await start(client.email)
    expect((await verify(client.email, await codeFromOutbox(t, client.email))).status).toBe(200)
    t.clock.set(NOW)
  })
})

describe('sessions', () => {
  it('rotate the refresh token; reusing a spent one ends the whole session', async () => {
    const client = await newClient()
    const first = await signIn(t, SLUG, client.email)
    const second = await refresh(first.refresh_token)
    expect(second.status).toBe(200)
    expect(second.body.refresh_token).not.toBe(first.refresh_token)
    expect((await me(second.body.access_token)).status).toBe(200)

    t.clock.advance(REFRESH_GRACE_MS + 1000)
    const replay = await refresh(first.refresh_token)
    expect(replay.status).toBe(401)
    expect((await refresh(second.body.refresh_token)).status, 'the family is revoked').toBe(401)
    expect((await me(second.body.access_token)).status, 'and its access tokens').toBe(401)
    const [session] = await t.sql`select revoked_reason from portal_sessions where client_id = ${client.id}`
    expect(session!.revoked_reason).toBe('refresh_reuse')
    const audits =
      await t.sql`select 1 from audit_log where actor_id = ${client.id} and action = 'portal.refresh_reused'`
    expect(audits).toHaveLength(1)
    t.clock.set(NOW)
  })

  it('let two tabs refresh with the same token at once, and both stay signed in', async () => {
    const client = await newClient()
    const first = await signIn(t, SLUG, client.email)
    const [left, right] = await Promise.all([refresh(first.refresh_token), refresh(first.refresh_token)])
    expect([left.status, right.status]).toEqual([200, 200])
    expect(left.body.refresh_token, 'one live refresh token for the family').toBe(right.body.refresh_token)
    expect((await me(left.body.access_token)).status).toBe(200)
    expect((await me(right.body.access_token)).status).toBe(200)

    t.clock.advance(5 * 60_000)
    const next = await refresh(right.body.refresh_token)
    expect(next.status, 'the successor still rotates').toBe(200)
    expect((await me(next.body.access_token)).status).toBe(200)
    const [session] = await t.sql`select revoked_at from portal_sessions where client_id = ${client.id}`
    expect(session!.revoked_at).toBeNull()
    t.clock.set(NOW)
  })

  it('answer a repeat within the grace window with the same successor, and end the family after it', async () => {
    const client = await newClient()
    const first = await signIn(t, SLUG, client.email)
    const second = await refresh(first.refresh_token)
    t.clock.advance(REFRESH_GRACE_MS - 1000)
    const repeat = await refresh(first.refresh_token)
    expect(repeat.status).toBe(200)
    expect(repeat.body.refresh_token).toBe(second.body.refresh_token)
    expect((await me(repeat.body.access_token)).status).toBe(200)

    t.clock.advance(2000)
    expect((await refresh(first.refresh_token)).status, 'past the window').toBe(401)
    expect((await refresh(second.body.refresh_token)).status, 'the family is revoked').toBe(401)
    expect((await me(repeat.body.access_token)).status).toBe(401)
    const [session] = await t.sql`select revoked_reason from portal_sessions where client_id = ${client.id}`
    expect(session!.revoked_reason).toBe('refresh_reuse')
    t.clock.set(NOW)
  })

  it('end the family when a spent token comes back after its successor was itself spent', async () => {
    const client = await newClient()
    const first = await signIn(t, SLUG, client.email)
    const second = await refresh(first.refresh_token)
    expect((await refresh(second.body.refresh_token)).status).toBe(200)
    expect((await refresh(first.refresh_token)).status, 'within the window, but its successor is spent').toBe(401)
    const [session] = await t.sql`select revoked_reason from portal_sessions where client_id = ${client.id}`
    expect(session!.revoked_reason).toBe('refresh_reuse')
  })

  it('end after an hour without a refresh, and 12 hours after sign-in however active', async () => {
    const idle = await signIn(t, SLUG, (await newClient()).email)
    t.clock.advance(60 * 60_000 + 1000)
    expect((await refresh(idle.refresh_token)).status).toBe(401)
    t.clock.set(NOW)

    let tokens = await signIn(t, SLUG, (await newClient()).email)
    let refreshed = 0
    for (;;) {
      t.clock.advance(50 * 60_000)
      const res = await refresh(tokens.refresh_token)
      if (res.status !== 200) break
      tokens = res.body
      refreshed++
    }
    expect(refreshed).toBe(14) // 14 × 50 min = 11 h 40 min; the next would pass 12 h
    t.clock.set(NOW)
  })

  it('log out with the access token or the refresh token, and both stop working', async () => {
    for (const how of ['access', 'refresh'] as const) {
      const tokens = await signIn(t, SLUG, (await newClient()).email)
      const out = await t.call('POST', '/v1/portal/auth/logout', {
        ...(how === 'access' ? { key: tokens.access_token } : { body: { refresh_token: tokens.refresh_token } }),
      })
      expect(out.status).toBe(204)
      expect((await me(tokens.access_token)).status).toBe(401)
      expect((await refresh(tokens.refresh_token)).status).toBe(401)
    }
    expect((await t.call('POST', '/v1/portal/auth/logout')).status).toBe(401)
  })

  it('end when the practice disables the client', async () => {
    const client = await newClient()
    const tokens = await signIn(t, SLUG, client.email)
    await t.sql`update clients set disabled_at = now() where id = ${client.id}`
    expect((await me(tokens.access_token)).status).toBe(401)
    expect((await refresh(tokens.refresh_token)).status).toBe(401)
  })

  it('belong to one practice: a code for practice A does not open practice B', async () => {
    const other = await t.createPractice('signin-b')
    const sameEmail = await newClient()
    await fixtures(t, other.adminKey).client({ email: sameEmail.email })
    await start(sameEmail.email)
    const code = await codeFromOutbox(t, sameEmail.email)
    const res = await t.call('POST', '/v1/portal/auth/verify', {
      body: { practice: 'signin-b', email: sameEmail.email, code },
    })
    expect(res.body.error.code).toBe('invalid_code')
    expect(practiceId).toBeDefined()
  })
})

describe('bad input', () => {
  it('answers 400 for malformed requests and 404 for an unknown practice', async () => {
    expect((await t.call('POST', '/v1/portal/auth/start', { body: { practice: SLUG } })).status).toBe(400)
    expect(
      (await t.call('POST', '/v1/portal/auth/verify', { body: { practice: SLUG, email: 'a@b.co', code: '12ab56' } }))
        .body.error.details.fields.code,
    ).toBe('Enter the 6-digit code.')
    expect((await t.call('POST', '/v1/portal/auth/start', { body: '{"practice":' })).status).toBe(400)
    expect((await start('x@example.com', '1.1.1.1', 'no-such-practice')).status).toBe(404)
    expect(
      (await t.call('POST', '/v1/portal/auth/refresh', { body: { refresh_token: 'hrt_made-up-token' } })).status,
    ).toBe(401)
  })
})
