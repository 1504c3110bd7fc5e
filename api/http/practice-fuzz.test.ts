import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateApiKey } from '../api-keys/auth'
import { insertApiKey } from '../api-keys/queries'
import { asSystem } from '../db/tenant'
import { OPERATOR_KEY, startTestApp, type TestContext } from '../testing/app'
import { fixtures } from '../testing/fixtures'
import {
  documentedOperations,
  fuzzRuns,
  headerText,
  type Operation,
  type Pool,
  walkOperations,
  walkUnstorableText,
} from '../testing/fuzz'
import { sessionNow } from '../testing/portal'
import { signedInStaff, staffSessionNow } from '../testing/staff'

/**
 * The contract fuzz over the practice's own operations (API key or staff session) and the
 * operator's: as the practice's admin key, as a therapist's key, as nobody, with a client's portal
 * token and with forged keys, against a practice with a row of every kind its paths name, so that
 * bodies and ids get past authorization to the fields (`testing/fuzz.ts` says what is generated
 * and what every answer must be). An operation that ends an identity or deletes a row (revoking a
 * key, deleting an endpoint) gets it re-created. Replay with FUZZ_SEED and FUZZ_RUNS.
 */

const RUNS = fuzzRuns(3000)

type Who = 'NONE' | 'ADMIN' | 'THERAPIST' | 'STAFF' | 'CLIENT' | 'OPERATOR' | 'FORGED_KEY' | { raw: string }

let t: TestContext
let operations: Operation[]
let practiceId: string
let therapistId: string
const keys = { admin: '', therapist: '' }
let clientToken: string
/** The practice owner's session cookie, signed in through the console's flow. */
let staffCookie: string
let signStaffIn: () => Promise<string>
const pool: Pool = {}
/** How to make another row of a kind when an operation deleted one. */
const recreate: Record<string, () => Promise<string>> = {}

/** A key added straight to the database, as the operator would, for when the fuzz revoked every admin key. */
async function mintKey(role: 'admin' | 'therapist', therapist: string | null) {
  const secret = await generateApiKey()
  await asSystem(t.sql, (tx) =>
    insertApiKey(tx, {
      practiceId,
      role,
      therapistId: therapist,
      name: 'fuzz',
      hash: secret.hash,
      prefix: secret.prefix,
    }),
  )
  return secret.key
}

async function created(method: string, path: string, body: unknown) {
  const answer = await t.call(method, path, { key: keys.admin, body })
  expect(answer.status, `${method} ${path}: ${answer.text}`).toBeLessThan(300)
  return answer.body
}

beforeAll(async () => {
  t = await startTestApp()
  const practice = await t.createPractice('fuzz')
  practiceId = practice.practice.id
  keys.admin = practice.adminKey
  const f = fixtures(t, keys.admin)
  const therapists = [await f.therapist(), await f.therapist({ name: 'Dr. Second' })]
  therapistId = therapists[0].id
  await f.weekdayHours(therapistId)
  const clients = [await f.client(), await f.client({ name: 'Second Client' })]
  const appointments = [
    await f.appointment(therapistId, clients[0].id, '2026-03-12T15:00:00Z'),
    await f.appointment(therapistId, clients[1].id, '2026-03-13T15:00:00Z'),
    await f.appointment(therapists[1].id, clients[0].id, '2026-03-16T15:00:00Z'),
  ]
  keys.therapist = await f.therapistKey(therapistId)
  const owner = await signedInStaff(t, practiceId, { role: 'owner', email: 'owner@fuzz.example' })
  staffCookie = owner.cookie
  signStaffIn = () => staffSessionNow(t, owner.user)
  clientToken = (await sessionNow(t, practiceId, clients[0].id)).access_token
  const asClient = (path: string, body: unknown) =>
    t.call('POST', path, { headers: { authorization: `Bearer ${clientToken}` }, body })
  // A conversation, a reschedule request and an alert, the way a client makes them.
  expect((await asClient('/v1/portal/messages', { category: 'crisis', body: 'I need to talk' })).status).toBe(201)
  expect(
    (
      await t.call('PATCH', '/v1/practice', {
        key: keys.admin,
        body: { reschedule: { mode: 'request', inside_window: 'allow' } },
      })
    ).status,
  ).toBe(200)
  const slots = await t.call('GET', `/v1/portal/appointments/${appointments[0].id}/slots`, {
    headers: { authorization: `Bearer ${clientToken}` },
  })
  const moved = await asClient(`/v1/portal/appointments/${appointments[0].id}/reschedule`, {
    starts_at: slots.body.data[0].starts_at,
  })
  expect(moved.status, moved.text).toBe(202)

  recreate['api-keys'] = async () => (await created('POST', '/v1/api-keys', { role: 'admin', name: 'spare' })).id
  recreate['webhook-endpoints'] = async () =>
    (await created('POST', '/v1/webhook-endpoints', { url: 'https://hooks.example/hearth' })).id
  recreate.users = async () =>
    (
      await created('POST', '/v1/staff/users', {
        email: `front${Date.now()}@example.com`,
        name: 'Front Desk',
        role: 'front_desk',
      })
    ).id
  const list = async (path: string) =>
    (await t.call('GET', path, { key: keys.admin })).body.data.map((r: { id: string }) => r.id)
  Object.assign(pool, {
    therapists: therapists.map((r) => r.id),
    clients: clients.map((r) => r.id),
    appointments: appointments.map((r) => r.id),
    'api-keys': [await recreate['api-keys']()],
    'webhook-endpoints': [await recreate['webhook-endpoints']()],
    users: [await recreate.users()],
    threads: await list('/v1/threads'),
    alerts: await list('/v1/alerts'),
    'reschedule-requests': await list('/v1/reschedule-requests'),
    practices: ['fuzz'],
    sessions: (await t.call('GET', '/v1/staff/me/sessions', { headers: { cookie: staffCookie } })).body.data.map(
      (r: { id: string }) => r.id,
    ),
  })
  for (const kind of ['threads', 'alerts', 'reschedule-requests']) expect(pool[kind], kind).not.toEqual([])
  operations = await documentedOperations(t, (op) => op.security.length > 0 && !op.security.includes('portalToken'))
})
afterAll(() => t.stop())

/** The admin key and the therapist's key most often, the owner's console session, then nobody, a client's token, the operator and forgeries. */
const identity: fc.Arbitrary<Who> = fc.oneof(
  { weight: 4, arbitrary: fc.constant<Who>('ADMIN') },
  { weight: 3, arbitrary: fc.constant<Who>('THERAPIST') },
  { weight: 2, arbitrary: fc.constant<Who>('STAFF') },
  { weight: 1, arbitrary: fc.constant<Who>('NONE') },
  { weight: 1, arbitrary: fc.constant<Who>('CLIENT') },
  { weight: 1, arbitrary: fc.constantFrom<Who>('OPERATOR', 'FORGED_KEY') },
  {
    weight: 1,
    arbitrary: fc
      .oneof(
        fc.constantFrom('Bearer ', 'Basic YTpi', `Bearer hearth_${'a'.repeat(10_000)}`, 'bearer  hearth_'),
        headerText.map((s) => `Bearer hearth_${s}`),
      )
      .map((raw): Who => ({ raw })),
  },
)

function authorize(who: Who): Record<string, string> {
  if (typeof who === 'object') return { authorization: who.raw }
  if (who === 'STAFF') return { cookie: staffCookie, origin: new URL(t.deps.publicUrl).origin }
  const bearer = {
    NONE: null,
    ADMIN: keys.admin,
    THERAPIST: keys.therapist,
    CLIENT: clientToken,
    OPERATOR: OPERATOR_KEY,
    FORGED_KEY: `${keys.admin.slice(0, -2)}xx`,
  }[who]
  return bearer ? { authorization: `Bearer ${bearer}` } : {}
}

const works = async (key: string) => (await t.call('GET', '/v1/whoami', { key })).status === 200

/** A key that stopped working (a generated call revoked it) is made again; a deleted row is replaced. */
async function after(op: Operation, answer: { status: number }, who: Who, path: string) {
  const keyed = answer.status === 401 && op.security.includes('apiKey')
  if (keyed && who === 'ADMIN' && !(await works(keys.admin))) keys.admin = await mintKey('admin', null)
  if (keyed && who === 'THERAPIST' && !(await works(keys.therapist)))
    keys.therapist = await mintKey('therapist', therapistId)
  if (
    answer.status === 401 &&
    who === 'STAFF' &&
    (await t.call('GET', '/v1/staff/me', { headers: { cookie: staffCookie } })).status === 401
  )
    staffCookie = await signStaffIn()
  const deleted =
    op.method === 'DELETE' && answer.status < 300 && /^\/v1\/(?:staff\/)?([a-z-]+)\/\{id\}$/.exec(op.path)?.[1]
  if (deleted && recreate[deleted]) {
    const id = decodeURIComponent(path.split('?')[0]!.split('/').at(-1)!)
    pool[deleted] = [...pool[deleted]!.filter((x) => x !== id), await recreate[deleted]()]
  }
}

describe('hostile input to the practice operations', () => {
  it('never answers 5xx, never hangs, and always answers in the documented shape', async () => {
    expect(operations.length).toBeGreaterThan(60)
    await walkOperations(t, { operations, pool, identity, authorize, after, runs: RUNS })
  }, 100_000)
})

/** The operator's key for the operator's operations, the admin key where a key may call, else the owner's session. */
function asStaff(op: Operation): Record<string, string> {
  if (op.security.includes('apiKey')) return authorize('ADMIN')
  if (op.security.includes('staffSession')) return authorize('STAFF')
  return authorize('OPERATOR')
}

/** Operations a valid body cannot get to field validation with these identities, and why. */
const UNREACHABLE: Record<string, string> = {
  'POST /v1/staff/auth/practice': 'needs a sign-in halfway through (emailed code verified, practice not chosen yet)',
  'POST /v1/staff/auth/totp': 'needs a sign-in halfway through (waiting for the authenticator code)',
  'POST /v1/staff/auth/recovery': 'needs a sign-in halfway through (waiting for the authenticator code)',
  'POST /v1/staff/me/passkeys':
    "needs a real authenticator's attestation; a built one is refused for its ids before every field is read",
}

describe('text Postgres cannot store, in every field of the practice operations', () => {
  it('answers 400 naming the field for a NUL or a lone surrogate in any string field or query parameter', async () => {
    const passed = await walkUnstorableText(t, { operations, pool, authorize: asStaff, unreachable: UNREACHABLE })
    expect(passed.length).toBeGreaterThan(30)
  }, 40_000)
})
