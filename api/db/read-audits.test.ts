import { describe, expect, it } from 'vitest'
import type { Sql, Tx } from './connect'
import { type AuditLine, deferReadAudits, keepReadAudits, keptAudits } from './read-audits'

const line = (action: string): AuditLine => ({
  practice_id: '00000000-0000-4000-8000-000000000001',
  actor_kind: 'client',
  actor_id: 'c1',
  actor_name: null,
  ip: null,
  user_agent: null,
  action,
  subject_kind: null,
  subject_id: null,
  detail: {},
})

/** A read's transaction as `readScoped` runs it: lines kept while open, handed over on commit. */
function read(sql: Sql, actions: string[], commit: boolean) {
  const tx = {} as Tx
  const kept = keepReadAudits(sql, tx)
  for (const action of actions) keptAudits(tx)?.push(line(action))
  if (commit) kept?.committed()
  kept?.ended()
  return kept
}

describe('reads’ audit lines', () => {
  it('are written after their reads commit, many in one insert, and never for a read rolled back', async () => {
    const sql = {} as Sql
    const inserts: string[][] = []
    const writer = deferReadAudits(sql, async (lines) => {
      inserts.push(lines.map((l) => l.action))
    })
    read(sql, ['a'], true)
    read(sql, ['b', 'c'], true)
    read(sql, ['never'], false)
    expect(inserts).toEqual([])
    await writer.flush()
    expect(inserts).toEqual([['a', 'b', 'c']])
    await writer.stop()
  })

  it('keeps lines whose insert failed and writes them on the next try', async () => {
    const sql = {} as Sql
    const errors: unknown[] = []
    let fail = true
    const written: string[] = []
    const writer = deferReadAudits(
      sql,
      async (lines) => {
        if (fail) {
          fail = false
          throw new Error('the database is restarting')
        }
        written.push(...lines.map((l) => l.action))
      },
      (error) => errors.push(error),
    )
    read(sql, ['a'], true)
    await writer.flush()
    expect(errors).toHaveLength(1)
    expect(written).toEqual(['a'])
    await writer.stop()
  })

  it('are left to the reads themselves where no writer runs, or once it stopped', async () => {
    const sql = {} as Sql
    expect(read(sql, ['a'], true)).toBeNull()
    const writer = deferReadAudits(sql, async () => {})
    expect(read(sql, ['a'], true)).not.toBeNull()
    await writer.stop()
    expect(read(sql, ['a'], true)).toBeNull()
  })
})
