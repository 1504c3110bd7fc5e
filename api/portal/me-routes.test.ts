import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../testing/app'
import { fixtures } from '../testing/fixtures'
import { signIn } from '../testing/portal'

let t: TestContext
let adminKey: string
let rivera: { id: string }
let okafor: { id: string }
let stranger: { id: string }
let token: string

beforeAll(async () => {
  t = await startTestApp()
  ;({ adminKey } = await t.createPractice('portal-me'))
  const f = fixtures(t, adminKey)
  rivera = await f.therapist({ name: 'Dr. Maya Rivera' })
  okafor = await f.therapist({ name: 'Sam Okafor' })
  stranger = await f.therapist({ name: 'Dr. Not Yours' })
  await t.call('PUT', `/v1/therapists/${okafor.id}/contact-policy`, {
    key: adminKey,
    body: { accepts_messages: true, allowed_categories: ['scheduling'], reply_expectation: { kind: 'none' } },
  })
  const client = await f.client({ name: 'Alex Morgan', locale: 'es' })
  await f.appointment(rivera.id, client.id, '2026-03-10T15:00:00Z')
  await f.appointment(okafor.id, client.id, '2026-03-11T15:00:00Z')
  token = (await signIn(t, 'portal-me', client.email)).access_token
})
afterAll(() => t.stop())

const call = (method: string, path: string, body?: unknown) => t.call(method, path, { key: token, body })

describe('GET /v1/portal/me', () => {
  it("shows the client, only their therapists with each one's contact policy, and the crisis resources", async () => {
    const me = await call('GET', '/v1/portal/me')
    expect(me.status).toBe(200)
    expect(me.body.client).toMatchObject({ name: 'Alex Morgan', locale: 'es' })
    expect(me.body.practice).toEqual({
      name: 'Practice portal-me',
      slug: 'portal-me',
      time_zone: 'America/New_York',
      phone: '+15550102000',
    })
    expect(me.body.therapists.map((th: { name: string }) => th.name)).toEqual(['Dr. Maya Rivera', 'Sam Okafor'])
    expect(me.body.therapists[1].contact_policy).toEqual({
      accepts_messages: true,
      allowed_categories: ['scheduling'],
      reply_expectation: { kind: 'none' },
    })
    expect(me.body.crisis_resources[0]).toMatchObject({ kind: 'emergency', phone: '911' })
    expect(me.body.waitlist).toEqual([])
  })
})

describe('the cancellation list', () => {
  it('joins, updates preferences in place, shows on /me, and leaves', async () => {
    const body = { therapist_id: rivera.id, preferred_days: ['tue', 'thu'], preferred_times: ['morning'] }
    const joined = await call('POST', '/v1/portal/waitlist', body)
    expect(joined.status).toBe(201)
    expect(joined.body).toMatchObject({ therapist_id: rivera.id, preferred_days: ['tue', 'thu'] })
    const updated = await call('POST', '/v1/portal/waitlist', { ...body, preferred_times: ['evening'] })
    expect(updated.status).toBe(200)
    expect(updated.body).toMatchObject({ id: joined.body.id, preferred_times: ['evening'] })
    expect((await call('GET', '/v1/portal/me')).body.waitlist).toEqual([updated.body])

    expect((await call('DELETE', '/v1/portal/waitlist', { therapist_id: rivera.id })).status).toBe(204)
    expect((await call('DELETE', '/v1/portal/waitlist', { therapist_id: rivera.id })).status).toBe(204)
    expect((await call('GET', '/v1/portal/me')).body.waitlist).toEqual([])
    const audits = await t.sql`select action from audit_log where action like 'waitlist.%' order by id`
    expect(audits.map((a) => a.action)).toEqual(['waitlist.joined', 'waitlist.updated', 'waitlist.left'])
  })

  it("needs a therapist when there are two, and refuses one who isn't theirs or a bad day", async () => {
    expect((await call('POST', '/v1/portal/waitlist', {})).body.error.details.fields.therapist_id).toBeDefined()
    expect((await call('POST', '/v1/portal/waitlist', { therapist_id: stranger.id })).status).toBe(400)
    expect(
      (await call('POST', '/v1/portal/waitlist', { therapist_id: rivera.id, preferred_days: ['someday'] })).status,
    ).toBe(400)
  })
})

describe('GET /v1/portal/config', () => {
  it("is public and answers CORS only for the practice's own origins", async () => {
    const own = await t.call('GET', '/v1/portal/config?practice=portal-me', {
      headers: { origin: 'https://portal-me.example' },
    })
    expect(own.status).toBe(200)
    expect(own.headers.get('access-control-allow-origin')).toBe('https://portal-me.example')
    expect(own.body).toMatchObject({
      practice: { name: 'Practice portal-me', slug: 'portal-me' },
      cancellation_policy: { window_hours: 48, late_action: 'fee', fee_cents: 7500, currency: 'USD' },
      silent_sign_in: false,
    })
    const other = await t.call('GET', '/v1/portal/config?practice=portal-me', {
      headers: { origin: 'https://evil.example' },
    })
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
    const preflight = await t.call('OPTIONS', '/v1/portal/config?practice=portal-me', {
      headers: { origin: 'https://portal-me.example', 'access-control-request-method': 'GET' },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://portal-me.example')
    const signedIn = await t.call('GET', '/v1/portal/me', {
      key: token,
      headers: { origin: 'https://portal-me.example' },
    })
    expect(signedIn.headers.get('access-control-allow-origin'), 'signed-in routes are same-origin only').toBeNull()
  })

  it("preflights answer GET for ten minutes, and only the practice's own origins", async () => {
    const preflight = (origin: string, practice = 'portal-me') =>
      t.call('OPTIONS', `/v1/portal/config?practice=${practice}`, {
        headers: { origin, 'access-control-request-method': 'GET' },
      })
    const own = await preflight('https://portal-me.example')
    expect(own.status).toBe(204)
    expect(own.headers.get('access-control-allow-origin')).toBe('https://portal-me.example')
    expect(own.headers.get('access-control-allow-methods')).toBe('GET')
    expect(own.headers.get('access-control-max-age')).toBe('600')
    expect(own.headers.get('access-control-allow-credentials')).toBeNull()
    expect(own.headers.get('vary')).toContain('Origin')
    for (const [origin, practice] of [
      ['https://evil.example', 'portal-me'],
      ['https://portal-me.example', 'nobody'],
      ['https://portal-me.example', 'Not_A_Slug'],
    ] as const) {
      const other = await preflight(origin, practice)
      expect(other.status, `${origin} ${practice}`).toBe(204)
      expect(other.headers.get('access-control-allow-origin'), `${origin} ${practice}`).toBeNull()
    }
    const unknown = await t.call('GET', '/v1/portal/config?practice=nobody', {
      headers: { origin: 'https://portal-me.example' },
    })
    expect(unknown.status).toBe(404)
    expect(unknown.headers.get('access-control-allow-origin')).toBeNull()
    const own200 = await t.call('GET', '/v1/portal/config?practice=portal-me', {
      headers: { origin: 'https://portal-me.example' },
    })
    expect(own200.headers.get('vary')).toBe('Origin')
    expect(own200.headers.get('cache-control')).toBe('public, max-age=60')
  })

  it('answers 404 for an unknown practice and 400 for a malformed slug', async () => {
    expect((await t.call('GET', '/v1/portal/config?practice=nope')).status).toBe(404)
    expect((await t.call('GET', '/v1/portal/config?practice=Not_A_Slug')).status).toBe(400)
    expect((await t.call('GET', '/v1/portal/config')).status).toBe(400)
  })
})
