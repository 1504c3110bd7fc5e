import { afterAll, describe, expect, it } from 'vitest'
import { dispatchDue } from '../outbox/dispatch'
import { outboxHandlers } from '../outbox/handlers'
import { startWebhookReceiver } from '../testing/fakes/webhook-receiver'
import { practiceForFile } from '../testing/fixtures'

/**
 * A receiver that stays down: after a day of failed deliveries Hearth pauses the endpoint, tells
 * the practice with a `webhook_failing` alert, holds what happens meanwhile, and sends all of it
 * once the practice turns the endpoint back on. Against a real loopback receiver.
 */

const NOW = '2026-03-02T15:00:00Z'
const HOUR = 3_600_000
let slot = 0

const receiver = await startWebhookReceiver()
afterAll(() => receiver.close())
const { t, adminKey, f } = await practiceForFile('health', { now: NOW })
const therapist = await f.therapist()
const created = await t.call('POST', '/v1/webhook-endpoints', {
  key: adminKey,
  body: { url: `${receiver.url}?token=do-not-show`, events: ['appointment.confirmed', 'alert.created'] },
})
const endpointId: string = created.body.id
receiver.trust(created.body.secret)

const dispatch = () => dispatchDue(t.deps, { handlers: outboxHandlers, channels: ['webhook'] })
const endpoint = async () =>
  (await t.call('GET', '/v1/webhook-endpoints', { key: adminKey })).body.data.find(
    (e: { id: string }) => e.id === endpointId,
  )
async function confirmASession() {
  const client = await f.client()
  const apt = await f.appointment(
    therapist.id,
    client.id,
    new Date(Date.parse(NOW) + (300 + slot++ * 2) * HOUR).toISOString(),
  )
  await t.call('PATCH', `/v1/appointments/${apt.id}`, { key: adminKey, body: { status: 'confirmed' } })
  return apt.id
}
const received = (appointmentId: string) =>
  receiver.of('appointment.confirmed').filter((r) => r.payload.data.appointment_id === appointmentId)

describe('an endpoint that keeps failing', () => {
  let first: string
  it('is counted, but stays on, through a bad morning', async () => {
    receiver.failNext(1000)
    first = await confirmASession()
    await dispatch()
    t.clock.advance(11 * HOUR)
    await dispatch()
    expect(await endpoint()).toMatchObject({
      enabled: true,
      consecutive_failures: 2,
      failing_since: new Date(NOW).toISOString(),
    })
  })

  it('is paused after a day, with an alert for the practice', async () => {
    for (let i = 0; i < 3; i++) {
      t.clock.advance(11 * HOUR)
      await dispatch()
    }
    const paused = await endpoint()
    expect(paused).toMatchObject({ enabled: false, disabled_reason: 'failing', consecutive_failures: 5 })
    const alerts = (await t.call('GET', '/v1/alerts?status=open', { key: adminKey })).body.data
    const alert = alerts.find((a: { kind: string }) => a.kind === 'webhook_failing')
    expect(alert).toMatchObject({ kind: 'webhook_failing', status: 'open' })
    expect(alert.summary).toContain(`${new URL(receiver.url).origin}/hearth-webhooks`)
    expect(alert.summary).toMatch(/paused it\. Nothing is lost/)
    expect(alert.summary).not.toContain('do-not-show')
    expect(await t.sql`select 1 from audit_log where action = 'webhook_endpoint.disabled'`).toHaveLength(0)
  })

  it('holds new events and the failing one, posting nothing while paused', async () => {
    const before = receiver.requests.length
    const during = await confirmASession()
    t.clock.advance(11 * HOUR)
    const report = await dispatch()
    // The session confirmed now, the first one's next try, and the alert about the pause itself.
    expect(report).toMatchObject({ claimed: 3, skipped: 3 })
    expect(receiver.requests.length).toBe(before)
    const deliveries = (await t.call('GET', `/v1/webhook-endpoints/${endpointId}/deliveries`, { key: adminKey })).body
      .data
    expect(deliveries.slice(0, 3)).toEqual(
      Array(3).fill(expect.objectContaining({ outcome: 'skipped', error: expect.stringMatching(/^Held while/) })),
    )
    expect(received(during)).toEqual([])
  })

  it('sends everything it missed once the practice turns it back on, each under its own webhook-id', async () => {
    receiver.failNext(0)
    const on = await t.call('PATCH', `/v1/webhook-endpoints/${endpointId}`, { key: adminKey, body: { enabled: true } })
    expect(on.status, on.text).toBe(200)
    expect(on.body).toMatchObject({ enabled: true, consecutive_failures: 0 })
    expect(on.body.disabled_at).toBeUndefined()
    expect(on.body.failing_since).toBeUndefined()
    expect(await dispatch()).toMatchObject({ sent: 3 })
    expect(received(first)).toHaveLength(1)
    expect(receiver.of('appointment.confirmed')).toHaveLength(2)
    expect(receiver.of('alert.created').map((r) => r.payload.data.kind)).toEqual(['webhook_failing'])
    expect(new Set(receiver.received.map((r) => r.id)).size).toBe(3)
    const [audit] = await t.sql`select detail from audit_log where action = 'webhook_endpoint.enabled'`
    expect(audit!.detail).toMatchObject({ resent: 3 })
  })

  it('starts a fresh count after a delivery that works', async () => {
    receiver.failNext(1)
    await confirmASession()
    await dispatch()
    expect(await endpoint()).toMatchObject({ consecutive_failures: 1, enabled: true })
    t.clock.advance(60_000)
    await dispatch()
    const now = await endpoint()
    expect(now).toMatchObject({ consecutive_failures: 0, enabled: true })
    expect(now.failing_since).toBeUndefined()
  })
})

describe('the practice turning an endpoint off', () => {
  it('holds events until it is on again; another practice cannot touch it', async () => {
    const off = await t.call('PATCH', `/v1/webhook-endpoints/${endpointId}`, {
      key: adminKey,
      body: { enabled: false },
    })
    expect(off.body).toMatchObject({ enabled: false, disabled_reason: 'practice' })
    const held = await confirmASession()
    await dispatch()
    expect(received(held)).toEqual([])

    const other = (await t.createPractice('health-other')).adminKey
    const theirs = await t.call('PATCH', `/v1/webhook-endpoints/${endpointId}`, { key: other, body: { enabled: true } })
    expect(theirs.status).toBe(404)
    const therapistKey = await f.therapistKey(therapist.id)
    const therapists = await t.call('PATCH', `/v1/webhook-endpoints/${endpointId}`, {
      key: therapistKey,
      body: { enabled: true },
    })
    expect(therapists.status).toBe(403)

    await t.call('PATCH', `/v1/webhook-endpoints/${endpointId}`, { key: adminKey, body: { enabled: true } })
    await dispatch()
    expect(received(held)).toHaveLength(1)
    const actions = await t.sql`
      select action from audit_log where subject_id = ${endpointId} order by id`
    expect(actions.map((a) => a.action)).toEqual([
      'webhook_endpoint.created',
      'webhook_endpoint.enabled',
      'webhook_endpoint.disabled',
      'webhook_endpoint.enabled',
    ])
  })

  it('refuses what it cannot change', async () => {
    const res = await t.call('PATCH', `/v1/webhook-endpoints/${endpointId}`, {
      key: adminKey,
      body: { enabled: 'yes', secret: 'mine' },
    })
    expect(res.status).toBe(400)
    expect(Object.keys(res.body.error.details.fields).sort()).toEqual(['body', 'enabled'].sort())
  })
})
