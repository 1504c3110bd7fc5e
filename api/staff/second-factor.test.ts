import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../testing/app'
import { addStaff, asStaff, cookieFrom, signInWithCode } from '../testing/staff'
import { totpCode } from './totp'

let t: TestContext
let practiceId: string

beforeAll(async () => {
  t = await startTestApp()
  // Made like the operator API makes practices: a second factor is required.
  practiceId = (await t.createPractice('two-step')).practice.id
})
afterAll(() => t.stop())

describe('a practice that requires a second factor', () => {
  it('has a newcomer enrol an authenticator app before anything else, then asks for it every time', async () => {
    const user = await addStaff(t, practiceId, { role: 'front_desk', email: 'new@example.com' })
    const first = await signInWithCode(t, user.email)
    expect(first.state).toEqual({ next: 'enroll_second_factor' })
    const pending = asStaff(t, first.cookie)
    expect((await pending('GET', '/v1/staff/me')).status).toBe(401)
    expect((await pending('GET', '/v1/practice')).status).toBe(401)
    expect((await pending('GET', '/v1/staff/auth')).body).toEqual({ next: 'enroll_second_factor' })

    const enrol = await pending('POST', '/v1/staff/me/totp')
    expect(enrol.status, enrol.text).toBe(201)
    const { secret, otpauth_url } = enrol.body
    expect(otpauth_url).toContain(`secret=${secret}`)
    const wrong = await pending('POST', '/v1/staff/me/totp/confirm', { body: { code: '000000' } })
    expect(wrong.status).toBe(400)
    const confirmed = await pending('POST', '/v1/staff/me/totp/confirm', {
      body: { code: totpCode(secret, t.clock.now()) },
    })
    expect(confirmed.status, confirmed.text).toBe(200)
    expect(confirmed.body).toEqual({ next: 'done' })
    const signedIn = cookieFrom(confirmed.headers)!
    expect(signedIn).not.toBe(first.cookie)
    expect((await pending('GET', '/v1/staff/me')).status).toBe(401) // the id before the factor is dead
    const call = asStaff(t, signedIn)
    const me = await call('GET', '/v1/staff/me')
    expect(me.body.second_factors).toEqual(['totp'])

    const recovery = await call('POST', '/v1/staff/me/recovery-codes')
    expect(recovery.status).toBe(201)
    expect(recovery.body.codes).toHaveLength(10)
    expect(new Set(recovery.body.codes).size).toBe(10)
    expect((await call('GET', '/v1/staff/me')).body.recovery_codes_left).toBe(10)
    const removing = await call('DELETE', '/v1/staff/me/totp')
    expect(removing.status).toBe(409)

    // Next time: the code, then the app. The same app code works once only.
    t.clock.advance(60_000)
    const again = await signInWithCode(t, user.email)
    expect(again.state).toEqual({ next: 'second_factor', second_factors: ['totp', 'recovery_code'] })
    const step = asStaff(t, again.cookie)
    expect((await step('GET', '/v1/clients')).status).toBe(401)
    const code = totpCode(secret, t.clock.now())
    const done = await step('POST', '/v1/staff/auth/totp', { body: { code } })
    expect(done.status, done.text).toBe(200)
    expect(cookieFrom(done.headers)).not.toBe(again.cookie)
    expect((await asStaff(t, cookieFrom(done.headers)!)('GET', '/v1/staff/me')).status).toBe(200)

    const third = await signInWithCode(t, user.email)
    const replay = await asStaff(t, third.cookie)('POST', '/v1/staff/auth/totp', { body: { code } })
    expect(replay.status).toBe(400)
    expect(replay.body.error.code).toBe('invalid_code')

    // Phone lost: a recovery code, once.
    const [spare] = recovery.body.codes
    const rescued = await asStaff(t, third.cookie)('POST', '/v1/staff/auth/recovery', {
      body: { code: spare.toUpperCase() },
    })
    expect(rescued.status, rescued.text).toBe(200)
    const fourth = await signInWithCode(t, user.email)
    const reused = await asStaff(t, fourth.cookie)('POST', '/v1/staff/auth/recovery', { body: { code: spare } })
    expect(reused.status).toBe(400)
    const rescuedCall = asStaff(t, cookieFrom(rescued.headers)!)
    expect((await rescuedCall('GET', '/v1/staff/me')).body.recovery_codes_left).toBe(9)
  })

  it('limits second-factor guesses per person', async () => {
    const user = await addStaff(t, practiceId, { role: 'admin', email: 'guess@example.com' })
    const first = await signInWithCode(t, user.email)
    const call = asStaff(t, first.cookie)
    const { secret } = (await call('POST', '/v1/staff/me/totp')).body
    const confirmed = await call('POST', '/v1/staff/me/totp/confirm', {
      body: { code: totpCode(secret, t.clock.now()) },
    })
    expect(confirmed.status).toBe(200)
    const again = await signInWithCode(t, user.email)
    const guess = asStaff(t, again.cookie)
    const statuses: number[] = []
    for (let i = 0; i < 11; i++)
      statuses.push((await guess('POST', '/v1/staff/auth/totp', { body: { code: '000000' } })).status)
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true)
    expect(statuses[10]).toBe(429)
  })
})

describe('the list of sessions', () => {
  it('shows the person’s own live sessions and signs out everywhere else', async () => {
    const user = await addStaff(t, practiceId, { role: 'admin', email: 'many@example.com' })
    const a = await signInWithCode(t, user.email)
    const { secret } = (await asStaff(t, a.cookie)('POST', '/v1/staff/me/totp')).body
    const done = await asStaff(t, a.cookie)('POST', '/v1/staff/me/totp/confirm', {
      body: { code: totpCode(secret, t.clock.now()) },
    })
    const here = asStaff(t, cookieFrom(done.headers)!)
    t.clock.advance(30_000)
    const b = await signInWithCode(t, user.email)
    const other = await asStaff(t, b.cookie)('POST', '/v1/staff/auth/totp', {
      body: { code: totpCode(secret, t.clock.now()) },
    })
    const there = asStaff(t, cookieFrom(other.headers)!)
    const list = await here('GET', '/v1/staff/me/sessions')
    expect(list.body.data).toHaveLength(2)
    expect(list.body.data.filter((s: { current: boolean }) => s.current)).toHaveLength(1)
    const everywhere = await here('DELETE', '/v1/staff/me/sessions')
    expect(everywhere.body).toEqual({ ended: 1 })
    expect((await there('GET', '/v1/staff/me')).status).toBe(401)
    expect((await here('GET', '/v1/staff/me')).status).toBe(200)
  })
})
