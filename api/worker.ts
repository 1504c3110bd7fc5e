import { composeDeps, createApp } from './app'
import { syncDueFhirPractices } from './fhir/sync'
import { connect } from './db/connect'
import type { Sql } from './db/connect'
import type { EntryDeps } from './deps'
import { workerIsDevelopment } from './environment'
import { housekeeping } from './housekeeping/housekeeping'
import { dispatchDue } from './outbox/dispatch'
import { outboxHandlers } from './outbox/handlers'
import { resendMailer } from './providers/email'
import { expireDueHolds } from './reschedule/expire'
import { queueTimedStaffNotices } from './staff-notices/rounds'
import { smsGatewaySender } from './providers/sms'
import { whatsappCloudSender } from './providers/whatsapp'
import { webhookSender } from './providers/webhook'

/**
 * The Cloudflare Workers entry. postgres.js reaches Postgres through Hyperdrive (with query
 * caching disabled, so a cancelled session never reads as booked). Static files (widget, portal,
 * demo site) are served from `dist/` by the assets binding before the Worker runs.
 * Migrations run from Node (`npm run migrate`) against the same database before a deploy.
 *
 * Reminders: a cron trigger (wrangler.toml) runs the outbox dispatcher for email, SMS and webhooks
 * every minute; a second, hourly one runs housekeeping (api/housekeeping.ts). Web push needs `web-push`, which does not run on Workers: push reminders wait in the
 * outbox for a Node dispatcher process (`npm run dispatcher`), which any number may run beside this.
 */
export type Env = {
  HYPERDRIVE: { connectionString: string }
  HEARTH_SECRET: string
  PUBLIC_URL: string
  HEARTH_OPERATOR_KEY?: string
  /** `development` for a development Worker (webhooks to private addresses); anything else is production. */
  HEARTH_ENV?: string
  RESEND_API_KEY: string
  /** Another Resend-compatible address (a local fake in development). */
  RESEND_BASE_URL?: string
  EMAIL_FROM: string
  /** Resend's webhook signing secret (`whsec_...`) for POST /v1/inbound/email-events. */
  RESEND_WEBHOOK_SECRET?: string
  /** The VAPID public key pages subscribe with (the Node dispatcher holds the private key). */
  VAPID_PUBLIC_KEY?: string
  /** The built files in dist/ (wrangler.toml `[assets] binding`). */
  ASSETS?: { fetch(request: Request): Promise<Response> }
}

type Context = { waitUntil(promise: Promise<unknown>): void }

/** What every invocation needs, request or cron. */
function baseDeps(env: Env, sql: Sql): EntryDeps {
  return {
    sql,
    clock: () => new Date(),
    publicUrl: env.PUBLIC_URL.replace(/\/+$/, ''),
    secret: env.HEARTH_SECRET,
    development: workerIsDevelopment({ HEARTH_ENV: env.HEARTH_ENV }),
    operatorKey: env.HEARTH_OPERATOR_KEY || undefined,
    mailer: resendMailer(env.RESEND_API_KEY, { baseUrl: env.RESEND_BASE_URL || undefined }),
    emailFrom: env.EMAIL_FROM,
    sms: smsGatewaySender(),
    whatsapp: whatsappCloudSender(),
    webhooks: webhookSender(),
    resendWebhookSecret: env.RESEND_WEBHOOK_SECRET || undefined,
    vapidPublicKey: env.VAPID_PUBLIC_KEY || undefined,
  }
}

/** Batches per cron run: enough for a busy minute, bounded so one run never overlaps the next for long. */
const CRON_BATCHES = 20
/** wrangler.toml's hourly trigger; every other trigger dispatches. */
const HOUSEKEEPING_CRON = '17 * * * *'

export default {
  async fetch(request: Request, env: Env, ctx: Context): Promise<Response> {
    // One small pool per request, as Hyperdrive recommends; it pools for us at the edge.
    const sql = connect(env.HYPERDRIVE.connectionString, { max: 5 })
    const app = createApp({
      ...baseDeps(env, sql),
      clientIp: (c) => c.req.header('cf-connecting-ip'),
      portalPage: async () => {
        // html_handling serves dist/portal.html at /portal.
        const response = await env.ASSETS?.fetch(new Request(new URL('/portal', request.url)))
        return response?.ok ? response.text() : null
      },
    })
    try {
      return await app.fetch(request, env, ctx as never)
    } finally {
      ctx.waitUntil(sql.end({ timeout: 5 }))
    }
  },

  async scheduled(controller: { cron: string }, env: Env, ctx: Context): Promise<void> {
    const sql = connect(env.HYPERDRIVE.connectionString, { max: 5 })
    const deps = baseDeps(env, sql)
    const run = async () => {
      try {
        if (controller.cron === HOUSEKEEPING_CRON) {
          await housekeeping(sql, deps.clock())
          return
        }
        for (let i = 0; i < CRON_BATCHES; i++) {
          const report = await dispatchDue(deps, {
            handlers: outboxHandlers,
            channels: ['email', 'sms', 'whatsapp', 'webhook'],
            batchSize: 50,
          })
          if (report.claimed < 50) break
        }
        // Requests to move a session that nobody answered within the hold: the client is told.
        await expireDueHolds(deps).catch((error) => console.error('reschedule holds:', error))
        // Staff's hourly round-ups and morning digests (claimed per hour and per day: overlaps are safe),
        // sent by the next minute's run.
        await queueTimedStaffNotices(deps).catch((error) => console.error('staff notices:', error))
        // Practices whose FHIR sync is due (every few minutes each; leased, so overlaps are safe).
        await syncDueFhirPractices(composeDeps(deps)).catch((error) => console.error('fhir sync:', error))
      } finally {
        await sql.end({ timeout: 5 })
      }
    }
    ctx.waitUntil(run())
  },
}
