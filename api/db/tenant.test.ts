import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase, type TestDatabase } from '../testing/database'
import { deferReadAudits, type ReadAudits } from './read-audits'
import { Socket } from 'node:net'
import { connect } from './connect'
import { asSystemAtOnce, inPractice } from './tenant'

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

/** How many writes `run` makes to the database's socket. */
async function databaseWrites(run: () => Promise<unknown>): Promise<number> {
  const port = Number(new URL(db.url).port || 5432)
  const write = Socket.prototype.write
  let writes = 0
  Socket.prototype.write = function (this: Socket, ...args: Parameters<Socket['write']>) {
    if (this.remotePort === port) writes++
    return write.apply(this, args)
  } as Socket['write']
  try {
    await run()
  } finally {
    Socket.prototype.write = write
  }
  return writes
}

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

  it('runs as the tenant role, scoped to its practice, with or without the one round trip', async () => {
    for (const oneRoundTrip of [true, false]) {
      const [row] = await inPractice(
        db.sql,
        PRACTICE,
        (tx) => tx`select current_user as role, current_setting('app.practice_id') as practice`,
        { read: true, oneRoundTrip },
      )
      expect(row).toEqual({ role: 'hearth_app', practice: PRACTICE })
    }
  })

  it('sends BEGIN, the scope, its statements and COMMIT in one write', async () => {
    // As the Node server connects to Postgres: named statements, prepared on first use.
    const sql = connect(db.url, { max: 1, prepare: true })
    const kept = deferReadAudits(sql, async () => {})
    const read = () =>
      inPractice(sql, PRACTICE, async (tx) => Promise.all([tx`select ${1}::int as one`, tx`select 2 as two`]), {
        read: true,
        oneRoundTrip: true,
      })
    try {
      await read()
      expect(await databaseWrites(read)).toBe(1)
    } finally {
      await kept.stop()
      await sql.end()
    }
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

describe('system work sent at once', () => {
  beforeAll(async () => {
    await db.sql`create table if not exists at_once (n int not null check (n > 0))`
  })

  it('sends BEGIN, the scope, the work and COMMIT in one write, and commits', async () => {
    const sql = connect(db.url, { max: 1, prepare: true })
    const insert = (n: number) => () =>
      asSystemAtOnce(
        sql,
        (tx) => tx`insert into at_once (n) select ${n}::int where current_setting('app.system') = 'on'`,
      )
    try {
      await insert(1)()
      expect(await databaseWrites(insert(2))).toBe(1)
    } finally {
      await sql.end()
    }
    expect((await db.sql`select n from at_once order by n`).map((r) => r.n)).toEqual([1, 2])
  })

  it('throws when the work fails, keeps none of it, and leaves no transaction open', async () => {
    const failing = asSystemAtOnce(db.sql, async (tx) => {
      await Promise.all([tx`insert into at_once (n) values (3)`, tx`insert into at_once (n) values (-1)`])
    })
    await expect(failing).rejects.toThrow(/check constraint/)
    expect((await db.sql`select n from at_once order by n`).map((r) => r.n)).toEqual([1, 2])
    expect(await openTransactions()).toBe(0)
  })
})
