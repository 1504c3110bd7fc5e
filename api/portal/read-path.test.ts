import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../testing/app'
import { fixtures } from '../testing/fixtures'
import { signIn } from '../testing/portal'

/**
 * The portal's read path: one transaction per request, the session checked inside it, the read's
 * audit line in the same transaction with a commit that does not wait for the disk. A change keeps
 * the durable commit.
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
  it('is one transaction: the session check, the list and its audit line', async () => {
    const statements = await statementsOf('GET', '/v1/portal/appointments')
    expect(begins(statements)).toBe(1)
    expect(statements.filter((q) => /from portal_sessions/.test(q))).toHaveLength(1)
    expect(statements.filter((q) => /insert into audit_log/.test(q))).toHaveLength(1)
    expect(statements.some((q) => /synchronous_commit/.test(q))).toBe(true)
    const [line] = await t.sql`select action from audit_log order by at desc limit 1`
    expect(line!.action).toBe('portal.viewed_appointments')
  })
})

describe('a portal change', () => {
  it('is one transaction too, and its commit waits for the disk', async () => {
    const statements = await statementsOf('POST', `/v1/portal/appointments/${appointmentId}/confirm`)
    expect(begins(statements)).toBe(1)
    expect(statements.some((q) => /synchronous_commit/.test(q))).toBe(false)
  })
})
