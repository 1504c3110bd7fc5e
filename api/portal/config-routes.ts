import { type Context, Hono } from 'hono'
import { silentSignInEnabled } from './silent-sign-in'
import type { AppEnv, Deps } from '../deps'
import { findPracticeBySlug } from '../practice/queries'
import { findSilentSignIn } from './silent-sign-in-queries'
import { asSystem } from '../db/tenant'
import { notFound } from '../http/errors'
import { describe, input } from '../http/openapi/describe'
import { PortalConfig, PortalConfigQuery } from '../../shared/schemas/portal'

/**
 * The public face of a practice's portal. The only portal route a practice's own website may call
 * across origins: CORS answers just the origins the practice listed.
 */
export function portalConfigRoutes(deps: Deps) {
  const app = new Hono<AppEnv>()

  async function load(slug: string) {
    return asSystem(deps.sql, async (tx) => {
      const practice = await findPracticeBySlug(tx, slug)
      return practice ? { practice, silent: await findSilentSignIn(tx, practice.id) } : null
    })
  }

  function allowOrigin(c: Context, allowed: string[]) {
    c.header('Vary', 'Origin')
    const origin = c.req.header('origin')
    if (origin && allowed.includes(origin)) c.header('Access-Control-Allow-Origin', origin)
  }

  app.options(
    '/',
    describe({
      summary: "CORS preflight for the practice's own website",
      tags: ['portal'],
      auth: 'none',
      responses: { 204: { description: 'Allowed origins get Access-Control-Allow-Origin' } },
    }),
    async (c) => {
      const slug = PortalConfigQuery.safeParse({ practice: c.req.query('practice') })
      const found = slug.success ? await load(slug.data.practice) : null
      allowOrigin(c, found?.practice.allowed_origins ?? [])
      c.header('Access-Control-Allow-Methods', 'GET')
      c.header('Access-Control-Max-Age', '600')
      return c.body(null, 204)
    },
  )

  app.get(
    '/',
    describe({
      summary: "A practice's public portal settings (no sign-in)",
      tags: ['portal'],
      auth: 'none',
      responses: { 200: { description: 'Name, branding, policy summary, crisis resources', schema: PortalConfig } },
    }),
    input('query', PortalConfigQuery),
    async (c) => {
      const found = await load(c.req.valid('query').practice)
      if (!found) throw notFound('That practice')
      const { practice, silent } = found
      allowOrigin(c, practice.allowed_origins)
      c.header('Cache-Control', 'public, max-age=60')
      return c.json({
        practice: {
          name: practice.name,
          slug: practice.slug,
          time_zone: practice.time_zone,
          ...(practice.phone ? { phone: practice.phone } : {}),
        },
        branding: practice.branding,
        locales: practice.locales,
        cancellation_policy: practice.cancellation_policy,
        crisis_resources: practice.crisis_resources,
        silent_sign_in: silentSignInEnabled(silent),
      } satisfies PortalConfig)
    },
  )
  return app
}
