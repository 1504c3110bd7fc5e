import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../testing/app'
import { fixtures } from '../testing/fixtures'

// Monday 2 March 2026, 07:00 in Los Angeles (the therapist's zone), 10:00 in New York (the practice's).
const NOW = '2026-03-02T15:00:00Z'
let t: TestContext
let adminKey: string
let f: ReturnType<typeof fixtures>
let therapist: { id: string }
let colleague: { id: string }
let therapistKey: string
let alex: { id: string }
let robin: { id: string }
let sam: { id: string }

beforeAll(async () => {
  t = await startTestApp({ now: NOW })
  ;({ adminKey } = await t.createPractice('calls-a'))
  f = fixtures(t, adminKey)
  therapist = await f.therapist({ name: 'Dr. Ada Park', time_zone: 'America/Los_Angeles' })
  colleague = await f.therapist({ name: 'Sam Okafor' })
  therapistKey = await f.therapistKey(therapist.id)
  alex = await f.client({ name: 'Alex Morgan', phone: '(555) 010-3001' })
  robin = await f.client({ name: 'Robin Hale' })
  sam = await f.client({ name: 'Sam Client', phone: '12345678' })
})
afterAll(() => t.stop())

const list = (query: string, key: string | null = adminKey) => t.call('GET', `/v1/confirmation-calls?${query}`, { key })
const record = (id: string, body: unknown, key: string | null = adminKey) =>
  t.call('POST', `/v1/appointments/${id}/confirmation-calls`, { key, body })
const ids = (res: { body: { data: { appointment_id: string }[] } }) => res.body.data.map((e) => e.appointment_id)

describe('GET /v1/confirmation-calls', () => {
  let late: { id: string }
  let morning: { id: string }
  let lastMinute: { id: string }
  let todayLater: { id: string }
  let todayStarted: { id: string }
  beforeAll(async () => {
    // 23:30 on Monday in Los Angeles is already Tuesday in UTC and New York.
    late = await f.appointment(therapist.id, alex.id, '2026-03-03T07:30:00Z')
    morning = await f.appointment(therapist.id, robin.id, '2026-03-03T17:00:00Z', { type: 'Video session' })
    lastMinute = await f.appointment(therapist.id, sam.id, '2026-03-04T07:59:00Z')
    const confirmed = await f.appointment(therapist.id, alex.id, '2026-03-03T19:00:00Z')
    await t.call('PATCH', `/v1/appointments/${confirmed.id}`, { key: adminKey, body: { status: 'confirmed' } })
    const cancelled = await f.appointment(therapist.id, alex.id, '2026-03-03T21:00:00Z')
    await t.call('PATCH', `/v1/appointments/${cancelled.id}`, { key: adminKey, body: { status: 'cancelled' } })
    await f.appointment(colleague.id, alex.id, '2026-03-03T18:00:00Z')
    todayStarted = await f.appointment(therapist.id, robin.id, '2026-03-02T14:00:00Z')
    todayLater = await f.appointment(therapist.id, robin.id, '2026-03-02T18:00:00Z')
  })

  it("lists the day's unconfirmed sessions on the therapist's clock, in time order", async () => {
    const res = await list(`therapist_id=${therapist.id}&date=2026-03-03`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      date: '2026-03-03',
      time_zone: 'America/Los_Angeles',
      therapist: { id: therapist.id, name: 'Dr. Ada Park' },
      next_cursor: null,
    })
    expect(ids(res)).toEqual([morning.id, lastMinute.id])
    expect(res.body.data[0]).toMatchObject({
      starts_at: '2026-03-03T09:00:00-08:00',
      ends_at: '2026-03-03T09:50:00-08:00',
      time_label: 'Tuesday 3 March at 9:00 am PST',
      type: 'Video session',
      status: 'scheduled',
      client: { id: robin.id, name: 'Robin Hale' },
      calls: [],
    })
    expect(res.body.data[0].client).not.toHaveProperty('phone')
    expect(res.body.data[1].client).toEqual({ id: sam.id, name: 'Sam Client', phone_as_entered: '12345678' })

    const monday = await list(`therapist_id=${therapist.id}&date=2026-03-02`)
    expect(ids(monday)).toEqual([todayLater.id, late.id])
    expect(monday.body.data[1]).toMatchObject({
      starts_at: '2026-03-02T23:30:00-08:00',
      time_label: 'Monday 2 March at 11:30 pm PST',
      client: { id: alex.id, name: 'Alex Morgan', phone: '+15550103001' },
    })
    expect(ids(monday)).not.toContain(todayStarted.id)
  })

  it("defaults to the next working day on the therapist's clock", async () => {
    expect((await list(`therapist_id=${therapist.id}`)).body.date).toBe('2026-03-03')
    try {
      // Friday 03:00 UTC is still Thursday evening in Los Angeles: the next working day is Friday.
      t.clock.set('2026-03-06T03:00:00Z')
      expect((await list(`therapist_id=${therapist.id}`)).body.date).toBe('2026-03-06')
      t.clock.set('2026-03-06T20:00:00Z')
      expect((await list(`therapist_id=${therapist.id}`)).body.date).toBe('2026-03-09')
      t.clock.set('2026-03-08T20:00:00Z')
      expect((await list(`therapist_id=${therapist.id}`)).body.date).toBe('2026-03-09')
    } finally {
      t.clock.set(NOW)
    }
  })

  it('shows what the reminders did so far, and earlier calls', async () => {
    const [row] = await t.sql`select practice_id from appointments where id = ${morning.id}`
    const at = new Date('2026-03-01T17:00:00Z')
    await t.sql`
      insert into outbox (practice_id, topic, channel, idempotency_key, appointment_id, client_id, reminder_kind,
                          status, send_at, due_at, sent_at, delivery_status, closed_reason)
      values (${row!.practice_id}, 'reminder', 'email', 'test/1', ${morning.id}, ${robin.id}, 'confirmation',
              'sent', ${at}, ${at}, ${at}, 'delivered', null),
             (${row!.practice_id}, 'reminder', 'sms', 'test/2', ${morning.id}, ${robin.id}, 'confirmation',
              'skipped', ${at}, ${at}, null, null, 'no_consent'),
             (${row!.practice_id}, 'reminder', 'email', 'test/3', ${morning.id}, ${robin.id}, 'confirmation',
              'cancelled', ${at}, ${at}, null, null, 'moved')`
    const voicemail = await record(morning.id, { outcome: 'voicemail', note: '  Left a message, try after 5.  ' })
    expect(voicemail.status).toBe(201)

    const entry = (await list(`therapist_id=${therapist.id}&date=2026-03-03`)).body.data[0]
    const sent = { kind: 'confirmation', channel: 'email', status: 'sent', send_at: at.toISOString() }
    expect(entry.reminders).toEqual(
      expect.arrayContaining([
        { ...sent, sent_at: at.toISOString(), delivery_status: 'delivered' },
        { kind: 'confirmation', channel: 'sms', status: 'skipped', send_at: at.toISOString(), reason: 'no_consent' },
      ]),
    )
    expect(entry.reminders.some((r: { status: string }) => r.status === 'cancelled')).toBe(false)
    expect(entry.calls).toEqual([
      {
        id: voicemail.body.call.id,
        appointment_id: morning.id,
        outcome: 'voicemail',
        note: 'Left a message, try after 5.',
        called_at: NOW.replace('Z', '.000Z'),
        recorded_by: { api_key_id: expect.any(String), role: 'admin' },
      },
    ])
  })

  it('gives a therapist key its own list only', async () => {
    const own = await list('date=2026-03-03', therapistKey)
    expect(own.status).toBe(200)
    expect(ids(own)).toEqual([morning.id, lastMinute.id])
    expect((await list(`date=2026-03-03&therapist_id=${therapist.id.toUpperCase()}`, therapistKey)).status).toBe(200)
    expect((await list(`date=2026-03-03&therapist_id=${colleague.id}`, therapistKey)).status).toBe(404)
    expect((await list('date=2026-03-03&therapist_id=nope', therapistKey)).status).toBe(404)
  })

  it('needs a key, a therapist for an admin key, and one of this practice', async () => {
    expect((await list(`therapist_id=${therapist.id}`, null)).status).toBe(401)
    const missing = await list('date=2026-03-03')
    expect(missing.status).toBe(400)
    expect(missing.body.error.details.fields).toHaveProperty('therapist_id')
    const other = await t.createPractice('calls-b')
    expect((await list(`therapist_id=${therapist.id}`, other.adminKey)).status).toBe(404)
    expect((await list('therapist_id=not-an-id')).status).toBe(404)
  })

  it('refuses a date that is not a calendar date', async () => {
    for (const date of ['2026-02-30', '03/03/2026', '2026-3-3', 'tomorrow']) {
      const res = await list(`therapist_id=${therapist.id}&date=${date}`)
      expect(res.status, date).toBe(400)
      expect(res.body.error.details.fields).toHaveProperty('date')
    }
    expect((await list(`therapist_id=${therapist.id}&locale=de`)).status).toBe(400)
  })
})

describe('POST /v1/appointments/{id}/confirmation-calls', () => {
  let slot = 0
  /** A fresh upcoming session for the therapist, each at its own hour. */
  const upcoming = (startsAt?: string) =>
    f.appointment(
      therapist.id,
      alex.id,
      startsAt ?? new Date(Date.parse('2026-03-10T14:00:00Z') + slot++ * 3_600_000).toISOString(),
    )
  const calls = (id: string) => t.sql`select outcome, note from confirmation_calls where appointment_id = ${id}`

  it('confirmed: confirms the session, records the call and audits both', async () => {
    const appt = await upcoming()
    const res = await record(appt.id, { outcome: 'confirmed' }, therapistKey)
    expect(res.status).toBe(201)
    expect(res.body.appointment).toMatchObject({ id: appt.id, status: 'confirmed' })
    expect(res.body.call).toMatchObject({
      appointment_id: appt.id,
      outcome: 'confirmed',
      called_at: '2026-03-02T15:00:00.000Z',
      recorded_by: { role: 'therapist', therapist_id: therapist.id },
    })
    expect(res.body.call).not.toHaveProperty('note')
    const [row] = await t.sql`select status, confirmed_at from appointments where id = ${appt.id}`
    expect(row).toEqual({ status: 'confirmed', confirmed_at: new Date(NOW) })
    const audits = await t.sql`select action, detail from audit_log where subject_id = ${appt.id} order by id`
    expect(audits.map((a) => a.action)).toEqual([
      'appointment.created',
      'appointment.confirmed',
      'confirmation_call.recorded',
    ])
    // It has left the call list.
    const day = await list(`therapist_id=${therapist.id}&date=2026-03-10`)
    expect(ids(day)).not.toContain(appt.id)
  })

  it('cancelled: cancels on the practice side with no late fee, even inside the late window', async () => {
    const appt = await upcoming('2026-03-02T20:00:00Z') // five hours away; the policy's window is 48 hours
    const res = await record(appt.id, { outcome: 'cancelled', note: 'Has the flu, will rebook.' })
    expect(res.status).toBe(201)
    expect(res.body.appointment.status).toBe('cancelled')
    const [row] = await t.sql`
      select status, cancelled_by, cancelled_at, late_fee_cents from appointments where id = ${appt.id}`
    expect(row).toEqual({
      status: 'cancelled',
      cancelled_by: 'practice',
      cancelled_at: new Date(NOW),
      late_fee_cents: null,
    })
    const [audit] =
      await t.sql`select detail from audit_log where subject_id = ${appt.id} and action = 'confirmation_call.recorded'`
    expect(JSON.stringify(audit!.detail)).not.toContain('flu')
  })

  it('voicemail and no answer leave the session as it is', async () => {
    const appt = await upcoming()
    expect((await record(appt.id, { outcome: 'voicemail' })).body.appointment.status).toBe('scheduled')
    expect((await record(appt.id, { outcome: 'no_answer', note: '' })).body.appointment.status).toBe('scheduled')
    expect(await calls(appt.id)).toEqual([
      { outcome: 'voicemail', note: null },
      { outcome: 'no_answer', note: null },
    ])
  })

  it('refuses any outcome on a cancelled or started session, writing nothing', async () => {
    const cancelled = await upcoming()
    await t.call('PATCH', `/v1/appointments/${cancelled.id}`, { key: adminKey, body: { status: 'cancelled' } })
    const started = await upcoming('2026-03-02T13:00:00Z')
    for (const [appt, outcome] of [
      [cancelled, 'confirmed'],
      [cancelled, 'cancelled'],
      [cancelled, 'voicemail'],
      [started, 'confirmed'],
      [started, 'no_answer'],
    ] as const) {
      const res = await record(appt.id, { outcome })
      expect(res.status, outcome).toBe(409)
      expect(res.body.error.code).toBe('invalid_state')
      expect(await calls(appt.id)).toEqual([])
    }
    const [row] = await t.sql`select status from appointments where id = ${started.id}`
    expect(row!.status).toBe('scheduled')
  })

  it('validates the outcome and the note', async () => {
    const appt = await upcoming()
    for (const body of [
      {},
      { outcome: 'maybe' },
      { outcome: 'voicemail', note: 'x'.repeat(501) },
      { outcome: 'voicemail', extra: 1 },
    ]) {
      const res = await record(appt.id, body)
      expect(res.status, JSON.stringify(body).slice(0, 40)).toBe(400)
      expect(res.body.error.code).toBe('invalid_request')
    }
    expect((await record(appt.id, { outcome: 'voicemail', note: 'x'.repeat(500) })).status).toBe(201)
  })

  it("answers 404 for another therapist's, another practice's or an unknown session, and 401 without a key", async () => {
    const theirs = await f.appointment(colleague.id, alex.id, '2026-03-11T14:00:00Z')
    expect((await record(theirs.id, { outcome: 'confirmed' }, therapistKey)).status).toBe(404)
    const other = await t.createPractice('calls-c')
    expect((await record(theirs.id, { outcome: 'confirmed' }, other.adminKey)).status).toBe(404)
    expect((await record('00000000-0000-4000-8000-000000000000', { outcome: 'confirmed' })).status).toBe(404)
    expect((await record('nope', { outcome: 'confirmed' })).status).toBe(404)
    expect((await record(theirs.id, { outcome: 'confirmed' }, null)).status).toBe(401)
    expect(await calls(theirs.id)).toEqual([])
    const [row] = await t.sql`select status from appointments where id = ${theirs.id}`
    expect(row!.status).toBe('scheduled')
  })

  it('decides calls recorded at the same moment one after the other', async (ctx) => {
    if (t.db.isEmbedded) ctx.skip() // one embedded connection cannot run two transactions at once
    const appt = await upcoming()
    const results = await Promise.all(Array.from({ length: 8 }, () => record(appt.id, { outcome: 'cancelled' })))
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409])
    expect(await calls(appt.id)).toEqual([{ outcome: 'cancelled', note: null }])
    const audits =
      await t.sql`select 1 from audit_log where subject_id = ${appt.id} and action = 'appointment.cancelled'`
    expect(audits).toHaveLength(1)

    // Confirm and cancel at once: whichever came first, the calls and the session agree.
    const raced = await upcoming()
    const [confirm, cancel] = await Promise.all([
      record(raced.id, { outcome: 'confirmed' }),
      record(raced.id, { outcome: 'cancelled' }),
    ])
    const [row] = await t.sql`select status from appointments where id = ${raced.id}`
    const recorded = (await calls(raced.id)).map((c) => c.outcome).sort()
    if (cancel.status === 201) {
      expect(row!.status).toBe('cancelled')
      expect(recorded).toEqual(confirm.status === 201 ? ['cancelled', 'confirmed'] : ['cancelled'])
    } else {
      expect(confirm.status).toBe(201)
      expect(row!.status).toBe('confirmed')
      expect(recorded).toEqual(['confirmed'])
    }
  })
})

describe('reading the call list', () => {
  it('is recorded in the audit log, since it shows clients and their phone numbers', async () => {
    await list('date=2026-03-03', therapistKey)
    const [row] = await t.sql`
      select actor_kind, subject_id, detail from audit_log where action = 'confirmation_calls.read' order by id desc limit 1`
    expect(row).toMatchObject({ actor_kind: 'api_key', subject_id: therapist.id, detail: { date: '2026-03-03' } })
  })
})
