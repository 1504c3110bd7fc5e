import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Hono } from 'hono'
import { compress } from 'hono/compress'
import { fileHeaders, staffPageHeaders } from './headers'

/**
 * Node only: what `vite build` put in dist/ (widget.js, the portal's hashed assets, the demo
 * website), with the cache rules a CDN would apply. Workers serve the same files from the assets
 * binding with the same rules (dist/_headers).
 */
const CACHE: [RegExp, string][] = [
  [/^\/assets\//, 'public, max-age=31536000, immutable'],
  [/^\/widget\.js$/, 'public, max-age=300'],
]
/**
 * The bare portal template is only served through /portal/{slug}, with the practice's CSP; the
 * demo website's pages only on the demo's own origin (home/demo-site.ts).
 */
const HIDDEN = /^\/(portal(\.html)?|_headers|index\.html|inline(\.html)?)$/

export function serveBuiltFiles(root: Hono, distDir = './dist') {
  root.use('/*', async (c, next) => {
    if (HIDDEN.test(c.req.path)) return c.notFound()
    await next()
    // serveStatic builds its response before its onFound hook runs, so the cache rule goes on here.
    if (c.res.ok) {
      c.res.headers.set('Cache-Control', CACHE.find(([pattern]) => pattern.test(c.req.path))?.[1] ?? 'no-cache')
    }
  })
  root.use('/staff/*', staffPageHeaders)
  root.use('/*', fileHeaders)
  // Brotli where the build wrote a .br beside the file, else gzip on the fly; both by Accept-Encoding.
  root.use('/*', compress())
  root.use('/*', serveStatic({ root: distDir, precompressed: true }))
}

/** The portal page template, read fresh so a rebuild needs no restart; null until built. */
export function portalPageFromDist(distDir = './dist') {
  return () => readFile(join(distDir, 'portal.html'), 'utf8').catch(() => null)
}
