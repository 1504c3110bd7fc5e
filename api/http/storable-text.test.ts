import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../testing/app'
import { fixtures } from '../testing/fixtures'
import { signIn } from '../testing/portal'

/**
 * Postgres cannot store a NUL character, and a lone surrogate cannot be written as UTF-8. Every
 * text field refuses both with a 400 naming the field, through the one `Text` schema helper.
 */
const NUL = 'a\u0000b'
const LONE_SURROGATE = 'a\uD800b'

let t: TestContext
let adminKey: string
let f: ReturnType<typeof fixtures>
let ids: { therapist: string; client: string; appointment: string; thread: string }
let clientToken: string

beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-02T15:00:00Z' })
  ;({ adminKey } = await t.createPractice('nul-text'))
  f = fixtures(t, adminKey)
  const therapist = await f.therapist()
  const client = await f.client()
  const appointment = await f.appointment(therapist.id, client.id, '2026-03-10T14:00:00Z')
  await t.call('PUT', `/v1/therapists/${therapist.id}/contact-policy`, {
    key: adminKey,
    body: { accepts_messages: true, allowed_categories: ['scheduling'], reply_expectation: { kind: 'none' } },
  })
  clientToken = (await signIn(t, 'nul-text', client.email)).access_token
  const sent = await t.call('POST', '/v1/portal/messages', {
    key: clientToken,
    body: { category: 'scheduling', body: 'Can we talk about Tuesday?' },
  })
  expect(sent.status, sent.text).toBe(201)
  ids = { therapist: therapist.id, client: client.id, appointment: appointment.id, thread: sent.body.thread_id }
})
afterAll(() => t.stop())

type Case = { method: string; path: () => string; field: string; body: (text: string) => unknown; as?: 'client' }

const CASES: Case[] = [
  {
    method: 'POST',
    path: () => '/v1/clients',
    field: 'name',
    body: (name) => ({ name, email: 'n@example.com', time_zone: 'UTC' }),
  },
  { method: 'PATCH', path: () => `/v1/clients/${ids.client}`, field: 'name', body: (name) => ({ name }) },
  {
    method: 'POST',
    path: () => '/v1/therapists',
    field: 'name',
    body: (name) => ({ name, email: 'th@example.com', time_zone: 'UTC' }),
  },
  { method: 'PATCH', path: () => `/v1/therapists/${ids.therapist}`, field: 'name', body: (name) => ({ name }) },
  { method: 'PATCH', path: () => '/v1/practice', field: 'name', body: (name) => ({ name }) },
  { method: 'POST', path: () => '/v1/api-keys', field: 'name', body: (name) => ({ role: 'admin', name }) },
  {
    method: 'POST',
    path: () => '/v1/webhook-endpoints',
    field: 'description',
    body: (description) => ({ url: 'https://hooks.example/hearth', description }),
  },
  {
    method: 'POST',
    path: () => '/v1/webhook-endpoints',
    field: 'url',
    body: (text) => ({ url: `https://hooks.example/${text}` }),
  },
  {
    method: 'POST',
    path: () => '/v1/appointments',
    field: 'type',
    body: (type) => ({
      external_id: 'nul-1',
      therapist_id: ids.therapist,
      client_id: ids.client,
      starts_at: '2026-03-11T14:00:00Z',
      ends_at: '2026-03-11T14:50:00Z',
      type,
    }),
  },
  {
    method: 'POST',
    path: () => '/v1/appointments',
    field: 'external_id',
    body: (external_id) => ({
      external_id,
      therapist_id: ids.therapist,
      client_id: ids.client,
      starts_at: '2026-03-11T14:00:00Z',
      ends_at: '2026-03-11T14:50:00Z',
      type: 'Session',
    }),
  },
  {
    method: 'PATCH',
    path: () => `/v1/appointments/${ids.appointment}`,
    field: 'location',
    body: (location) => ({ location }),
  },
  {
    method: 'POST',
    path: () => `/v1/appointments/${ids.appointment}/confirmation-calls`,
    field: 'note',
    body: (note) => ({ outcome: 'voicemail', note }),
  },
  {
    method: 'PUT',
    path: () => `/v1/therapists/${ids.therapist}/contact-policy`,
    field: 'auto_reply',
    body: (auto_reply) => ({
      accepts_messages: true,
      allowed_categories: ['scheduling'],
      reply_expectation: { kind: 'none' },
      auto_reply,
    }),
  },
  {
    method: 'POST',
    path: () => `/v1/threads/${ids.thread}/messages`,
    field: 'body',
    body: (body) => ({ body }),
  },
  {
    method: 'POST',
    path: () => '/v1/portal/messages',
    field: 'body',
    as: 'client',
    body: (body) => ({ category: 'scheduling', body }),
  },
  {
    method: 'POST',
    path: () => '/v1/portal/push-subscriptions',
    field: 'keys.auth',
    as: 'client',
    body: (auth) => ({
      endpoint: 'https://push.example/sub/1',
      keys: { p256dh: 'BPublicKeyValue0123', auth: `${auth}-secret` },
    }),
  },
  {
    method: 'POST',
    path: () => '/v1/portal/push-subscriptions',
    field: 'endpoint',
    as: 'client',
    body: (text) => ({
      endpoint: `https://push.example/${text}`,
      keys: { p256dh: 'BPublicKeyValue0123', auth: 'auth-secret' },
    }),
  },
]

describe('text Postgres cannot store', () => {
  for (const [label, text] of [
    ['a NUL byte', NUL],
    ['a lone surrogate', LONE_SURROGATE],
  ] as const) {
    it.each(CASES)(`${label} in $method $field is a 400 naming the field`, async (c) => {
      const res = await t.call(c.method, c.path(), {
        key: c.as === 'client' ? clientToken : adminKey,
        body: c.body(text),
      })
      expect(res.status, res.text).toBe(400)
      expect(res.body.error.code).toBe('invalid_request')
      expect(Object.keys(res.body.error.details.fields)).toContain(c.field)
    })
  }

  it('a CSV import holding a NUL is refused whole', async () => {
    const res = await t.call('POST', '/v1/imports?kind=clients&dry_run=true', {
      key: adminKey,
      body: `external_id,name,email\nx1,A${NUL},a@example.com\n`,
      headers: { 'content-type': 'text/csv' },
    })
    expect(res.status, res.text).toBe(400)
    expect(res.body.error.details.fields).toHaveProperty('body')
  })

  it('emoji and accents are ordinary text', async () => {
    const res = await t.call('PATCH', `/v1/clients/${ids.client}`, { key: adminKey, body: { name: 'Zoë 🌊 Núñez' } })
    expect(res.status, res.text).toBe(200)
    expect(res.body.name).toBe('Zoë 🌊 Núñez')
  })
})
