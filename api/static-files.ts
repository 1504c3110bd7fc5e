import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Hono } from 'hono'

/**
 * Node only: what `vite build` put in dist/ (widget.js, the portal's hashed assets, the demo
 * website), with the cache rules a CDN would apply. Workers serve the same files from the assets
 * binding with the same rules (dist/_headers).
 */
const CACHE: [RegExp, string][] = [
  [/^\/assets\//, 'public, max-age=31536000, immutable'],
  [/^\/widget\.js$/, 'public, max-age=300'],
]
/** The bare portal template is only served through /portal/{slug}, with the practice's CSP. */
const HIDDEN = /^\/(portal(\.html)?|_headers)$/

export function serveBuiltFiles(root: Hono, distDir = './dist') {
  root.use('/*', async (c, next) => {
    if (HIDDEN.test(c.req.path)) return c.notFound()
    await next()
  })
  root.use(
    '/*',
    serveStatic({
      root: distDir,
      onFound: (path, c) => {
        const pathname = `/${path.slice(resolve(distDir).length).replace(/^\/+/, '')}`
        const rule = CACHE.find(([pattern]) => pattern.test(pathname) || pattern.test(c.req.path))
        c.header('Cache-Control', rule ? rule[1] : 'no-cache')
        c.header('X-Content-Type-Options', 'nosniff')
      },
    }),
  )
}

/** The portal page template, read fresh so a rebuild needs no restart; null until built. */
export function portalPageFromDist(distDir = './dist') {
  return () => readFile(join(distDir, 'portal.html'), 'utf8').catch(() => null)
}
