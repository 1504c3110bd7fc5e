import type { Sql, Tx } from './connect'
import { keepReadAudits } from './read-audits'

export type TenantOptions = {
  /**
   * A read: the transaction's only write is its own audit row. Its commit does not wait for the
   * write-ahead log to reach disk (`synchronous_commit` off for this transaction only), so a crash
   * in the next fraction of a second could lose the audit line of a read, never a change (README).
   */
  read?: boolean
}

/**
 * Runs `work` in one transaction as the tenant role, scoped to one practice. Row-level security
 * then hides every other practice's rows even if a query forgets its `practice_id` condition.
 * `set_config(..., true)` lasts for this transaction only, so it is safe behind a pooler.
 */
export async function inPractice<T>(
  sql: Sql,
  practiceId: string,
  work: (tx: Tx) => Promise<T>,
  options: TenantOptions = {},
): Promise<T> {
  if (options.read) return readInPractice(sql, practiceId, work)
  return (await sql.begin(async (tx) => {
    // Sent before the work's first statement and pipelined with it on the same connection, which
    // runs them in order: scoping the transaction costs no round trip of its own.
    const scoped = tx`
      select set_config('app.practice_id', ${practiceId}, true), set_config('role', 'hearth_app', true)`.execute()
    const [, result] = await Promise.all([scoped, work(tx)])
    return result
  })) as T
}

/**
 * A read's transaction, with BEGIN pipelined too (postgres.js's `begin` waits for it): BEGIN,
 * the scope and the work's statements leave together, then COMMIT. A read takes no savepoints,
 * the one thing a reserved connection lacks beside a transaction's own handle.
 */
async function readInPractice<T>(sql: Sql, practiceId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  const connection = await sql.reserve()
  const audits = keepReadAudits(sql, connection)
  try {
    const opened = Promise.all([
      connection.unsafe('begin').execute(),
      connection`
        select set_config('app.practice_id', ${practiceId}, true), set_config('role', 'hearth_app', true),
               set_config('synchronous_commit', 'off', true)`.execute(),
    ])
    // Observed now, so a failure here and one in the work are not two unhandled rejections.
    opened.catch(() => {})
    let result: T
    try {
      result = await work(connection as unknown as Tx)
      await opened
      await connection`commit`
      audits?.committed()
    } catch (error) {
      await connection`rollback`.catch(() => {})
      throw error
    }
    return result
  } finally {
    audits?.ended()
    connection.release()
  }
}

/**
 * Runs `work` in one transaction across practices: looking up a key or a practice by slug,
 * the operator API, the dispatcher. Kept to small, named queries.
 */
export async function asSystem<T>(sql: Sql, work: (tx: Tx) => Promise<T>): Promise<T> {
  return (await sql.begin(async (tx) => {
    const scoped = tx`select set_config('app.system', 'on', true)`.execute()
    const [, result] = await Promise.all([scoped, work(tx)])
    return result
  })) as T
}

/** Makes concurrent transactions about the same `name` take turns, until this one ends. */
export async function lockFor(tx: Tx, name: string): Promise<void> {
  await tx`select pg_advisory_xact_lock(hashtextextended(${name}, 0))`
}
