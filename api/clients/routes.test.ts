import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../testing/app'
import { fixtures } from '../testing/fixtures'

let t: TestContext
let adminKey: string
let f: ReturnType<typeof fixtures>
beforeAll(async () => {
  t = await startTestApp()
  ;({ adminKey } = await t.createPractice('clients-a'))
  f = fixtures(t, adminKey)
})
afterAll(() => t.stop())

describe('clients', () => {
  it('creates a client with consents defaulting to email only', async () => {
    const res = await t.call('POST', '/v1/clients', {
      key: adminKey,
      body: { name: 'Alex Morgan', email: 'Alex@Example.com', time_zone: 'America/Chicago', phone: '+1 555 010 3001' },
    })
    expect(res.status).toBe(201)
    expect(res.body).toEqual({
      id: expect.any(String),
      name: 'Alex Morgan',
      email: 'alex@example.com',
      phone: '+15550103001',
      time_zone: 'America/Chicago',
      locale: 'en',
      consents: { email: true, sms: false, push: false },
    })
  })

  it('updates locale and one consent without touching the others', async () => {
    const client = await f.client({ consents: { sms: true } })
    const res = await t.call('PATCH', `/v1/clients/${client.id}`, {
      key: adminKey,
      body: { locale: 'es', consents: { email: false } },
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ locale: 'es', consents: { email: false, sms: true, push: false } })
    const { reminder_channels, ...read } = (await t.call('GET', `/v1/clients/${client.id}`, { key: adminKey })).body
    expect(read).toEqual(res.body)
    // The delivery audit: why this client gets no reminders on each channel.
    expect(reminder_channels).toEqual({
      email: { receives: false, reason: 'no_consent' },
      sms: { receives: false, reason: 'no_phone' },
      push: { receives: false, reason: 'no_consent' },
    })
  })

  it('finds a client by email and pages the list', async () => {
    const client = await f.client({ email: 'findme@example.com' })
    const found = await t.call('GET', '/v1/clients?email=FINDME@example.com', { key: adminKey })
    expect(found.body.data.map((c: { id: string }) => c.id)).toEqual([client.id])
    const paged = await t.call('GET', '/v1/clients?limit=1', { key: adminKey })
    expect(paged.body.data).toHaveLength(1)
    expect(paged.body.next_cursor).not.toBeNull()
  })

  it('refuses a second client with the same email', async () => {
    await f.client({ email: 'twice@example.com' })
    const res = await t.call('POST', '/v1/clients', {
      key: adminKey,
      body: { name: 'T', email: 'twice@example.com', time_zone: 'UTC' },
    })
    expect(res.status).toBe(409)
  })

  it('validates locale, time zone and consents', async () => {
    const res = await t.call('POST', '/v1/clients', {
      key: adminKey,
      body: { name: 'X', email: 'x@example.com', time_zone: 'Nowhere', locale: 'de', consents: { fax: true } },
    })
    expect(res.status).toBe(400)
    expect(Object.keys(res.body.error.details.fields)).toEqual(
      expect.arrayContaining(['time_zone', 'locale', 'consents']),
    )
  })

  it('are off-limits to therapist keys', async () => {
    const key = await f.therapistKey((await f.therapist()).id)
    const client = await f.client()
    expect((await t.call('GET', '/v1/clients', { key })).status).toBe(403)
    expect((await t.call('GET', `/v1/clients/${client.id}`, { key })).status).toBe(403)
  })

  it('answers a malformed or unknown id with 404', async () => {
    expect((await t.call('GET', '/v1/clients/not-an-id', { key: adminKey })).status).toBe(404)
    expect((await t.call('GET', '/v1/clients/00000000-0000-4000-8000-000000000000', { key: adminKey })).status).toBe(
      404,
    )
  })
})

describe('reading clients', () => {
  it('is recorded in the audit log with the key that read', async () => {
    const client = await f.client()
    await t.call('GET', `/v1/clients/${client.id}`, { key: adminKey })
    await t.call('GET', '/v1/clients?limit=5', { key: adminKey })
    const reads =
      await t.sql`select action, subject_id from audit_log where action in ('client.read', 'client.listed') order by id`
    expect(reads).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'client.read', subject_id: client.id }),
        expect.objectContaining({ action: 'client.listed' }),
      ]),
    )
  })
})
