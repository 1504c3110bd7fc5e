import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../testing/app'
import { fixtures } from '../testing/fixtures'

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

async function timeVerify(email: string): Promise<number> {
  const started = performance.now()
  const res = await t.call('POST', '/v1/portal/auth/verify', { body: { practice: 'timing', email, code: '000000' } })
  const took = performance.now() - started
  expect(res.status).toBe(400)
  return took
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

describe('verify timing', () => {
  it('answers a known and an unknown email in the same time (median gap under 1 ms)', async () => {
    for (let i = 0; i < 10; i++) await timeVerify(`warmup${i}@example.com`)
    const knownTimes: number[] = []
    const unknownTimes: number[] = []
    // Four wrong tries per known client keeps every code live (it locks at five).
    for (let round = 0; round < 4; round++) {
      for (const [i, email] of known.entries()) {
        knownTimes.push(await timeVerify(email))
        unknownTimes.push(await timeVerify(`nobody${round}-${i}@example.com`))
      }
    }
    // Each known try is paired with the unknown one right after it, so a machine that slows down
    // mid-run moves both sides alike; the gap is the median of those paired differences.
    const gap = Math.abs(median(knownTimes.map((known, i) => known - unknownTimes[i]!)))
    console.log(
      `verify median: known ${median(knownTimes).toFixed(2)} ms, unknown ${median(unknownTimes).toFixed(2)} ms, gap ${gap.toFixed(2)} ms`,
    )
    expect(gap).toBeLessThan(1)
  }, 60_000)
})
