import { zValidator } from '@hono/zod-validator'
import type { MiddlewareHandler } from 'hono'
import type { z } from 'zod'
import { invalidRequest } from '../errors'

/**
 * Routes document themselves: `describe()` carries the summary and responses, `input()` validates
 * and records its schema. `openapi/document.ts` reads both back from `app.routes`, so the document
 * is built from the very schemas the routes validate with.
 */

export const DOC = Symbol('openapi.doc')
export const INPUT = Symbol('openapi.input')

export type Auth = 'none' | 'operator' | 'admin' | 'api_key' | 'portal' | 'signed'

export type Operation = {
  summary: string
  tags?: string[]
  auth: Auth
  description?: string
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>
}

export type Described = MiddlewareHandler & { [DOC]: Operation }
export type InputTarget = 'json' | 'query' | 'param' | 'form'

export function describe(operation: Operation): Described {
  const passThrough: MiddlewareHandler = async (_c, next) => next()
  return Object.assign(passThrough, { [DOC]: operation })
}

export function input<Target extends InputTarget, Schema extends z.ZodType>(target: Target, schema: Schema) {
  const where = target === 'json' ? 'body' : target
  const validator = zValidator(target, schema, (result) => {
    if (!result.success) throw invalidRequest(result.error, where)
  })
  return Object.assign(validator, { [INPUT]: { target, schema } })
}
