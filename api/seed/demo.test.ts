import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../testing/app'
import { seedDemo } from './demo'
import { asStaff, signInWithCode } from '../testing/staff'

const NOW = '2026-03-02T15:00:00Z'
let t: TestContext
let adminKey: string
beforeAll(async () => {
  t = await startTestApp({ now: NOW })
  const seeded = await seedDemo(t.sql, { now: new Date(NOW), publicUrl: 'http://hearth.test' })
  adminKey = seeded.adminKey!
})
afterAll(() => t.stop())

/** Every main grouping shows every group (nothing suppressed), and confirmed sessions are missed far less. */
async function expectAStory(app: TestContext, key: string) {
  const insights = (groupBy: string) => app.call('GET', `/v1/insights/no-shows?group_by=${groupBy}`, { key })
  for (const groupBy of ['therapist', 'weekday', 'hour', 'type', 'lead_time', 'confirmed']) {
    const res = await insights(groupBy)
    expect(res.status).toBe(200)
    expect(res.body.groups.length, groupBy).toBeGreaterThanOrEqual(2)
    for (const group of res.body.groups) expect(group.suppressed, `${groupBy} ${group.key}`).toBe(false)
  }
  const { confirmed, unconfirmed } = (await insights('confirmed')).body.confirmation
  expect(confirmed.no_show_rate).toBeLessThan(unconfirmed.no_show_rate / 2)
  expect(confirmed.no_shows + unconfirmed.no_shows).toBeGreaterThanOrEqual(5)
  expect(confirmed.late_cancellations + unconfirmed.late_cancellations).toBeGreaterThanOrEqual(3)
  const weekdays = (await insights('weekday')).body.groups.map((g: { key: string }) => g.key)
  expect(weekdays).toEqual(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'])
}

describe('the demo practice', () => {
  it('keeps the week of sessions the portal demo relies on', async () => {
    const rows = await t.sql`
      select a.external_id, c.email, a.status, a.starts_at from appointments a join clients c on c.id = a.client_id
      where a.external_id not like 'demo-history-%' order by a.external_id`
    expect(rows.map((r) => [r.external_id, r.email, r.status])).toEqual([
      ['demo-1', 'alex@example.com', 'attended'],
      ['demo-2', 'alex@example.com', 'attended'],
      ['demo-3', 'alex@example.com', 'scheduled'],
      ['demo-4', 'alex@example.com', 'scheduled'],
      ['demo-5', 'jordan@example.com', 'no_show'],
      ['demo-6', 'jordan@example.com', 'scheduled'],
      ['demo-7', 'lucia@example.com', 'attended'],
      ['demo-8', 'lucia@example.com', 'confirmed'],
      ['demo-9', 'lucia@example.com', 'scheduled'],
    ])
    // Jordan's missed session was two days ago, at 2 pm in New York.
    expect(rows[4]!.starts_at).toEqual(new Date('2026-02-28T19:00:00Z'))
    const history = await t.sql`
      select distinct c.email from appointments a join clients c on c.id = a.client_id
      where a.external_id like 'demo-history-%'`
    expect(history.map((r) => r.email)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^(alex|jordan|lucia)@/)]),
    )
  })

  it('has months of past sessions, with no therapist booked twice at once', async () => {
    const [counts] = await t.sql`
      select count(*)::int as sessions, min(starts_at) as first, max(starts_at) as last
      from appointments where external_id like 'demo-history-%'`
    expect(counts!.sessions).toBeGreaterThanOrEqual(100)
    expect(counts!.last.getTime()).toBeLessThan(Date.parse(NOW) - 14 * 86_400_000)
    const overlaps = await t.sql`
      select 1 from appointments a join appointments b
        on a.therapist_id = b.therapist_id and a.id < b.id
       and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)`
    expect(overlaps).toEqual([])
  })

  it('tells the insights story: every main group has enough sessions, and confirming helps', async () => {
    await expectAStory(t, adminKey)
  })

  it('seeds only once', async () => {
    const again = await seedDemo(t.sql, { now: new Date(NOW), publicUrl: 'http://hearth.test' })
    expect(again.created).toBe(false)
    const [count] = await t.sql`select count(*)::int as n from appointments`
    const [clients] = await t.sql`select count(*)::int as n from clients`
    expect(count!.n).toBeGreaterThan(100)
    expect(clients!.n).toBe(11)
  })
})

// The current week's sessions fall on other weekdays depending on today; the charts stay whole.
describe.each(['2026-03-07T15:00:00Z', '2026-03-08T23:00:00Z'])('the demo seeded on %s', (now) => {
  let app: TestContext
  let key: string
  beforeAll(async () => {
    app = await startTestApp({ now })
    key = (await seedDemo(app.sql, { now: new Date(now), publicUrl: 'http://hearth.test' })).adminKey!
  })
  afterAll(() => app.stop())

  it('still tells the insights story', async () => {
    await expectAStory(app, key)
  })
})

describe('the demo practice’s people', () => {
  it('signs each in with the code from the development outbox, no second factor needed', async () => {
    const people = [
      ['owner@calmwaters.example', 'Priya Shah', 'owner', null],
      ['maya.rivera@calmwaters.example', 'Dr. Maya Rivera', 'therapist', 'maya.rivera@calmwaters.example'],
      ['sam.okafor@calmwaters.example', 'Sam Okafor', 'therapist', 'sam.okafor@calmwaters.example'],
      ['frontdesk@calmwaters.example', 'Front desk', 'front_desk', null],
    ] as const
    const therapists = (await t.call('GET', '/v1/therapists', { key: adminKey })).body.data as {
      id: string
      email: string
    }[]
    for (const [email, name, role, therapistEmail] of people) {
      const { cookie, state } = await signInWithCode(t, email)
      expect(state, email).toEqual({ next: 'done' })
      const me = (await asStaff(t, cookie)('GET', '/v1/staff/me')).body
      expect(me.user).toMatchObject({ name, email, role })
      expect(me.user.therapist_id).toBe(therapists.find((th) => th.email === therapistEmail)?.id ?? null)
      expect(me.practice).toMatchObject({ slug: 'demo', staff_second_factor: 'optional' })
    }
  })

  it('is seeded once, and added to a demo seeded before staff accounts', async () => {
    const again = await seedDemo(t.sql, { now: new Date(NOW), publicUrl: 'http://hearth.test' })
    expect(again.created).toBe(false)
    const [row] = await t.sql`select count(*)::int as count from staff_users`
    expect(row!.count).toBe(4)
  })
})
