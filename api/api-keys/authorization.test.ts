import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../testing/app'
import {
  concrete as concreteIn,
  practiceOperations,
  practiceWithSecrets,
  SAMPLE_BODIES,
} from '../testing/authorization'

/**
 * Authorization across every practice API route listed in the OpenAPI document: no key, a
 * made-up key, and another practice's key must get nothing of practice A's.
 */

let t: TestContext
let ids: Record<string, string>
let secretsOfA: string[]
let keyOfB: string
let operations: { method: string; path: string }[]
const concrete = (path: string) => concreteIn(ids, path)

beforeAll(async () => {
  t = await startTestApp()
  const a = await practiceWithSecrets(t, 'sec-a')
  ids = a.ids
  secretsOfA = [...a.secrets, ...Object.values(ids)]
  keyOfB = (await t.createPractice('sec-b')).adminKey
  operations = await practiceOperations(t)
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
