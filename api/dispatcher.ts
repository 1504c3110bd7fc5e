import { composeDeps } from './app'
import { connect } from './db/connect'
import { fhirSyncJob } from './fhir/sync'
import { holdExpiryJob } from './reschedule/expire'
import { staffNoticeJob } from './staff-notices/rounds'
import { type DispatchReport, dispatchDue, startDispatcher } from './outbox/dispatch'
import { outboxHandlers } from './outbox/handlers'
import type { OutboxChannel } from './outbox/queries'
import { nodeIsDevelopment, startupRefusal } from './environment'
import { nodeProviders } from './node-providers'

/**
 * A dispatcher-only Node process: for deployments where the API runs on Workers (which cannot send
 * web push) or where sending should scale apart from the API. Any number may run at once.
 *
 *   DATABASE_URL=... HEARTH_SECRET=... PUBLIC_URL=... VAPID_PUBLIC_KEY=... VAPID_PRIVATE_KEY=... npm run dispatcher
 *
 * DISPATCH_CHANNELS (default email,sms,push,webhook), DISPATCH_BATCH (100), DISPATCH_CONCURRENCY (32),
 * DISPATCH_INTERVAL_MS (3000); DISPATCH_EMAIL_BATCHES=off sends each email alone instead of in Resend
 * batches; DISPATCH_UNTIL_IDLE=1 sends what is due, prints a JSON report, exits.
 */

const env = process.env
if (!env.DATABASE_URL || !env.HEARTH_SECRET) {
  console.error('The dispatcher needs DATABASE_URL and HEARTH_SECRET (the same secret as the API).')
  process.exit(2)
}
const refusal = startupRefusal(env)
if (refusal) {
  console.error(refusal)
  process.exit(1)
}
const publicUrl = (env.PUBLIC_URL ?? 'http://localhost:8787').replace(/\/+$/, '')
// Two connections: the batch's transaction, and the one that records an email batch before it is posted.
const sql = connect(env.DATABASE_URL, { max: Number(env.DISPATCH_CONNECTIONS ?? 2), prepare: true })
const deps = {
  sql,
  clock: () => new Date(),
  publicUrl,
  secret: env.HEARTH_SECRET,
  development: nodeIsDevelopment(env),
  ...(await nodeProviders(env, { dataDir: env.DATA_DIR ?? null, publicUrl })),
}
const channels = (env.DISPATCH_CHANNELS ?? 'email,sms,whatsapp,push,webhook')
  .split(',')
  .map((c) => c.trim()) as OutboxChannel[]
const options = {
  handlers: outboxHandlers,
  channels: deps.push ? channels : channels.filter((c) => c !== 'push'),
  batchSize: Number(env.DISPATCH_BATCH ?? 100),
  concurrency: Number(env.DISPATCH_CONCURRENCY ?? 32),
  emailBatches: env.DISPATCH_EMAIL_BATCHES !== 'off',
}

if (env.DISPATCH_UNTIL_IDLE) {
  const total: DispatchReport = { claimed: 0, sent: 0, retried: 0, failed: 0, skipped: 0 }
  for (;;) {
    const report = await dispatchDue(deps, options)
    for (const key of Object.keys(total) as (keyof DispatchReport)[]) total[key] += report[key]
    if (report.claimed === 0) break
  }
  console.log(JSON.stringify(total))
  await sql.end({ timeout: 2 })
} else {
  const dispatcher = startDispatcher(deps, {
    ...options,
    intervalMs: Number(env.DISPATCH_INTERVAL_MS ?? 3000),
    periodic: [fhirSyncJob(composeDeps(deps)), holdExpiryJob(deps), staffNoticeJob(deps)],
  })
  console.log(`Hearth dispatcher running (${options.channels.join(', ')}).`)
  const shutdown = async () => {
    await dispatcher.stop()
    await sql.end({ timeout: 2 })
    process.exit(0)
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}
