import fc from 'fast-check'
import { expect } from 'vitest'
import { DATABASE_REFUSED_VALUE } from '../http/error-handler'
import { CLIENT_COLUMNS, SESSION_COLUMNS } from '../../shared/schemas/imports'
import type { TestContext } from './app'

/**
 * The generators and the walk shared by the contract fuzzers (`http/fuzz.test.ts` for the public
 * and portal operations, `http/practice-fuzz.test.ts` for the practice's): every operation of the
 * served OpenAPI document, called with bodies and query strings shaped from its documented schema
 * with a field or two made hostile (wrong types, huge strings and numbers, NUL, lone surrogates,
 * odd dates and zones), path ids that are often real rows of the practice and otherwise hostile,
 * odd headers, and a mix of identities. Every answer must be below 500, on time, in the one error
 * shape or its documented schema (`t.call` checks both), and no value may get past validation to
 * be refused by the database (a 400 that names no field). Deterministic: a failure prints its seed
 * and path; replay with FUZZ_SEED (and FUZZ_RUNS for more, e.g. FUZZ_RUNS=20000 locally).
 */

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261202)
export const fuzzRuns = (runs: number) => Number(process.env.FUZZ_RUNS ?? runs)
const ANSWER_WITHIN_MS = 5_000

export type Schema = {
  type?: string | string[]
  enum?: unknown[]
  const?: unknown
  format?: string
  pattern?: string
  properties?: Record<string, Schema>
  required?: string[]
  items?: Schema
  anyOf?: Schema[]
  oneOf?: Schema[]
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  minLength?: number
  maxLength?: number
  minItems?: number
  maxItems?: number
}

export type Operation = {
  method: string
  path: string
  /** The security schemes that may call it (empty: anyone). */
  security: string[]
  /** The documented body: its media type and, for JSON, its schema. */
  body: { type: string; schema: Schema | null } | null
  query: Record<string, Schema>
}

/**
 * Real rows of the practice, by the name a path or a field gives them: the segment before a path's
 * `{id}` (`clients`, `webhook-endpoints`, `users`) and a field's `x_id` read as `xs`. Read each time
 * a value is drawn, so a test may replace a row that an operation deleted.
 */
export type Pool = Record<string, string[]>

/** Every operation of the served document that `keep` keeps. */
export async function documentedOperations(t: TestContext, keep: (op: Operation) => boolean): Promise<Operation[]> {
  const doc = (await t.call('GET', '/openapi.json')).body
  const operations: Operation[] = []
  for (const [path, methods] of Object.entries<Record<string, any>>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(methods)) {
      const content: Record<string, { schema?: Schema }> = op.requestBody?.content ?? {}
      const [type, media] = Object.entries(content)[0] ?? []
      const query: Record<string, Schema> = {}
      for (const p of op.parameters ?? []) if (p.in === 'query') query[p.name] = p.schema ?? {}
      const operation: Operation = {
        method: method.toUpperCase(),
        path,
        security: (op.security ?? []).flatMap((s: Record<string, unknown>) => Object.keys(s)),
        body: type ? { type, schema: type.includes('json') ? (media?.schema ?? null) : null } : null,
        query,
      }
      if (keep(operation)) operations.push(operation)
    }
  }
  return operations
}

const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`

/** Text Postgres cannot store (a NUL, a lone surrogate) somewhere in otherwise ordinary text. */
const unstorableText = fc
  .tuple(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('\u0000', '\uD800', '\uDFFF', '\uDBFF'),
    fc.string({ maxLength: 12 }),
  )
  .map(([before, bad, after]) => `${before}${bad}${after}`)

export const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  unstorableText,
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
    '2026-03-12T15:00:00+14:59',
    '2026-13-01',
    '1899-12-31',
    '2200-01-01',
    '24:00',
    'US/Pacific-New',
    'america/new_york',
    'Mars/Olympus',
    'Etc/GMT+14',
    'posixrules',
    'fuzz',
    'client@example.com',
    'a@b',
    'http://127.0.0.1/',
    'javascript:alert(1)',
    '"><script>alert(1)</script>',
    "' or 1=1 --",
    '../../etc/passwd',
    '%00',
    '00000000-0000-0000-0000-000000000000',
  ),
)
export const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, -0, 0.5, -1, 1e-300, 2 ** 31, -(2 ** 63)),
)
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
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

/** Hostile, but of the field's own type half the time, so it gets past the type check to the rules behind it. */
function hostileFor(schema: Schema | undefined): fc.Arbitrary<unknown> {
  const type = schema && typeOf(schema)
  const sameType =
    type === 'string' ? hostileText : type === 'integer' || type === 'number' ? hostileNumber : hostileValue
  return fc.oneof(sameType, hostileValue)
}

function typeOf(schema: Schema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((x) => x !== 'null')
  if (schema.type) return schema.type
  const branch = (schema.anyOf ?? schema.oneOf)?.find((s) => s.type !== 'null')
  return branch ? typeOf(branch) : undefined
}

const fromPool = (pool: Pool, name: string) =>
  pool[name]?.length ? fc.nat().map((n) => pool[name]![n % pool[name]!.length]!) : null

let emails = 0
/** Fields whose schema says less than the server checks (a phone, an origin, hours), by name. */
const BY_NAME: Record<string, unknown[]> = {
  phone: ['+15550102000', '+33 1 42 68 53 00'],
  allowed_origins: ['https://fuzz.example'],
  country: ['US', 'FR'],
  currency: ['USD', 'EUR'],
  start: ['09:00'],
  end: ['17:00'],
  at: ['08:00'],
  starts_at: ['2026-03-18T15:00:00Z'],
  ends_at: ['2026-03-18T15:50:00Z'],
}
const WORDS = ['fuzz', 'scheduling', 'Hello there', 'A note for the front desk']

function plausibleString(schema: Schema): fc.Arbitrary<string> {
  if (schema.pattern && !schema.pattern.includes('\\u0000')) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern), { size: 'xsmall' })
    } catch {
      // A pattern the generator cannot read: plain words instead.
    }
  }
  const min = schema.minLength ?? 0
  const max = schema.maxLength ?? 200
  return fc.constantFrom(...WORDS).map((word) => word.padEnd(min, 'x').slice(0, max))
}

/** A value the schema would accept, as far as it says, so that one bad field gets deep. */
export function plausible(schema: Schema, pool: Pool, name = '', depth = 0): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const)
  if (schema.enum?.length) return fc.constantFrom(...schema.enum)
  const branches = (schema.anyOf ?? schema.oneOf)?.filter((s) => s.type !== 'null')
  if (branches?.length) return fc.oneof(...branches.map((s) => plausible(s, pool, name, depth)))
  const real = name.endsWith('_id') ? fromPool(pool, `${name.slice(0, -3)}s`) : null
  if (real) return fc.oneof({ weight: 4, arbitrary: real }, { weight: 1, arbitrary: fc.uuid() })
  const type = typeOf(schema)
  const named = BY_NAME[name]
  if (named && type !== 'array' && type !== 'object') return fc.constantFrom(...named)
  if (schema.format === 'email') return fc.constant(null).map(() => `fuzz${emails++}@example.com`)
  if (schema.format === 'date-time')
    return fc.constantFrom('2026-03-12T15:00:00Z', '2026-03-20T18:30:00-04:00', '2026-04-02T10:00:00Z')
  if (schema.format === 'date') return fc.constantFrom('2026-03-12', '2026-04-01')
  if (schema.format === 'time-zone') return fc.constantFrom('America/New_York', 'Europe/Paris', 'UTC')
  if (schema.format === 'uri') return fc.constant('https://push.example/endpoint')
  if (type === 'boolean') return fc.boolean()
  if (type === 'integer' || type === 'number') {
    const min = Math.ceil(schema.minimum ?? (schema.exclusiveMinimum ?? -1) + 1)
    return fc.integer({ min, max: Math.max(min, Math.min(schema.maximum ?? 100, min + 100)) })
  }
  if (type === 'array') {
    if (!schema.items || depth > 3) return fc.constant([])
    const minLength = schema.minItems ?? 0
    return fc.uniqueArray(plausible(schema.items, pool, name, depth + 1), {
      selector: (item) => JSON.stringify(item),
      minLength,
      maxLength: Math.min(schema.maxItems ?? 3, Math.max(minLength, 3)),
    })
  }
  if (type === 'object') {
    if (!schema.properties || depth > 3) return fc.constant({})
    const names = Object.keys(schema.properties)
    const required = schema.required ?? []
    return fc.record(Object.fromEntries(names.map((n) => [n, plausible(schema.properties![n]!, pool, n, depth + 1)])), {
      requiredKeys: required.filter((n) => names.includes(n)),
    })
  }
  return plausibleString(schema)
}

type Place = { path: (string | number)[]; schema: Schema | undefined }

/** Every place in a value (and every documented field it left out), with the schema that place has. */
function places(value: unknown, schema: Schema | undefined, path: (string | number)[] = []): Place[] {
  const found: Place[] = path.length ? [{ path, schema }] : []
  const branch = schema?.anyOf?.find((s) => s.type !== 'null') ?? schema
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      found.push(...places(item, branch?.items, [...path, i]))
    })
  } else if (value && typeof value === 'object') {
    const keys = new Set([...Object.keys(value), ...Object.keys(branch?.properties ?? {})])
    for (const key of keys) {
      found.push(...places((value as Record<string, unknown>)[key], branch?.properties?.[key], [...path, key]))
    }
  }
  return found
}

function replaced(value: unknown, path: (string | number)[], by: unknown): unknown {
  if (!path.length) return by
  const [head, ...rest] = path
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) }
  copy[head!] = replaced(copy[head!], rest, by)
  return copy
}

/** A plausible value of the schema, then one or two places in it (at any depth) made hostile. */
export function shapedBody(schema: Schema, pool: Pool): fc.Arbitrary<unknown> {
  return fc
    .tuple(plausible(schema, pool), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 2 }), fc.nat())
    .chain(([body, picks]) => {
      const all = places(body, schema)
      if (!all.length || !picks.length) return fc.constant(body)
      const chosen = picks.map(([n]) => all[n % all.length]!)
      return fc
        .tuple(...chosen.map((place) => hostileFor(place.schema)))
        .map((bad) => chosen.reduce<unknown>((out, place, i) => replaced(out, place.path, bad[i]), body))
    })
}

const csvCell = (value: unknown) => `"${String(value).replace(/"/g, '""')}"`

/** A spreadsheet with the importer's columns, plausible rows, and a hostile cell or column now and then. */
function csvText(pool: Pool): fc.Arbitrary<string> {
  const cell = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('fuzz', 'fuzz@example.com', 'America/New_York', '2026-03-12T15:00:00Z') },
    { weight: 1, arbitrary: hostileText },
    { weight: 1, arbitrary: fromPool(pool, 'clients') ?? fc.constant('') },
  )
  return fc
    .tuple(
      fc.constantFrom(CLIENT_COLUMNS, SESSION_COLUMNS),
      fc.array(hostileText, { maxLength: 1 }),
      fc.array(fc.array(cell, { minLength: 10, maxLength: 10 }), { maxLength: 3 }),
    )
    .map(([columns, extra, rows]) => {
      const header = [...columns, ...extra]
      return [header.map(csvCell), ...rows.map((row) => header.map((_, i) => csvCell(row[i] ?? '')))]
        .map((line) => line.join(','))
        .join('\r\n')
    })
}

export function bodyText(op: Operation, pool: Pool): fc.Arbitrary<string | undefined> {
  let shaped: fc.Arbitrary<string | undefined> = fc.constant(undefined)
  if (op.body?.type === 'text/csv') shaped = csvText(pool)
  else if (op.body?.schema) {
    shaped = shapedBody(op.body.schema, pool)
      .chain((value) =>
        value && typeof value === 'object' && !Array.isArray(value)
          ? fc.oneof(
              { weight: 4, arbitrary: fc.constant(value) },
              fc.dictionary(hostileText, hostileValue, { maxKeys: 3 }).map((extra) => ({ ...extra, ...value })),
            )
          : fc.constant(value),
      )
      .map((value) => JSON.stringify(value))
  }
  return fc.oneof(
    { weight: 8, arbitrary: shaped },
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
export const encoded = (value: string) => {
  try {
    return encodeURIComponent(value)
  } catch {
    return '%ED%A0%80'
  }
}
const rawEncoding = fc.constantFrom('%', '%zz', '%FF', '%ED%A0%80', '%00', '%2e%2e', '%E2%80%AE')
const hostileId = fc.oneof(
  fc.uuid().map(encoded),
  hostileText.filter((s) => s.length > 0 && s.length < 5000).map(encoded),
  rawEncoding,
)

/** The operation's path with each `{param}` a real row of its kind most of the time, otherwise hostile. */
function concretePath(op: Operation, pool: Pool): fc.Arbitrary<string> {
  const params = op.path.match(/\{[^}]+\}/g) ?? []
  if (!params.length) return fc.constant(op.path)
  const segments = op.path.split('/')
  const values = params.map((param) => {
    const before = segments[segments.indexOf(param) - 1] ?? ''
    const real = fromPool(pool, before) ?? fromPool(pool, param.slice(1, -1))
    return real ? fc.oneof({ weight: 4, arbitrary: real }, { weight: 1, arbitrary: hostileId }) : hostileId
  })
  return fc.tuple(...values).map((ids) => {
    let i = 0
    return op.path.replace(/\{[^}]+\}/g, () => ids[i++]!)
  })
}

/** The documented query parameters, plausible, with a hostile value or an unknown name now and then. */
function queryString(op: Operation, pool: Pool): fc.Arbitrary<string> {
  const names = Object.keys(op.query)
  const documented = fc.record(
    Object.fromEntries(names.map((n) => [n, plausible(op.query[n]!, pool, n).map(String)])),
    { requiredKeys: [] },
  )
  const hostilePair = fc.tuple(
    fc.oneof(fc.constantFrom(...names, 'unknown', 'practice', 'limit', 'cursor'), hostileText.map(encoded)),
    fc.oneof(hostileText.filter((s) => s.length < 5000).map(encoded), hostileNumber.map(String), rawEncoding),
  )
  return fc.tuple(documented, fc.array(hostilePair, { maxLength: 3 })).map(([good, bad]) =>
    [
      ...Object.entries(good)
        .filter(([k]) => !bad.some(([name]) => name === k))
        .map(([k, v]) => `${k}=${encoded(String(v))}`),
      ...bad.map(([k, v]) => `${k}=${v}`),
    ].join('&'),
  )
}

/** Header values a client can really send (no CR, LF or NUL: fetch itself refuses those). */
export const headerText = fc.string({ unit: 'binary-ascii', maxLength: 60 }).map((s) => s.replace(/[\r\n\0]/g, ''))

function headers(op: Operation) {
  const documentedType = op.body?.type ?? 'application/json'
  return fc.record(
    {
      'content-type': fc.oneof(
        { weight: 6, arbitrary: fc.constant(documentedType) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            'application/json',
            'application/json; charset=utf-16',
            'text/plain',
            'text/csv',
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
}

const withinTime = <T>(work: Promise<T>, what: string) => {
  let timer: ReturnType<typeof setTimeout> | undefined
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within 5 s`)), ANSWER_WITHIN_MS)
    }),
  ]).finally(() => clearTimeout(timer))
}

export type Answer = Awaited<ReturnType<TestContext['call']>>

/**
 * Calls operations drawn from `operations` as identities drawn from `identity` (`authorize` turns
 * one into headers), `runs` times, and fails on any 5xx, hang, undocumented answer or value the
 * database had to refuse. `after` sees every answer, to re-create what an operation ended.
 */
export async function walkOperations<Who>(
  t: TestContext,
  options: {
    operations: Operation[]
    pool: Pool
    identity: fc.Arbitrary<Who>
    authorize: (who: Who) => Record<string, string>
    after?: (op: Operation, answer: Answer, who: Who, path: string) => Promise<void>
    runs: number
  },
) {
  const { operations, pool } = options
  const arbitrary = fc.integer({ min: 0, max: 10_000 }).chain((n) => {
    const op = operations[n % operations.length]!
    return fc
      .record({
        path: concretePath(op, pool),
        query: queryString(op, pool),
        body: bodyText(op, pool),
        headers: headers(op),
        who: options.identity,
      })
      .map((input) => ({ op, ...input }))
  })
  const profile: Record<string, [number, number]> = {}
  const begun = performance.now()
  let afterMs = 0
  try {
    await fc.assert(
      fc.asyncProperty(arbitrary, async ({ op, path: base, query, body, headers: sent, who }) => {
        const path = base + (query ? `?${query}` : '')
        const extra: Record<string, string> = { ...(sent as Record<string, string>), ...options.authorize(who) }
        const what = `${op.method} ${path.slice(0, 200)}`
        const started = performance.now()
        const answer = await withinTime(
          t.call(op.method, path, { headers: extra, ...(body !== undefined && op.method !== 'GET' ? { body } : {}) }),
          what,
        )
        if (process.env.FUZZ_PROFILE) {
          const key = `${op.method} ${op.path} ${answer.status}`
          const seen = (profile[key] ??= [0, 0])
          seen[0]++
          seen[1] += performance.now() - started
        }
        expect(answer.status, `${what} answered ${answer.status}: ${answer.text.slice(0, 300)}`).toBeLessThan(500)
        if (answer.status >= 400 && !op.path.startsWith('/v1/actions/')) {
          expect(answer.headers.get('content-type'), `${what} answered ${answer.status} without JSON`).toMatch(/json/)
        }
        expect(
          answer.body?.error?.message,
          `${what} let a value through that the database refused (validation should name the field): ${body?.slice(0, 300)}`,
        ).not.toBe(DATABASE_REFUSED_VALUE)
        const afterStart = performance.now()
        await options.after?.(op, answer, who, path)
        afterMs += performance.now() - afterStart
      }),
      { seed: FUZZ_SEED, numRuns: options.runs },
    )
  } finally {
    if (process.env.FUZZ_PROFILE)
      console.log(
        `total ${(performance.now() - begun).toFixed(0)} ms, requests ${Object.values(profile)
          .reduce((a, [, ms]) => a + ms, 0)
          .toFixed(
            0,
          )} ms, after ${afterMs.toFixed(0)} ms, runs ${Object.values(profile).reduce((a, [n]) => a + n, 0)}\n` +
          Object.entries(profile)
            .sort((a, b) => b[1][1] - a[1][1])
            .map(([k, [n, ms]]) => `${ms.toFixed(0).padStart(7)} ms ${String(n).padStart(5)}x ${k}`)
            .join('\n'),
      )
  }
}

const NUL_TEXT = 'a\u0000b'
const LONE_SURROGATE_TEXT = 'a\uD800b'

/** The operation's path with each `{param}` the first real row of its kind (or a fresh uuid). */
function realPath(op: Operation, pool: Pool): string {
  const segments = op.path.split('/')
  return op.path.replace(/\{[^}]+\}/g, (param) => {
    const before = segments[segments.indexOf(param) - 1] ?? ''
    return (pool[before] ?? pool[param.slice(1, -1)])?.[0] ?? '00000000-0000-4000-8000-000000000000'
  })
}

const isString = (schema: Schema | undefined) => !!schema && typeOf(schema) === 'string'

/**
 * For every operation with a JSON body: a valid body (as `plausible` makes one), then each string
 * field, at any depth and including the optional ones, made a NUL and then a lone surrogate; and
 * every string query parameter given a NUL. Each must answer 400 `invalid_request` naming that
 * field or parameter. Operations that cannot get that far (their reason in `unreachable`, keyed
 * `METHOD /path`) are expected to miss; a miss anywhere else fails, and so does a reason for an
 * operation that no longer misses. Answers the operations that passed.
 */
export async function walkUnstorableText(
  t: TestContext,
  options: {
    operations: Operation[]
    pool: Pool
    authorize: (op: Operation) => Record<string, string>
    unreachable: Record<string, string>
  },
): Promise<string[]> {
  const misses = new Map<string, string>()
  const checked = new Set<string>()
  for (const op of options.operations) {
    const name = `${op.method} ${op.path}`
    const path = realPath(op, options.pool)
    const headers = { 'content-type': 'application/json', ...options.authorize(op) }
    const expectField = async (target: string, field: string, body: string | undefined) => {
      const answer = await withinTime(
        t.call(op.method, target, { headers, ...(body !== undefined ? { body } : {}) }),
        `${name} ${field}`,
      )
      checked.add(name)
      expect(answer.status, `${name} ${field} answered ${answer.status}: ${answer.text.slice(0, 300)}`).toBeLessThan(
        500,
      )
      const named = answer.status === 400 && answer.body?.error?.code === 'invalid_request'
      if (!named || !(field in (answer.body.error.details?.fields ?? {})))
        misses.set(name, `${field}: ${answer.status} ${answer.text.slice(0, 200)}`)
    }
    if (op.body?.schema && op.body.type.includes('json')) {
      const [body] = fc.sample(plausible(op.body.schema, options.pool), { seed: FUZZ_SEED, numRuns: 1 })
      for (const place of places(body, op.body.schema).filter((p) => isString(p.schema))) {
        for (const text of [NUL_TEXT, LONE_SURROGATE_TEXT])
          await expectField(path, place.path.join('.'), JSON.stringify(replaced(body, place.path, text)))
      }
    }
    const [query] = fc.sample(
      fc.record(Object.fromEntries(Object.entries(op.query).map(([n, s]) => [n, plausible(s, options.pool, n)]))),
      { seed: FUZZ_SEED, numRuns: 1 },
    )
    for (const [param, schema] of Object.entries(op.query)) {
      if (!isString(schema)) continue
      const others = Object.entries(query ?? {}).filter(([n]) => n !== param)
      const search = [...others.map(([n, v]) => `${n}=${encoded(String(v))}`), `${param}=a%00b`].join('&')
      await expectField(`${path}?${search}`, param, op.method === 'GET' ? undefined : '{}')
    }
  }
  const unexplained = [...misses].filter(([name]) => !(name in options.unreachable))
  expect(unexplained, 'operations that let unstorable text through or could not be reached').toEqual([])
  const stale = Object.keys(options.unreachable).filter((name) => !misses.has(name))
  expect(stale, 'operations listed as unreachable that now answer 400 naming the field').toEqual([])
  return [...checked].filter((name) => !misses.has(name))
}
