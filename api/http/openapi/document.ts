import type { Hono } from 'hono'
import { z } from 'zod'
import { DOC, INPUT, type Auth, type InputTarget, type Operation } from './describe'

type Found = { operation?: Operation; inputs: { target: InputTarget; schema: z.ZodType }[] }

const ErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
})

const SECURITY: Record<Auth, Record<string, string[]>[]> = {
  none: [],
  signed: [],
  operator: [{ operatorKey: [] }],
  admin: [{ apiKey: [] }],
  api_key: [{ apiKey: [] }],
  portal: [{ portalToken: [] }],
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output') {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >
  return rest
}

/** The OpenAPI 3.1 document of every described route of `app`. */
export function openApiDocument(app: Hono<any>, info: { title: string; version: string; serverUrl?: string }) {
  const found = new Map<string, Found>()
  for (const route of app.routes) {
    const handler = route.handler as unknown as Record<symbol, unknown>
    const key = `${route.method} ${route.path}`
    const entry = found.get(key) ?? { inputs: [] }
    if (handler[DOC]) entry.operation = handler[DOC] as Operation
    if (handler[INPUT]) entry.inputs.push(handler[INPUT] as Found['inputs'][number])
    if (entry.operation || entry.inputs.length) found.set(key, entry)
  }

  const paths: Record<string, Record<string, unknown>> = {}
  for (const [key, { operation, inputs }] of found) {
    if (!operation) continue
    const [method, honoPath] = key.split(' ') as [string, string]
    const path = honoPath.replace(/:([A-Za-z_]+)/g, '{$1}')
    const parameters: unknown[] = []
    for (const name of honoPath.match(/:([A-Za-z_]+)/g) ?? []) {
      parameters.push({ name: name.slice(1), in: 'path', required: true, schema: { type: 'string' } })
    }
    let requestBody: unknown
    for (const { target, schema } of inputs) {
      if (target === 'json') {
        requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(schema, 'input') } } }
      } else if (target === 'form') {
        requestBody = {
          required: true,
          content: { 'application/x-www-form-urlencoded': { schema: jsonSchema(schema, 'input') } },
        }
      } else if (target === 'query') {
        const shape = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] }
        for (const [name, property] of Object.entries(shape.properties ?? {})) {
          parameters.push({ name, in: 'query', required: shape.required?.includes(name) ?? false, schema: property })
        }
      }
    }
    const responses: Record<string, unknown> = {}
    for (const [status, response] of Object.entries(operation.responses)) {
      responses[status] = {
        description: response.description,
        ...(response.schema
          ? {
              content: {
                [response.contentType ?? 'application/json']: { schema: jsonSchema(response.schema, 'output') },
              },
            }
          : {}),
      }
    }
    if (operation.auth !== 'none') {
      responses['4XX'] = {
        description: 'An error, in the one error shape',
        content: { 'application/json': { schema: jsonSchema(ErrorSchema, 'output') } },
      }
    }
    paths[path] ??= {}
    paths[path][method.toLowerCase()] = {
      summary: operation.summary,
      ...(operation.description ? { description: operation.description } : {}),
      ...(operation.tags ? { tags: operation.tags } : {}),
      operationId: `${method.toLowerCase()}${path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      security: SECURITY[operation.auth],
      ...(parameters.length ? { parameters } : {}),
      ...(requestBody ? { requestBody } : {}),
      responses,
    }
  }

  return {
    openapi: '3.1.0',
    info: { title: info.title, version: info.version },
    ...(info.serverUrl ? { servers: [{ url: info.serverUrl }] } : {}),
    paths,
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'A practice API key (admin or therapist role).' },
        operatorKey: { type: 'http', scheme: 'bearer', description: 'HEARTH_OPERATOR_KEY.' },
        portalToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A portal access token.' },
      },
    },
  }
}
