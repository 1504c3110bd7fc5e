import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../testing/app'
import { fixtures } from '../testing/fixtures'
import { pairedGap, steadyGap } from '../testing/timing'

/**
 * verify must not tell who is a client by how long it takes: a wrong code for a known email and
 * any code for an unknown one do the same work. Measured in-process against the real database.
 */
let t: TestContext
const known: string[] = []
let address = 0

beforeAll(async () => {
  // Each request from its own address, so the per-address limit does not end the measurement.
  t = await startTestApp({ deps: { clientIp: () => `198.51.100.${address++ % 250}` } })
  const { adminKey } = await t.createPractice('timing')
  const f = fixtures(t, adminKey)
  for (let i = 0; i < 20; i++) {
    const client = await f.client({ email: `known${i}@example.com` })
    const start = await t.call('POST', '/v1/portal/auth/start', { body: { practice: 'timing', email: client.email } })
    expect(start.status).toBe(202)
    known.push(client.email)
  }
}, 60_000)
afterAll(() => t.stop())

const verify = async (email: string) => {
  const res = await t.call('POST', '/v1/portal/auth/verify', { body: { practice: 'timing', email, code: '000000' } })
  expect(res.status).toBe(400)
}

describe('verify timing', () => {
  it('answers a known and an unknown email in the same time (median gap under 1 ms)', async () => {
    const gap = await steadyGap(1, async (attempt) => {
      if (attempt > 0) {
        // A fresh quarter hour and a fresh code for each known client.
        t.clock.advance(16 * 60_000)
        for (const email of known)
          await t.call('POST', '/v1/portal/auth/start', { body: { practice: 'timing', email } })
      }
      // Four wrong tries per known client keeps every code live (it locks at five).
      const pairs: [string, string][] = []
      for (let round = 0; round < 4; round++) {
        for (const [i, email] of known.entries()) pairs.push([email, `nobody${attempt}-${round}-${i}@example.com`])
      }
      return pairedGap('verify', pairs, verify)
    })
    expect(gap).toBeLessThan(1)
  }, 240_000)
})
