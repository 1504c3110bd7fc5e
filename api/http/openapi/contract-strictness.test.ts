import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../../testing/app'

/** The document says what the server checks, and the server answers wrong methods and unknown parameters one way. */
let t: TestContext
let adminKey: string
let doc: any

beforeAll(async () => {
  t = await startTestApp()
  ;({ adminKey } = await t.createPractice('strict'))
  doc = (await t.call('GET', '/openapi.json')).body
})
afterAll(() => t.stop())

const bodyOf = (path: string, method: string) =>
  doc.paths[path][method].requestBody.content['application/json'].schema.properties

describe('the contract is as strict as the server', () => {
  it('keeps the email, uri, date-time, date and time-zone formats', () => {
    const client = bodyOf('/v1/clients', 'post')
    expect(client.email.format).toBe('email')
    expect(client.time_zone.format).toBe('time-zone')
    expect(bodyOf('/v1/webhook-endpoints', 'post').url.format).toBe('uri')
    const session = bodyOf('/v1/appointments', 'post')
    expect(session.starts_at.format).toBe('date-time')
    expect(session.telehealth_url.format).toBe('uri')
    const calls = doc.paths['/v1/confirmation-calls'].get.parameters.find((p: { name: string }) => p.name === 'date')
    expect(calls.schema.format).toBe('date')
  })

  it('documents an error answer for every operation, signed in or not', () => {
    const missing: string[] = []
    for (const [path, methods] of Object.entries<Record<string, any>>(doc.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        if (!Object.keys(operation.responses).some((status) => status.startsWith('4')))
          missing.push(`${method} ${path}`)
      }
    }
    expect(missing).toEqual([])
    expect(doc.paths['/v1/portal/auth/start'].post.summary).not.toMatch(/always/i)
  })

  it('answers a wrong method with 405 and Allow, on any path', async () => {
    const put = await t.call('PUT', '/v1/portal/auth/start', { body: {} })
    expect(put.status).toBe(405)
    expect(put.headers.get('allow')).toBe('POST')
    expect(put.body.error.code).toBe('method_not_allowed')
    const del = await t.call('DELETE', '/v1/clients', { key: adminKey })
    expect(del.status).toBe(405)
    expect(del.headers.get('allow')).toBe('GET, HEAD, POST')
    const item = await t.call('POST', '/v1/clients/00000000-0000-4000-8000-000000000000', { key: adminKey, body: {} })
    expect(item.status).toBe(405)
    expect(item.headers.get('allow')).toContain('PATCH')
    expect((await t.call('GET', '/v1/no-such-thing')).status).toBe(404)
  })

  it('ignores unknown query parameters everywhere, and says so', async () => {
    const list = await t.call('GET', '/v1/clients?utm_source=mail&limit=5', { key: adminKey })
    expect(list.status, list.text).toBe(200)
    const alerts = await t.call('GET', '/v1/alerts?status=open&utm_source=mail', { key: adminKey })
    expect(alerts.status, alerts.text).toBe(200)
    const config = await t.call('GET', '/v1/portal/config?practice=strict&v=2')
    expect(config.status, config.text).toBe(200)
    expect(doc.info.description).toMatch(/Unknown query parameters are ignored/)
  })
})
