import type { TestContext } from './app'
import { fixtures } from './fixtures'

/**
 * Shared by the authorization tests that walk every practice route: a body each writing route
 * accepts, practice A with records whose words must never leak, and the routes themselves, read
 * from the OpenAPI document so a new route is covered the day it is added.
 */

export const SAMPLE_BODIES: Record<string, unknown> = {
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
  'POST /v1/appointments/{id}/confirmation-calls': { outcome: 'voicemail' },
  'POST /v1/api-keys': { role: 'admin' },
  'POST /v1/threads/{id}/messages': { body: 'A reply' },
  'PATCH /v1/threads/{id}': { therapist_id: '00000000-0000-4000-8000-000000000000' },
}

/** The route's path with `{id}` filled in: the record of that resource in `ids`, or one that does not exist. */
export function concrete(ids: Record<string, string>, path: string) {
  const resource = path.split('/')[2]!
  return path.replace('{id}', ids[resource] ?? '00000000-0000-4000-8000-000000000000')
}

/** Practice A: a therapist, a client and a session with words to look for, and a second admin key. */
export async function practiceWithSecrets(t: TestContext, slug: string) {
  const a = await t.createPractice(slug)
  const f = fixtures(t, a.adminKey)
  const therapist = await f.therapist({ name: 'Dr. Secret Name', email: 'secret.therapist@example.com' })
  const client = await f.client({ name: 'Secret Client', email: 'secret.client@example.com' })
  const appointment = await f.appointment(therapist.id, client.id, '2026-04-01T14:00:00Z', {
    location: 'Secret Street 1',
  })
  const extraKey = (await t.call('POST', '/v1/api-keys', { key: a.adminKey, body: { role: 'admin' } })).body
  return {
    ...a,
    fixtures: f,
    ids: { therapists: therapist.id, clients: client.id, appointments: appointment.id, 'api-keys': extraKey.id },
    secrets: ['Secret Client', 'secret.client@example.com', 'Dr. Secret Name', 'Secret Street 1', slug],
  }
}

/** Every route in the OpenAPI document that a practice's key (or a person's session) may call. */
export async function practiceOperations(t: TestContext) {
  const doc = (await t.call('GET', '/openapi.json')).body
  return Object.entries(doc.paths as Record<string, Record<string, { security: unknown[] }>>)
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
    )
    .filter(({ op }) => JSON.stringify(op.security).includes('apiKey'))
    .map(({ method, path }) => ({ method, path }))
}
