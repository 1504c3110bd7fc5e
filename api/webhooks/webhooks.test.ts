import { afterAll, describe, expect, it } from 'vitest'
import { dispatchDue } from '../outbox/dispatch'
import { outboxHandlers } from '../outbox/handlers'
import { startWebhookReceiver } from '../testing/fakes/webhook-receiver'
import { practiceForFile } from '../testing/fixtures'
import { sessionNow } from '../testing/portal'
import { WEBHOOK_RETRY } from './send-webhook'

/**
 * Outbound webhooks against a real loopback receiver that verifies every delivery with the
 * `standardwebhooks` library, exactly as a practice's receiver would.
 */

const NOW = '2026-03-02T15:00:00Z'
const HOUR = 3_600_000
let endpointId: string
let slot = 0
const nextSlot = (hoursAway: number) => new Date(Date.parse(NOW) + hoursAway * HOUR + slot++ * 2 * HOUR).toISOString()

const receiver = await startWebhookReceiver()
afterAll(() => receiver.close())
const { t, adminKey, practiceId, f } = await practiceForFile('hooks', { now: NOW })
const therapist = await f.therapist({ name: 'Dr. Private Rivera' })

const dispatch = () => dispatchDue(t.deps, { handlers: outboxHandlers, channels: ['webhook'] })
const portal = async (clientId: string, method: string, path: string, body?: unknown) =>
  t.call(method, path, { key: (await sessionNow(t, practiceId, clientId)).access_token, body })

describe('registering endpoints', () => {
  it('shows the whsec_ secret once, never again, and lists the events', async () => {
    const created = await t.call('POST', '/v1/webhook-endpoints', {
      key: adminKey,
      body: { url: receiver.url, description: 'Our EHR bridge' },
    })
    expect(created.status, created.text).toBe(201)
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
    expect(created.body.events).toEqual([
      'appointment.confirmed',
      'appointment.cancelled',
      'appointment.late_cancelled',
      'appointment.rescheduled',
      'message.created',
      'alert.created',
      'waitlist.offer_claimed',
    ])
    endpointId = created.body.id
    receiver.trust(created.body.secret)
    const listed = await t.call('GET', '/v1/webhook-endpoints', { key: adminKey })
    expect(listed.body.data).toEqual([expect.objectContaining({ id: endpointId, url: receiver.url })])
    expect(listed.text).not.toContain(created.body.secret)
    const stored = await t.sql`select secret_ciphertext::text as sealed from webhook_endpoints where id = ${endpointId}`
    expect(stored[0]!.sealed).not.toContain(created.body.secret.slice(6, 20))
  })

  it('wants https (plain http only on this machine), known events, and an admin key', async () => {
    const refused = async (body: unknown) => {
      const res = await t.call('POST', '/v1/webhook-endpoints', { key: adminKey, body })
      expect(res.status, JSON.stringify(body)).toBe(400)
      return res.body.error.details.fields
    }
    expect((await refused({ url: 'http://ehr.example.com/hooks' })).url).toMatch(/https/)
    expect((await refused({ url: 'https://user:pw@ehr.example.com/hooks' })).url).toMatch(/credentials/)
    expect((await refused({ url: 'ftp://ehr.example.com' })).url).toBeDefined()
    expect(await refused({ url: 'https://ehr.example.com', events: ['appointment.moved'] })).toHaveProperty('events.0')
    expect(await refused({ url: 'https://ehr.example.com', events: [] })).toHaveProperty('events')
    for (const url of ['https://ehr.example.com/hooks', 'http://localhost:9999/x', 'http://127.0.0.1:9/x']) {
      expect((await t.call('POST', '/v1/webhook-endpoints', { key: adminKey, body: { url } })).status).toBe(201)
    }
    const therapistKey = await f.therapistKey(therapist.id)
    expect((await t.call('GET', '/v1/webhook-endpoints', { key: therapistKey })).status).toBe(403)
    expect(
      (await t.call('POST', '/v1/webhook-endpoints', { key: therapistKey, body: { url: receiver.url } })).status,
    ).toBe(403)
    expect((await t.call('GET', '/v1/webhook-endpoints')).status).toBe(401)
    // Only the receiver's endpoint stays.
    for (const e of (await t.call('GET', '/v1/webhook-endpoints', { key: adminKey })).body.data) {
      if (e.id !== endpointId) await t.call('DELETE', `/v1/webhook-endpoints/${e.id}`, { key: adminKey })
    }
  })

  it('another practice cannot see, read deliveries of, or delete the endpoint', async () => {
    const other = (await t.createPractice('hooks-other')).adminKey
    expect((await t.call('GET', '/v1/webhook-endpoints', { key: other })).body.data).toEqual([])
    expect((await t.call('GET', `/v1/webhook-endpoints/${endpointId}/deliveries`, { key: other })).status).toBe(404)
    expect((await t.call('DELETE', `/v1/webhook-endpoints/${endpointId}`, { key: other })).status).toBe(404)
    expect((await t.call('DELETE', '/v1/webhook-endpoints/nope', { key: other })).status).toBe(404)
  })
})

describe('events', () => {
  it('appointment.confirmed, .cancelled and .late_cancelled: signed, verified, ids only', async () => {
    const client = await f.client({ name: 'Secret Client Name' })
    const confirmed = await f.appointment(therapist.id, client.id, nextSlot(96))
    const cancelled = await f.appointment(therapist.id, client.id, nextSlot(96))
    const late = await f.appointment(therapist.id, client.id, nextSlot(20))
    await portal(client.id, 'POST', `/v1/portal/appointments/${confirmed.id}/confirm`)
    await portal(client.id, 'POST', `/v1/portal/appointments/${cancelled.id}/cancel`, {})
    // Refused (the fee not yet acknowledged): the change rolled back, and so did its webhook.
    expect((await portal(client.id, 'POST', `/v1/portal/appointments/${late.id}/cancel`, {})).status).toBe(409)
    await portal(client.id, 'POST', `/v1/portal/appointments/${late.id}/cancel`, { acknowledge_late: true })

    await dispatch()
    expect(receiver.of('appointment.confirmed').map((r) => r.payload.data)).toEqual([
      { appointment_id: confirmed.id, client_id: client.id, therapist_id: therapist.id },
    ])
    expect(receiver.of('appointment.cancelled').map((r) => r.payload.data.appointment_id)).toEqual([cancelled.id])
    expect(receiver.of('appointment.late_cancelled').map((r) => r.payload.data.appointment_id)).toEqual([late.id])
    // The late cancellation raised an alert for the front desk: that is an event too.
    expect(receiver.of('alert.created').map((r) => r.payload.data.kind)).toContain('late_cancellation')
    for (const r of receiver.received) {
      expect(r.id).toMatch(/^msg_[0-9a-f]{32}$/)
      expect(r.body).not.toMatch(/Secret Client Name|Private Rivera|Harbor/)
      expect(Object.keys(r.payload).sort()).toEqual(['data', 'timestamp', 'type'])
    }
    expect(receiver.requests.every((r) => r.verified)).toBe(true)
  })

  it('message.created carries no body; a crisis message also raises alert.created', async () => {
    const client = await f.client()
    await f.appointment(therapist.id, client.id, nextSlot(200))
    const sent = await portal(client.id, 'POST', '/v1/portal/messages', {
      category: 'crisis',
      body: 'I am not safe tonight',
    })
    expect(sent.status).toBe(201)
    await dispatch()
    const [message] = receiver.of('message.created')
    expect(message!.payload.data).toEqual({
      message_id: sent.body.message.id,
      thread_id: sent.body.message.thread_id,
      sender: 'client',
      channel: 'portal',
    })
    expect(message!.body).not.toContain('not safe')
    expect(receiver.of('alert.created').map((r) => r.payload.data.kind)).toContain('crisis_message')
  })

  it('waitlist.offer_claimed names the offer and the new session', async () => {
    const waiting = await f.client()
    await f.appointment(therapist.id, waiting.id, '2026-02-02T15:00:00Z')
    await portal(waiting.id, 'POST', '/v1/portal/waitlist', {})
    const freed = await f.appointment(therapist.id, (await f.client()).id, nextSlot(48))
    await t.call('PATCH', `/v1/appointments/${freed.id}`, { key: adminKey, body: { status: 'cancelled' } })
    const [offer] = await t.sql<{ id: string }[]>`select id from waitlist_offers where client_id = ${waiting.id}`
    const claimed = await portal(waiting.id, 'POST', `/v1/portal/offers/${offer!.id}/claim`)
    expect(claimed.status).toBe(201)
    await dispatch()
    expect(receiver.of('waitlist.offer_claimed').map((r) => r.payload.data)).toEqual([
      {
        offer_id: offer!.id,
        appointment_id: claimed.body.appointment.id,
        client_id: waiting.id,
        freed_appointment_id: freed.id,
      },
    ])
    // The claim booked a confirmed session, which is an appointment.confirmed of its own.
    expect(receiver.of('appointment.confirmed').map((r) => r.payload.data.appointment_id)).toContain(
      claimed.body.appointment.id,
    )
  })
})

describe('delivery', () => {
  it('retries with back-off under the same webhook-id, and records every attempt', async () => {
    const client = await f.client()
    const apt = await f.appointment(therapist.id, client.id, nextSlot(120))
    receiver.failNext(2)
    await t.call('PATCH', `/v1/appointments/${apt.id}`, { key: adminKey, body: { status: 'confirmed' } })
    expect(await dispatch()).toMatchObject({ retried: 1 })
    expect(await dispatch()).toMatchObject({ claimed: 0 }) // waiting out the back-off
    t.clock.advance(30_000)
    expect(await dispatch()).toMatchObject({ retried: 1 })
    t.clock.advance(4 * 60_000)
    expect(await dispatch()).toMatchObject({ claimed: 0 }) // 5 minutes, not 4
    t.clock.advance(60_000)
    expect(await dispatch()).toMatchObject({ sent: 1 })
    t.clock.set(NOW)

    const attempts = receiver.requests.slice(-3)
    expect(new Set(attempts.map((a) => a.id)).size).toBe(1)
    expect(receiver.of('appointment.confirmed').filter((r) => r.payload.data.appointment_id === apt.id)).toHaveLength(1)
    const deliveries = (
      await t.call('GET', `/v1/webhook-endpoints/${endpointId}/deliveries?limit=3`, { key: adminKey })
    ).body.data
    expect(
      deliveries.map((d: { outcome: string; status_code: number; attempt: number }) => [
        d.outcome,
        d.status_code,
        d.attempt,
      ]),
    ).toEqual([
      ['delivered', 200, 3],
      ['retrying', 503, 2],
      ['retrying', 503, 1],
    ])
    expect(deliveries[0].message_id).toBe(attempts[0]!.id)
  })

  it('gives up after the eighth try, about a day later', async () => {
    const client = await f.client()
    const apt = await f.appointment(therapist.id, client.id, nextSlot(140))
    receiver.failNext(100)
    await t.call('PATCH', `/v1/appointments/${apt.id}`, { key: adminKey, body: { status: 'confirmed' } })
    for (let i = 0; i < 8; i++) {
      await dispatch()
      t.clock.advance(WEBHOOK_RETRY.backoffMs(i + 1))
    }
    receiver.failNext(0)
    const [row] = await t.sql`
      select status, attempts, closed_reason from outbox where topic = 'webhook' and payload->>'body' like ${`%${apt.id}%`}`
    expect(row).toMatchObject({ status: 'failed', attempts: 8, closed_reason: 'gave_up' })
    // A day of nothing but failures paused the endpoint (health.test.ts); back on, it catches up.
    await t.call('PATCH', `/v1/webhook-endpoints/${endpointId}`, { key: adminKey, body: { enabled: true } })
    await dispatch()
    t.clock.set(NOW)
  })

  it('only sends the events an endpoint asked for; deleting it cancels what is still waiting', async () => {
    const narrow = await t.call('POST', '/v1/webhook-endpoints', {
      key: adminKey,
      body: { url: `${receiver.url}?narrow`, events: ['appointment.cancelled'] },
    })
    const client = await f.client()
    const apt = await f.appointment(therapist.id, client.id, nextSlot(160))
    await t.call('PATCH', `/v1/appointments/${apt.id}`, { key: adminKey, body: { status: 'confirmed' } })
    const queued = await t.sql`
      select payload->>'endpoint_id' as endpoint from outbox where topic = 'webhook' and status = 'pending'`
    expect(queued.map((q) => q.endpoint)).toEqual([endpointId])

    expect((await t.call('DELETE', `/v1/webhook-endpoints/${endpointId}`, { key: adminKey })).status).toBe(204)
    const before = receiver.requests.length
    expect(await dispatch()).toMatchObject({ claimed: 0 })
    expect(receiver.requests.length).toBe(before)
    const [cancelled] = await t.sql`
      select status, closed_reason from outbox where topic = 'webhook' and payload->>'body' like ${`%${apt.id}%`}`
    expect(cancelled).toMatchObject({ status: 'cancelled', closed_reason: 'endpoint_deleted' })
    await t.call('DELETE', `/v1/webhook-endpoints/${narrow.body.id}`, { key: adminKey })
  })
})
