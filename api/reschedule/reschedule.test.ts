import { describe, expect, it } from 'vitest'
import { practiceForFile, WEEKDAY_HOURS } from '../testing/fixtures'
import { sessionNow } from '../testing/portal'
import { expireDueHolds } from './expire'

/**
 * A client moving their own session: free times, the instant move (same session, new version,
 * reminders, webhook, receipt, the freed time offered, audit), times that are not free, the
 * practice's rule inside and outside the window, requests with their hold, approval, decline and
 * expiry, switching to video, and who may do any of it.
 */

const NOW = '2026-03-02T15:00:00Z' // Monday 10:00 in New York
const HOUR = 3_600_000
const at = (iso: string) => new Date(iso).toISOString()

const HOURS = { ...WEEKDAY_HOURS, buffer_minutes: 10, horizon_days: 60, video_url: 'https://video.example/rivera' }

const { t, adminKey, practiceId, f } = await practiceForFile('moves', { now: NOW })
const rivera = await f.therapist({ name: 'Dr. Maya Rivera' })
const put = await t.call('PUT', `/v1/therapists/${rivera.id}/availability`, { key: adminKey, body: HOURS })
expect(put.status, put.text).toBe(200)
const hook = await t.call('POST', '/v1/webhook-endpoints', {
  key: adminKey,
  body: { url: 'http://127.0.0.1:9/hooks', events: ['appointment.rescheduled'] },
})
expect(hook.status, hook.text).toBe(201)

const setRule = async (reschedule: Record<string, unknown>) => {
  const res = await t.call('PATCH', '/v1/practice', { key: adminKey, body: { reschedule } })
  expect(res.status, res.text).toBe(200)
}
const portal = async (clientId: string, method: string, path: string, body?: unknown) =>
  t.call(method, path, { key: (await sessionNow(t, practiceId, clientId)).access_token, body })

let n = 0
/** A client with a session with Dr. Rivera, by default Friday 6 March at 10:00 (four days off). */
async function booked(startsAt = '2026-03-06T15:00:00Z', overrides: Record<string, unknown> = {}) {
  const client = await f.client({ name: `Client ${n++}` })
  const session = await f.appointment(rivera.id, client.id, startsAt, overrides)
  return { client, session }
}

const outboxFor = (appointmentId: string) =>
  t.sql<{ topic: string; status: string; payload: any; send_at: Date; idempotency_key: string }[]>`
    select topic, status, payload, send_at, idempotency_key from outbox where appointment_id = ${appointmentId}
    order by created_at`

describe('free times', () => {
  it("lists the therapist's free times for this session in order, with the rule and the zone", async () => {
    await setRule({ mode: 'instant', inside_window: 'request' })
    const { client, session } = await booked()
    const other = await booked('2026-03-05T15:00:00Z') // Thursday 10:00–10:50 is someone else's
    const res = await portal(client.id, 'GET', `/v1/portal/appointments/${session.id}/slots?to=2026-03-06T00:00:00Z`)
    expect(res.status, res.text).toBe(200)
    expect(res.body.time_zone).toBe('America/New_York')
    expect(res.body.rule).toMatchObject({ outcome: 'move', needs_acknowledgement: false })
    expect(res.body.rule.text).toBe('Choose a time that suits you and your session moves straight away.')
    const starts = res.body.data.map((s: { starts_at: string }) => s.starts_at)
    // The notice (24 h) starts Tuesday 10:00; 50-minute sessions every half hour until 16:10.
    expect(starts[0]).toBe(at('2026-03-03T15:00:00Z'))
    expect(starts).toContain(at('2026-03-04T21:00:00Z')) // Wednesday 16:00
    expect(starts).not.toContain(at('2026-03-04T21:30:00Z')) // would end after 17:00
    // Thursday: 09:00 ends 09:50, clear of 10:00 minus 10 minutes; 09:30 and 10:00 and 10:30 clash.
    expect(starts).toContain(at('2026-03-05T14:00:00Z'))
    for (const clash of ['2026-03-05T14:30:00Z', '2026-03-05T15:00:00Z', '2026-03-05T15:30:00Z'])
      expect(starts).not.toContain(at(clash))
    expect(starts).toContain(at('2026-03-05T16:00:00Z'))
    expect([...starts].sort()).toEqual(starts)
    expect(res.body.data[0].ends_at).toBe(at('2026-03-03T15:50:00Z'))
    expect(res.body.data[0].modes).toEqual(['in_person'])
    // The session itself does not keep itself busy.
    expect(other.session.id).not.toBe(session.id)
  })

  it("answers 404 for another client's session and 401 without a session", async () => {
    const a = await booked('2026-03-09T15:00:00Z')
    const b = await booked('2026-03-09T17:00:00Z')
    expect((await portal(b.client.id, 'GET', `/v1/portal/appointments/${a.session.id}/slots`)).status).toBe(404)
    expect(
      (
        await portal(b.client.id, 'POST', `/v1/portal/appointments/${a.session.id}/reschedule`, {
          starts_at: '2026-03-10T15:00:00Z',
        })
      ).status,
    ).toBe(404)
    expect((await t.call('GET', `/v1/portal/appointments/${a.session.id}/slots`)).status).toBe(401)
    expect((await t.call('GET', `/v1/portal/appointments/${a.session.id}/slots`, { key: adminKey })).status).toBe(401)
  })
})

describe('moving a session at once', () => {
  it('moves the same session to the new time, re-plans reminders, queues the webhook and the receipt, audits', async () => {
    await setRule({ mode: 'instant', inside_window: 'request' })
    const { client, session } = await booked('2026-03-06T17:00:00Z')
    const remindersBefore = (await outboxFor(session.id)).filter((r) => r.topic === 'reminder')
    expect(remindersBefore.length).toBeGreaterThan(0)

    const res = await portal(client.id, 'POST', `/v1/portal/appointments/${session.id}/reschedule`, {
      starts_at: '2026-03-10T14:00:00-05:00',
    })
    expect(res.status, res.text).toBe(200)
    expect(res.body).toMatchObject({
      id: session.id,
      starts_at: at('2026-03-10T19:00:00Z'),
      ends_at: at('2026-03-10T19:50:00Z'),
      status: 'confirmed',
    })
    const [row] = await t.sql<{ version: number }[]>`select version from appointments where id = ${session.id}`
    expect(row!.version).toBe(2)

    const outbox = await outboxFor(session.id)
    const reminders = outbox.filter((r) => r.topic === 'reminder')
    expect(
      reminders.filter((r) => r.status === 'pending').every((r) => r.send_at < new Date('2026-03-10T19:00:00Z')),
    ).toBe(true)
    expect(reminders.some((r) => r.status === 'cancelled')).toBe(true)
    const receipt = outbox.filter((r) => r.topic === 'client_notice')
    expect(receipt).toHaveLength(1)
    expect(receipt[0]!.payload).toMatchObject({ kind: 'rescheduled', starts_at: at('2026-03-10T19:00:00Z') })

    const [hook] = await t.sql<{ payload: any }[]>`
      select payload from outbox where practice_id = ${practiceId} and topic = 'webhook'
        and payload->>'body' like ${`%${session.id}%`}`
    expect(JSON.parse(hook!.payload.body)).toMatchObject({
      type: 'appointment.rescheduled',
      data: { id: session.id, previous_starts_at: at('2026-03-06T17:00:00Z'), starts_at: at('2026-03-10T19:00:00Z') },
    })
    const audit = await t.sql<{ detail: any }[]>`
      select detail from audit_log where subject_id = ${session.id} and action = 'appointment.rescheduled'`
    expect(audit[0]!.detail).toMatchObject({ by: 'client', previous_starts_at: at('2026-03-06T17:00:00Z') })
  })

  it('offers the freed time to the cancellation list', async () => {
    const waiting = await booked('2026-01-05T15:00:00Z')
    const joined = await portal(waiting.client.id, 'POST', '/v1/portal/waitlist', {
      therapist_id: rivera.id,
      preferred_days: [],
      preferred_times: [],
    })
    expect(joined.status, joined.text).toBe(201)
    const { client, session } = await booked('2026-03-12T15:00:00Z')
    const res = await portal(client.id, 'POST', `/v1/portal/appointments/${session.id}/reschedule`, {
      starts_at: '2026-03-13T15:00:00Z',
    })
    expect(res.status, res.text).toBe(200)
    const offers = await t.sql<{ starts_at: Date; client_id: string }[]>`
      select starts_at, client_id from waitlist_offers where freed_appointment_id = ${session.id}`
    expect(offers).toEqual([{ starts_at: new Date('2026-03-12T15:00:00Z'), client_id: waiting.client.id }])
  })

  it('refuses a time that is not a free time (400) and one that is taken (409 slot_taken with fresh times)', async () => {
    const { client, session } = await booked('2026-03-16T15:00:00Z')
    const move = (starts_at: string) =>
      portal(client.id, 'POST', `/v1/portal/appointments/${session.id}/reschedule`, { starts_at })
    for (const outside of [
      '2026-03-14T15:00:00Z',
      '2026-03-16T22:30:00Z',
      '2026-03-02T20:00:00Z',
      '2026-03-16T15:10:00Z',
    ]) {
      const res = await move(outside)
      expect(res.status, outside).toBe(400)
      expect(res.body.error.details.fields).toHaveProperty('starts_at')
    }
    await booked('2026-03-17T15:00:00Z')
    const taken = await move('2026-03-17T15:00:00Z')
    expect(taken.status).toBe(409)
    expect(taken.body.error.code).toBe('slot_taken')
    expect(taken.body.error.details.slots.length).toBeGreaterThan(0)
    const [row] = await t.sql<
      { starts_at: Date; version: number }[]
    >`select starts_at, version from appointments where id = ${session.id}`
    expect(row).toEqual({ starts_at: new Date('2026-03-16T15:00:00Z'), version: 1 })
    expect((await move('not a time')).status).toBe(400)
  })
})

describe("the practice's rule", () => {
  it('inside the window the default makes it a request that holds the time; approval moves it', async () => {
    await setRule({ mode: 'instant', inside_window: 'request' })
    // Tuesday 10:00, 24 hours away: inside the 48-hour window.
    const { client, session } = await booked('2026-03-03T15:00:00Z')
    const slots = await portal(client.id, 'GET', `/v1/portal/appointments/${session.id}/slots`)
    expect(slots.body.rule).toMatchObject({ outcome: 'request' })
    const res = await portal(client.id, 'POST', `/v1/portal/appointments/${session.id}/reschedule`, {
      starts_at: '2026-03-18T15:00:00Z',
    })
    expect(res.status, res.text).toBe(202)
    expect(res.body).toMatchObject({ status: 'requested', starts_at: at('2026-03-18T15:00:00Z') })
    expect(res.body.hold_until).toBe(at('2026-03-03T15:00:00Z'))
    expect(res.body.message).toMatch(/keeping that time for you/)

    // Held: nobody else is offered it or can take it.
    const other = await booked('2026-03-19T17:00:00Z')
    const theirs = await portal(other.client.id, 'GET', `/v1/portal/appointments/${other.session.id}/slots`)
    expect(theirs.body.data.map((s: { starts_at: string }) => s.starts_at)).not.toContain(at('2026-03-18T15:00:00Z'))
    const grab = await portal(other.client.id, 'POST', `/v1/portal/appointments/${other.session.id}/reschedule`, {
      starts_at: '2026-03-18T15:00:00Z',
    })
    expect(grab.body.error.code).toBe('slot_taken')

    const list = await t.call('GET', '/v1/reschedule-requests?status=requested', { key: adminKey })
    const item = list.body.data.find((r: { id: string }) => r.id === res.body.request_id)
    expect(item).toMatchObject({ appointment_id: session.id, status: 'requested', client: { id: client.id } })
    // The therapist calling about that session sees the time the client asked for.
    const calls = await t.call('GET', `/v1/confirmation-calls?therapist_id=${rivera.id}&date=2026-03-03`, {
      key: adminKey,
    })
    const card = calls.body.data.find((e: { appointment_id: string }) => e.appointment_id === session.id)
    expect(card.move_request).toEqual({
      starts_at: '2026-03-18T11:00:00-04:00',
      time_label: 'Wednesday 18 March at 11:00 am EDT',
    })
    const [alert] = await t.sql<{ status: string }[]>`
      select status from alerts where appointment_id = ${session.id} and kind = 'reschedule_request'`
    expect(alert!.status).toBe('open')

    const approved = await t.call('POST', `/v1/reschedule-requests/${res.body.request_id}/approve`, { key: adminKey })
    expect(approved.status, approved.text).toBe(200)
    expect(approved.body).toMatchObject({
      status: 'approved',
      appointment: { id: session.id, starts_at: at('2026-03-18T15:00:00Z') },
    })
    const again = await t.call('POST', `/v1/reschedule-requests/${res.body.request_id}/approve`, { key: adminKey })
    expect(again.status).toBe(409)
    const notices = (await outboxFor(session.id)).filter((r) => r.topic === 'client_notice')
    expect(notices.map((r) => r.payload.kind)).toEqual(['rescheduled'])
    const [resolved] = await t.sql<{ status: string }[]>`
      select status from alerts where appointment_id = ${session.id} and kind = 'reschedule_request'`
    expect(resolved!.status).toBe('resolved')
  })

  it('a declined request leaves the session where it was, frees the time and tells the client', async () => {
    await setRule({ mode: 'request', inside_window: 'allow' })
    const { client, session } = await booked('2026-03-20T15:00:00Z')
    const res = await portal(client.id, 'POST', `/v1/portal/appointments/${session.id}/reschedule`, {
      starts_at: '2026-03-19T19:00:00Z',
    })
    expect(res.status, res.text).toBe(202)
    expect(res.body.hold_until).toBe(at('2026-03-03T15:00:00Z')) // 24 hours
    const declined = await t.call('POST', `/v1/reschedule-requests/${res.body.request_id}/decline`, { key: adminKey })
    expect(declined.status, declined.text).toBe(200)
    const [row] = await t.sql<{ starts_at: Date }[]>`select starts_at from appointments where id = ${session.id}`
    expect(row!.starts_at).toEqual(new Date('2026-03-20T15:00:00Z'))
    const notices = (await outboxFor(session.id)).filter((r) => r.topic === 'client_notice')
    expect(notices.map((r) => r.payload)).toEqual([
      expect.objectContaining({ kind: 'reschedule_declined', starts_at: at('2026-03-20T15:00:00Z') }),
    ])
    const other = await booked('2026-03-23T15:00:00Z')
    const slots = await portal(other.client.id, 'GET', `/v1/portal/appointments/${other.session.id}/slots`)
    expect(slots.body.data.map((s: { starts_at: string }) => s.starts_at)).toContain(at('2026-03-19T19:00:00Z'))
  })

  it('a hold runs out after 24 hours: the time is free again and the request reads expired', async () => {
    await setRule({ mode: 'request', inside_window: 'allow' })
    const { client, session } = await booked('2026-03-24T15:00:00Z')
    const res = await portal(client.id, 'POST', `/v1/portal/appointments/${session.id}/reschedule`, {
      starts_at: '2026-03-25T19:00:00Z',
    })
    expect(res.status).toBe(202)
    t.clock.advance(25 * HOUR)
    try {
      const other = await booked('2026-03-26T15:00:00Z')
      const slots = await portal(other.client.id, 'GET', `/v1/portal/appointments/${other.session.id}/slots`)
      expect(slots.body.data.map((s: { starts_at: string }) => s.starts_at)).toContain(at('2026-03-25T19:00:00Z'))
      const list = await t.call('GET', '/v1/reschedule-requests', { key: adminKey })
      expect(list.body.data.find((r: { id: string }) => r.id === res.body.request_id).status).toBe('expired')
      // Another client's request for the same time sweeps the old hold away.
      const second = await portal(other.client.id, 'POST', `/v1/portal/appointments/${other.session.id}/reschedule`, {
        starts_at: '2026-03-25T19:00:00Z',
      })
      expect(second.status, second.text).toBe(202)
    } finally {
      t.clock.set(NOW)
    }
  })

  it("a hold ends at the therapist's notice before the asked-for time when that comes sooner than 24 hours", async () => {
    await setRule({ mode: 'request', inside_window: 'allow' })
    const lee = await f.therapist({ name: 'Dr. Sam Lee' })
    await f.weekdayHours(lee.id, { min_notice_hours: 12 })
    const client = await f.client({ name: `Client ${n++}` })
    const session = await f.appointment(lee.id, client.id, '2026-03-12T15:00:00Z')
    // Tuesday 16:00, 30 hours away: with 12 hours notice it can be held 18 hours, until Tuesday 04:00.
    const res = await portal(client.id, 'POST', `/v1/portal/appointments/${session.id}/reschedule`, {
      starts_at: '2026-03-03T21:00:00Z',
    })
    expect(res.status, res.text).toBe(202)
    expect(res.body.hold_until).toBe(at('2026-03-03T09:00:00Z'))
    const [stored] = await t.sql<{ hold_until: Date }[]>`
      select hold_until from reschedule_requests where id = ${res.body.request_id}`
    expect(stored!.hold_until).toEqual(new Date('2026-03-03T09:00:00Z'))
    // When the notice begins the request has run out and is let go, so it can no longer be approved.
    t.clock.advance(18 * HOUR)
    try {
      expect(await expireDueHolds(t.deps)).toBeGreaterThanOrEqual(1)
      const approve = await t.call('POST', `/v1/reschedule-requests/${res.body.request_id}/approve`, { key: adminKey })
      expect(approve.status).toBe(409)
    } finally {
      t.clock.set(NOW)
    }
  })

  it("a hold nobody answered is let go by the dispatcher's round: the client is told, the alert closes", async () => {
    await setRule({ mode: 'request', inside_window: 'allow' })
    const { client, session } = await booked('2026-04-06T15:00:00Z')
    const res = await portal(client.id, 'POST', `/v1/portal/appointments/${session.id}/reschedule`, {
      starts_at: '2026-04-07T19:00:00Z',
    })
    expect(res.status, res.text).toBe(202)
    const requestStatus = async () =>
      (await t.sql<{ status: string }[]>`select status from reschedule_requests where id = ${res.body.request_id}`)[0]!
        .status
    // Not yet due: the round leaves it alone.
    t.clock.advance(23 * HOUR)
    try {
      await expireDueHolds(t.deps)
      expect(await requestStatus()).toBe('requested')
      t.clock.advance(2 * HOUR)
      expect(await expireDueHolds(t.deps)).toBeGreaterThanOrEqual(1)
      expect(await requestStatus()).toBe('expired')
      expect(await expireDueHolds(t.deps)).toBe(0)
    } finally {
      t.clock.set(NOW)
    }
    const notices = (await outboxFor(session.id)).filter((r) => r.topic === 'client_notice')
    expect(notices.map((r) => r.payload)).toEqual([
      expect.objectContaining({ kind: 'reschedule_expired', starts_at: at('2026-04-06T15:00:00Z'), show: 'session' }),
    ])
    const [alert] = await t.sql<{ status: string; resolution_note: string }[]>`
      select status, resolution_note from alerts where appointment_id = ${session.id} and kind = 'reschedule_request'`
    expect(alert).toMatchObject({ status: 'resolved', resolution_note: expect.stringMatching(/client was told/) })
    const [logged] = await t.sql<{ actor_kind: string }[]>`
      select actor_kind from audit_log where subject_id = ${session.id} and action = 'appointment.reschedule_expired'`
    expect(logged).toBeDefined()
    // Expired, it can no longer be approved; the session never moved.
    const approve = await t.call('POST', `/v1/reschedule-requests/${res.body.request_id}/approve`, { key: adminKey })
    expect(approve.status).toBe(409)
    const [row] = await t.sql<{ starts_at: Date }[]>`select starts_at from appointments where id = ${session.id}`
    expect(row!.starts_at).toEqual(new Date('2026-04-06T15:00:00Z'))
  })

  it('as_cancellation: a late move carries the late fee once acknowledged; contact_required asks for a call', async () => {
    await setRule({ mode: 'instant', inside_window: 'as_cancellation' })
    const { client, session } = await booked('2026-03-03T17:00:00Z')
    const move = (body: Record<string, unknown>) =>
      portal(client.id, 'POST', `/v1/portal/appointments/${session.id}/reschedule`, body)
    const first = await move({ starts_at: '2026-03-27T15:00:00Z' })
    expect(first.status).toBe(409)
    expect(first.body.error.code).toBe('late_cancellation_unacknowledged')
    expect(first.body.error.message).toMatch(/\$75\.00 late-cancellation fee/)
    const ok = await move({ starts_at: '2026-03-27T15:00:00Z', acknowledge_late: true })
    expect(ok.status, ok.text).toBe(200)
    const audit = await t.sql<{ detail: any }[]>`
      select detail from audit_log where subject_id = ${session.id} and action = 'appointment.rescheduled'`
    expect(audit[0]!.detail).toMatchObject({ late_fee_cents: 7500 })

    const call = await f.therapist({
      name: 'Sam Okafor',
      cancellation_policy: { window_hours: 24, late_action: 'contact_required', fee_cents: 0, currency: 'USD' },
    })
    await t.call('PUT', `/v1/therapists/${call.id}/availability`, { key: adminKey, body: HOURS })
    const c2 = await f.client()
    const s2 = await f.appointment(call.id, c2.id, '2026-03-03T14:00:00Z')
    const refused = await portal(c2.id, 'POST', `/v1/portal/appointments/${s2.id}/reschedule`, {
      starts_at: '2026-03-27T15:00:00Z',
      acknowledge_late: true,
    })
    expect(refused.status).toBe(409)
    expect(refused.body.error.code).toBe('contact_practice')
  })

  it('off: clients are asked to call, and see no times', async () => {
    await setRule({ mode: 'off', inside_window: 'allow' })
    const { client, session } = await booked('2026-03-30T15:00:00Z')
    const slots = await portal(client.id, 'GET', `/v1/portal/appointments/${session.id}/slots`)
    expect(slots.body).toMatchObject({ data: [], rule: { outcome: 'refused', reason: 'off' } })
    const res = await portal(client.id, 'POST', `/v1/portal/appointments/${session.id}/reschedule`, {
      starts_at: '2026-03-31T15:00:00Z',
    })
    expect(res.body.error.code).toBe('contact_practice')
    await setRule({ mode: 'instant', inside_window: 'request' })
  })

  it('requests are decided only within the practice, and a therapist key only for their own', async () => {
    await setRule({ mode: 'request', inside_window: 'allow' })
    const { client, session } = await booked('2026-04-01T15:00:00Z')
    const res = await portal(client.id, 'POST', `/v1/portal/appointments/${session.id}/reschedule`, {
      starts_at: '2026-04-02T15:00:00Z',
    })
    expect(res.status).toBe(202)
    const other = await t.createPractice('moves-other')
    const otherTherapist = await f.therapist()
    const theirKey = await f.therapistKey(otherTherapist.id)
    const path = `/v1/reschedule-requests/${res.body.request_id}/approve`
    expect((await t.call('POST', path, { key: other.adminKey })).status).toBe(404)
    expect((await t.call('POST', path, { key: theirKey })).status).toBe(404)
    expect((await t.call('GET', '/v1/reschedule-requests', { key: theirKey })).body.data).toEqual([])
    expect((await t.call('POST', path, {})).status).toBe(401)
    expect(
      (await t.call('POST', path, { key: (await sessionNow(t, practiceId, client.id)).access_token })).status,
    ).toBe(401)
    const ownKey = await f.therapistKey(rivera.id)
    expect((await t.call('POST', path, { key: ownKey })).status).toBe(200)
    await setRule({ mode: 'instant', inside_window: 'request' })
  })
})

describe('switching to video', () => {
  it('keeps the time, swaps the location for the video room and tells the therapist', async () => {
    const { client, session } = await booked('2026-03-05T18:00:00Z')
    const slots = await portal(client.id, 'GET', `/v1/portal/appointments/${session.id}/slots`)
    expect(slots.body.can_switch_to_video).toBe(true)
    const res = await portal(client.id, 'POST', `/v1/portal/appointments/${session.id}/switch-to-video`)
    expect(res.status, res.text).toBe(200)
    expect(res.body).toMatchObject({ id: session.id, starts_at: at('2026-03-05T18:00:00Z') })
    expect(res.body.location).toBeUndefined()
    const [row] = await t.sql<{ telehealth_url: string; location: string | null }[]>`
      select telehealth_url, location from appointments where id = ${session.id}`
    expect(row).toEqual({ telehealth_url: 'https://video.example/rivera', location: null })
    const [alert] = await t.sql<{ audience: string; therapist_id: string }[]>`
      select audience, therapist_id from alerts where appointment_id = ${session.id} and kind = 'switched_to_video'`
    expect(alert).toEqual({ audience: 'therapist', therapist_id: rivera.id })
  })

  it('is refused when video is not offered at that time', async () => {
    await t.call('PUT', `/v1/therapists/${rivera.id}/availability`, {
      key: adminKey,
      body: {
        ...HOURS,
        weekly: [...HOURS.weekly.slice(0, 3), { weekday: 4, start: '09:00', end: '17:00', modes: ['in_person'] }],
      },
    })
    const { client, session } = await booked('2026-03-05T20:00:00Z') // Thursday
    const res = await portal(client.id, 'POST', `/v1/portal/appointments/${session.id}/switch-to-video`)
    expect(res.status).toBe(409)
    expect(res.body.error.message).toBe("Video isn't offered at this time. Please get in touch with the practice.")
    await t.call('PUT', `/v1/therapists/${rivera.id}/availability`, { key: adminKey, body: HOURS })
  })
})
