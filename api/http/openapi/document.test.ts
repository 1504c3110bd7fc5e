import { Validator } from '@seriousme/openapi-schema-validator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../../testing/app'

let t: TestContext
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t.stop())

describe('GET /openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const res = await t.call('GET', '/openapi.json')
    expect(res.status).toBe(200)
    const validator = new Validator()
    const result = await validator.validate(res.body)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    expect(validator.version).toBe('3.1')
  })

  it('documents every /v1 route the app serves', async () => {
    const doc = (await t.call('GET', '/openapi.json')).body
    const documented = new Set(
      Object.entries(doc.paths as Record<string, object>).flatMap(([path, methods]) =>
        Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
      ),
    )
    const served = new Set(
      t.app.routes
        .filter((r) => r.path.startsWith('/v1/') && r.method !== 'ALL')
        .map((r) => `${r.method} ${r.path.replace(/:([A-Za-z_]+)/g, '{$1}').replace(/\/$/, '')}`),
    )
    for (const route of served) expect(documented, route).toContain(route)
  })

  it('describes request bodies from the schemas the routes validate with', async () => {
    const doc = (await t.call('GET', '/openapi.json')).body
    const body = doc.paths['/v1/practice'].patch.requestBody.content['application/json'].schema
    expect(body.properties.cancellation_policy.properties.window_hours).toMatchObject({ minimum: 24, maximum: 48 })
  })
})
