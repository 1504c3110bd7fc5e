import { connect } from '../api/db/connect'
import { loadMigrations } from '../api/db/load-migrations'
import { migrate } from '../api/db/migrate'

/** `npm run migrate`: applies migrations to DATABASE_URL (used before a Workers deploy). */
const url = process.env.DATABASE_URL
if (!url) {
  console.error('Set DATABASE_URL to the database to migrate.')
  process.exit(1)
}
const sql = connect(url, { max: 1 })
const applied = await migrate(sql, await loadMigrations())
console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Already up to date.')
await sql.end()
