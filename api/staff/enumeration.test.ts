import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../testing/app'
import { addStaff } from '../testing/staff'
import { codeFromOutbox } from '../testing/portal'
import { pairedGap, steadyGap } from '../testing/timing'

/**
 * Signing in must not tell who is staff: `auth/start` and `auth/verify` answer a staff email and
 * a stranger's with the same status, body and headers, in the same time (the median of paired
 * differences under 1 ms, as the portal's verify-timing test measures), and their lockout and
 * rate limits refuse both alike. In-process against the real database.
 */
let t: TestContext
const staff: string[] = []
let address = 0

beforeAll(async () => {
  // Each request from its own address unless it names one, so the per-address limit stays out of the way.
  t = await startTestApp({ deps: { clientIp: (c) => c.req.header('x-test-ip') ?? `198.51.100.${address++ % 250}` } })
  const { practice } = await t.createPractice('enumeration')
  for (let i = 0; i < 40; i++)
    staff.push((await addStaff(t, practice.id, { role: 'admin', email: `staff${i}@example.com` })).email)
}, 60_000)
afterAll(() => t.stop())

const start = (email: string, headers: Record<string, string> = {}) =>
  t.call('POST', '/v1/staff/auth/start', { body: { email }, headers })
const verify = (email: string, code: string, headers: Record<string, string> = {}) =>
  t.call('POST', '/v1/staff/auth/verify', { body: { email, code }, headers })

/** What a caller can see of an answer, less the date. */
function visible(res: Awaited<ReturnType<typeof start>>) {
  const headers = Object.fromEntries([...res.headers].filter(([name]) => name !== 'date'))
  return { status: res.status, body: res.body, headers }
}

/** A fresh quarter hour: earlier codes have expired and the per-email limits start again. */
const freshWindow = () => t.clock.advance(16 * 60_000)

describe('auth/start', () => {
  it('answers a staff email and a stranger with the same status, body and headers', async () => {
    const known = await start(staff[0]!)
    const stranger = await start('stranger@example.com')
    expect(known.status).toBe(202)
    expect(visible(known)).toEqual(visible(stranger))
    expect(known.headers.get('set-cookie')).toBeNull()
  })

  it('takes the same time for a staff email and a stranger (median gap under 1 ms)', async () => {
    const gap = await steadyGap(1, (attempt) => {
      freshWindow()
      const pairs: [string, string][] = []
      for (let round = 0; round < 2; round++) {
        for (const [i, email] of staff.slice(0, 20).entries())
          pairs.push([email, `nobody-s${attempt}-${round}-${i}@example.com`])
      }
      return pairedGap('start', pairs, async (email) => expect((await start(email)).status).toBe(202))
    })
    expect(gap).toBeLessThan(1)
  }, 240_000)
})

describe('auth/verify', () => {
  it('takes the same time for a wrong code to a staff email and any code to a stranger (median gap under 1 ms)', async () => {
    const gap = await steadyGap(1, async (attempt) => {
      // Each pair is alike but for being staff: the first twenty of each side hold a live code,
      // the rest none; an email with a live code counts the wrong try, staff or not. Four wrong
      // tries per person keeps each code live (it dies at five).
      freshWindow()
      const stranger = (round: number, i: number) => `nobody-v${attempt}-${round % 2}-${i}@example.com`
      for (let i = 0; i < 20; i++) for (const email of [staff[i]!, stranger(0, i), stranger(1, i)]) await start(email)
      const pairs: [string, string][] = []
      for (let round = 0; round < 4; round++) {
        for (const [i, email] of staff.entries()) pairs.push([email, stranger(round, i)])
      }
      return pairedGap('verify', pairs, async (email) => expect((await verify(email, '000000')).status).toBe(400))
    })
    expect(gap).toBeLessThan(1)
  }, 240_000)
})

describe('refusals answer alike', () => {
  it('after five wrong codes: the same 400 for staff (even the right code) and a stranger', async () => {
    t.clock.advance(15 * 60_000)
    const email = staff[1]!
    const stranger = 'locked-stranger@example.com'
    await start(email)
    await start(stranger)
    const code = await codeFromOutbox(t, email)
    const wrong = code === '000000' ? '111111' : '000000'
    for (let i = 0; i < 5; i++)
      expect(visible(await verify(email, wrong))).toEqual(visible(await verify(stranger, wrong)))
    const locked = await verify(email, code)
    expect(locked.status).toBe(400)
    expect(visible(locked)).toEqual(visible(await verify(stranger, code)))
  })

  it('per email: the sixth code in 15 minutes is the same 429 for staff and a stranger', async () => {
    t.clock.advance(15 * 60_000)
    const email = staff[2]!
    const stranger = 'busy-stranger@example.com'
    for (let i = 0; i < 5; i++) expect(visible(await start(email))).toEqual(visible(await start(stranger)))
    const known = await start(email)
    expect(known.status).toBe(429)
    expect(known.body.error.code).toBe('rate_limited')
    expect(visible(known)).toEqual(visible(await start(stranger)))
  })

  it('per address: once an address is over its limit, staff and strangers get the same 429', async () => {
    t.clock.advance(15 * 60_000)
    const from = { 'x-test-ip': '203.0.113.77' }
    for (let i = 0; i < 30; i++) expect((await start(`spray${i}@example.com`, from)).status).toBe(202)
    const known = await start(staff[3]!, from)
    expect(known.status).toBe(429)
    expect(visible(known)).toEqual(visible(await start('one-more-stranger@example.com', from)))

    const guesses = { 'x-test-ip': '203.0.113.78' }
    for (let i = 0; i < 60; i++) expect((await verify(`guess${i}@example.com`, '123456', guesses)).status).toBe(400)
    const knownGuess = await verify(staff[3]!, '123456', guesses)
    expect(knownGuess.status).toBe(429)
    expect(visible(knownGuess)).toEqual(visible(await verify('guess-stranger@example.com', '123456', guesses)))
  })
})
