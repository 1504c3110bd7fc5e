import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../testing/app'
import { addStaff, asStaff, cookieFrom, signInWithCode, signedInStaff } from '../testing/staff'
import { codeFromOutbox } from '../testing/portal'
import { asSystem } from '../db/tenant'
import { setStaffSecondFactor } from './queries'

let t: TestContext
let practiceId: string
let address = 0
const ORIGIN = { origin: 'http://hearth.test' }

beforeAll(async () => {
  t = await startTestApp({ deps: { clientIp: () => `203.0.113.${address++ % 250}` } })
  practiceId = (await t.createPractice('staff-auth')).practice.id
  await asSystem(t.sql, (tx) => setStaffSecondFactor(tx, practiceId, 'optional'))
})
afterAll(() => t.stop())

describe('signing in with an emailed code', () => {
  it('opens a session whose cookie reaches /v1/staff/me and the practice routes', async () => {
    const user = await addStaff(t, practiceId, { role: 'admin', name: 'Ada Admin', email: 'ada@example.com' })
    const { cookie, state, headers } = await signInWithCode(t, 'ADA@example.com ')
    expect(state).toEqual({ next: 'done' })
    const flags = headers.get('set-cookie')!
    expect(flags).toMatch(/^hearth_staff=[A-Za-z0-9_-]{43};/)
    expect(flags).toMatch(/HttpOnly/)
    expect(flags).toMatch(/SameSite=Strict/)
    expect(flags).toMatch(/Path=\//)
    expect(flags).not.toMatch(/Secure/)

    const call = asStaff(t, cookie)
    const me = await call('GET', '/v1/staff/me')
    expect(me.status, me.text).toBe(200)
    expect(me.body.user).toEqual({
      id: user.id,
      name: 'Ada Admin',
      email: 'ada@example.com',
      role: 'admin',
      therapist_id: null,
      phone: null,
    })
    expect(me.body.practice).toMatchObject({ id: practiceId, slug: 'staff-auth', staff_second_factor: 'optional' })
    expect(me.body.second_factors).toEqual([])
    expect(Date.parse(me.body.session.idle_expires_at) - t.clock.now().getTime()).toBe(15 * 60_000)
    expect(Date.parse(me.body.session.expires_at) - t.clock.now().getTime()).toBe(12 * 60 * 60_000)

    const practice = await call('GET', '/v1/practice')
    expect(practice.status).toBe(200)
    expect(practice.body.slug).toBe('staff-auth')
    const renamed = await call('PATCH', '/v1/practice', { body: { name: 'Renamed by Ada' } })
    expect(renamed.status, renamed.text).toBe(200)
    const [line] = await t.sql`
      select actor_kind, actor_id, actor_name, ip, user_agent from audit_log
      where action = 'practice.updated' order by id desc limit 1`
    expect(line).toMatchObject({ actor_kind: 'staff', actor_id: user.id, actor_name: 'Ada Admin' })
    expect(line!.ip).toMatch(/^203\.0\.113\./)
  })

  it('answers a wrong code, and a stranger, with the same 400; five wrong tries kill the code', async () => {
    const user = await addStaff(t, practiceId, { role: 'front_desk', email: 'fd@example.com' })
    await t.call('POST', '/v1/staff/auth/start', { body: { email: user.email }, headers: ORIGIN })
    const code = await codeFromOutbox(t, user.email)
    const wrong = code === '000000' ? '111111' : '000000'
    const stranger = await t.call('POST', '/v1/staff/auth/verify', {
      body: { email: 'nobody@example.com', code: wrong },
    })
    for (let i = 0; i < 5; i++) {
      const res = await t.call('POST', '/v1/staff/auth/verify', { body: { email: user.email, code: wrong } })
      expect(res.status).toBe(400)
      expect(res.body).toEqual(stranger.body)
      expect(res.headers.get('set-cookie')).toBeNull()
    }
    const locked = await t.call('POST', '/v1/staff/auth/verify', { body: { email: user.email, code } })
    expect(locked.status).toBe(400)
    expect(locked.body.error.code).toBe('invalid_code')
  })

  it('answers start the same for staff and strangers, and limits codes per email', async () => {
    const user = await addStaff(t, practiceId, { role: 'admin', email: 'limited@example.com' })
    const known = await t.call('POST', '/v1/staff/auth/start', { body: { email: user.email } })
    const unknown = await t.call('POST', '/v1/staff/auth/start', { body: { email: 'stranger@example.com' } })
    expect(known.status).toBe(202)
    expect(unknown.status).toBe(202)
    expect(known.body).toEqual(unknown.body)
    expect((await t.call('GET', '/dev/outbox?to=stranger@example.com')).body.data).toEqual([])
    for (let i = 0; i < 4; i++) await t.call('POST', '/v1/staff/auth/start', { body: { email: user.email } })
    const limited = await t.call('POST', '/v1/staff/auth/start', { body: { email: user.email } })
    expect(limited.status).toBe(429)
    expect(limited.body.error.code).toBe('rate_limited')
  })

  it('refuses an unsafe method with the cookie from a foreign Origin, or none (403)', async () => {
    const { cookie } = await signedInStaff(t, practiceId, { role: 'admin' })
    for (const origin of ['https://evil.example', undefined]) {
      const res = await t.call('PATCH', '/v1/practice', {
        body: { name: 'Hijacked' },
        headers: { cookie, ...(origin ? { origin } : {}) },
      })
      expect(res.status).toBe(403)
      expect(res.body.error.code).toBe('forbidden')
    }
    const read = await t.call('GET', '/v1/practice', { headers: { cookie, origin: 'https://evil.example' } })
    expect(read.status).toBe(200)
  })

  it('ends the session after the idle time, and after 12 hours however active', async () => {
    const { call } = await signedInStaff(t, practiceId, { role: 'admin' })
    t.clock.advance(14 * 60_000)
    expect((await call('GET', '/v1/staff/me')).status).toBe(200)
    t.clock.advance(14 * 60_000) // 28 minutes in, but only 14 since the last request
    expect((await call('GET', '/v1/staff/me')).status).toBe(200)
    t.clock.advance(15 * 60_000 + 1)
    const idle = await call('GET', '/v1/staff/me')
    expect(idle.status).toBe(401)
    expect(idle.body.error.code).toBe('unauthorized')

    const active = await signedInStaff(t, practiceId, { role: 'admin' })
    for (let minutes = 0; minutes < 12 * 60 - 10; minutes += 10) {
      t.clock.advance(10 * 60_000)
      const me = await active.call('GET', '/v1/staff/me')
      expect(me.status, `${minutes} minutes`).toBe(200)
    }
    const last = await active.call('GET', '/v1/staff/me')
    expect(Date.parse(last.body.session.idle_expires_at)).toBe(Date.parse(last.body.session.expires_at))
    t.clock.advance(10 * 60_000)
    expect((await active.call('GET', '/v1/practice')).status).toBe(401)
  })

  it('signs out at once', async () => {
    const { call, cookie } = await signedInStaff(t, practiceId, { role: 'admin' })
    const out = await call('POST', '/v1/staff/auth/logout')
    expect(out.status).toBe(204)
    expect(out.headers.get('set-cookie')).toMatch(/hearth_staff=;/)
    expect((await asStaff(t, cookie)('GET', '/v1/staff/me')).status).toBe(401)
  })

  it('asks which practice when the email is staff at several, then signs in to the chosen one', async () => {
    const other = (await t.createPractice('staff-auth-two')).practice
    await asSystem(t.sql, (tx) => setStaffSecondFactor(tx, other.id, 'optional'))
    await addStaff(t, practiceId, { role: 'front_desk', email: 'both@example.com' })
    const there = await addStaff(t, other.id, { role: 'owner', email: 'both@example.com' })
    const { cookie, state } = await signInWithCode(t, 'both@example.com')
    expect(state.next).toBe('choose_practice')
    expect(state.practices.map((p: { slug: string }) => p.slug).sort()).toEqual(['staff-auth', 'staff-auth-two'])
    const call = asStaff(t, cookie)
    expect((await call('GET', '/v1/staff/me')).status).toBe(401)
    expect((await call('GET', '/v1/practice')).status).toBe(401)
    const chosen = await call('POST', '/v1/staff/auth/practice', { body: { practice_id: other.id } })
    expect(chosen.status, chosen.text).toBe(200)
    expect(chosen.body).toEqual({ next: 'done' })
    const fresh = cookieFrom(chosen.headers)!
    expect(fresh).not.toBe(cookie)
    expect((await call('GET', '/v1/staff/me')).status).toBe(401)
    const me = await asStaff(t, fresh)('GET', '/v1/staff/me')
    expect(me.body.user.id).toBe(there.id)
    expect(me.body.practice.slug).toBe('staff-auth-two')
  })
})

describe('the cookie over https', () => {
  it('is Secure with the __Host- prefix, and only that name is read', async () => {
    const secure = await startTestApp({ deps: { publicUrl: 'https://hearth.example' } })
    try {
      const p = (await secure.createPractice('secure')).practice
      await asSystem(secure.sql, (tx) => setStaffSecondFactor(tx, p.id, 'optional'))
      const user = await addStaff(secure, p.id, { role: 'admin' })
      await secure.call('POST', '/v1/staff/auth/start', { body: { email: user.email } })
      const code = await codeFromOutbox(secure, user.email)
      const verify = await secure.call('POST', '/v1/staff/auth/verify', { body: { email: user.email, code } })
      const flags = verify.headers.get('set-cookie')!
      expect(flags).toMatch(/^__Host-hearth_staff=/)
      expect(flags).toMatch(/Secure/)
      expect(flags).toMatch(/Path=\//)
      expect(flags).not.toMatch(/Domain=/)
      const value = cookieFrom(verify.headers)!.split('=')[1]
      const ok = await secure.call('GET', '/v1/staff/me', { headers: { cookie: `__Host-hearth_staff=${value}` } })
      expect(ok.status).toBe(200)
      const plain = await secure.call('GET', '/v1/staff/me', { headers: { cookie: `hearth_staff=${value}` } })
      expect(plain.status).toBe(401)
    } finally {
      await secure.stop()
    }
  })
})
