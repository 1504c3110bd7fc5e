import { describe, expect, it } from 'vitest'
import { practiceForFile } from '../testing/fixtures'

const { t, adminKey, f } = await practiceForFile('therapists-a')

describe('therapists', () => {
  it('creates, reads, lists and updates a therapist', async () => {
    const created = await t.call('POST', '/v1/therapists', {
      key: adminKey,
      body: {
        name: 'Dr. Maya Rivera',
        email: 'Maya@Example.com',
        phone: '+1 (555) 010-2011',
        time_zone: 'America/New_York',
      },
    })
    expect(created.status).toBe(201)
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Dr. Maya Rivera',
      email: 'maya@example.com',
      phone: '+15550102011',
      time_zone: 'America/New_York',
    })
    const id = created.body.id
    expect((await t.call('GET', `/v1/therapists/${id}`, { key: adminKey })).body).toEqual(created.body)

    const override = { window_hours: 24, late_action: 'contact_required', fee_cents: 0, currency: 'USD' }
    const patched = await t.call('PATCH', `/v1/therapists/${id}`, {
      key: adminKey,
      body: { cancellation_policy: override },
    })
    expect(patched.status).toBe(200)
    expect(patched.body.cancellation_policy).toEqual(override)
    const cleared = await t.call('PATCH', `/v1/therapists/${id}`, {
      key: adminKey,
      body: { cancellation_policy: null, phone: null },
    })
    expect(cleared.body).not.toHaveProperty('cancellation_policy')
    expect(cleared.body).not.toHaveProperty('phone')

    const list = await t.call('GET', '/v1/therapists', { key: adminKey })
    expect(list.body.data.map((x: { id: string }) => x.id)).toContain(id)
  })

  it('pages through the list with a cursor', async () => {
    for (let i = 0; i < 3; i++) await f.therapist()
    const first = await t.call('GET', '/v1/therapists?limit=2', { key: adminKey })
    expect(first.body.data).toHaveLength(2)
    expect(first.body.next_cursor).toEqual(expect.any(String))
    const second = await t.call('GET', `/v1/therapists?limit=2&cursor=${first.body.next_cursor}`, { key: adminKey })
    const ids = [...first.body.data, ...second.body.data].map((x: { id: string }) => x.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('refuses a duplicate email with a 409', async () => {
    await f.therapist({ email: 'same@example.com' })
    const res = await t.call('POST', '/v1/therapists', {
      key: adminKey,
      body: { name: 'Twin', email: 'SAME@example.com', time_zone: 'UTC' },
    })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('conflict')
  })

  it('validates every field', async () => {
    const res = await t.call('POST', '/v1/therapists', {
      key: adminKey,
      body: { name: '', email: 'nope', time_zone: 'Nowhere/City', phone: '12', extra: true },
    })
    expect(res.status).toBe(400)
    expect(Object.keys(res.body.error.details.fields).sort()).toEqual(
      ['body', 'email', 'name', 'phone', 'time_zone'].sort(),
    )
  })

  it('gives new therapists a contact policy that can be replaced', async () => {
    const { id } = await f.therapist()
    const initial = await t.call('GET', `/v1/therapists/${id}/contact-policy`, { key: adminKey })
    expect(initial.body).toMatchObject({ accepts_messages: expect.any(Boolean), allowed_categories: expect.any(Array) })
    const policy = {
      accepts_messages: true,
      allowed_categories: ['scheduling', 'homework'],
      reply_expectation: { kind: 'none' },
      auto_reply: 'I read messages before our next session.',
    }
    const put = await t.call('PUT', `/v1/therapists/${id}/contact-policy`, { key: adminKey, body: policy })
    expect(put.status).toBe(200)
    expect(put.body).toEqual(policy)
    expect((await t.call('GET', `/v1/therapists/${id}/contact-policy`, { key: adminKey })).body).toEqual(policy)
  })

  it('refuses contact policies with unknown categories or impossible reply times', async () => {
    const { id } = await f.therapist()
    for (const body of [
      { accepts_messages: true, allowed_categories: ['gossip'], reply_expectation: { kind: 'none' } },
      { accepts_messages: true, allowed_categories: [], reply_expectation: { kind: 'business_days', days: 0 } },
      { accepts_messages: true, allowed_categories: ['update', 'update'], reply_expectation: { kind: 'none' } },
      { accepts_messages: true, allowed_categories: ['crisis'], reply_expectation: { kind: 'none' } },
    ]) {
      const res = await t.call('PUT', `/v1/therapists/${id}/contact-policy`, { key: adminKey, body })
      expect(res.status, JSON.stringify(body)).toBe(400)
    }
  })
})

describe('therapist keys', () => {
  it('may read and set only their own contact policy', async () => {
    const own = await f.therapist()
    const other = await f.therapist()
    const key = await f.therapistKey(own.id)
    const policy = { accepts_messages: false, allowed_categories: [], reply_expectation: { kind: 'none' } }

    expect((await t.call('PUT', `/v1/therapists/${own.id}/contact-policy`, { key, body: policy })).status).toBe(200)
    expect((await t.call('GET', `/v1/therapists/${own.id}`, { key })).status).toBe(200)

    for (const [method, path] of [
      ['GET', `/v1/therapists/${other.id}`],
      ['GET', `/v1/therapists/${other.id}/contact-policy`],
      ['PUT', `/v1/therapists/${other.id}/contact-policy`],
      ['PATCH', `/v1/therapists/${other.id}`],
    ] as const) {
      const res = await t.call(method, path, {
        key,
        body: method === 'GET' ? undefined : method === 'PUT' ? policy : { name: 'x' },
      })
      expect(res.status, `${method} ${path}`).toBe(404)
      expect(res.text).not.toContain(other.email)
    }
    expect(
      (await t.call('GET', `/v1/therapists/${other.id}/contact-policy`, { key: adminKey })).body.accepts_messages,
    ).not.toBe(false)
  })

  it('may not edit their own details or create therapists', async () => {
    const own = await f.therapist()
    const key = await f.therapistKey(own.id)
    expect((await t.call('PATCH', `/v1/therapists/${own.id}`, { key, body: { name: 'New' } })).status).toBe(403)
    expect(
      (await t.call('POST', '/v1/therapists', { key, body: { name: 'N', email: 'n@example.com', time_zone: 'UTC' } }))
        .status,
    ).toBe(403)
  })

  it('list only themselves', async () => {
    const own = await f.therapist()
    const key = await f.therapistKey(own.id)
    const list = await t.call('GET', '/v1/therapists', { key })
    expect(list.body.data.map((x: { id: string }) => x.id)).toEqual([own.id])
  })
})
