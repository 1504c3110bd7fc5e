import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../testing/app'
import { fixtures } from '../testing/fixtures'
import { addStaff, asStaff, signInWithCode, signedInStaff } from '../testing/staff'

/** The practice's staff sign-in settings: `staff_second_factor` and `staff_idle_minutes`. */
let t: TestContext
let practiceId: string
let adminKey: string
let therapistId: string
let address = 0

beforeAll(async () => {
  t = await startTestApp({ deps: { clientIp: () => `192.0.2.${address++ % 250}` } })
  ;({
    adminKey,
    practice: { id: practiceId },
  } = await t.createPractice('staff-settings'))
  therapistId = (await fixtures(t, adminKey).therapist()).id
})
afterAll(() => t.stop())

const patch = (key: string, body: unknown) => t.call('PATCH', '/v1/practice', { key, body })

describe('reading the settings', () => {
  it('shows a new practice requiring a second factor, with sessions idle after 15 minutes', async () => {
    const fresh = await t.createPractice('staff-settings-new')
    const res = await t.call('GET', '/v1/practice', { key: fresh.adminKey })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ staff_second_factor: 'required', staff_idle_minutes: 15 })
  })

  it('is readable by every role signed in', async () => {
    for (const role of ['owner', 'admin', 'front_desk', 'therapist'] as const) {
      const { call } = await signedInStaff(t, practiceId, { role, ...(role === 'therapist' ? { therapistId } : {}) })
      const res = await call('GET', '/v1/practice')
      expect(res.status, role).toBe(200)
      expect(res.body).toMatchObject({ staff_second_factor: 'optional', staff_idle_minutes: 15 })
    }
  })
})

describe('changing the settings', () => {
  it('is for owners and admins (and admin keys); the front desk and therapists are refused', async () => {
    for (const role of ['owner', 'admin'] as const) {
      const { call } = await signedInStaff(t, practiceId, { role })
      const res = await call('PATCH', '/v1/practice', { body: { staff_idle_minutes: 20 } })
      expect(res.status, `${role}: ${res.text}`).toBe(200)
      expect(res.body.staff_idle_minutes).toBe(20)
    }
    expect((await patch(adminKey, { staff_idle_minutes: 15 })).body.staff_idle_minutes).toBe(15)
    for (const role of ['front_desk', 'therapist'] as const) {
      const { call } = await signedInStaff(t, practiceId, { role, ...(role === 'therapist' ? { therapistId } : {}) })
      for (const body of [{ staff_idle_minutes: 60 }, { staff_second_factor: 'optional' }]) {
        const res = await call('PATCH', '/v1/practice', { body })
        expect(res.status, role).toBe(403)
        expect(res.body.error).toMatchObject({ code: 'forbidden', details: { reason: 'read_only' } })
      }
    }
    const therapistKey = await fixtures(t, adminKey).therapistKey(therapistId)
    expect((await patch(therapistKey, { staff_second_factor: 'optional' })).status).toBe(403)
    const [row] = await t.sql`select staff_idle_minutes from practices where id = ${practiceId}`
    expect(row!.staff_idle_minutes).toBe(15)
  })

  it.each([
    ['staff_idle_minutes', 4],
    ['staff_idle_minutes', 61],
    ['staff_idle_minutes', 12.5],
    ['staff_idle_minutes', '15'],
    ['staff_idle_minutes', null],
    ['staff_second_factor', 'sometimes'],
    ['staff_second_factor', null],
  ])('refuses %s = %j with a field error and changes nothing', async (field, value) => {
    const before = (await t.call('GET', '/v1/practice', { key: adminKey })).body
    const res = await patch(adminKey, { [field]: value, name: 'Not saved' })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('invalid_request')
    expect(res.body.error.details.fields).toHaveProperty([field])
    expect((await t.call('GET', '/v1/practice', { key: adminKey })).body).toEqual(before)
  })

  it('takes the bounds, 5 and 60 minutes', async () => {
    expect((await patch(adminKey, { staff_idle_minutes: 5 })).body.staff_idle_minutes).toBe(5)
    expect((await patch(adminKey, { staff_idle_minutes: 60 })).body.staff_idle_minutes).toBe(60)
    expect((await patch(adminKey, { staff_idle_minutes: 15 })).body.staff_idle_minutes).toBe(15)
  })

  it('records who changed which setting in the audit log', async () => {
    const { user, call } = await signedInStaff(t, practiceId, { role: 'owner', name: 'Olu Owner' })
    const res = await call('PATCH', '/v1/practice', {
      body: { staff_second_factor: 'optional', staff_idle_minutes: 15 },
    })
    expect(res.status, res.text).toBe(200)
    const [line] = await t.sql`
      select actor_kind, actor_id, actor_name, detail from audit_log
      where practice_id = ${practiceId} and action = 'practice.updated' order by id desc limit 1`
    expect(line).toMatchObject({ actor_kind: 'staff', actor_id: user.id, actor_name: 'Olu Owner' })
    expect(line!.detail.fields.sort()).toEqual(['staff_idle_minutes', 'staff_second_factor'])
  })
})

describe('what a change does', () => {
  it('applies a new idle time to a live session from its next request', async () => {
    const { call } = await signedInStaff(t, practiceId, { role: 'front_desk' })
    expect((await patch(adminKey, { staff_idle_minutes: 5 })).status).toBe(200)
    // The deadline the last request set (15 minutes) holds until the next request, which moves it to 5.
    t.clock.advance(10 * 60_000)
    const me = await call('GET', '/v1/staff/me')
    expect(me.status).toBe(200)
    expect(Date.parse(me.body.session.idle_expires_at) - t.clock.now().getTime()).toBe(5 * 60_000)
    expect(me.body.practice.staff_idle_minutes).toBe(5)
    t.clock.advance(5 * 60_000 + 1)
    const ended = await call('GET', '/v1/staff/me')
    expect(ended.status).toBe(401)
    expect(ended.body.error.code).toBe('unauthorized')

    const longer = await signedInStaff(t, practiceId, { role: 'front_desk' })
    expect((await patch(adminKey, { staff_idle_minutes: 60 })).status).toBe(200)
    t.clock.advance(4 * 60_000)
    expect((await longer.call('GET', '/v1/practice')).status).toBe(200)
    t.clock.advance(59 * 60_000)
    expect((await longer.call('GET', '/v1/practice')).status).toBe(200)
    expect((await patch(adminKey, { staff_idle_minutes: 15 })).status).toBe(200)
  })

  it('makes people without a second factor enrol one at their next sign-in once it is required', async () => {
    const { user, call } = await signedInStaff(t, practiceId, { role: 'admin' })
    const required = await call('PATCH', '/v1/practice', { body: { staff_second_factor: 'required' } })
    expect(required.status, required.text).toBe(200)
    expect(required.body.staff_second_factor).toBe('required')
    // The session already open stays signed in; the next sign-in asks for enrolment.
    expect((await call('GET', '/v1/practice')).status).toBe(200)
    const { cookie, state } = await signInWithCode(t, user.email)
    expect(state).toEqual({ next: 'enroll_second_factor' })
    const enrolling = asStaff(t, cookie)
    expect((await enrolling('GET', '/v1/practice')).status).toBe(401)
    expect((await enrolling('POST', '/v1/staff/me/totp')).status).toBe(201)

    const other = await addStaff(t, practiceId, { role: 'front_desk' })
    expect((await signInWithCode(t, other.email)).state).toEqual({ next: 'enroll_second_factor' })
    expect((await patch(adminKey, { staff_second_factor: 'optional' })).status).toBe(200)
    expect((await signInWithCode(t, other.email)).state).toEqual({ next: 'done' })
  })
})
