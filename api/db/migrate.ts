import type { Sql } from './connect'

export type Migration = { name: string; sql: string }

/** Serialises migrators across processes: two instances starting at once apply each file once. */
const MIGRATION_LOCK = 7_311_402_118

/** Applies pending migrations in name order, each recorded in `schema_migrations`, all in one transaction. */
export async function migrate(sql: Sql, migrations: Migration[]): Promise<string[]> {
  const ordered = [...migrations].sort((a, b) => a.name.localeCompare(b.name))
  return (await sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${MIGRATION_LOCK})`
    await tx`create table if not exists schema_migrations (
      name text primary key, applied_at timestamptz not null default now())`
    const done = new Set((await tx<{ name: string }[]>`select name from schema_migrations`).map((r) => r.name))
    const applied: string[] = []
    for (const migration of ordered) {
      if (done.has(migration.name)) continue
      await tx.unsafe(migration.sql)
      await tx`insert into schema_migrations (name) values (${migration.name})`
      applied.push(migration.name)
    }
    return applied
  })) as string[]
}
