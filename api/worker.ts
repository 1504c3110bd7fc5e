import { createApp } from './app'
import { connect } from './db/connect'
import { resendMailer } from './providers/email'

/**
 * The Cloudflare Workers entry. postgres.js reaches Postgres through Hyperdrive (with query
 * caching disabled, so a cancelled session never reads as booked). Static files (widget, portal,
 * demo site) are served from `dist/` by the assets binding before the Worker runs.
 * Migrations run from Node (`npm run migrate`) against the same database before a deploy.
 */
export type Env = {
  HYPERDRIVE: { connectionString: string }
  HEARTH_SECRET: string
  PUBLIC_URL: string
  HEARTH_OPERATOR_KEY?: string
  RESEND_API_KEY: string
  EMAIL_FROM: string
  /** The built files in dist/ (wrangler.toml `[assets] binding`). */
  ASSETS?: { fetch(request: Request): Promise<Response> }
}

type Context = { waitUntil(promise: Promise<unknown>): void }

export default {
  async fetch(request: Request, env: Env, ctx: Context): Promise<Response> {
    // One small pool per request, as Hyperdrive recommends; it pools for us at the edge.
    const sql = connect(env.HYPERDRIVE.connectionString, { max: 5 })
    const app = createApp({
      sql,
      clock: () => new Date(),
      publicUrl: env.PUBLIC_URL.replace(/\/+$/, ''),
      secret: env.HEARTH_SECRET,
      operatorKey: env.HEARTH_OPERATOR_KEY || undefined,
      mailer: resendMailer(env.RESEND_API_KEY),
      emailFrom: env.EMAIL_FROM,
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
}
