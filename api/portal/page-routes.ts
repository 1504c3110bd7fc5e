import { type Context, Hono, type MiddlewareHandler } from 'hono'
import type { AppEnv, Deps } from '../deps'
import { pageHeaders } from '../http/headers'
import { findPracticeBySlug } from '../practice/queries'
import { asSystem } from '../db/tenant'
import type { Practice } from '../../shared/schemas/practice'

/**
 * The portal page at /portal/{slug}: the built Preact shell (dist/portal.html) with the practice's
 * public name and look written in as data, served with a strict CSP of its own (scripts and styles
 * from Hearth only, no inline script, no eval) and `frame-ancestors` limited to Hearth itself and
 * the practice's allowed origins, so no other site can frame a client's portal.
 */

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/
const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i
const MARKER = '<!--hearth:practice-->'

/** Origins were validated when saved; checked again here because they end up in a header. */
function frameAncestors(allowedOrigins: readonly string[]): string {
  return ["'self'", ...allowedOrigins.filter((o) => ORIGIN.test(o))].join(' ')
}

type PortalPageEnv = { Variables: AppEnv['Variables'] & { practice: Practice; template: string } }

/** Every answer at this address: nothing may run, unless the portal's own policy below says otherwise. */
const plainPageHeaders = pageHeaders({ defaultSrc: ["'none'"] })

/** The portal's own: framed only by Hearth and the practice's allowed origins. */
const portalHeaders = pageHeaders(
  {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:', 'https:'],
    connectSrc: ["'self'"],
    baseUri: ["'none'"],
    formAction: ["'none'"],
    frameAncestors: [(c: Context<PortalPageEnv>) => frameAncestors(c.var.practice.allowed_origins)],
  },
  { permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [] } },
)

/** The practice's public face, as data the page reads before any request. */
function practiceBlock(practice: Practice): string {
  const json = JSON.stringify({
    slug: practice.slug,
    name: practice.name,
    locales: practice.locales,
    ...(practice.branding.accent_color && { accent: practice.branding.accent_color }),
  }).replace(/</g, '\\u003c')
  return `<script type="application/json" id="hearth-practice">${json}</script>`
}

const plainPage = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body><p>${text}</p></body></html>`

export function portalPageRoutes(deps: Deps) {
  /** The practice and the built template, or the plain page that says why there is no portal. */
  const findPortal: MiddlewareHandler<PortalPageEnv> = async (c, next) => {
    c.header('Cache-Control', 'no-cache')
    const slug = c.req.param('slug') ?? ''
    const practice = SLUG.test(slug) ? await asSystem(deps.sql, (tx) => findPracticeBySlug(tx, slug)) : null
    if (!practice) {
      return c.html(
        plainPage('Not found', 'This portal is not available. Please check the address with your practice.'),
        404,
      )
    }
    const template = await deps.portalPage?.()
    if (!template) {
      return c.html(
        plainPage('Not built', 'The portal has not been built yet. Run npm run build (npm start does it for you).'),
        503,
      )
    }
    c.set('practice', practice)
    c.set('template', template)
    await next()
  }

  return new Hono<PortalPageEnv>().get('/portal/:slug', plainPageHeaders, findPortal, portalHeaders, (c) =>
    c.html(c.var.template.replace(MARKER, practiceBlock(c.var.practice))),
  )
}
