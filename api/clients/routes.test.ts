import { describe, expect, it } from 'vitest'
import { practiceForFile } from '../testing/fixtures'

const { t, adminKey, f } = await practiceForFile('clients-a')

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
      consents: { email: true, sms: false, whatsapp: false, push: false },
      portal_access: true,
    })
  })

  it('updates locale and one consent without touching the others', async () => {
    const client = await f.client({ consents: { sms: true } })
    const res = await t.call('PATCH', `/v1/clients/${client.id}`, {
      key: adminKey,
      body: { locale: 'es', consents: { email: false } },
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      locale: 'es',
      consents: { email: false, sms: true, whatsapp: false, push: false },
    })
    const { reminder_channels, ...read } = (await t.call('GET', `/v1/clients/${client.id}`, { key: adminKey })).body
    expect(read).toEqual(res.body)
    // The delivery audit: why this client gets no reminders on each channel.
    expect(reminder_channels).toEqual({
      email: { receives: false, reason: 'no_consent' },
      sms: { receives: false, reason: 'no_phone' },
      whatsapp: { receives: false, reason: 'no_consent' },
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

  it('a therapist key reads only the clients it has sessions with, and changes none', async () => {
    const therapist = await f.therapist()
    const key = await f.therapistKey(therapist.id)
    const theirs = await f.client({ name: 'Theirs Client' })
    const other = await f.client()
    await f.appointment(therapist.id, theirs.id, '2026-03-20T15:00:00Z')
    const list = await t.call('GET', '/v1/clients?limit=200', { key })
    expect(list.body.data.map((c: { id: string }) => c.id)).toEqual([theirs.id])
    expect((await t.call('GET', `/v1/clients/${theirs.id}`, { key })).status).toBe(200)
    expect((await t.call('GET', `/v1/clients/${other.id}`, { key })).status).toBe(404)
    expect(
      (await t.call('POST', '/v1/clients', { key, body: { name: 'X', email: 'x@example.com', time_zone: 'UTC' } }))
        .status,
    ).toBe(403)
    expect((await t.call('PATCH', `/v1/clients/${theirs.id}`, { key, body: { name: 'Y' } })).status).toBe(403)
    expect((await t.call('POST', `/v1/clients/${theirs.id}/end-portal-access`, { key })).status).toBe(403)
  })

  it('searches by name, email or phone', async () => {
    const client = await f.client({ name: 'Quentin Search-Target', phone: '+1 555 010 7788' })
    for (const q of ['search-target', client.email.slice(0, 8), '0107788']) {
      const found = await t.call('GET', `/v1/clients?q=${encodeURIComponent(q)}`, { key: adminKey })
      expect(found.body.data.map((c: { id: string }) => c.id)).toContain(client.id)
    }
    const none = await t.call('GET', '/v1/clients?q=%25', { key: adminKey })
    expect(none.body.data).toEqual([])
  })

  it('ends portal access: no sign-in, open sessions end, the client stays', async () => {
    const client = await f.client()
    const [session] = await t.sql`
      insert into portal_sessions (practice_id, client_id, method, created_at, last_active_at, expires_at)
      select practice_id, id, 'code', now(), now(), now() + interval '1 day' from clients where id = ${client.id}
      returning id`
    const res = await t.call('POST', `/v1/clients/${client.id}/end-portal-access`, { key: adminKey })
    expect(res.status).toBe(200)
    expect(res.body.portal_access).toBe(false)
    const [after] = await t.sql`select revoked_reason from portal_sessions where id = ${session!.id}`
    expect(after!.revoked_reason).toBe('disabled')
    const other = await t.createPractice('clients-b')
    expect((await t.call('POST', `/v1/clients/${client.id}/end-portal-access`, { key: other.adminKey })).status).toBe(
      404,
    )
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
