import type { Hono } from 'hono'
import { z } from 'zod'
import { ERROR_STATUS, type ErrorCode } from '../http/errors'
import { DOC, type Operation } from '../http/openapi/describe'

const ErrorBody = z
  .object({
    error: z
      .object({
        code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
        message: z.string().min(1),
        details: z.record(z.string(), z.unknown()).optional(),
      })
      .strict(),
  })
  .strict()

type Route = { method: string; pattern: RegExp; operation: Operation }

/**
 * Checks every JSON answer a test receives against the response schema its route documents,
 * so the OpenAPI document cannot drift from what the server really returns.
 */
export function contractChecker(app: Hono<any>) {
  let routes: Route[] | null = null
  const load = () =>
    (routes ??= app.routes.flatMap((route) => {
      const operation = (route.handler as unknown as Record<symbol, Operation | undefined>)[DOC]
      if (!operation) return []
      const source = route.path.replace(/\/$/, '').replace(/:[A-Za-z_]+/g, '[^/]+')
      return [{ method: route.method, pattern: new RegExp(`^${source}/?$`), operation }]
    }))

  return function check(method: string, path: string, status: number, body: unknown, contentType: string | null) {
    const pathname = new URL(path, 'http://x').pathname
    if (status >= 400 && contentType?.includes('json')) {
      const shape = ErrorBody.safeParse(body)
      if (!shape.success)
        throw new Error(`${method} ${pathname} ${status} is not in the one error shape: ${JSON.stringify(body)}`)
      return
    }
    const route = load().find((r) => r.method === method && r.pattern.test(pathname))
    if (!route || status >= 400) return
    const documented = route.operation.responses[status]
    if (!documented)
      throw new Error(`${method} ${pathname} answered ${status}, which its OpenAPI description does not list`)
    if (!documented.schema || !contentType?.includes('json')) return
    const result = documented.schema.safeParse(body)
    if (!result.success) {
      throw new Error(`${method} ${pathname} ${status} does not match its documented schema: ${result.error.message}`)
    }
  }
}
