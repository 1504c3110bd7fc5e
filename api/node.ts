import { mkdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { Hono } from 'hono'
import { composeDeps, createApp } from './app'
import { fhirSyncJob } from './fhir/sync'
import { holdExpiryJob } from './reschedule/expire'
import { staffNoticeJob } from './staff-notices/rounds'
import { randomToken } from './crypto/web-crypto'
import { connect } from './db/connect'
import { startEmbeddedPostgres } from './db/embedded'
import { loadMigrations } from './db/load-migrations'
import { migrate } from './db/migrate'
import { listenPorts, nodeIsDevelopment, poolSize, startupRefusal } from './environment'
import { parseTrustProxy } from './http/client-address'
import { nodeClientIp } from './node-client-ip'
import { nodeProviders, remembered } from './node-providers'
import { serveOnNode } from './node-serve'
import { startDispatcher } from './outbox/dispatch'
import { outboxHandlers } from './outbox/handlers'
import { replanPractice } from './reminders/replan'
import { inPractice } from './db/tenant'
import { seedDemo } from './seed/demo'
import { demoSiteApp } from './home/demo-site'
import { methodNotAllowed } from './http/method-not-allowed'
import { portalPageFromDist, serveBuiltFiles } from './http/static-files'
import { startReadAuditWriter } from './audit/read-audit-writer'

/** The Node entry: configuration from the environment, embedded Postgres by default, then serve. */

const env = process.env
const refusal = startupRefusal(env)
const ports = listenPorts(env)
if (refusal || typeof ports === 'string') {
  console.error(refusal)
  process.exit(1)
}
const development = nodeIsDevelopment(env)
/** Hearth's port, and the Calm Waters demo website's: its own origin, so it embeds the portal as a practice's site would. */
const { port, demoPort } = ports
const host = env.HOST ?? '127.0.0.1'
const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '')
const demoUrl = demoPort === null ? undefined : (env.DEMO_URL ?? `http://localhost:${demoPort}`).replace(/\/+$/, '')
const dataDir = resolve(env.DATA_DIR ?? '.data')
/** What `vite build` wrote: the widget, the portal and the demo site. */
const distDir = resolve(env.DIST_DIR ?? 'dist')
await mkdir(dataDir, { recursive: true })

const embedded = env.DATABASE_URL ? null : await startEmbeddedPostgres(join(dataDir, 'pg'))
// PGlite is a single connection: one postgres.js connection keeps each transaction whole.
const sql = connect(env.DATABASE_URL ?? embedded!.url, embedded ? { max: 1 } : { max: poolSize(env)!, prepare: true })
// Reads' audit lines go in after their reads commit, many per insert (README: the read path).
const readAudits = startReadAuditWriter(sql)
const applied = await migrate(sql, await loadMigrations())
if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`)

const secret = env.HEARTH_SECRET ?? (await remembered(dataDir, 'secret', () => randomToken(48)))
const seed = await seedDemo(sql, { now: new Date(), publicUrl, demoUrl, bootstrapAdminKey: env.BOOTSTRAP_ADMIN_KEY })
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
  demoUrl,
  secret,
  development,
  operatorKey: env.HEARTH_OPERATOR_KEY || undefined,
  // Resend or the dev outbox, web push with VAPID keys (generated into DATA_DIR when not set).
  ...(await nodeProviders(env, { dataDir, publicUrl })),
  portalPage: portalPageFromDist(distDir),
  // The socket's address, or behind reverse proxies (TRUST_PROXY) the one they saw.
  clientIp: nodeClientIp(parseTrustProxy(env.TRUST_PROXY)!),
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
        channels: deps.push ? ['email', 'sms', 'whatsapp', 'push', 'webhook'] : ['email', 'sms', 'whatsapp', 'webhook'],
        intervalMs: dispatchEveryMs,
        periodic: [fhirSyncJob(composeDeps(deps)), holdExpiryJob(deps), staffNoticeJob(deps)],
      })

const root = new Hono()
root.route('/', api)
serveBuiltFiles(root, distDir)
root.notFound(methodNotAllowed(root))

const server = serveOnNode(root.fetch, { port, hostname: host }, () => {
  console.log(
    [
      '',
      'Hearth is running.',
      `  Hearth                 ${publicUrl}/`,
      demoUrl
        ? `  Demo practice website  ${demoUrl}/  (its own origin, embedding the portal)`
        : '  Demo practice website  off (DEMO_PORT=off)',
      `  Staff console          ${publicUrl}/staff`,
      `  API                    ${publicUrl}/v1  (contract: ${publicUrl}/openapi.json)`,
      `  Database               ${embedded ? `embedded, in ${join(dataDir, 'pg')}` : 'DATABASE_URL'}`,
      `  Reminders              ${dispatcher ? `dispatched every ${dispatchEveryMs / 1000} s` : 'off here (DISPATCHER=off)'}${deps.mailer.outbox ? `, email to ${publicUrl}/dev/outbox` : ''}`,
      // Production logs never carry a secret: the key stays in DATA_DIR for whoever runs the server.
      adminKey && development
        ? `  Demo admin API key     ${adminKey}`
        : adminKey
          ? `  Demo admin API key     in ${join(dataDir, 'demo-admin-key')}`
          : '  Demo admin API key     (set BOOTSTRAP_ADMIN_KEY to create one for the demo practice)',
      '',
      `  Try: curl -H "Authorization: Bearer ${development && adminKey ? adminKey : '$KEY'}" ${publicUrl}/v1/practice`,
      '',
    ].join('\n'),
  )
})

const demoServer =
  demoPort === null ? null : serveOnNode(demoSiteApp(distDir, publicUrl).fetch, { port: demoPort, hostname: host })

let stopping = false
async function shutdown() {
  if (stopping) return
  stopping = true
  server.close()
  demoServer?.close()
  await dispatcher?.stop()
  await readAudits.stop()
  await sql.end({ timeout: 2 })
  await embedded?.stop()
  process.exit(0)
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
