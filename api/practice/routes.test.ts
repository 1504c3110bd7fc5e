import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../testing/app'
import { fixtures } from '../testing/fixtures'

let t: TestContext
let adminKey: string
let therapistKey: string
beforeAll(async () => {
  t = await startTestApp()
  ;({ adminKey } = await t.createPractice('practice-a'))
  const f = fixtures(t, adminKey)
  therapistKey = await f.therapistKey((await f.therapist()).id)
})
afterAll(() => t.stop())

describe('GET /v1/practice', () => {
  it("returns the key's practice with its policies", async () => {
    const res = await t.call('GET', '/v1/practice', { key: adminKey })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      slug: 'practice-a',
      time_zone: 'America/New_York',
      cancellation_policy: { window_hours: 48, late_action: 'fee', fee_cents: 7500, currency: 'USD' },
    })
    expect(res.body.crisis_resources.length).toBeGreaterThan(0)
  })

  it('is readable with a therapist key', async () => {
    expect((await t.call('GET', '/v1/practice', { key: therapistKey })).status).toBe(200)
  })
})

describe('PATCH /v1/practice', () => {
  it('changes the cancellation policy and keeps it', async () => {
    const policy = { window_hours: 24, late_action: 'contact_required', fee_cents: 0, currency: 'USD' }
    const res = await t.call('PATCH', '/v1/practice', {
      key: adminKey,
      body: { cancellation_policy: policy, name: 'Harbor Therapy' },
    })
    expect(res.status).toBe(200)
    expect(res.body.cancellation_policy).toEqual(policy)
    expect((await t.call('GET', '/v1/practice', { key: adminKey })).body).toMatchObject({
      name: 'Harbor Therapy',
      cancellation_policy: policy,
    })
  })

  it.each([23, 49, 36.5])('refuses a cancellation window of %s hours with a field error', async (hours) => {
    const res = await t.call('PATCH', '/v1/practice', {
      key: adminKey,
      body: { cancellation_policy: { window_hours: hours, late_action: 'fee', fee_cents: 100, currency: 'USD' } },
    })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('invalid_request')
    expect(res.body.error.details.fields).toHaveProperty(['cancellation_policy.window_hours'])
  })

  it('sets the rule for clients moving their own sessions (instant / request by default)', async () => {
    expect((await t.call('GET', '/v1/practice', { key: adminKey })).body.reschedule).toEqual({
      mode: 'instant',
      inside_window: 'request',
    })
    const rule = { mode: 'request', inside_window: 'as_cancellation' }
    const res = await t.call('PATCH', '/v1/practice', { key: adminKey, body: { reschedule: rule } })
    expect(res.status, res.text).toBe(200)
    expect(res.body.reschedule).toEqual(rule)
    const bad = await t.call('PATCH', '/v1/practice', {
      key: adminKey,
      body: { reschedule: { mode: 'sometimes', inside_window: 'allow' } },
    })
    expect(bad.status).toBe(400)
    expect(bad.body.error.details.fields).toHaveProperty('reschedule.mode')
  })

  it('refuses unknown fields, bad time zones and empty patches', async () => {
    for (const body of [{ slug: 'new' }, { time_zone: 'Mars/Olympus' }, {}, { allowed_origins: ['not a url'] }]) {
      const res = await t.call('PATCH', '/v1/practice', { key: adminKey, body })
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.body.error.code).toBe('invalid_request')
    }
  })

  it('writes nothing when part of the patch is invalid', async () => {
    const before = (await t.call('GET', '/v1/practice', { key: adminKey })).body
    const res = await t.call('PATCH', '/v1/practice', {
      key: adminKey,
      body: { name: 'Changed', time_zone: 'Nowhere' },
    })
    expect(res.status).toBe(400)
    expect((await t.call('GET', '/v1/practice', { key: adminKey })).body).toEqual(before)
  })

  it('normalises allowed origins', async () => {
    const res = await t.call('PATCH', '/v1/practice', {
      key: adminKey,
      body: { allowed_origins: ['https://calm.example/'] },
    })
    expect(res.body.allowed_origins).toEqual(['https://calm.example'])
  })

  it('is for admin keys only', async () => {
    const res = await t.call('PATCH', '/v1/practice', { key: therapistKey, body: { name: 'Mine now' } })
    expect(res.status).toBe(403)
    expect(res.body.error.code).toBe('forbidden')
  })

  it('records who changed what in the audit log', async () => {
    const rows = await t.sql`select action, detail from audit_log where action = 'practice.updated'`
    expect(rows.length).toBeGreaterThan(0)
  })
})

describe('bad requests', () => {
  it('answers malformed JSON with a 400 in the one error shape', async () => {
    const res = await t.call('PATCH', '/v1/practice', { key: adminKey, body: '{"name":' })
    expect(res.status).toBe(400)
    expect(res.body).toEqual({ error: { code: 'invalid_request', message: expect.any(String) } })
  })

  it('refuses a body that is too large', async () => {
    const res = await t.call('PATCH', '/v1/practice', { key: adminKey, body: { name: 'x'.repeat(70_000) } })
    expect(res.status).toBe(413)
    expect(res.body.error.code).toBe('payload_too_large')
  })

  it('answers an unknown path with a JSON 404', async () => {
    const res = await t.call('GET', '/v1/nothing-here', { key: adminKey })
    expect(res.status).toBe(404)
    expect(res.body.error.code).toBe('not_found')
  })
})

describe('content types', () => {
  it('refuses a body that is not JSON with a 415', async () => {
    const res = await t.call('PATCH', '/v1/practice', {
      key: adminKey,
      body: 'name=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(res.status).toBe(415)
    expect(res.body.error.code).toBe('unsupported_media_type')
  })
})
