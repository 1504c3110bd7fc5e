import type postgres from 'postgres'
import type { Sql, Tx } from './connect'
import { keepReadAudits } from './read-audits'

export type TenantOptions = {
  /**
   * A read: the transaction's only write is its own audit row. Its commit does not wait for the
   * write-ahead log to reach disk (`synchronous_commit` off for this transaction only), so a crash
   * in the next fraction of a second could lose the audit line of a read, never a change (README).
   */
  read?: boolean
  /**
   * A read whose work sends every statement before its first await (statements issued together,
   * then `Promise.all`): its COMMIT leaves with them, so the read is one round trip. Only while
   * reads' audit lines wait for the commit (`deferReadAudits`), when the transaction writes
   * nothing and committing before the work is judged cannot keep what a refusal would roll back.
   * A statement sent later fails the request rather than run outside the transaction.
   */
  oneRoundTrip?: boolean
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
  if (options.read) {
    const oneRoundTrip = options.oneRoundTrip ?? false
    return readScoped(sql, { practiceId, value: undefined }, (tx) => work(tx), { oneRoundTrip })
  }
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
 * `scope` (the statement that says whose read this is, sent as the connecting role; for a
 * practice known beforehand, one statement with the tenant role), the tenant role and the work's
 * statements leave together, then COMMIT. The work gets the scope's answer
 * as `scoped` to await once its statements are sent: a practice known beforehand, or an API key
 * checked inside the transaction (`checkKey`, api-keys/queries.ts), whose refusal aborts
 * every statement sent after it. A read takes no savepoints, the one thing a reserved connection
 * lacks beside a transaction's own handle.
 */
export async function readScoped<S, T>(
  sql: Sql,
  scope: ((connection: Tx) => Promise<S>) | KnownScope<S>,
  work: (tx: Tx, scoped: Promise<S>) => Promise<T>,
  options: { oneRoundTrip?: boolean } = {},
): Promise<T> {
  const oneRoundTrip = options.oneRoundTrip ?? false
  const connection = await sql.reserve()
  const sealed = { after: false }
  const tx = oneRoundTrip ? sealedAfterCommit(connection, sealed) : (connection as unknown as Tx)
  const audits = keepReadAudits(sql, tx)
  const pipelined = oneRoundTrip && audits !== null
  try {
    const begun = connection.unsafe('begin').execute()
    let scoped: Promise<S>
    let role: Promise<unknown>
    if (typeof scope === 'function') {
      // The check runs as the connecting role; the tenant role follows it.
      scoped = scope(connection as unknown as Tx)
      role = connection`
        select set_config('role', 'hearth_app', true), set_config('synchronous_commit', 'off', true)`.execute()
    } else {
      // A practice known beforehand: its scope and the tenant role in one statement.
      role = connection`
        select set_config('app.practice_id', ${scope.practiceId}, true),
               set_config('app.own_therapist_id', ${scope.ownTherapistId ?? ''}, true),
               set_config('role', 'hearth_app', true), set_config('synchronous_commit', 'off', true)`.execute()
      scoped = role.then(() => scope.value)
    }
    const opened = Promise.all([begun, scoped, role])
    // Observed now, so a failure here and one in the work are not two unhandled rejections.
    opened.catch(() => {})
    let result: T
    let commit: Promise<unknown> | null = null
    try {
      const working = work(tx, scoped)
      if (pipelined) {
        // Sent once the work's statements are queued (they are, when every microtask has run) and
        // before any answer can have come back. A failed statement aborts the transaction, and
        // Postgres answers its COMMIT with ROLLBACK, not an error.
        commit = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
          sealed.after = true
          return connection`commit`.execute()
        })
        commit.catch(() => {})
      }
      result = await working
      await opened
      await (commit ?? connection`commit`)
      audits?.committed()
    } catch (error) {
      if (commit) await commit.catch(() => {})
      else await connection`rollback`.catch(() => {})
      throw error
    }
    return result
  } finally {
    audits?.ended()
    connection.release()
  }
}

/**
 * A read's scope when its practice is known beforehand, and the therapist its caller is limited
 * to (`hearth_own_therapist()` in SQL; null: the whole practice); `value` is what the work gets
 * as `scoped`.
 */
export type KnownScope<S> = { practiceId: string; ownTherapistId?: string | null; value: S }

/** The read's connection, refusing any statement once its COMMIT is on the way. */
function sealedAfterCommit(connection: postgres.ReservedSql, sealed: { after: boolean }): Tx {
  const refuse = () => {
    throw new Error('A one-round-trip read sent a statement after its commit.')
  }
  return new Proxy(connection, {
    apply: (target, self, args) => (sealed.after ? refuse() : Reflect.apply(target, self, args)),
    get: (target, name, receiver) =>
      sealed.after && name === 'unsafe' ? refuse() : Reflect.get(target, name, receiver),
  }) as unknown as Tx
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

/**
 * `asSystem` for work that sends all its statements at once and needs no answer before the end
 * (reads' audit lines): BEGIN, the scope, the work and COMMIT leave in one write, instead of
 * waiting for BEGIN and then for the work. A failed statement aborts the transaction, Postgres
 * answers the COMMIT with ROLLBACK, and the failure is thrown.
 */
export async function asSystemAtOnce(sql: Sql, work: (tx: Tx) => Promise<unknown>): Promise<void> {
  const connection = await sql.reserve()
  try {
    const queued = new Promise<void>((resolve) => setImmediate(resolve))
    const sent = [
      connection.unsafe('begin').execute(),
      connection`select set_config('app.system', 'on', true)`.execute(),
      work(connection as unknown as Tx),
      queued.then(() => connection`commit`.execute()),
    ]
    const settled = await Promise.allSettled(sent)
    const failed = settled.find((outcome) => outcome.status === 'rejected')
    if (failed) throw failed.reason
  } finally {
    connection.release()
  }
}

/** Makes concurrent transactions about the same `name` take turns, until this one ends. */
export async function lockFor(tx: Tx, name: string): Promise<void> {
  await tx`select pg_advisory_xact_lock(hashtextextended(${name}, 0))`
}
