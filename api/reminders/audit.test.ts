import { describe, expect, it } from 'vitest'
import { practiceForFile } from '../testing/fixtures'

const { t, adminKey: key, f } = await practiceForFile('audit', { now: '2026-03-02T15:00:00Z' })
const otherKey = (await t.createPractice('audit-other')).adminKey
const therapistId = (await f.therapist()).id

describe('the SMS gateway setting', () => {
  it('is set through PATCH /v1/practice, shown without its secret, and turns on texts for consenting clients', async () => {
    const client = await f.client({ phone: '+15550109999', consents: { email: true, sms: true } })
    const apt = await f.appointment(therapistId, client.id, '2026-03-10T19:00:00Z')
    const before = await t.call('GET', `/v1/appointments/${apt.id}`, { key })
    expect(before.body.reminders.map((r: { channel: string }) => r.channel)).toEqual(['email', 'email'])
    expect((await t.call('GET', `/v1/clients/${client.id}`, { key })).body.reminder_channels.sms).toEqual({
      receives: false,
      reason: 'no_sms_gateway',
    })

    const secret = 'a-long-enough-gateway-signing-secret'
    const res = await t.call('PATCH', '/v1/practice', {
      key,
      body: { sms_gateway: { url: 'https://sms.calmwaters.example/send', signing_secret: secret } },
    })
    expect(res.status).toBe(200)
    expect(res.body.sms_gateway).toEqual({ url: 'https://sms.calmwaters.example/send', has_signing_secret: true })
    expect(res.text).not.toContain(secret)
    expect((await t.call('GET', '/v1/practice', { key })).body.sms_gateway).toEqual(res.body.sms_gateway)
    expect((await t.call('GET', '/v1/practice', { key: otherKey })).body.sms_gateway).toBeUndefined()

    const after = await t.call('GET', `/v1/appointments/${apt.id}`, { key })
    expect(
      after.body.reminders.map((r: { channel: string; kind: string; status: string }) => [r.kind, r.channel, r.status]),
    ).toEqual([
      ['confirmation', 'email', 'pending'],
      ['confirmation', 'sms', 'pending'],
      ['morning_of', 'email', 'pending'],
      ['morning_of', 'sms', 'pending'],
    ])
    expect(after.body).toMatchObject({ id: apt.id, status: 'scheduled', starts_at: '2026-03-10T19:00:00.000Z' })

    expect(
      (await t.call('PATCH', '/v1/practice', { key, body: { sms_gateway: null } })).body.sms_gateway,
    ).toBeUndefined()
    const removed = await t.call('GET', `/v1/appointments/${apt.id}`, { key })
    expect(
      removed.body.reminders
        .filter((r: { channel: string; status: string }) => r.channel === 'sms')
        .map((r: { status: string; reason: string }) => [r.status, r.reason]),
    ).toEqual([
      ['cancelled', 'no_sms_gateway'],
      ['cancelled', 'no_sms_gateway'],
    ])
  })

  it('refuses a short secret, a bad URL, and a therapist key', async () => {
    const bad = await t.call('PATCH', '/v1/practice', {
      key,
      body: { sms_gateway: { url: 'ftp://x', signing_secret: 'short' } },
    })
    expect(bad.status).toBe(400)
    expect(Object.keys(bad.body.error.details.fields).sort()).toEqual(['sms_gateway.signing_secret', 'sms_gateway.url'])
    const therapistKey = await f.therapistKey(therapistId)
    const res = await t.call('PATCH', '/v1/practice', {
      key: therapistKey,
      body: { sms_gateway: { url: 'https://x.example', signing_secret: 'a-long-enough-gateway-signing-secret' } },
    })
    expect(res.status).toBe(403)
  })
})

describe('the delivery audit', () => {
  it("shows another practice's appointment as not found, and a therapist only their own sessions", async () => {
    const client = await f.client()
    const apt = await f.appointment(therapistId, client.id, '2026-03-11T19:00:00Z')
    expect((await t.call('GET', `/v1/appointments/${apt.id}`, { key: otherKey })).status).toBe(404)
    expect((await t.call('GET', `/v1/clients/${client.id}`, { key: otherKey })).status).toBe(404)
    const other = (await f.therapist()).id
    expect((await t.call('GET', `/v1/appointments/${apt.id}`, { key: await f.therapistKey(other) })).status).toBe(404)
    const own = await t.call('GET', `/v1/appointments/${apt.id}`, { key: await f.therapistKey(therapistId) })
    expect(own.status).toBe(200)
    expect(own.body.reminders).toHaveLength(2)
    expect((await t.call('GET', `/v1/appointments/${apt.id}`)).status).toBe(401)
  })
})
