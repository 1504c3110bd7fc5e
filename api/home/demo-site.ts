import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Hono } from 'hono'
import { secureHeaders } from 'hono/secure-headers'

/**
 * Node only: the fictional Calm Waters website (demo-site/, built into dist/) on its own origin,
 * so the demo shows real cross-origin embedding: this page cannot read the portal's storage.
 * Its script tag points at Hearth's origin, as a practice's pasted snippet would.
 */
const PAGES: Record<string, string> = {
  '/': 'index.html',
  '/index.html': 'index.html',
  '/inline': 'inline.html',
  '/inline.html': 'inline.html',
}

export function demoSiteApp(distDir: string, hearthUrl: string) {
  const app = new Hono()
  // A practice's own site sets its own policy; the demo stays as plain as a typical one.
  const headers = secureHeaders({
    xContentTypeOptions: true,
    referrerPolicy: 'strict-origin-when-cross-origin',
    xFrameOptions: false,
    contentSecurityPolicy: undefined,
    crossOriginResourcePolicy: false,
    crossOriginOpenerPolicy: false,
    crossOriginEmbedderPolicy: false,
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
    strictTransportSecurity: false,
  })
  app.get('/site.css', async (c) => {
    const css = await readFile(join(distDir, 'site.css'), 'utf8').catch(() => null)
    return css === null ? c.notFound() : c.body(css, 200, { 'content-type': 'text/css; charset=utf-8' })
  })
  app.get('*', headers, async (c) => {
    const file = PAGES[c.req.path]
    const page = file ? await readFile(join(distDir, file), 'utf8').catch(() => null) : null
    if (page === null) return c.text('Not found', 404)
    return c.html(
      page
        .replaceAll('src="/widget.js"', `src="${hearthUrl}/widget.js"`)
        .replaceAll('href="/dev/outbox"', `href="${hearthUrl}/dev/outbox"`),
    )
  })
  return app
}
