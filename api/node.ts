import { mkdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { serve } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import { Hono } from 'hono'
import { createApp } from './app'
import { randomToken } from './crypto/web-crypto'
import { connect } from './db/connect'
import { startEmbeddedPostgres } from './db/embedded'
import { loadMigrations } from './db/load-migrations'
import { migrate } from './db/migrate'
import { nodeProviders, remembered } from './node-providers'
import { startDispatcher } from './outbox/dispatch'
import { outboxHandlers } from './outbox/handlers'
import { replanPractice } from './reminders/replan'
import { inPractice } from './db/tenant'
import { seedDemo } from './seed/demo'
import { portalPageFromDist, serveBuiltFiles } from './http/static-files'

/** The Node entry: configuration from the environment, embedded Postgres by default, then serve. */

const env = process.env
const port = Number(env.PORT ?? 8787)
const host = env.HOST ?? '127.0.0.1'
const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '')
const dataDir = resolve(env.DATA_DIR ?? '.data')
/** What `vite build` wrote: the widget, the portal and the demo site. */
const distDir = resolve(env.DIST_DIR ?? 'dist')
await mkdir(dataDir, { recursive: true })

const embedded = env.DATABASE_URL ? null : await startEmbeddedPostgres(join(dataDir, 'pg'))
// PGlite is a single connection: one postgres.js connection keeps each transaction whole.
const sql = connect(env.DATABASE_URL ?? embedded!.url, { max: embedded ? 1 : 10 })
const applied = await migrate(sql, await loadMigrations())
if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`)

const secret = env.HEARTH_SECRET ?? (await remembered(dataDir, 'secret', () => randomToken(48)))
const seed = await seedDemo(sql, { now: new Date(), publicUrl, bootstrapAdminKey: env.BOOTSTRAP_ADMIN_KEY })
const adminKey =
  seed.adminKey && !env.BOOTSTRAP_ADMIN_KEY
    ? await remembered(dataDir, 'demo-admin-key', () => seed.adminKey!)
    : (seed.adminKey ??
      (await readFile(join(dataDir, 'demo-admin-key'), 'utf8').then(
        (k) => k.trim(),
        () => null,
      )))

// The demo's sessions get their reminder plans, so their emails show up in /dev/outbox.
if (seed.created)
  await inPractice(sql, seed.practiceId, (tx) => replanPractice(tx, { clock: () => new Date() }, seed.practiceId))

const deps = {
  sql,
  clock: () => new Date(),
  publicUrl,
  secret,
  operatorKey: env.HEARTH_OPERATOR_KEY || undefined,
  // Resend or the dev outbox, web push with VAPID keys (generated into DATA_DIR when not set).
  ...(await nodeProviders(env, { dataDir, publicUrl })),
  portalPage: portalPageFromDist(distDir),
  // The socket's address (behind a reverse proxy, every client would count as the proxy).
  clientIp: (c: Parameters<typeof getConnInfo>[0]) => getConnInfo(c).remote.address,
}
const api = createApp(deps)

// Reminders leave through the outbox: this process dispatches every few seconds (DISPATCHER=off to
// leave it to separate `npm run dispatcher` processes).
const dispatchEveryMs = Number(env.DISPATCH_INTERVAL_MS ?? 3000)
const dispatcher =
  env.DISPATCHER === 'off'
    ? null
    : startDispatcher(deps, {
        handlers: outboxHandlers,
        channels: deps.push ? ['email', 'sms', 'push', 'webhook'] : ['email', 'sms', 'webhook'],
        intervalMs: dispatchEveryMs,
      })

const root = new Hono()
root.route('/', api)
serveBuiltFiles(root, distDir)
root.notFound((c) => c.json({ error: { code: 'not_found', message: 'There is nothing at this address.' } }, 404))

const server = serve({ fetch: root.fetch, port, hostname: host }, () => {
  console.log(
    [
      '',
      'Hearth is running.',
      `  Demo practice website  ${publicUrl}/`,
      `  Staff console          ${publicUrl}/staff`,
      `  API                    ${publicUrl}/v1  (contract: ${publicUrl}/openapi.json)`,
      `  Database               ${embedded ? `embedded, in ${join(dataDir, 'pg')}` : 'DATABASE_URL'}`,
      `  Reminders              ${dispatcher ? `dispatched every ${dispatchEveryMs / 1000} s` : 'off here (DISPATCHER=off)'}${deps.mailer.outbox ? `, email to ${publicUrl}/dev/outbox` : ''}`,
      adminKey
        ? `  Demo admin API key     ${adminKey}`
        : '  Demo admin API key     (set BOOTSTRAP_ADMIN_KEY to create one for the demo practice)',
      '',
      `  Try: curl -H "Authorization: Bearer ${adminKey ?? '$KEY'}" ${publicUrl}/v1/practice`,
      '',
    ].join('\n'),
  )
})

let stopping = false
async function shutdown() {
  if (stopping) return
  stopping = true
  server.close()
  await dispatcher?.stop()
  await sql.end({ timeout: 2 })
  await embedded?.stop()
  process.exit(0)
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
