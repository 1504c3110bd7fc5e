import type { Sql, Tx } from './connect'

/**
 * Runs `work` in one transaction as the tenant role, scoped to one practice. Row-level security
 * then hides every other practice's rows even if a query forgets its `practice_id` condition.
 * `set_config(..., true)` lasts for this transaction only, so it is safe behind a pooler.
 */
export async function inPractice<T>(sql: Sql, practiceId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return (await sql.begin(async (tx) => {
    await tx`select set_config('app.practice_id', ${practiceId}, true), set_config('role', 'hearth_app', true)`
    return work(tx)
  })) as T
}

/**
 * Runs `work` in one transaction across practices: looking up a key or a practice by slug,
 * the operator API, the dispatcher. Kept to small, named queries.
 */
export async function asSystem<T>(sql: Sql, work: (tx: Tx) => Promise<T>): Promise<T> {
  return (await sql.begin(async (tx) => {
    await tx`select set_config('app.system', 'on', true)`
    return work(tx)
  })) as T
}

/** Makes concurrent transactions about the same `name` take turns, until this one ends. */
export async function lockFor(tx: Tx, name: string): Promise<void> {
  await tx`select pg_advisory_xact_lock(hashtextextended(${name}, 0))`
}
