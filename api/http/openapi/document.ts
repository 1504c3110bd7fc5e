import type { Hono } from 'hono'
import { z } from 'zod'
import { EARLIEST_DATE, LATEST_DATE } from '../../../shared/time/bounds'
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
  // Practice routes take an integration's API key or a staff member's session cookie.
  admin: [{ apiKey: [] }, { staffSession: [] }],
  api_key: [{ apiKey: [] }, { staffSession: [] }],
  staff: [{ staffSession: [] }],
  portal: [{ portalToken: [] }],
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output') {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >
  return rest
}

const DOCUMENT_DESCRIPTION = [
  'Errors are `{"error": {"code", "message", "details"}}`; a validation error is 400 `invalid_request` with `details.fields` naming each field.',
  'Unknown query parameters are ignored; unknown body fields are refused (400).',
  'A method an address does not answer is 405 with an `Allow` header.',
  `Instants are ISO 8601 with an offset and dates YYYY-MM-DD, from ${EARLIEST_DATE} to ${LATEST_DATE}; time zones are IANA names Postgres knows, stored in canonical spelling.`,
  'Text fields refuse a NUL character and broken (lone surrogate) characters.',
].join('\n\n')

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
    if (!requestBody && operation.requestBody) {
      const { contentType, description } = operation.requestBody
      requestBody = { required: true, description, content: { [contentType]: { schema: { type: 'string' } } } }
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
    // Any operation can refuse: bad input (400), a wrong method (405), too large a body (413),
    // too many tries (429), and for signed-in ones 401/403/404.
    responses['4XX'] = {
      description: 'An error, in the one error shape',
      content: { 'application/json': { schema: jsonSchema(ErrorSchema, 'output') } },
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
    info: { title: info.title, version: info.version, description: DOCUMENT_DESCRIPTION },
    ...(info.serverUrl ? { servers: [{ url: info.serverUrl }] } : {}),
    paths,
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'A practice API key (admin or therapist role).' },
        staffSession: {
          type: 'apiKey',
          in: 'cookie',
          name: 'hearth_staff',
          description:
            'The staff session cookie (`__Host-hearth_staff` when PUBLIC_URL is https), set by POST /v1/staff/auth/verify. ' +
            'Unsafe methods with it need `Origin` equal to PUBLIC_URL.',
        },
        operatorKey: { type: 'http', scheme: 'bearer', description: 'HEARTH_OPERATOR_KEY.' },
        portalToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A portal access token.' },
      },
    },
  }
}
