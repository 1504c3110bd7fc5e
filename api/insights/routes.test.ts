import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../testing/app'
import { fixtures } from '../testing/fixtures'

const NOW = '2026-03-02T15:00:00Z'
const DAY = 86_400_000
let t: TestContext
let adminKey: string
let f: ReturnType<typeof fixtures>
const ids: Record<string, string> = {}

type Status = 'attended' | 'no_show' | 'late_cancelled' | 'cancelled' | 'scheduled'

/** A session as the EHR would send it, then its history written directly: status, confirmation, booking time. */
async function session(
  g: ReturnType<typeof fixtures>,
  therapistId: string,
  clientId: string,
  startsAt: string,
  o: { status: Status; confirmed?: boolean; leadDays?: number; type?: string },
) {
  const appt = await g.appointment(therapistId, clientId, startsAt, { type: o.type ?? 'Individual session' })
  const start = Date.parse(startsAt)
  await t.sql`
    update appointments set status = ${o.status},
      confirmed_at = ${o.confirmed ? new Date(start - DAY) : null},
      created_at = ${new Date(start - (o.leadDays ?? 10) * DAY)}
    where id = ${appt.id}`
  return appt.id as string
}

/** Reminder rows as the dispatcher leaves them once sent. */
async function reminder(appointmentId: string, channel: string, delivery: string | null) {
  const [row] = await t.sql`select practice_id, client_id, starts_at from appointments where id = ${appointmentId}`
  const sendAt = new Date(row!.starts_at.getTime() - 2 * DAY)
  await t.sql`
    insert into outbox (practice_id, topic, channel, idempotency_key, appointment_id, client_id, reminder_kind,
                        status, send_at, due_at, sent_at, delivery_status)
    values (${row!.practice_id}, 'reminder', ${channel}, ${`test/${appointmentId}/${channel}`}, ${appointmentId},
            ${row!.client_id}, 'confirmation', 'sent', ${sendAt}, ${sendAt}, ${sendAt}, ${delivery})`
}

const day = (n: number) => `2026-01-${String(n).padStart(2, '0')}T15:00:00Z`

beforeAll(async () => {
  t = await startTestApp({ now: NOW })
  ;({ adminKey } = await t.createPractice('insights-a'))
  f = fixtures(t, adminKey)
  const client = (await f.client()).id
  for (const [name, label] of [
    ['a', 'Ada Rivera'],
    ['b', 'Ben Okafor'],
    ['c', 'Cleo Chen'],
    ['d', 'Dev Diaz'],
  ] as const) {
    ids[name] = (await f.therapist({ name: label })).id
  }
  const a = [
    await session(f, ids.a!, client, day(5), { status: 'attended', confirmed: true }),
    await session(f, ids.a!, client, day(6), { status: 'attended', confirmed: true }),
    await session(f, ids.a!, client, day(7), { status: 'attended', confirmed: true }),
    await session(f, ids.a!, client, day(8), { status: 'attended', leadDays: 1 }),
    await session(f, ids.a!, client, day(9), { status: 'no_show', leadDays: 1 }),
    await session(f, ids.a!, client, day(12), { status: 'late_cancelled', leadDays: 3 }),
  ]
  // Never due, or not recorded yet, or outside the default 90 days: not counted anywhere.
  await session(f, ids.a!, client, day(13), { status: 'cancelled' })
  await session(f, ids.a!, client, day(14), { status: 'scheduled' })
  await session(f, ids.a!, client, '2026-03-10T15:00:00Z', { status: 'scheduled' })
  await session(f, ids.a!, client, '2025-06-02T15:00:00Z', { status: 'no_show' })
  const video = 'Video session'
  const b = [
    await session(f, ids.b!, client, day(5), { status: 'attended', confirmed: true, leadDays: 40, type: video }),
    await session(f, ids.b!, client, day(6), { status: 'attended', confirmed: true, leadDays: 40, type: video }),
    await session(f, ids.b!, client, day(7), { status: 'attended', leadDays: 3, type: video }),
    await session(f, ids.b!, client, day(8), { status: 'no_show', leadDays: 3, type: video }),
    await session(f, ids.b!, client, day(9), { status: 'no_show', confirmed: true, leadDays: 40, type: video }),
  ]
  const c = [
    await session(f, ids.c!, client, day(5), { status: 'attended', confirmed: true, type: video }),
    await session(f, ids.c!, client, day(6), { status: 'attended', confirmed: true, type: video }),
    await session(f, ids.c!, client, day(7), { status: 'attended', confirmed: true, type: video }),
    await session(f, ids.c!, client, day(8), { status: 'no_show', leadDays: 1, type: video }),
  ]
  await session(f, ids.d!, client, day(5), { status: 'attended', confirmed: true })
  await session(f, ids.d!, client, day(6), { status: 'attended', confirmed: true })

  for (const id of a) await reminder(id, 'email', 'delivered')
  for (const id of b) {
    await reminder(id, 'email', null)
    await reminder(id, 'sms', 'delivered')
  }
  for (const id of c) await reminder(id, 'email', 'bounced')
})
afterAll(() => t.stop())

const insights = (query: string, key: string | null = adminKey) =>
  t.call('GET', `/v1/insights/no-shows?${query}`, { key })

/** A shown group of five due sessions: three attended, two missed, none cancelled late. */
const fiveWithTwoMissed = {
  suppressed: false,
  sessions: 5,
  attended: 3,
  no_shows: 2,
  late_cancellations: 0,
  no_show_rate: 0.4,
  late_cancel_rate: 0,
}

describe('GET /v1/insights/no-shows', () => {
  it('counts due sessions per therapist; 4 sessions are suppressed, 5 are shown', async () => {
    const res = await insights('group_by=therapist')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      group_by: 'therapist',
      from: '2025-12-02T15:00:00.000Z',
      to: '2026-03-02T15:00:00.000Z',
      time_zone: 'America/New_York',
      min_sessions: 5,
    })
    expect(res.body.groups).toEqual([
      {
        key: ids.a,
        label: 'Ada Rivera',
        suppressed: false,
        sessions: 6,
        attended: 4,
        no_shows: 1,
        late_cancellations: 1,
        no_show_rate: 0.1667,
        late_cancel_rate: 0.1667,
      },
      { key: ids.b, label: 'Ben Okafor', ...fiveWithTwoMissed },
      { key: ids.c, label: 'Cleo Chen', suppressed: true },
      { key: ids.d, label: 'Dev Diaz', suppressed: true },
    ])
  })

  it('always compares confirmed with unconfirmed sessions', async () => {
    for (const groupBy of ['therapist', 'type', 'confirmed']) {
      const res = await insights(`group_by=${groupBy}`)
      expect(res.body.confirmation).toEqual({
        confirmed: {
          key: 'confirmed',
          label: 'Confirmed',
          suppressed: false,
          sessions: 11,
          attended: 10,
          no_shows: 1,
          late_cancellations: 0,
          no_show_rate: 0.0909,
          late_cancel_rate: 0,
        },
        unconfirmed: {
          key: 'unconfirmed',
          label: 'Not confirmed',
          suppressed: false,
          sessions: 6,
          attended: 2,
          no_shows: 3,
          late_cancellations: 1,
          no_show_rate: 0.5,
          late_cancel_rate: 0.1667,
        },
      })
    }
    const byConfirmation = await insights('group_by=confirmed')
    expect(byConfirmation.body.groups).toEqual([
      byConfirmation.body.confirmation.confirmed,
      byConfirmation.body.confirmation.unconfirmed,
    ])
  })

  it('groups by session type and by booking lead time', async () => {
    const byType = await insights('group_by=type')
    expect(byType.body.groups.map((g: { key: string; sessions: number }) => [g.key, g.sessions])).toEqual([
      ['Individual session', 8],
      ['Video session', 9],
    ])
    const byLead = await insights('group_by=lead_time')
    expect(byLead.body.groups).toEqual([
      { key: 'under_2_days', label: 'Booked less than 2 days ahead', suppressed: true },
      { key: '2_to_7_days', label: 'Booked 2 to 7 days ahead', suppressed: true },
      expect.objectContaining({ key: '1_to_4_weeks', suppressed: false, sessions: 8, no_shows: 0 }),
      { key: 'over_4_weeks', label: 'Booked more than 4 weeks ahead', suppressed: true },
    ])
  })

  it('groups by the reminder channels that reached the client; a bounce counts as none', async () => {
    const res = await insights('group_by=channel')
    expect(
      res.body.groups.map((g: { key: string; label: string; sessions: number }) => [g.key, g.label, g.sessions]),
    ).toEqual([
      ['email', 'Email', 6],
      ['email+sms', 'Email + Text message', 5],
      ['none', 'No reminder reached them', 6],
    ])
  })

  it('takes a range in dates on the practice clock, from inclusive and to exclusive', async () => {
    const res = await insights('group_by=type&from=2026-01-06&to=2026-01-10')
    expect(res.body.from).toBe('2026-01-06T05:00:00.000Z')
    expect(res.body.to).toBe('2026-01-10T05:00:00.000Z')
    // The 6th to the 9th: A 4 and D 1 individual; B 4 and C 3 video.
    expect(res.body.groups.map((g: { key: string; sessions: number }) => [g.key, g.sessions])).toEqual([
      ['Individual session', 5],
      ['Video session', 7],
    ])
    const old = await insights('group_by=therapist&from=2025-06-01&to=2025-07-01')
    expect(old.body.groups).toEqual([{ key: ids.a, label: 'Ada Rivera', suppressed: true }])
  })

  it('refuses a bad grouping or range with a 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['', 'group_by'],
      ['group_by=client', 'group_by'],
      ['group_by=weekday&from=2026-02-30', 'from'],
      ['group_by=weekday&from=2026-03-01&to=2026-03-01', 'from'],
      ['group_by=weekday&from=2026-04-01', 'from'],
      ['group_by=weekday&from=2023-01-01&to=2026-01-01', 'to'],
      ['group_by=weekday&to=yesterday', 'to'],
    ]
    for (const [query, field] of cases) {
      const res = await insights(query)
      expect(res.status, query).toBe(400)
      expect(res.body.error.code).toBe('invalid_request')
      expect(Object.keys(res.body.error.details.fields), query).toContain(field)
    }
  })

  it('shows a therapist key only its own sessions, and each practice only its own', async () => {
    expect((await insights('group_by=therapist', null)).status).toBe(401)
    expect((await insights('group_by=therapist', 'hearth_not-a-key')).status).toBe(401)
    const therapistKey = await f.therapistKey(ids.a!)
    const asTherapist = await insights('group_by=therapist', therapistKey)
    expect(asTherapist.status).toBe(200)
    expect(asTherapist.body.therapist_id).toBe(ids.a)
    expect(asTherapist.body.groups.map((g: { key: string }) => g.key)).toEqual([ids.a])
    const whole = await insights('group_by=therapist')
    expect(whole.body.therapist_id).toBeUndefined()
    expect(whole.body.groups.length).toBeGreaterThan(1)

    const other = await t.createPractice('insights-b')
    const res = await insights('group_by=therapist', other.adminKey)
    expect(res.status).toBe(200)
    expect(res.body.groups).toEqual([])
    expect(res.body.confirmation.confirmed).toEqual({ key: 'confirmed', label: 'Confirmed', suppressed: true })
  })
})

describe("weekday and hour on the practice's clock", () => {
  let key: string
  beforeAll(async () => {
    const practice = await t.createPractice('insights-tz', { time_zone: 'America/New_York' })
    key = practice.adminKey
    const g = fixtures(t, key)
    const therapist = (await g.therapist({ time_zone: 'Europe/London' })).id
    const client = (await g.client({ time_zone: 'America/Los_Angeles' })).id
    // Mondays at 23:30 in New York, on both sides of both DST changes: Tuesday in UTC and London.
    for (const monday of ['2025-03-03T23:30:00-05:00', '2025-03-10T23:30:00-04:00', '2025-07-07T23:30:00-04:00']) {
      await session(g, therapist, client, monday, { status: 'attended' })
    }
    for (const monday of ['2025-11-03T23:30:00-05:00', '2026-01-05T23:30:00-05:00']) {
      await session(g, therapist, client, monday, { status: 'no_show' })
    }
  })

  it('puts a 23:30 Monday session in New York on Monday at 11 pm', async () => {
    const range = 'from=2025-03-01&to=2026-02-01'
    const byDay = await insights(`group_by=weekday&${range}`, key)
    expect(byDay.body.groups).toEqual([{ key: 'monday', label: 'Monday', ...fiveWithTwoMissed }])
    const byHour = await insights(`group_by=hour&${range}`, key)
    expect(byHour.body.groups).toEqual([expect.objectContaining({ key: '23', label: '11:00 pm', sessions: 5 })])
    const inSpanish = await insights(`group_by=weekday&${range}&locale=es`, key)
    expect(inSpanish.body.groups[0].label).toBe('Lunes')
  })
})

describe('reminder timing and cancel reasons', () => {
  let key: string
  let therapists: { x: string; y: string }
  const HOUR = 3_600_000
  /** A sent reminder of `kind`, `hours` before the session. */
  async function sent(appointmentId: string, kind: 'confirmation' | 'morning_of', hours: number) {
    const [row] = await t.sql`select practice_id, client_id, starts_at from appointments where id = ${appointmentId}`
    const at = new Date(row!.starts_at.getTime() - hours * HOUR)
    await t.sql`
      insert into outbox (practice_id, topic, channel, idempotency_key, appointment_id, client_id, reminder_kind,
                          status, send_at, due_at, sent_at)
      values (${row!.practice_id}, 'reminder', 'email', ${`test/${appointmentId}/${kind}`}, ${appointmentId},
              ${row!.client_id}, ${kind}, 'sent', ${at}, ${at}, ${at})`
  }
  /** A session the client cancelled, with the reason they gave (or none). */
  async function cancelled(
    g: ReturnType<typeof fixtures>,
    therapist: string,
    client: string,
    n: number,
    o: {
      code: string | null
      late?: boolean
      by?: 'client' | 'practice'
    },
  ) {
    const id = await session(g, therapist, client, `2026-02-${String(n).padStart(2, '0')}T15:00:00Z`, {
      status: o.late ? 'late_cancelled' : 'cancelled',
    })
    await t.sql`update appointments set cancelled_by = ${o.by ?? 'client'}, cancel_reason_code = ${o.code},
                  cancelled_at = starts_at - interval '1 day' where id = ${id}`
  }

  beforeAll(async () => {
    key = (await t.createPractice('insights-reasons')).adminKey
    const g = fixtures(t, key)
    therapists = { x: (await g.therapist()).id, y: (await g.therapist()).id }
    const client = (await g.client()).id
    let n = 1
    const due = (status: Status) => session(g, therapists.x, client, day(n++), { status })
    // Asked to confirm 30 hours before: 5 sessions, 2 missed. 60 hours before: 6, none missed.
    for (const status of ['attended', 'attended', 'attended', 'no_show', 'no_show'] as const) {
      const id = await due(status)
      await sent(id, 'confirmation', 30)
      await sent(id, 'morning_of', 5)
    }
    for (let i = 0; i < 6; i++) await sent(await due('attended'), 'confirmation', 60)
    // No confirmation request at all (only the morning reminder): 5 sessions, 1 missed.
    for (const status of ['attended', 'attended', 'attended', 'attended', 'no_show'] as const) {
      await sent(await due(status), 'morning_of', 5)
    }
    // A request that went out only after the session had started asked nothing: 1 more with none.
    await sent(await due('attended'), 'confirmation', -2)

    // Therapist x: 6 cancelled for getting there (2 late), 5 for work, 2 for cost, 1 said nothing.
    let d = 1
    for (let i = 0; i < 6; i++) await cancelled(g, therapists.x, client, d++, { code: 'transportation', late: i < 2 })
    for (let i = 0; i < 5; i++) await cancelled(g, therapists.x, client, d++, { code: 'work' })
    for (let i = 0; i < 2; i++) await cancelled(g, therapists.x, client, d++, { code: 'cost' })
    await cancelled(g, therapists.x, client, d++, { code: null })
    // The practice's own cancellations are not the client's reasons.
    for (let i = 0; i < 5; i++) await cancelled(g, therapists.x, client, d++, { code: 'illness', by: 'practice' })
    // Therapist y: 5 for childcare, 1 for weather.
    for (let i = 0; i < 5; i++) await cancelled(g, therapists.y, client, d++, { code: 'childcare' })
    await cancelled(g, therapists.y, client, d++, { code: 'weather' })
  })

  it('groups no-shows by how long before the session the confirmation request went out', async () => {
    const res = await insights('group_by=reminder_timing', key)
    expect(res.status).toBe(200)
    expect(
      res.body.groups.map((g: { key: string; label: string; sessions: number; no_shows: number }) => [
        g.key,
        g.label,
        g.sessions,
        g.no_shows,
      ]),
    ).toEqual([
      ['1_to_2_days', 'Asked 1 to 2 days before', 5, 2],
      ['2_to_3_days', 'Asked 2 to 3 days before', 6, 0],
      // The two late cancellations below were due sessions too, and no request went out for them.
      ['none', 'No confirmation request went out', 8, 1],
    ])
  })

  it("counts the client's cancellations by reason, with its share; small cells show no numbers", async () => {
    const res = await insights('group_by=cancel_reason', key)
    expect(res.status).toBe(200)
    expect(res.body.groups).toEqual([
      {
        key: 'transportation',
        label: 'Getting there',
        suppressed: false,
        sessions: 6,
        attended: 0,
        no_shows: 0,
        late_cancellations: 2,
        no_show_rate: 0,
        late_cancel_rate: 0.3333,
        share: 0.3,
      },
      {
        key: 'childcare',
        label: 'Childcare',
        suppressed: false,
        sessions: 5,
        attended: 0,
        no_shows: 0,
        late_cancellations: 0,
        no_show_rate: 0,
        late_cancel_rate: 0,
        share: 0.25,
      },
      expect.objectContaining({ key: 'work', sessions: 5, share: 0.25 }),
      { key: 'cost', label: 'Cost', suppressed: true },
      { key: 'weather', label: 'Weather', suppressed: true },
      { key: 'not_said', label: 'Chose not to say', suppressed: true },
    ])
    // The confirmation comparison is the same as in every answer: due sessions, not cancellations.
    expect(res.body.confirmation.unconfirmed).toMatchObject({ suppressed: false, sessions: 19 })
    expect((await insights('group_by=cancel_reason&locale=fr', key)).body.groups[0].label).toBe('Le trajet')
  })

  it('a therapist sees their own reasons; one small cell hides the next-smallest with it', async () => {
    const therapistKey = await fixtures(t, key).therapistKey(therapists.y)
    const res = await insights('group_by=cancel_reason', therapistKey)
    expect(res.body.therapist_id).toBe(therapists.y)
    expect(res.body.groups).toEqual([
      { key: 'childcare', label: 'Childcare', suppressed: true },
      { key: 'weather', label: 'Weather', suppressed: true },
    ])
  })
})
