import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../testing/app'
import { fixtures } from '../testing/fixtures'
import { signIn } from '../testing/portal'

/**
 * The portal's read path: one transaction per request with the session checked inside it; the
 * read's audit line written once it commits, in one insert with other reads' lines. A change keeps
 * its line in its own transaction and the durable commit.
 */

let t: TestContext
let token: string
let appointmentId: string
let captured: string[] | null = null

beforeAll(async () => {
  t = await startTestApp({ onQuery: (query) => captured?.push(query) })
  const a = await t.createPractice('read-path')
  const f = fixtures(t, a.adminKey)
  const client = await f.client({ email: 'reader@example.com' })
  appointmentId = (await f.appointment((await f.therapist()).id, client.id, '2026-03-20T14:00:00Z')).id
  token = (await signIn(t, 'read-path', client.email)).access_token
})
afterAll(() => t.stop())

async function statementsOf(method: string, path: string) {
  captured = []
  const res = await t.call(method, path, { key: token, body: method === 'GET' ? undefined : {} })
  expect(res.status, res.text).toBeLessThan(300)
  const statements = captured
  captured = null
  return statements
}

const begins = (statements: string[]) => statements.filter((q) => /^\s*begin\b/i.test(q)).length

describe('a portal read', () => {
  it('is one transaction, the session check and the list; its audit line follows the commit', async () => {
    const statements = await statementsOf('GET', '/v1/portal/appointments')
    const commit = statements.findIndex((q) => /^\s*commit\b/i.test(q))
    const insert = statements.findIndex((q) => /insert into audit_log/.test(q))
    expect(begins(statements)).toBe(2)
    expect(statements.filter((q) => /from portal_sessions/.test(q))).toHaveLength(1)
    expect(statements.filter((q) => /insert into audit_log/.test(q))).toHaveLength(1)
    expect(insert).toBeGreaterThan(commit)
    const [line] = await t.sql`select action from audit_log order by id desc limit 1`
    expect(line!.action).toBe('portal.viewed_appointments')
  })

  it('writes the lines of many reads at once in one insert', async () => {
    captured = []
    const before = await t.sql`select count(*)::int as n from audit_log where action = 'portal.viewed_appointments'`
    const reads = await Promise.all(
      Array.from({ length: 8 }, () =>
        t.app.request('/v1/portal/appointments', { headers: { authorization: `Bearer ${token}` } }),
      ),
    )
    expect(reads.map((r) => r.status)).toEqual(Array(8).fill(200))
    await t.readAudits.flush()
    const inserts = captured.filter((q) => /insert into audit_log/.test(q)).length
    captured = null
    const after = await t.sql`select count(*)::int as n from audit_log where action = 'portal.viewed_appointments'`
    expect(after[0]!.n - before[0]!.n).toBe(8)
    expect(inserts).toBeLessThan(8)
  })

  it('writes no line for a read that did not happen', async () => {
    const before = await t.sql`select count(*)::int as n from audit_log`
    await t.sql`update portal_sessions set revoked_at = now()`
    const res = await t.call('GET', '/v1/portal/appointments', { key: token })
    expect(res.status).toBe(401)
    const after = await t.sql`select count(*)::int as n from audit_log`
    expect(after[0]!.n).toBe(before[0]!.n)
    await t.sql`update portal_sessions set revoked_at = null`
  })
})

describe('a portal change', () => {
  it('is one transaction too, and its commit waits for the disk', async () => {
    const statements = await statementsOf('POST', `/v1/portal/appointments/${appointmentId}/confirm`)
    expect(begins(statements)).toBe(1)
    expect(statements.some((q) => /synchronous_commit/.test(q))).toBe(false)
    const insert = statements.findIndex((q) => /insert into audit_log/.test(q))
    expect(insert).toBeGreaterThan(0)
    expect(insert).toBeLessThan(statements.findIndex((q) => /^\s*commit\b/i.test(q)))
  })
})
