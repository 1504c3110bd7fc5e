import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../testing/app'
import { fixtures } from '../testing/fixtures'
import { sessionNow } from '../testing/portal'

/**
 * A fuzzer over everything anyone can reach without a practice key: the public and portal
 * operations of the served OpenAPI document, with generated hostile bodies, query strings, path
 * ids and headers (wrong types, huge strings and numbers, NUL, lone surrogates, invalid
 * percent-encoding, deep nesting, odd dates and zones, forged tokens), anonymously and as a
 * signed-in client. Every answer must be below 500, on time, and in the one error shape or its
 * documented schema (`t.call` checks both). Deterministic: a failure prints its seed and path;
 * replay with FUZZ_SEED (and FUZZ_RUNS for more, e.g. FUZZ_RUNS=5000 locally).
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20261202)
const RUNS = Number(process.env.FUZZ_RUNS ?? 600)
const ANSWER_WITHIN_MS = 5_000

type Schema = { type?: string | string[]; enum?: unknown[]; format?: string; properties?: Record<string, Schema> }
type Operation = { method: string; path: string; body: Record<string, Schema> | null; query: string[]; portal: boolean }

let t: TestContext
let operations: Operation[]
let clientToken: string
let appointmentId: string
/** A fresh session for the client, when a generated logout ended theirs. */
let signInAgain: () => Promise<string>

beforeAll(async () => {
  t = await startTestApp()
  const { adminKey, practice } = await t.createPractice('fuzz')
  const f = fixtures(t, adminKey)
  const therapist = await f.therapist()
  const client = await f.client()
  appointmentId = (await f.appointment(therapist.id, client.id, '2026-03-12T15:00:00Z')).id
  signInAgain = async () => (await sessionNow(t, practice.id, client.id)).access_token
  clientToken = await signInAgain()
  const doc = (await t.call('GET', '/openapi.json')).body
  operations = []
  for (const [path, methods] of Object.entries<Record<string, any>>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(methods)) {
      const security: Record<string, unknown>[] = op.security ?? []
      const portal = security.some((s) => 'portalToken' in s)
      if (security.length && !portal) continue
      const json = op.requestBody?.content?.['application/json']?.schema
      operations.push({
        method: method.toUpperCase(),
        path,
        body: json?.properties ?? null,
        query: (op.parameters ?? [])
          .filter((p: { in: string }) => p.in === 'query')
          .map((p: { name: string }) => p.name),
        portal,
      })
    }
  }
})
afterAll(() => t.stop())

const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`

const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    'a\u0000b',
    '\u0000',
    '\uD800',
    'x\uDC00y',
    '\uDBFF\uDFFF',
    '\u202Eevil',
    'x'.repeat(100_000),
    '0001-01-01T00:00:00Z',
    '0050-06-01T12:00:00Z',
    '9999-12-31T23:59:59Z',
    '2026-02-30T10:00:00Z',
    '2026-03-08T02:30:00-05:00',
    '2026-13-01',
    '1899-12-31',
    '2200-01-01',
    'US/Pacific-New',
    'america/new_york',
    'Mars/Olympus',
    'fuzz',
    'client@example.com',
    'a@b',
    '"><script>alert(1)</script>',
    "' or 1=1 --",
    '../../etc/passwd',
    '%00',
    '00000000-0000-0000-0000-000000000000',
  ),
)
const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, -0, 0.5, -1, 1e-300, 2 ** 31, -(2 ** 63)),
)
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileText,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileText, fc.constantFrom('__proto__', 'constructor')), tie('value'), { maxKeys: 4 }),
  ),
})).value

/** A value a documented field would accept, as far as its schema says, so one bad field gets deep. */
function plausible(schema: Schema): fc.Arbitrary<unknown> {
  if (schema.enum?.length) return fc.constantFrom(...schema.enum)
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type
  if (schema.format === 'email') return fc.constant('fuzz-client@example.com')
  if (schema.format === 'date-time') return fc.constantFrom('2026-03-12T15:00:00Z', '2026-03-20T18:30:00-04:00')
  if (schema.format === 'date') return fc.constant('2026-03-12')
  if (schema.format === 'time-zone') return fc.constantFrom('America/New_York', 'Europe/Paris')
  if (schema.format === 'uri') return fc.constant('https://push.example/endpoint')
  if (type === 'boolean') return fc.boolean()
  if (type === 'integer' || type === 'number') return fc.integer({ min: 0, max: 100 })
  if (type === 'array') return fc.constant([])
  if (type === 'object') return fc.constant({})
  return fc.constantFrom('fuzz', 'scheduling', 'Hello there')
}

/** Every documented field plausible, then one (or a few) of them replaced by something hostile. */
function shapedBody(fields: Record<string, Schema>): fc.Arbitrary<Record<string, unknown>> {
  const names = Object.keys(fields)
  const base = fc.record(Object.fromEntries(names.map((n) => [n, plausible(fields[n]!)])), { requiredKeys: [] })
  if (!names.length) return base
  return fc
    .tuple(base, fc.array(fc.tuple(fc.constantFrom(...names), hostileValue), { maxLength: 2 }))
    .map(([body, bad]) => ({ ...body, ...Object.fromEntries(bad) }))
}

function bodyText(op: Operation): fc.Arbitrary<string | undefined> {
  const shaped = op.body
    ? shapedBody(op.body)
        .chain((fields) =>
          fc.oneof(
            fc.constant(fields),
            fc.dictionary(hostileText, hostileValue, { maxKeys: 3 }).map((extra) => ({ ...extra, ...fields })),
          ),
        )
        .map((fields) => JSON.stringify(fields))
    : fc.constant(undefined)
  return fc.oneof(
    { weight: 6, arbitrary: shaped },
    fc.constantFrom(
      undefined,
      '',
      '{',
      'null',
      '[]',
      '"text"',
      '1e999',
      '{"a":1,"a":2}',
      '{"__proto__":{"admin":true}}',
      '{"name":"a\\u0000b"}',
      '{"email":"\\ud800@example.com"}',
      deep(100_000),
      deepObject(20_000),
      `{"x":"${'y'.repeat(2_000_000)}"}`,
    ),
    hostileValue.map((v) => JSON.stringify(v) ?? 'undefined'),
  )
}

/** Percent-encoding, including what cannot be valid UTF-8 (a lone surrogate, a stray byte). */
const encoded = (value: string) => {
  try {
    return encodeURIComponent(value)
  } catch {
    return '%ED%A0%80'
  }
}
const rawEncoding = fc.constantFrom('%', '%zz', '%FF', '%ED%A0%80', '%00', '%2e%2e', '%E2%80%AE')
const pathId = fc.oneof(
  fc.constant<string | null>(null),
  fc.uuid().map(encoded),
  hostileText.filter((s) => s.length > 0 && s.length < 5000).map(encoded),
  rawEncoding,
)

function queryString(op: Operation): fc.Arbitrary<string> {
  const names = [...op.query, 'unknown', 'practice', 'limit', 'cursor']
  const pair = fc.tuple(
    fc.oneof(fc.constantFrom(...names), hostileText.map(encoded)),
    fc.oneof(hostileText.filter((s) => s.length < 5000).map(encoded), hostileNumber.map(String), rawEncoding),
  )
  return fc.array(pair, { maxLength: 5 }).map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'))
}

/** Header values a client can really send (no CR, LF or NUL: fetch itself refuses those). */
const headerText = fc.string({ unit: 'binary-ascii', maxLength: 60 }).map((s) => s.replace(/[\r\n\0]/g, ''))
/** Who is asking: nobody, the signed-in client (most often), or someone with a forged token. */
const identity = fc.oneof(
  { weight: 1, arbitrary: fc.constant<string | null>(null) },
  { weight: 4, arbitrary: fc.constant('CLIENT') },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.constantFrom('TAMPERED', 'Bearer ', 'Basic YTpi', `Bearer ${'a'.repeat(10_000)}`),
      fc.constant('Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ4IiwiYXVkIjoicG9ydGFsIn0.'),
      headerText.map((s) => `Bearer ${s}`),
    ),
  },
)
const headers = fc.record(
  {
    'content-type': fc.oneof(
      { weight: 6, arbitrary: fc.constant('application/json') },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          'application/json; charset=utf-16',
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          '',
        ),
      },
    ),
    'accept-language': headerText,
    origin: fc.oneof(headerText, fc.constantFrom('null', 'https://evil.example')),
    'x-forwarded-for': headerText,
  },
  { requiredKeys: ['content-type'] },
)

function request(op: Operation) {
  return fc.record({
    id: pathId,
    query: queryString(op),
    body: bodyText(op),
    headers,
    identity,
  })
}

const withinTime = <T>(work: Promise<T>, what: string) =>
  Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what}: no answer within 5 s`)), ANSWER_WITHIN_MS),
    ),
  ])

describe('hostile input to the public and portal operations', () => {
  it('never answers 5xx, never hangs, and always answers in the documented shape', async () => {
    expect(operations.length).toBeGreaterThan(30)
    const arbitrary = fc.integer({ min: 0, max: 10_000 }).chain((n) => {
      const op = operations[n % operations.length]!
      return request(op).map((input) => ({ op, ...input }))
    })
    await fc.assert(
      fc.asyncProperty(arbitrary, async ({ op, id, query, body, headers: sent, identity: who }) => {
        const path = op.path.replace(/\{[^}]+\}/g, () => id ?? appointmentId) + (query ? `?${query}` : '')
        const extra: Record<string, string> = { ...(sent as Record<string, string>) }
        if (who === 'CLIENT') extra.authorization = `Bearer ${clientToken}`
        else if (who === 'TAMPERED') extra.authorization = `Bearer ${clientToken.slice(0, -2)}xx`
        else if (who) extra.authorization = who
        const what = `${op.method} ${path.slice(0, 200)}`
        const res = await withinTime(
          t.call(op.method, path, { headers: extra, ...(body !== undefined && op.method !== 'GET' ? { body } : {}) }),
          what,
        )
        expect(res.status, `${what} answered ${res.status}: ${res.text.slice(0, 300)}`).toBeLessThan(500)
        if (op.path === '/v1/portal/auth/logout' && res.status === 204) clientToken = await signInAgain()
        if (res.status >= 400 && !op.path.startsWith('/v1/actions/')) {
          expect(res.headers.get('content-type'), `${what} answered ${res.status} without JSON`).toMatch(/json/)
        }
      }),
      { seed: SEED, numRuns: RUNS },
    )
  }, 90_000)
})
