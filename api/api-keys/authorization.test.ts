import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../testing/app'
import { fixtures } from '../testing/fixtures'

/**
 * Authorization across every practice API route listed in the OpenAPI document: no key, a
 * made-up key, and another practice's key must get nothing of practice A's.
 */

let t: TestContext
let ids: Record<string, string>
let secretsOfA: string[]
let keyOfB: string
let operations: { method: string; path: string; auth: string }[]

const SAMPLE_BODIES: Record<string, unknown> = {
  'PATCH /v1/practice': { name: 'Renamed' },
  'POST /v1/therapists': { name: 'N', email: 'n@example.com', time_zone: 'UTC' },
  'PATCH /v1/therapists/{id}': { name: 'Renamed' },
  'PUT /v1/therapists/{id}/contact-policy': {
    accepts_messages: false,
    allowed_categories: [],
    reply_expectation: { kind: 'none' },
  },
  'PUT /v1/therapists/{id}/availability': {
    time_zone: 'UTC',
    weekly: [],
    exceptions: [],
    buffer_minutes: 0,
    min_notice_hours: 0,
    horizon_days: 7,
  },
  'POST /v1/clients': { name: 'N', email: 'n2@example.com', time_zone: 'UTC' },
  'PATCH /v1/clients/{id}': { name: 'Renamed' },
  'PATCH /v1/appointments/{id}': { status: 'cancelled' },
  'POST /v1/appointments/{id}/confirmation-calls': { outcome: 'cancelled' },
  'POST /v1/api-keys': { role: 'admin' },
  'POST /v1/threads/{id}/messages': { body: 'A reply' },
  'PATCH /v1/threads/{id}': { therapist_id: '00000000-0000-4000-8000-000000000000' },
}

function concrete(path: string) {
  const resource = path.split('/')[2]!
  return path.replace('{id}', ids[resource] ?? '00000000-0000-4000-8000-000000000000')
}

beforeAll(async () => {
  t = await startTestApp()
  const a = await t.createPractice('sec-a')
  const f = fixtures(t, a.adminKey)
  const therapist = await f.therapist({ name: 'Dr. Secret Name', email: 'secret.therapist@example.com' })
  const client = await f.client({ name: 'Secret Client', email: 'secret.client@example.com' })
  const appointment = await f.appointment(therapist.id, client.id, '2026-04-01T14:00:00Z', {
    location: 'Secret Street 1',
  })
  const extraKey = (await t.call('POST', '/v1/api-keys', { key: a.adminKey, body: { role: 'admin' } })).body
  ids = { therapists: therapist.id, clients: client.id, appointments: appointment.id, 'api-keys': extraKey.id }
  secretsOfA = [
    'Secret Client',
    'secret.client@example.com',
    'Dr. Secret Name',
    'Secret Street 1',
    'sec-a',
    ...Object.values(ids),
  ]
  keyOfB = (await t.createPractice('sec-b')).adminKey

  const doc = (await t.call('GET', '/openapi.json')).body
  operations = Object.entries(doc.paths as Record<string, Record<string, { security: unknown[] }>>)
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        auth: JSON.stringify(op.security),
      })),
    )
    .filter((op) => op.auth.includes('apiKey'))
})
afterAll(() => t.stop())

describe('every practice API route', () => {
  it('is found in the document', () => {
    expect(operations.length).toBeGreaterThanOrEqual(15)
  })

  it('answers 401 with no key or a made-up key', async () => {
    for (const op of operations) {
      for (const key of [null, 'hearth_not-a-real-key']) {
        const res = await t.call(op.method, concrete(op.path), { key, body: SAMPLE_BODIES[`${op.method} ${op.path}`] })
        expect(res.status, `${op.method} ${op.path} with ${key}`).toBe(401)
        expect(res.body.error.code).toBe('unauthorized')
      }
    }
  })

  it("never shows or changes practice A's records to practice B's admin key", async () => {
    for (const op of operations) {
      const res = await t.call(op.method, concrete(op.path), {
        key: keyOfB,
        body: SAMPLE_BODIES[`${op.method} ${op.path}`],
      })
      if (op.path.includes('{id}')) expect(res.status, `${op.method} ${op.path}`).toBe(404)
      for (const secret of secretsOfA) expect(res.text, `${op.method} ${op.path}`).not.toContain(secret)
    }
    const [therapist] = await t.sql`select name from therapists where id = ${ids.therapists!}`
    expect(therapist!.name).toBe('Dr. Secret Name')
    const [appointment] = await t.sql`select status from appointments where id = ${ids.appointments!}`
    expect(appointment!.status).toBe('scheduled')
    const [key] = await t.sql`select revoked_at from api_keys where id = ${ids['api-keys']!}`
    expect(key!.revoked_at).toBeNull()
  })
})
