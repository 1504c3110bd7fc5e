import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase, type TestDatabase } from '../testing/database'
import { deferReadAudits, type ReadAudits } from './read-audits'
import { inPractice } from './tenant'

/**
 * A one-round-trip read: BEGIN, the scope, the work's statements and COMMIT leave together, while
 * reads' audit lines wait for the commit. A failure still fails the read and leaves the connection clean.
 */

const PRACTICE = '00000000-0000-4000-8000-000000000001'
let db: TestDatabase
let audits: ReadAudits
const events: string[] = []

beforeAll(async () => {
  db = await freshDatabase({ onQuery: (query) => events.push(`sent ${query.trim()}`) })
  audits = deferReadAudits(db.sql, async () => {})
})
afterAll(async () => {
  await audits.stop()
  await db.stop()
})

const openTransactions = async () =>
  (
    await db.sql`
      select count(*)::int as n from pg_stat_activity
      where datname = current_database() and state like 'idle in transaction%'`
  )[0]!.n

describe('a one-round-trip read', () => {
  it('sends its commit before the answers come back', async () => {
    events.length = 0
    const [row] = await inPractice(
      db.sql,
      PRACTICE,
      async (tx) => {
        const rows = await tx`select current_setting('app.practice_id') as practice, pg_sleep(0.2)`
        events.push('answered')
        return rows
      },
      { read: true, oneRoundTrip: true },
    )
    expect(row!.practice).toBe(PRACTICE)
    expect(events.indexOf('sent commit')).toBeGreaterThan(-1)
    expect(events.indexOf('sent commit')).toBeLessThan(events.indexOf('answered'))
  })

  it('fails when a statement fails, and leaves no transaction open', async () => {
    const read = inPractice(
      db.sql,
      PRACTICE,
      async (tx) => {
        const [rows] = await Promise.all([tx`select 1 / 0 as never`, tx`select 1`])
        return rows
      },
      { read: true, oneRoundTrip: true },
    )
    await expect(read).rejects.toThrow(/division by zero/)
    const after = await inPractice(db.sql, PRACTICE, async (tx) => tx`select 1 as one`, {
      read: true,
      oneRoundTrip: true,
    })
    expect(after[0]!.one).toBe(1)
    expect(await openTransactions()).toBe(0)
  })

  it('refuses a statement sent after its commit, rather than run it outside the transaction', async () => {
    const read = inPractice(
      db.sql,
      PRACTICE,
      async (tx) => {
        await tx`select 1`
        return tx`select current_setting('app.practice_id', true) as practice`
      },
      { read: true, oneRoundTrip: true },
    )
    await expect(read).rejects.toThrow(/after its commit/)
    expect(await openTransactions()).toBe(0)
  })
})
