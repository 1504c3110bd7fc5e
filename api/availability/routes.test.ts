import { describe, expect, it } from 'vitest'
import { practiceForFile } from '../testing/fixtures'
import { signedInStaff } from '../testing/staff'

const { t, adminKey, practiceId, f } = await practiceForFile('availability-a')
const { adminKey: otherAdminKey } = await t.createPractice('availability-b')

const WEEKDAY_MORNINGS = {
  time_zone: 'America/New_York',
  weekly: [
    { weekday: 1, start: '09:00', end: '12:00' },
    { weekday: 2, start: '09:00', end: '12:00', modes: ['video'] },
    { weekday: 3, start: '13:00', end: '17:00', modes: ['in_person', 'video'] },
  ],
  exceptions: [{ date: '2026-03-11' }, { date: '2026-03-16', start: '10:00', end: '11:00' }],
  buffer_minutes: 10,
  min_notice_hours: 24,
  horizon_days: 21,
}

describe('a therapist’s availability', () => {
  it('starts empty in the therapist’s own zone, and is set whole and read back', async () => {
    const therapist = await f.therapist({ time_zone: 'America/Chicago' })
    const empty = await t.call('GET', `/v1/therapists/${therapist.id}/availability`, { key: adminKey })
    expect(empty.status).toBe(200)
    expect(empty.body).toMatchObject({ time_zone: 'America/Chicago', weekly: [], exceptions: [] })

    const put = await t.call('PUT', `/v1/therapists/${therapist.id}/availability`, {
      key: adminKey,
      body: WEEKDAY_MORNINGS,
    })
    expect(put.status, put.text).toBe(200)
    expect(put.body).toEqual(WEEKDAY_MORNINGS)
    const read = await t.call('GET', `/v1/therapists/${therapist.id}/availability`, { key: adminKey })
    expect(read.body).toEqual(WEEKDAY_MORNINGS)

    const again = { ...WEEKDAY_MORNINGS, weekly: [], buffer_minutes: 0 }
    await t.call('PUT', `/v1/therapists/${therapist.id}/availability`, { key: adminKey, body: again })
    expect((await t.call('GET', `/v1/therapists/${therapist.id}/availability`, { key: adminKey })).body).toEqual(again)
  })

  it.each([
    ['hours that end before they start', { weekly: [{ weekday: 1, start: '12:00', end: '09:00' }] }, 'weekly.0.end'],
    ['a weekday 8', { weekly: [{ weekday: 8, start: '09:00', end: '10:00' }] }, 'weekly.0.weekday'],
    ['a time like 9am', { weekly: [{ weekday: 1, start: '9am', end: '10:00' }] }, 'weekly.0.start'],
    [
      'an unknown mode',
      { weekly: [{ weekday: 1, start: '09:00', end: '10:00', modes: ['phone'] }] },
      'weekly.0.modes.0',
    ],
    ['an exception with only a start', { exceptions: [{ date: '2026-03-10', start: '09:00' }] }, 'exceptions.0.end'],
    ['a date that is not one', { exceptions: [{ date: '2026-02-30' }] }, 'exceptions.0.date'],
    ['an unknown zone', { time_zone: 'Mars/Olympus' }, 'time_zone'],
    ['a negative buffer', { buffer_minutes: -5 }, 'buffer_minutes'],
    ['no horizon', { horizon_days: 0 }, 'horizon_days'],
    ['an unknown field', { holidays: [] }, 'body'],
  ])('refuses %s with a 400 naming the field, and keeps what was there', async (_, change, field) => {
    const therapist = await f.therapist()
    await t.call('PUT', `/v1/therapists/${therapist.id}/availability`, { key: adminKey, body: WEEKDAY_MORNINGS })
    const bad = await t.call('PUT', `/v1/therapists/${therapist.id}/availability`, {
      key: adminKey,
      body: { ...WEEKDAY_MORNINGS, ...change },
    })
    expect(bad.status).toBe(400)
    expect(bad.body.error.code).toBe('invalid_request')
    expect(Object.keys(bad.body.error.details.fields)).toContain(field)
    const kept = await t.call('GET', `/v1/therapists/${therapist.id}/availability`, { key: adminKey })
    expect(kept.body).toEqual(WEEKDAY_MORNINGS)
  })

  it("the front desk keeps the therapists' hours, under their own name", async () => {
    const therapist = await f.therapist()
    const desk = await signedInStaff(t, practiceId, { role: 'front_desk', name: 'Dee Desk' })
    const put = await desk.call('PUT', `/v1/therapists/${therapist.id}/availability`, { body: WEEKDAY_MORNINGS })
    expect(put.status, put.text).toBe(200)
    const [line] = await t.sql<{ actor_name: string }[]>`
      select actor_name from audit_log where practice_id = ${practiceId} and subject_id = ${therapist.id}
      order by id desc limit 1`
    expect(line?.actor_name).toBe('Dee Desk')
  })

  it('a therapist keeps their own hours; another therapist, another practice and no key cannot', async () => {
    const [mine, theirs] = [await f.therapist(), await f.therapist()]
    const myKey = await f.therapistKey(mine.id)
    const path = (id: string) => `/v1/therapists/${id}/availability`
    expect((await t.call('PUT', path(mine.id), { key: myKey, body: WEEKDAY_MORNINGS })).status).toBe(200)
    expect((await t.call('GET', path(mine.id), { key: myKey })).status).toBe(200)
    expect((await t.call('GET', path(theirs.id), { key: myKey })).status).toBe(404)
    expect((await t.call('PUT', path(theirs.id), { key: myKey, body: WEEKDAY_MORNINGS })).status).toBe(404)
    expect((await t.call('GET', path(mine.id), { key: otherAdminKey })).status).toBe(404)
    expect((await t.call('PUT', path(mine.id), { key: otherAdminKey, body: WEEKDAY_MORNINGS })).status).toBe(404)
    expect((await t.call('GET', path(mine.id), {})).status).toBe(401)
    expect((await t.call('GET', path('not-a-uuid'), { key: adminKey })).status).toBe(404)
    const audit = await t.sql`select action, actor_kind from audit_log where subject_id = ${mine.id}
      and action = 'therapist.availability_set'`
    expect(audit).toHaveLength(1)
  })
})
