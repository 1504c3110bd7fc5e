import { type ConnectOptions, connect, type Sql } from '../db/connect'
import { startEmbeddedPostgres } from '../db/embedded'
import { loadMigrations } from '../db/load-migrations'
import { migrate } from '../db/migrate'

export type TestDatabase = { sql: Sql; url: string; isEmbedded: boolean; stop(): Promise<void> }

/**
 * A fresh, migrated database for one test file: a new database on the server named by
 * DATABASE_URL (real Postgres in CI), or a new in-memory embedded PGlite when it is unset.
 */
export async function freshDatabase(options: Pick<ConnectOptions, 'max' | 'onQuery'> = {}): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres()
    const sql = connect(embedded.url, { max: 1, ...(options.onQuery ? { onQuery: options.onQuery } : {}) })
    await migrate(sql, await loadMigrations())
    return {
      sql,
      url: embedded.url,
      isEmbedded: true,
      async stop() {
        await sql.end({ timeout: 1 })
        await embedded.stop()
      },
    }
  }
  const name = `hearth_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  const admin = connect(serverUrl, { max: 1 })
  await admin.unsafe(`create database ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const sql = connect(url.toString(), { ...options, max: options.max ?? 10 })
  await migrate(sql, await loadMigrations())
  return {
    sql,
    url: url.toString(),
    isEmbedded: false,
    async stop() {
      await sql.end({ timeout: 1 })
      await admin.unsafe(`drop database if exists ${name} with (force)`)
      await admin.end({ timeout: 1 })
    },
  }
}
