import { type Context, Hono } from 'hono'
import { cors } from 'hono/cors'
import { silentSignInEnabled } from './silent-sign-in'
import type { AppEnv, Deps } from '../deps'
import { findPracticeBySlug } from '../practice/queries'
import { findSilentSignIn, type SilentSignInRow } from './silent-sign-in-queries'
import { asSystem } from '../db/tenant'
import { notFound } from '../http/errors'
import { describe, input } from '../http/openapi/describe'
import { PortalConfig, PortalConfigQuery } from '../../shared/schemas/portal'
import type { Practice } from '../../shared/schemas/practice'

type Found = { practice: Practice; silent: SilentSignInRow | null }
type ConfigEnv = { Variables: AppEnv['Variables'] & { found: Promise<Found | null> } }

/**
 * The public face of a practice's portal. The only portal route a practice's own website may call
 * across origins: CORS answers just the origins the practice listed.
 */
export function portalConfigRoutes(deps: Deps) {
  const app = new Hono<ConfigEnv>()

  /** The practice named by `?practice=`, looked up once per request (CORS and the answer share it). */
  function load(c: Context<ConfigEnv>) {
    let found = c.get('found')
    if (!found) {
      const slug = PortalConfigQuery.safeParse({ practice: c.req.query('practice') })
      found = slug.success
        ? asSystem(deps.sql, async (tx) => {
            const practice = await findPracticeBySlug(tx, slug.data.practice)
            return practice ? { practice, silent: await findSilentSignIn(tx, practice.id) } : null
          })
        : Promise.resolve(null)
      c.set('found', found)
    }
    return found
  }

  const practiceCors = cors({
    origin: async (origin, c) => (origin && (await load(c))?.practice.allowed_origins.includes(origin) ? origin : null),
    allowMethods: ['GET'],
    maxAge: 600,
  })

  app.options(
    '/',
    describe({
      summary: "CORS preflight for the practice's own website",
      tags: ['portal'],
      auth: 'none',
      responses: { 204: { description: 'Allowed origins get Access-Control-Allow-Origin' } },
    }),
    practiceCors,
  )

  app.get(
    '/',
    describe({
      summary: "A practice's public portal settings (no sign-in)",
      tags: ['portal'],
      auth: 'none',
      responses: { 200: { description: 'Name, branding, policy summary, crisis resources', schema: PortalConfig } },
    }),
    practiceCors,
    input('query', PortalConfigQuery),
    async (c) => {
      const found = await load(c)
      if (!found) throw notFound('That practice')
      const { practice, silent } = found
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
