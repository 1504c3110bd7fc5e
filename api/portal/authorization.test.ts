import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../testing/app'
import { fixtures } from '../testing/fixtures'
import { signIn } from '../testing/portal'

/**
 * Authorization across every client portal route in the OpenAPI document: without a token, with
 * a forged one, as another client of the same practice, and as a client of another practice,
 * nobody gets or changes the owner's data; the owner gets their answer. A new portal route
 * needs a line in OWNER_CASES, so none is left out.
 */

type Case = { body?: unknown; status: number }
const PUSH = {
  endpoint: 'https://push.example/send/owner-device',
  keys: {
    p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
    auth: 'tBHItJI5svbpez7KI4CCXg',
  },
}
const OWNER_CASES: Record<string, Case> = {
  'GET /v1/portal/me': { status: 200 },
  'GET /v1/portal/me/preferences': { status: 200 },
  'PATCH /v1/portal/me/preferences': { body: { channels: ['email'], locale: 'en' }, status: 200 },
  'GET /v1/portal/appointments': { status: 200 },
  'POST /v1/portal/appointments/{id}/confirm': { body: {}, status: 200 },
  'GET /v1/portal/appointments/{id}/cancellation': { status: 200 },
  'POST /v1/portal/appointments/{id}/cancel': { body: { reason: 'Work trip' }, status: 200 },
  'POST /v1/portal/appointments/{id}/reschedule-request': { body: { note: 'Evenings please' }, status: 202 },
  'GET /v1/portal/appointments/{id}/calendar.ics': { status: 200 },
  'GET /v1/portal/appointments/{id}/slots': { status: 200 },
  'GET /v1/portal/appointments/{id}/book-again': { status: 200 },
  // Not a missed session: the owner is told so, nobody else learns it exists.
  'POST /v1/portal/appointments/{id}/book-again': { body: { starts_at: '2026-03-30T14:00:00Z' }, status: 409 },
  'POST /v1/portal/appointments/{id}/reschedule': { body: { starts_at: '2026-03-30T14:00:00Z' }, status: 200 },
  'POST /v1/portal/appointments/{id}/switch-to-video': { status: 200 },
  'GET /v1/portal/messages': { status: 200 },
  'POST /v1/portal/messages': { body: { category: 'scheduling', body: 'Can we move Tuesday?' }, status: 201 },
  'POST /v1/portal/waitlist': { body: { preferred_days: ['mon'] }, status: 201 },
  'DELETE /v1/portal/waitlist': { body: {}, status: 204 },
  'POST /v1/portal/push-subscriptions': { body: PUSH, status: 201 },
  'DELETE /v1/portal/push-subscriptions': { body: { endpoint: PUSH.endpoint }, status: 204 },
  'POST /v1/portal/appointments/{id}/fee-waiver': { body: { reason: 'My child was ill' }, status: 201 },
  'GET /v1/portal/offers': { status: 200 },
  'POST /v1/portal/offers/{id}/claim': { status: 201 },
}
/** Routes whose `{id}` must be in a particular state first: a late cancellation with a fee, an offer. */
const PREPARED = new Set(['POST /v1/portal/appointments/{id}/fee-waiver', 'POST /v1/portal/offers/{id}/claim'])
const prepared = new Map<string, string>()

let t: TestContext
let operations: { method: string; path: string }[]
let owner: string
let samePracticeClient: string
let otherPracticeClient: string
const ownerAppointments = new Map<string, string>()
let secrets: string[]

const key = (op: { method: string; path: string }) => `${op.method} ${op.path}`

function concrete(op: { method: string; path: string }) {
  return op.path.replace(
    '{id}',
    prepared.get(key(op)) ?? ownerAppointments.get(key(op)) ?? '00000000-0000-4000-8000-000000000000',
  )
}

beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-02T15:00:00Z' })
  const a = await t.createPractice('portal-sec-a')
  const f = fixtures(t, a.adminKey)
  const therapist = await f.therapist({ name: 'Dr. Private Name' })
  await f.weekdayHours(therapist.id, { horizon_days: 60, video_url: 'https://video.example/private' })
  const alice = await f.client({ name: 'Owner Secret Name', email: 'owner.secret@example.com' })
  const bob = await f.client({ email: 'bob@example.com' })
  await f.appointment(therapist.id, bob.id, '2026-03-20T14:00:00Z')

  const doc = (await t.call('GET', '/openapi.json')).body
  operations = Object.entries(doc.paths as Record<string, Record<string, { security: unknown[] }>>)
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, auth: op.security })),
    )
    .filter((op) => JSON.stringify(op.auth).includes('portalToken'))
    .map(({ method, path }) => ({ method, path }))

  let day = 10
  for (const op of operations.filter((o) => o.path.includes('{id}') && !PREPARED.has(key(o)))) {
    const appointment = await f.appointment(therapist.id, alice.id, `2026-03-${day++}T15:00:00Z`, {
      location: 'Secret Street 1',
    })
    ownerAppointments.set(key(op), appointment.id)
  }
  owner = (await signIn(t, 'portal-sec-a', alice.email)).access_token
  // A message from the owner, so the thread exists for the intruders to (fail to) read.
  await t.call('POST', '/v1/portal/messages', {
    key: owner,
    body: { category: 'scheduling', body: 'Secret body text' },
  })
  samePracticeClient = (await signIn(t, 'portal-sec-a', bob.email)).access_token

  // A session the owner cancelled late (the fee applies), and a freed time offered to the owner.
  const late = await f.appointment(therapist.id, alice.id, '2026-03-03T21:00:00Z')
  await t.call('POST', `/v1/portal/appointments/${late.id}/cancel`, { key: owner, body: { acknowledge_late: true } })
  prepared.set('POST /v1/portal/appointments/{id}/fee-waiver', late.id)
  await t.call('POST', '/v1/portal/waitlist', { key: owner, body: {} })
  const freed = await f.appointment(therapist.id, bob.id, '2026-03-25T14:00:00Z')
  await t.call('PATCH', `/v1/appointments/${freed.id}`, { key: a.adminKey, body: { status: 'cancelled' } })
  await t.call('DELETE', '/v1/portal/waitlist', { key: owner, body: {} })
  const [offer] = await t.sql<{ id: string }[]>`select id from waitlist_offers where client_id = ${alice.id}`
  prepared.set('POST /v1/portal/offers/{id}/claim', offer!.id)

  const b = await t.createPractice('portal-sec-b')
  const fb = fixtures(t, b.adminKey)
  const carol = await fb.client({ email: 'owner.secret@example.com' })
  await fb.appointment((await fb.therapist()).id, carol.id, '2026-03-21T14:00:00Z')
  otherPracticeClient = (await signIn(t, 'portal-sec-b', carol.email)).access_token

  secrets = [
    'Owner Secret Name',
    'Secret Street 1',
    'Secret body text',
    alice.id,
    ...ownerAppointments.values(),
    ...prepared.values(),
  ]
})
afterAll(() => t.stop())

describe('every client portal route', () => {
  it('is found in the document and has an owner case', () => {
    expect(operations.length).toBeGreaterThanOrEqual(11)
    for (const op of operations) expect(OWNER_CASES, `add ${key(op)} to OWNER_CASES`).toHaveProperty([key(op)])
  })

  it('answers 401 without a token, with a forged one, or with a practice API key', async () => {
    const forged = `${owner.slice(0, -4)}AAAA`
    const adminKey = (await t.createPractice('portal-sec-c')).adminKey
    for (const op of operations) {
      for (const token of [null, forged, 'not-a-token', adminKey]) {
        const res = await t.call(op.method, concrete(op), { key: token, body: OWNER_CASES[key(op)]?.body })
        expect(res.status, `${key(op)} with ${token?.slice(0, 12)}`).toBe(401)
        expect(res.body.error.code).toBe('unauthorized')
      }
    }
  })

  it("never shows or changes the owner's data to another client, of this practice or another", async () => {
    for (const intruder of [samePracticeClient, otherPracticeClient]) {
      for (const op of operations) {
        const res = await t.call(op.method, concrete(op), { key: intruder, body: OWNER_CASES[key(op)]?.body })
        if (op.path.includes('{id}')) expect(res.status, key(op)).toBe(404)
        for (const secret of secrets) expect(res.text, key(op)).not.toContain(secret)
      }
    }
    const changed = await t.sql`
      select id from appointments where id in ${t.sql([...ownerAppointments.values()])} and status <> 'scheduled'`
    expect(changed).toEqual([])
    expect(await t.sql`select 1 from alerts where appointment_id in ${t.sql([...ownerAppointments.values()])}`).toEqual(
      [],
    )
  })

  it('answers the owner', async () => {
    for (const op of operations) {
      const expected = OWNER_CASES[key(op)]!
      const res = await t.call(op.method, concrete(op), { key: owner, body: expected.body })
      expect(res.status, `${key(op)}: ${res.text}`).toBe(expected.status)
    }
  })

  it('answers 401 the moment the session ends, though its access token has not expired, and changes nothing', async () => {
    const ended = (await signIn(t, 'portal-sec-a', 'owner.secret@example.com')).access_token
    expect((await t.call('POST', '/v1/portal/auth/logout', { key: ended, body: {} })).status).toBe(204)
    const state = () =>
      t.sql`select count(*)::int as n, max(updated_at) as at from appointments
              where id = any(${[...ownerAppointments.values()]}::uuid[])`
    const before = await state()
    for (const op of operations) {
      const res = await t.call(op.method, concrete(op), { key: ended, body: OWNER_CASES[key(op)]?.body })
      expect(res.status, key(op)).toBe(401)
    }
    expect(await state()).toEqual(before)
  })
})
