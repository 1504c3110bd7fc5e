import { Hono } from 'hono'
import type { AppEnv, Deps } from '../deps'
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

export function portalPolicy(allowedOrigins: readonly string[]): string {
  // Origins were validated when saved; checked again here because they end up in a header.
  const ancestors = ["'self'", ...allowedOrigins.filter((o) => ORIGIN.test(o))].join(' ')
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: https:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${ancestors}`,
  ].join('; ')
}

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
  return new Hono<AppEnv>().get('/portal/:slug', async (c) => {
    c.header('X-Content-Type-Options', 'nosniff')
    c.header('Referrer-Policy', 'no-referrer')
    c.header('Cache-Control', 'no-cache')
    const slug = c.req.param('slug')
    const practice = SLUG.test(slug) ? await asSystem(deps.sql, (tx) => findPracticeBySlug(tx, slug)) : null
    if (!practice) {
      c.header('Content-Security-Policy', "default-src 'none'")
      return c.html(
        plainPage('Not found', 'This portal is not available. Please check the address with your practice.'),
        404,
      )
    }
    const template = await deps.portalPage?.()
    if (!template) {
      c.header('Content-Security-Policy', "default-src 'none'")
      return c.html(
        plainPage('Not built', 'The portal has not been built yet. Run npm run build (npm start does it for you).'),
        503,
      )
    }
    c.header('Content-Security-Policy', portalPolicy(practice.allowed_origins))
    c.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()')
    return c.html(template.replace(MARKER, practiceBlock(practice)))
  })
}
