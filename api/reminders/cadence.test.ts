import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { dispatchDue } from '../outbox/dispatch'
import { outboxHandlers } from '../outbox/handlers'
import { resendMailer } from '../providers/email'
import { startFakeResend } from '../testing/fakes/resend'
import { startFakeSmsGateway } from '../testing/fakes/sms-gateway'
import { practiceForFile } from '../testing/fixtures'
import { DEFAULT_REMINDER_SCHEDULE } from '../../shared/schemas/policies'

/**
 * A practice's own reminder cadence on real Postgres, with a fixed clock and a loopback Resend:
 * its steps planned and sent once, re-planned on a move; the booking note; its quiet hours; the
 * join link only inside its window; the address only when the practice chose detailed reminders.
 */

const NOW = '2026-03-02T15:00:00.000Z' // Monday 10:00 EST
const GATEWAY_SECRET = 'gateway-signing-secret-for-tests-0123456789'

const cadence = {
  ...DEFAULT_REMINDER_SCHEDULE,
  channels: ['email'],
  reminders: [{ hours_before: 3 }, { hours_before: 0.25 }],
  on_booking: true,
  quiet_hours: { start: '22:00', end: '07:00' },
}

const resend = await startFakeResend()
const gateway = await startFakeSmsGateway(GATEWAY_SECRET)
afterAll(() => Promise.all([resend.close(), gateway.close()]))
const {
  t,
  adminKey: key,
  practiceId,
  f,
} = await practiceForFile('cadence', {
  now: NOW,
  deps: { mailer: resendMailer('re_test_key', { baseUrl: resend.url }) },
})
await t.sql`insert into sms_gateways (practice_id, url, signing_secret)
            values (${practiceId}, ${gateway.url}, ${GATEWAY_SECRET})`
const therapistId = (await f.therapist({ name: 'Dr. Rivera' })).id
const set = await t.call('PATCH', '/v1/practice', { key, body: { reminder_schedule: cadence } })
expect(set.status, set.text).toBe(200)
afterEach(() => t.clock.set(NOW))

const dispatch = () => dispatchDue(t.deps, { handlers: outboxHandlers, channels: ['email', 'sms'] })
const outbox = (appointmentId: string) =>
  t.sql<{ kind: string; send_at: Date; status: string; key: string }[]>`
    select reminder_kind as kind, send_at, status, idempotency_key as key
    from outbox where appointment_id = ${appointmentId} and topic = 'reminder' order by send_at, idempotency_key`.then(
    (rows) => rows.map((r) => ({ ...r, send_at: r.send_at.toISOString(), step: r.key.split('/')[2] })),
  )
const mailTo = (email: string) => resend.emails.filter((e) => e.to === email)
let slot = 0
/** Monday 16 March 2026 (EDT), a new hour for each session so the therapist is never double-booked. */
const session = () => new Date(Date.parse('2026-03-16T19:00:00Z') + slot++ * 3_600_000).toISOString()

describe('PATCH /v1/practice reminder_schedule', () => {
  it('keeps what the practice set, and reads back as set', async () => {
    const got = await t.call('GET', '/v1/practice', { key })
    expect(got.body.reminder_schedule).toEqual(cadence)
  })

  it('refuses two steps at one time, too many steps, hours beyond a week and empty quiet hours, changing nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ reminders: [{ hours_before: 2 }, { hours_before: 2 }] }, 'reminder_schedule.reminders.1.hours_before'],
      [{ reminders: [1, 2, 3, 4].map((h) => ({ hours_before: h })) }, 'reminder_schedule.reminders'],
      [{ reminders: [{ hours_before: 200 }] }, 'reminder_schedule.reminders.0.hours_before'],
      [{ quiet_hours: { start: '21:00', end: '21:00' } }, 'reminder_schedule.quiet_hours.end'],
      [{ on_booking: 'yes' }, 'reminder_schedule.on_booking'],
    ]
    for (const [change, field] of cases) {
      const res = await t.call('PATCH', '/v1/practice', { key, body: { reminder_schedule: { ...cadence, ...change } } })
      expect(res.status, JSON.stringify(change)).toBe(400)
      expect(res.body.error.code).toBe('invalid_request')
      expect(res.body.error.details.fields).toHaveProperty([field])
    }
    expect((await t.call('GET', '/v1/practice', { key })).body.reminder_schedule).toEqual(cadence)
  })

  it('only an admin sets it', async () => {
    const therapistKey = await f.therapistKey(therapistId)
    const res = await t.call('PATCH', '/v1/practice', { key: therapistKey, body: { reminder_schedule: cadence } })
    expect(res.status).toBe(403)
  })
})

describe("the practice's cadence", () => {
  it('plans every step, sends each once at its time, and a move re-plans without a second booking note', async () => {
    const client = await f.client()
    const startsAt = session() // 15:00 EDT
    const apt = await f.appointment(therapistId, client.id, startsAt)
    expect((await outbox(apt.id)).map((r) => [r.step, r.send_at, r.status])).toEqual([
      ['booked', NOW, 'pending'],
      // Free until Saturday 15:00 EDT; 24 h before that.
      ['confirmation', '2026-03-13T19:00:00.000Z', 'pending'],
      ['morning_of', '2026-03-16T12:00:00.000Z', 'pending'],
      ['before_180m', '2026-03-16T16:00:00.000Z', 'pending'],
      ['before_15m', '2026-03-16T18:45:00.000Z', 'pending'],
    ])

    expect(await dispatch()).toMatchObject({ sent: 1 })
    expect(await dispatch()).toMatchObject({ claimed: 0 })
    const [note] = mailTo(client.email)
    expect(note?.subject).toMatch(/^Your appointment on Mon 16 Mar at 3:00 pm EDT is booked$/)
    expect(JSON.stringify(note)).not.toContain('Rivera')

    // Moved a day later: new keys, the sent note stays history and is not sent again.
    const moved = await t.call('PATCH', `/v1/appointments/${apt.id}`, {
      key,
      body: { starts_at: '2026-03-17T19:00:00Z', ends_at: '2026-03-17T19:50:00Z' },
    })
    expect(moved.status).toBe(200)
    const after = await outbox(apt.id)
    expect(after.filter((r) => r.status === 'pending').map((r) => [r.step, r.send_at, r.key.endsWith('/2')])).toEqual([
      ['confirmation', '2026-03-14T19:00:00.000Z', true],
      ['morning_of', '2026-03-17T12:00:00.000Z', true],
      ['before_180m', '2026-03-17T16:00:00.000Z', true],
      ['before_15m', '2026-03-17T18:45:00.000Z', true],
    ])
    expect(after.filter((r) => r.step === 'booked').map((r) => r.status)).toEqual(['sent'])

    for (const at of ['2026-03-14T19:00:00Z', '2026-03-17T12:00:00Z', '2026-03-17T16:00:00Z', '2026-03-17T18:45:00Z']) {
      t.clock.set(at)
      await dispatch()
      await dispatch()
      const due = (await outbox(apt.id)).find((r) => r.send_at === new Date(at).toISOString() && r.key.endsWith('/2'))
      expect(due?.status, at).toBe('sent')
    }
    // Each once (the practice's note that the session moved comes besides).
    const subjects = mailTo(client.email).map((e) => e.subject)
    for (const subject of [
      'Your appointment on Mon 16 Mar at 3:00 pm EDT is booked',
      'Please confirm your appointment on Tuesday 17 March at 3:00 pm EDT',
      'Your appointment today at 3:00 pm EDT',
    ])
      expect(
        subjects.filter((s) => s === subject),
        subject,
      ).toHaveLength(1)
    expect(subjects.filter((s) => s === 'Your appointment on Tue 17 Mar at 3:00 pm EDT')).toHaveLength(2)
    const keys = resend.requests.filter((r) => r.to === client.email).map((r) => r.idempotencyKey)
    expect(new Set(keys).size).toBe(keys.length)
    t.clock.set(NOW)
  })

  it('no booking note when the session comes in with notify_client false', async () => {
    const client = await f.client()
    const apt = await f.appointment(therapistId, client.id, session(), { notify_client: false })
    expect((await outbox(apt.id)).map((r) => r.step)).not.toContain('booked')
  })

  it("the practice's quiet hours: a note booked at 22:30 waits for 7:00, the morning-of at 7:00 goes at 7:00", async () => {
    t.clock.set('2026-03-03T03:30:00Z') // Monday 22:30 EST
    const client = await f.client()
    const apt = await f.appointment(therapistId, client.id, session(), { notify_client: true })
    const plan = await outbox(apt.id)
    expect(plan.find((r) => r.step === 'booked')?.send_at).toBe('2026-03-03T12:00:00.000Z') // Tuesday 7:00 EST
    const booked = () => outbox(apt.id).then((rows) => rows.find((r) => r.step === 'booked')?.status)
    await dispatch()
    expect(await booked()).toBe('pending')
    expect(mailTo(client.email)).toEqual([])
    t.clock.set('2026-03-03T12:00:00Z')
    await dispatch()
    expect(await booked()).toBe('sent')
    expect(mailTo(client.email)).toHaveLength(1)
    // With the default quiet hours the 7:00 morning-of would wait for 8:00; here it goes at 7:00.
    const set = await t.call('PATCH', '/v1/practice', {
      key,
      body: { reminder_schedule: { ...cadence, morning_of: { enabled: true, at: '07:00' } } },
    })
    expect(set.status).toBe(200)
    expect((await outbox(apt.id)).find((r) => r.step === 'morning_of' && r.status === 'pending')?.send_at).toMatch(
      /T11:00:00\.000Z$/, // 7:00 EDT
    )
    await t.call('PATCH', '/v1/practice', { key, body: { reminder_schedule: cadence } })
    t.clock.set(NOW)
  })
})

describe('what the last reminder carries', () => {
  /** Sends every step of a session (after its booking note), returning each email's text by step. */
  async function sendAll(appointmentId: string, email: string) {
    await dispatch() // the booking note
    const texts: Record<string, string> = {}
    for (const row of (await outbox(appointmentId)).filter((r) => r.status === 'pending')) {
      const before = mailTo(email).length
      t.clock.set(row.send_at)
      await dispatch()
      texts[row.step ?? ''] = mailTo(email)
        .slice(before)
        .map((e) => e.text)
        .join('\n')
    }
    t.clock.set(NOW)
    return texts
  }

  it('a video session: the join link only on the last reminder, inside its window', async () => {
    const client = await f.client()
    const apt = await f.appointment(therapistId, client.id, session(), {
      location: undefined,
      telehealth_url: 'https://video.example/room/77',
    })
    const texts = await sendAll(apt.id, client.email)
    expect(Object.keys(texts)).toEqual(['confirmation', 'morning_of', 'before_180m', 'before_15m'])
    expect(texts.before_15m).toContain('Join by video: https://video.example/room/77')
    for (const step of ['confirmation', 'morning_of', 'before_180m']) expect(texts[step]).not.toContain('video.example')
  })

  it('a last reminder outside the window (3 hours ahead) carries no link', async () => {
    const set = await t.call('PATCH', '/v1/practice', {
      key,
      body: { reminder_schedule: { ...cadence, reminders: [{ hours_before: 3 }] } },
    })
    expect(set.status).toBe(200)
    const client = await f.client()
    const apt = await f.appointment(therapistId, client.id, session(), {
      location: undefined,
      telehealth_url: 'https://video.example/room/78',
    })
    const texts = await sendAll(apt.id, client.email)
    expect(Object.keys(texts)).toEqual(['confirmation', 'morning_of', 'before_180m'])
    expect(mailTo(client.email).some((e) => JSON.stringify(e).includes('room/78'))).toBe(false)
    await t.call('PATCH', '/v1/practice', { key, body: { reminder_schedule: cadence } })
  })

  it('an in-person session: the address on the last reminder only when the practice chose detailed', async () => {
    const privateClient = await f.client()
    const privateApt = await f.appointment(therapistId, privateClient.id, session(), { location: '12 Harbour Street' })
    const privateTexts = await sendAll(privateApt.id, privateClient.email)
    for (const text of Object.values(privateTexts)) expect(text).not.toContain('Harbour')

    const set = await t.call('PATCH', '/v1/practice', {
      key,
      body: { reminder_schedule: { ...cadence, detail: 'detailed' } },
    })
    expect(set.status).toBe(200)
    const client = await f.client()
    const apt = await f.appointment(therapistId, client.id, session(), { location: '12 Harbour Street' })
    const texts = await sendAll(apt.id, client.email)
    expect(texts.before_15m).toContain('Address: 12 Harbour Street')
    for (const step of ['confirmation', 'morning_of', 'before_180m']) expect(texts[step]).not.toContain('Harbour')
    await t.call('PATCH', '/v1/practice', { key, body: { reminder_schedule: cadence } })
  })

  it('by text too: the join link and the address ride on the last text only', async () => {
    const set = await t.call('PATCH', '/v1/practice', {
      key,
      body: { reminder_schedule: { ...cadence, channels: ['sms'], detail: 'detailed' } },
    })
    expect(set.status).toBe(200)
    const textsTo = async (phone: string, overrides: Record<string, unknown>) => {
      const client = await f.client({ phone, consents: { email: false, sms: true } })
      const apt = await f.appointment(therapistId, client.id, session(), overrides)
      await dispatch() // the booking note
      const sent: Record<string, string> = {}
      for (const row of (await outbox(apt.id)).filter((r) => r.status === 'pending')) {
        t.clock.set(row.send_at)
        await dispatch()
        sent[row.step ?? ''] = gateway.texts.find((m) => m.idempotency_key === row.key)?.text ?? ''
      }
      t.clock.set(NOW)
      return sent
    }
    const video = await textsTo('+15550107001', {
      location: undefined,
      telehealth_url: 'https://video.example/room/90',
    })
    expect(video.before_15m).toContain('Join by video: https://video.example/room/90')
    expect(video.before_180m).not.toContain('video.example')
    const office = await textsTo('+15550107002', { location: '12 Harbour Street' })
    expect(office.before_15m).toContain('Address: 12 Harbour Street')
    expect(office.morning_of).not.toContain('Harbour')
    await t.call('PATCH', '/v1/practice', { key, body: { reminder_schedule: cadence } })
  })
})
