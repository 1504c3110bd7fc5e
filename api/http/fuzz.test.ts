import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../testing/app'
import { fixtures } from '../testing/fixtures'
import * as fuzz from '../testing/fuzz'
import type { Operation, Pool } from '../testing/fuzz'
import { sessionNow } from '../testing/portal'

/**
 * The contract fuzz over everything anyone can reach without a practice key: the public and
 * portal operations of the served OpenAPI document, anonymously, as a signed-in client, and with
 * forged tokens (`testing/fuzz.ts` says what is generated and what every answer must be). The
 * practice's own operations are `practice-fuzz.test.ts`. Replay with FUZZ_SEED and FUZZ_RUNS.
 */

const RUNS = fuzz.fuzzRuns(1500)

let t: TestContext
let operations: Operation[]
let clientToken: string
let pool: Pool
/** A fresh session for the client, when a generated logout ended theirs. */
let signInAgain: () => Promise<string>

beforeAll(async () => {
  t = await startTestApp()
  const { adminKey, practice } = await t.createPractice('fuzz')
  const f = fixtures(t, adminKey)
  const therapist = await f.therapist()
  const client = await f.client()
  const appointment = await f.appointment(therapist.id, client.id, '2026-03-12T15:00:00Z')
  pool = { appointments: [appointment.id], therapists: [therapist.id], clients: [client.id] }
  signInAgain = async () => (await sessionNow(t, practice.id, client.id)).access_token
  clientToken = await signInAgain()
  operations = await fuzz.documentedOperations(t, (op) => !op.security.length || op.security.includes('portalToken'))
})
afterAll(() => t.stop())

/** Who is asking: nobody, the signed-in client (most often), or someone with a forged token. */
const identity = fc.oneof(
  { weight: 1, arbitrary: fc.constant<string | null>(null) },
  { weight: 4, arbitrary: fc.constant('CLIENT') },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.constantFrom('TAMPERED', 'Bearer ', 'Basic YTpi', `Bearer ${'a'.repeat(10_000)}`),
      fc.constant('Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ4IiwiYXVkIjoicG9ydGFsIn0.'),
      fuzz.headerText.map((s) => `Bearer ${s}`),
    ),
  },
)

function authorize(who: string | null): Record<string, string> {
  if (who === 'CLIENT') return { authorization: `Bearer ${clientToken}` }
  if (who === 'TAMPERED') return { authorization: `Bearer ${clientToken.slice(0, -2)}xx` }
  return who ? { authorization: who } : {}
}

describe('hostile input to the public and portal operations', () => {
  it('never answers 5xx, never hangs, and always answers in the documented shape', async () => {
    expect(operations.length).toBeGreaterThan(30)
    await fuzz.walkOperations(t, {
      operations,
      pool,
      identity,
      authorize,
      runs: RUNS,
      after: async (op, answer) => {
        if (op.path === '/v1/portal/auth/logout' && answer.status === 204) clientToken = await signInAgain()
      },
    })
  }, 100_000)
})

describe('text Postgres cannot store, in every field of the public and portal operations', () => {
  it('answers 400 naming the field for a NUL or a lone surrogate in any string field or query parameter', async () => {
    const passed = await fuzz.walkUnstorableText(t, {
      operations,
      pool,
      authorize: (op): Record<string, string> => (op.security.length ? { authorization: `Bearer ${clientToken}` } : {}),
      unreachable: {
        'GET /v1/inbound/whatsapp':
          "Meta's subscription handshake refuses a wrong verify token before it reads the challenge, which is echoed, never stored",
      },
    })
    // The public body operations, asked anonymously.
    for (const name of ['POST /v1/portal/auth/start', 'POST /v1/portal/auth/verify']) expect(passed).toContain(name)
    expect(passed.some((name) => /^POST \/v1\/staff\/.*invitations.*accept/.test(name))).toBe(true)
    expect(passed.length).toBeGreaterThan(15)
  }, 40_000)
})
