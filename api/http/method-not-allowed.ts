import type { Context, Hono } from 'hono'
import { ApiError } from './errors'

type Pattern = { method: string; pattern: RegExp }

/**
 * When nothing answers a request, says whether the path exists under other methods: 405 with
 * `Allow` then, 404 otherwise. Read off the app's own routes, so no route declares it.
 */
export function methodNotAllowed(app: Hono<any>) {
  let patterns: Pattern[] | null = null
  const load = () =>
    (patterns ??= app.routes
      .filter((route) => route.method !== 'ALL' && !route.path.includes('*'))
      .map((route) => ({
        method: route.method,
        pattern: new RegExp(`^${route.path.replace(/\/$/, '').replace(/:[A-Za-z_]+/g, '[^/]+')}/?$`),
      })))

  return (c: Context) => {
    const path = c.req.path
    const methods = new Set(load().flatMap((route) => (route.pattern.test(path) ? [route.method] : [])))
    if (methods.size === 0 || methods.has(c.req.method)) {
      return c.json(new ApiError('not_found', 'There is nothing at this address.').toBody(), 404)
    }
    if (methods.has('GET')) methods.add('HEAD')
    const allow = [...methods].sort().join(', ')
    c.header('Allow', allow)
    return c.json(new ApiError('method_not_allowed', `This address answers ${allow}.`).toBody(), 405)
  }
}
