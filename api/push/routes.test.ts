import { afterAll, describe, expect, it } from 'vitest'
import { dispatchDue } from '../outbox/dispatch'
import { outboxHandlers } from '../outbox/handlers'
import { generateVapidKeys, webPushSender } from '../providers/push'
import { startFakePushService } from '../testing/fakes/push-service'
import { practiceForFile } from '../testing/fixtures'
import { signIn } from '../testing/portal'
import { pushEndpointAllowed } from './routes'

const vapid = generateVapidKeys()

const pushService = await startFakePushService()
afterAll(() => pushService.close())
const {
  t,
  adminKey: key,
  f,
} = await practiceForFile('pushy', {
  now: '2026-03-02T15:00:00Z',
  deps: { push: webPushSender({ ...vapid, subject: 'mailto:push@hearth.test', agent: pushService.agent }) },
})
const therapistId = (await f.therapist()).id

/** The client signs in to the portal and turns on reminders on a new device (201: stored). */
async function addDevice(email: string) {
  const session = await signIn(t, 'pushy', email)
  const subscription = pushService.subscribe()
  const saved = await t.call('POST', '/v1/portal/push-subscriptions', {
    key: session.access_token,
    body: subscription,
  })
  expect(saved.status).toBe(201)
  return { session, subscription }
}

describe('web push subscriptions', () => {
  it('gives pages the VAPID public key', async () => {
    expect((await t.call('GET', '/v1/push/vapid-public-key')).body).toEqual({ public_key: vapid.publicKey })
  })

  it('a signed-in client adds a device; their upcoming reminders then go to it, with Confirm and Cancel', async () => {
    const client = await f.client({ consents: { email: true, push: true } })
    const apt = await f.appointment(therapistId, client.id, '2026-03-03T20:00:00Z') // tomorrow: confirmation due now
    const before = await t.call('GET', `/v1/appointments/${apt.id}`, { key })
    expect(before.body.reminders.map((r: { channel: string }) => r.channel)).toEqual(['email', 'email'])

    const { session, subscription } = await addDevice(client.email)
    expect(
      (await t.call('POST', '/v1/portal/push-subscriptions', { key: session.access_token, body: subscription })).status,
    ).toBe(200)
    const after = await t.call('GET', `/v1/appointments/${apt.id}`, { key })
    expect(after.body.reminders.map((r: { channel: string }) => r.channel).sort()).toEqual([
      'email',
      'email',
      'push',
      'push',
    ])

    await dispatchDue(t.deps, { handlers: outboxHandlers, channels: ['push'] })
    const received = pushService.received.filter((p) => p.endpoint === subscription.endpoint)
    expect(received).toHaveLength(1)
    expect(received[0]!.payload).toMatchObject({
      title: 'Please confirm your appointment',
      actions: [{ action: 'confirm' }, { action: 'cancel' }],
    })

    const removed = await t.call('DELETE', '/v1/portal/push-subscriptions', {
      key: session.access_token,
      body: { endpoint: subscription.endpoint },
    })
    expect(removed.status).toBe(204)
    const left = await t.call('GET', `/v1/clients/${client.id}`, { key })
    expect(left.body.reminder_channels.push).toEqual({ receives: false, reason: 'no_device' })
  })

  it("turning on a device from the portal is the client's yes to push reminders", async () => {
    const client = await f.client({ consents: { email: true, push: false } })
    const apt = await f.appointment(therapistId, client.id, '2026-03-05T20:00:00Z')
    const { session, subscription } = await addDevice(client.email)
    const shown = await t.call('GET', `/v1/clients/${client.id}`, { key })
    expect(shown.body.consents).toEqual({ email: true, sms: false, whatsapp: false, push: true })
    expect(shown.body.reminder_channels.push).toEqual({ receives: true })
    const reminders = (await t.call('GET', `/v1/appointments/${apt.id}`, { key })).body.reminders
    expect(reminders.map((r: { channel: string }) => r.channel)).toContain('push')
    const audits = await t.sql`
      select action, detail from audit_log where actor_id = ${client.id} and action like '%consent%'`
    expect(audits).toEqual([{ action: 'client.consent_given', detail: { channel: 'push', via: 'portal' } }])
    // The same device again: consent already given, nothing more recorded.
    await t.call('POST', '/v1/portal/push-subscriptions', { key: session.access_token, body: subscription })
    expect(await t.sql`select 1 from audit_log where actor_id = ${client.id} and action like '%consent%'`).toHaveLength(
      1,
    )
  })

  it('needs a portal session, a well-formed subscription, and only touches the own devices', async () => {
    const subscription = pushService.subscribe()
    expect((await t.call('POST', '/v1/portal/push-subscriptions', { body: subscription })).status).toBe(401)
    expect((await t.call('POST', '/v1/portal/push-subscriptions', { key, body: subscription })).status).toBe(401)
    const a = await f.client()
    const b = await f.client()
    const sa = await signIn(t, 'pushy', a.email)
    const sb = await signIn(t, 'pushy', b.email)
    const bad = await t.call('POST', '/v1/portal/push-subscriptions', {
      key: sa.access_token,
      body: { endpoint: 'nope', keys: {} },
    })
    expect(bad.status).toBe(400)
    expect(
      (await t.call('POST', '/v1/portal/push-subscriptions', { key: sa.access_token, body: subscription })).status,
    ).toBe(201)
    const theirs = await t.call('DELETE', '/v1/portal/push-subscriptions', {
      key: sb.access_token,
      body: { endpoint: subscription.endpoint },
    })
    expect(theirs.status).toBe(404)
  })

  it('in production accepts only public https push services', () => {
    const prod = 'https://portal.hearth.example'
    expect(pushEndpointAllowed('https://fcm.googleapis.com/fcm/send/abc', prod)).toBe(true)
    expect(pushEndpointAllowed('https://updates.push.services.mozilla.com/wpush/v2/x', prod)).toBe(true)
    for (const endpoint of [
      'http://fcm.googleapis.com/x',
      'https://127.0.0.1/x',
      'https://169.254.169.254/latest',
      'https://localhost/x',
      'https://[::1]/x',
      'https://db.internal/x',
      'https://user:pw@fcm.googleapis.com/x',
      'not a url',
    ]) {
      expect(pushEndpointAllowed(endpoint, prod), endpoint).toBe(false)
    }
  })
})

describe('the service worker file', () => {
  it('is served for the practice to copy to its own site', async () => {
    const res = await t.app.request('/hearth-sw.js')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/)
    expect(res.headers.get('cache-control')).toBe('public, max-age=300')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('cross-origin-resource-policy'), 'practice sites copy it').toBeNull()
    expect(await res.text()).toContain("self.addEventListener('push'")
  })
})
