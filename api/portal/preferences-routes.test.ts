import { Webhook as StandardWebhook } from 'standardwebhooks'
import { afterAll, describe, expect, it } from 'vitest'
import { normaliseSigningSecret } from '../providers/sms'
import { dispatchDue } from '../outbox/dispatch'
import { outboxHandlers } from '../outbox/handlers'
import { startFakeSmsGateway } from '../testing/fakes/sms-gateway'
import { practiceForFile } from '../testing/fixtures'
import { signIn } from '../testing/portal'

// Monday 2 March 2026, 10:00 in New York.
const NOW = '2026-03-02T15:00:00Z'
const GATEWAY_SECRET = 'gateway-secret-for-preferences-0123456789'

const gateway = await startFakeSmsGateway(GATEWAY_SECRET)
afterAll(() => gateway.close())
const { t, adminKey: key, f } = await practiceForFile('prefs', { now: NOW })
await t.call('PATCH', '/v1/practice', {
  key,
  body: { sms_gateway: { url: gateway.url, signing_secret: GATEWAY_SECRET } },
})
await t.createPractice('prefs-other')
const therapistId = (await f.therapist()).id

const dispatch = () => dispatchDue(t.deps, { handlers: outboxHandlers, channels: ['email', 'sms', 'push'] })
const reminders = async (id: string) =>
  ((await t.call('GET', `/v1/appointments/${id}`, { key })).body.reminders as { channel: string; status: string }[])
    .filter((r) => r.status !== 'cancelled')
    .map((r) => r.channel)
const emailsTo = async (address: string) =>
  (await t.call('GET', `/dev/outbox?to=${encodeURIComponent(address)}`)).body.data as { subject: string }[]

async function signedInClient(overrides: Record<string, unknown> = {}) {
  const client = await f.client({ consents: { email: true, sms: true }, ...overrides })
  const token = (await signIn(t, 'prefs', client.email)).access_token
  const prefs = (method: string, body?: unknown) => t.call(method, '/v1/portal/me/preferences', { key: token, body })
  return { client, token, prefs }
}

describe('GET, PATCH /v1/portal/me/preferences', () => {
  it("shows the client's channels in order, and what each can do for them", async () => {
    const { prefs } = await signedInClient({ phone: '+15550107001' })
    const res = await prefs('GET')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ channels: ['email', 'sms'], locale: 'en', time_zone: 'America/New_York' })
    expect(res.body.options).toEqual([
      { channel: 'email', available: true, consented: true, recorded_at: '2026-03-02T15:00:00.000Z' },
      { channel: 'sms', available: true, consented: true, recorded_at: '2026-03-02T15:00:00.000Z' },
      { channel: 'push', available: true, consented: false },
    ])
  })

  it('a client who prefers texts gets their reminders by text and nothing by email; STOP falls back to email', async () => {
    const { client, prefs } = await signedInClient({ phone: '+15550107002' })
    t.clock.set('2026-03-02T15:05:00Z')
    const changed = await prefs('PATCH', { channels: ['sms', 'email'], locale: 'es', time_zone: 'America/Chicago' })
    expect(changed.status, changed.text).toBe(200)
    expect(changed.body).toMatchObject({ channels: ['sms', 'email'], locale: 'es', time_zone: 'America/Chicago' })

    const apt = await f.appointment(therapistId, client.id, '2026-03-04T16:00:00Z')
    expect(await reminders(apt.id)).toEqual(['sms', 'sms'])
    const channels = (await t.call('GET', `/v1/clients/${client.id}`, { key })).body
    expect(channels.preferred_channels).toEqual(['sms', 'email'])
    expect(channels.reminder_channels).toMatchObject({
      sms: { receives: true },
      email: { receives: false, reason: 'preferred_elsewhere', detail: 'sms' },
      push: { receives: false, reason: 'no_consent' },
    })
    await dispatch()
    expect(gateway.texts.filter((m) => m.to === '+15550107002').length).toBe(1)
    expect(await emailsTo(client.email)).toHaveLength(1) // the sign-in code, and no reminder

    // They text STOP: texts end, and the reminder still to come goes by email instead.
    const stop = JSON.stringify({ from: '+15550107002', text: 'STOP' })
    const signer = new StandardWebhook(normaliseSigningSecret(GATEWAY_SECRET))
    const stopped = await t.call('POST', '/v1/inbound/sms?practice=prefs', {
      body: stop,
      headers: {
        'webhook-id': 'msg_stop_prefs',
        'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
        'webhook-signature': signer.sign('msg_stop_prefs', new Date(), stop),
      },
    })
    expect(stopped.body).toEqual({ status: 'processed', intent: 'stop' })
    // The confirmation request reached them by text already: only the morning's reminder moves to email.
    expect(await reminders(apt.id)).toEqual(['sms', 'email'])
  })

  it('records each consent given or withdrawn with its time and source', async () => {
    t.clock.set(NOW)
    const { client, prefs } = await signedInClient({ phone: '+15550107003' })
    t.clock.set('2026-03-02T15:10:00Z')
    expect((await prefs('PATCH', { channels: ['email'] })).status).toBe(200)
    const records = await t.sql<{ channel: string; granted: boolean; source: string; recorded_at: Date }[]>`
      select channel, granted, source, recorded_at from consent_records where client_id = ${client.id}
      order by recorded_at, channel`
    expect(records.map((r) => [r.channel, r.granted, r.source, r.recorded_at.toISOString()])).toEqual([
      ['email', true, 'practice_api', '2026-03-02T15:00:00.000Z'],
      ['sms', true, 'practice_api', '2026-03-02T15:00:00.000Z'],
      ['sms', false, 'portal', '2026-03-02T15:10:00.000Z'],
    ])
    expect((await prefs('GET')).body.options[1]).toEqual({
      channel: 'sms',
      available: true,
      consented: false,
      recorded_at: '2026-03-02T15:10:00.000Z',
    })
    t.clock.set(NOW)
  })

  it('refuses a channel that cannot reach them, bad input, and anyone but the signed-in client', async () => {
    const { prefs } = await signedInClient()
    const noPhone = await prefs('PATCH', { channels: ['sms'] })
    expect(noPhone.status).toBe(400)
    expect(noPhone.body.error.details.fields.channels).toMatch(/can't reach you by sms/)
    expect((await prefs('PATCH', { channels: ['fax'] })).status).toBe(400)
    expect((await prefs('PATCH', { channels: ['email', 'email'] })).status).toBe(400)
    expect((await prefs('PATCH', { time_zone: 'Mars/Olympus' })).status).toBe(400)
    expect((await prefs('PATCH', {})).status).toBe(400)
    expect((await prefs('GET')).body.channels).toEqual(['email'])
    expect((await t.call('GET', '/v1/portal/me/preferences')).status).toBe(401)
    expect((await t.call('GET', '/v1/portal/me/preferences', { key })).status).toBe(401)
    expect((await t.call('PATCH', '/v1/portal/me/preferences', { key, body: { channels: [] } })).status).toBe(401)
  })

  it('choosing no channel at all means no reminders, and says so to staff', async () => {
    const { client, prefs } = await signedInClient({ phone: '+15550107004' })
    expect((await prefs('PATCH', { channels: [] })).body.channels).toEqual([])
    const apt = await f.appointment(therapistId, client.id, '2026-03-05T16:00:00Z')
    expect(await reminders(apt.id)).toEqual([])
    const list = await t.call('GET', `/v1/confirmation-calls?therapist_id=${therapistId}&date=2026-03-05`, { key })
    expect(list.body.data.find((e: { appointment_id: string }) => e.appointment_id === apt.id)).toMatchObject({
      reason: 'no_reminder_channel',
    })
  })
})

describe('preferred_channels on the practice API', () => {
  it('sets, reads and clears the order; refuses unknown or repeated channels', async () => {
    const client = await f.client({ phone: '+15550107005', consents: { email: true, sms: true } })
    const set = await t.call('PATCH', `/v1/clients/${client.id}`, { key, body: { preferred_channels: ['sms'] } })
    expect(set.body.preferred_channels).toEqual(['sms'])
    const apt = await f.appointment(therapistId, client.id, '2026-03-06T16:00:00Z')
    expect(await reminders(apt.id)).toEqual(['sms', 'sms'])
    const read = (await t.call('GET', `/v1/clients/${client.id}`, { key })).body
    expect(read.reminder_channels.email).toEqual({ receives: false, reason: 'not_preferred' })
    expect(
      (await t.call('PATCH', `/v1/clients/${client.id}`, { key, body: { preferred_channels: ['fax'] } })).status,
    ).toBe(400)
    expect(
      (await t.call('PATCH', `/v1/clients/${client.id}`, { key, body: { preferred_channels: ['sms', 'sms'] } })).status,
    ).toBe(400)
    const cleared = await t.call('PATCH', `/v1/clients/${client.id}`, { key, body: { preferred_channels: null } })
    expect(cleared.body.preferred_channels).toBeUndefined()
    expect((await reminders(apt.id)).sort()).toEqual(['email', 'email', 'sms', 'sms'])
  })
})
