import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../testing/app'
import {
  concrete as concreteIn,
  practiceOperations,
  practiceWithSecrets,
  SAMPLE_BODIES as SHARED_BODIES,
} from '../testing/authorization'
import { addStaff, signedInStaff } from '../testing/staff'
import { type Action, permission, type Resource, STAFF_ROLES, type StaffRole } from '../../shared/policy/permissions'

/**
 * Every practice route in the OpenAPI document × every staff role, signed in with the session
 * cookie: no session (401), a foreign Origin on an unsafe method (403), what the role may not do
 * (403 with the reason, from the one permission table), what is not theirs (404: another
 * therapist's records) and another practice (none of practice A's records, ever).
 */

let t: TestContext
let ids: Record<string, string>
let secretsOfA: string[]
let operations: { method: string; path: string }[]
const staff = {} as Record<StaffRole, Awaited<ReturnType<typeof signedInStaff>>>
let otherPractice: Awaited<ReturnType<typeof signedInStaff>>

const SAMPLE_BODIES: Record<string, unknown> = {
  ...SHARED_BODIES,
  'POST /v1/staff/users': { email: 'invitee@example.com', name: 'Invitee', role: 'front_desk' },
  'PATCH /v1/staff/users/{id}': { name: 'Renamed' },
}

/** Which resource of the permission table each route is about (the most specific prefix wins). */
const RESOURCE_OF: [RegExp, Resource][] = [
  [/^POST \/v1\/appointments$/, 'new_appointments'],
  [/^\w+ \/v1\/appointments\/\{id\}\/confirmation-calls/, 'confirmation_calls'],
  [/^\w+ \/v1\/therapists\/\{id\}\/contact-policy/, 'contact_policy'],
  [/^\w+ \/v1\/therapists\/\{id\}\/availability/, 'availability'],
  [/^\w+ \/v1\/threads\/\{id\}\/(messages|read)/, 'message_bodies'],
  [/^PATCH \/v1\/threads\/\{id\}$/, 'thread_routing'],
  [/^\w+ \/v1\/practice/, 'practice'],
  [/^\w+ \/v1\/therapists/, 'therapists'],
  [/^\w+ \/v1\/clients/, 'clients'],
  [/^\w+ \/v1\/appointments/, 'appointments'],
  [/^\w+ \/v1\/confirmation-calls/, 'confirmation_calls'],
  [/^\w+ \/v1\/reschedule-requests/, 'reschedule_requests'],
  [/^\w+ \/v1\/alerts/, 'alerts'],
  [/^\w+ \/v1\/threads/, 'threads'],
  [/^\w+ \/v1\/insights/, 'insights'],
  [/^\w+ \/v1\/imports/, 'imports'],
  [/^\w+ \/v1\/fhir/, 'integrations'],
  [/^\w+ \/v1\/webhook-endpoints/, 'webhooks'],
  [/^\w+ \/v1\/api-keys/, 'api_keys'],
  [/^\w+ \/v1\/staff\/users/, 'staff'],
  [/^\w+ \/v1\/audit-log/, 'audit'],
  [/^\w+ \/v1\/staff\/me\//, 'own_account'],
]

function resourceOf(op: { method: string; path: string }): Resource | null {
  const key = `${op.method} ${op.path}`
  return RESOURCE_OF.find(([pattern]) => pattern.test(key))?.[1] ?? null
}

const actionOf = (method: string): Action => (method === 'GET' ? 'read' : 'change')

const concrete = (path: string) => concreteIn(ids, path)

beforeAll(async () => {
  t = await startTestApp()
  const a = await practiceWithSecrets(t, 'matrix-a')
  const ownTherapist = await a.fixtures.therapist({ name: 'Dr. Own', email: 'own.therapist@example.com' })
  for (const role of STAFF_ROLES) {
    staff[role] = await signedInStaff(t, a.practice.id, {
      role,
      therapistId: role === 'therapist' ? ownTherapist.id : null,
      name: `Matrix ${role}`,
    })
  }
  ids = { ...a.ids, staff: (await addStaff(t, a.practice.id, { role: 'front_desk', name: 'Matrix target' })).id }
  secretsOfA = [...a.secrets, ...Object.values(a.ids)]
  const b = await t.createPractice('matrix-b')
  otherPractice = await signedInStaff(t, b.practice.id, { role: 'owner', name: 'Other Owner' })
  operations = (await practiceOperations(t)).filter((op) => op.path !== '/v1/whoami')
}, 60_000)
afterAll(() => t.stop())

// Unsafe calls change practice A as they go; the order (reads first, removals last) keeps each call's premise.
const ORDER = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']
const ordered = () => [...operations].sort((x, y) => ORDER.indexOf(x.method) - ORDER.indexOf(y.method))

describe('every practice route, signed in as a person', () => {
  it('covers the routes, each with its resource in the permission table', () => {
    expect(operations.length).toBeGreaterThanOrEqual(30)
    for (const op of operations) expect(resourceOf(op), `${op.method} ${op.path}`).not.toBeNull()
  })

  it('answers 401 without a session', async () => {
    for (const op of operations) {
      const res = await t.call(op.method, concrete(op.path), {
        body: SAMPLE_BODIES[`${op.method} ${op.path}`],
        headers: { origin: 'http://hearth.test' },
      })
      expect(res.status, `${op.method} ${op.path}`).toBe(401)
    }
  })

  it('answers 403 to an unsafe method from a foreign Origin, whatever the role', async () => {
    for (const op of operations.filter((o) => o.method !== 'GET')) {
      for (const role of STAFF_ROLES) {
        const res = await staff[role].call(op.method, concrete(op.path), {
          body: SAMPLE_BODIES[`${op.method} ${op.path}`],
          headers: { origin: 'https://elsewhere.example' },
        })
        expect(res.status, `${role} ${op.method} ${op.path}`).toBe(403)
      }
    }
  })

  it('refuses what the role may not do (403, with the reason) and hides what is not theirs (404)', async () => {
    for (const op of ordered()) {
      const resource = resourceOf(op)!
      for (const role of ['therapist', 'front_desk', 'admin', 'owner'] as const) {
        const where = `${role} ${op.method} ${op.path}`
        const res = await staff[role].call(op.method, concrete(op.path), {
          body: SAMPLE_BODIES[`${op.method} ${op.path}`],
        })
        const decision = permission(role, actionOf(op.method), resource)
        expect(res.status, where).not.toBe(401)
        if (!decision.allowed) {
          // Another therapist's record is not theirs at all: 404 comes before what the role may do.
          if (role === 'therapist' && res.status === 404 && op.path.includes('{id}')) continue
          expect(res.status, `${where}: ${res.text}`).toBe(403)
          expect(res.body.error.details?.reason, where).toBe(decision.reason)
          continue
        }
        expect(res.body?.error?.details?.reason, `${where}: ${res.text}`).toBeUndefined()
        // A therapist's view holds only their own records: practice A's other therapist is not theirs.
        if (role === 'therapist') {
          if (op.path.includes('{id}') && !op.path.startsWith('/v1/staff/me')) {
            expect(res.status, `${where}: ${res.text}`).toBe(404)
          }
          for (const secret of ['Secret Client', 'secret.client@example.com', 'Secret Street 1']) {
            expect(res.text, where).not.toContain(secret)
          }
        }
      }
    }
  }, 120_000)

  it("never shows or changes practice A's records to another practice's owner", async () => {
    for (const op of ordered()) {
      const res = await otherPractice.call(op.method, concrete(op.path), {
        body: SAMPLE_BODIES[`${op.method} ${op.path}`],
      })
      const where = `${op.method} ${op.path}`
      expect(res.status, where).not.toBe(401)
      if (op.path.includes('{id}')) expect([403, 404, 400], `${where}: ${res.text}`).toContain(res.status)
      for (const secret of secretsOfA) expect(res.text, where).not.toContain(secret)
    }
  }, 120_000)
})
