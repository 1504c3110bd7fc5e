import { zValidator } from '@hono/zod-validator'
import type { MiddlewareHandler } from 'hono'
import { z } from 'zod'
import { invalidRequest } from '../errors'

/**
 * Routes document themselves: `describe()` carries the summary and responses, `input()` validates
 * and records its schema. `openapi/document.ts` reads both back from `app.routes`, so the document
 * is built from the very schemas the routes validate with.
 */

export const DOC = Symbol('openapi.doc')
export const INPUT = Symbol('openapi.input')

export type Auth = 'none' | 'operator' | 'admin' | 'api_key' | 'portal' | 'signed' | 'staff'

export type Operation = {
  summary: string
  tags?: string[]
  auth: Auth
  description?: string
  /** A body that is not JSON (a CSV file, say), documented here since no `input()` validates it. */
  requestBody?: { contentType: string; description: string }
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>
}

export type Described = MiddlewareHandler & { [DOC]: Operation }
export type InputTarget = 'json' | 'query' | 'param' | 'form'

export function describe(operation: Operation): Described {
  const passThrough: MiddlewareHandler = async (_c, next) => next()
  return Object.assign(passThrough, { [DOC]: operation })
}

/**
 * Unknown query parameters are ignored everywhere (links carry tracking parameters, caches add
 * their own); unknown body fields are refused where the schema is strict. One rule, said in the
 * document's description.
 */
function lenientQuery<Schema extends z.ZodType>(schema: Schema): Schema {
  return (schema instanceof z.ZodObject ? schema.strip() : schema) as Schema
}

export function input<Target extends InputTarget, Schema extends z.ZodType>(target: Target, given: Schema) {
  const where = target === 'json' ? 'body' : target
  const schema = target === 'query' ? lenientQuery(given) : given
  const validator = zValidator(target, schema, (result) => {
    if (!result.success) throw invalidRequest(result.error, where)
  })
  return Object.assign(validator, { [INPUT]: { target, schema } })
}
