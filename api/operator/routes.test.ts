import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OPERATOR_KEY, startTestApp, type TestContext } from '../testing/app'

let t: TestContext
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.stop())

const practice = {
  name: 'Harbor Therapy',
  slug: 'harbor',
  time_zone: 'Europe/London',
  allowed_origins: ['https://harbor.example'],
  country: 'GB',
}

describe('POST /v1/operator/practices', () => {
  it('creates a practice with sensible defaults and a first admin key that works', async () => {
    const res = await t.call('POST', '/v1/operator/practices', { key: OPERATOR_KEY, body: practice })
    expect(res.status).toBe(201)
    expect(res.body.practice).toMatchObject({ slug: 'harbor', time_zone: 'Europe/London', country: 'GB' })
    expect(res.body.practice.cancellation_policy.window_hours).toBeGreaterThanOrEqual(24)
    expect(JSON.stringify(res.body.practice.crisis_resources)).toContain('999')
    const own = await t.call('GET', '/v1/practice', { key: res.body.api_key.key })
    expect(own.body.id).toBe(res.body.practice.id)
  })

  it('refuses a taken slug', async () => {
    const res = await t.call('POST', '/v1/operator/practices', {
      key: OPERATOR_KEY,
      body: { ...practice, name: 'Other' },
    })
    expect(res.status).toBe(409)
  })

  it('validates the practice', async () => {
    const res = await t.call('POST', '/v1/operator/practices', {
      key: OPERATOR_KEY,
      body: { name: 'X', slug: 'Not A Slug', time_zone: 'Nowhere' },
    })
    expect(res.status).toBe(400)
    expect(Object.keys(res.body.error.details.fields).sort()).toEqual(['slug', 'time_zone'])
  })

  it('refuses a missing or wrong operator key, and a practice key', async () => {
    const { adminKey } = await t.createPractice('operator-x')
    for (const key of [null, 'wrong', adminKey]) {
      const res = await t.call('POST', '/v1/operator/practices', { key, body: { ...practice, slug: 'sneaky' } })
      expect(res.status).toBe(401)
    }
  })

  it('is off when no operator key is configured', async () => {
    const off = await startTestApp({ deps: { operatorKey: undefined } })
    try {
      const res = await off.call('POST', '/v1/operator/practices', { key: OPERATOR_KEY, body: practice })
      expect(res.status).toBe(404)
    } finally {
      await off.stop()
    }
  })
})
