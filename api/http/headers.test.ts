import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../testing/app'

describe('response headers', () => {
  let t: TestContext
  let https: TestContext
  let key: string
  let httpsKey: string
  beforeAll(async () => {
    t = await startTestApp()
    https = await startTestApp({
      deps: { publicUrl: 'https://portal.hearth.example', portalPage: async () => '<!doctype html><title>p</title>' },
    })
    key = (await t.createPractice('calm')).adminKey
    httpsKey = (await https.createPractice('calm')).adminKey
  })
  afterAll(async () => {
    await t.stop()
    await https.stop()
  })

  it('JSON with data is never stored and never sniffed', async () => {
    for (const answer of [
      await t.call('GET', '/v1/practice', { key }),
      await t.call('GET', '/v1/clients', { key }),
      await t.call('GET', '/v1/practice'), // the error says nothing, but is not kept either
      await t.call('POST', '/v1/clients', { key, body: { name: 'x'.repeat(70_000) } }),
    ]) {
      expect(answer.headers.get('cache-control')).toBe('no-store')
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff')
    }
  })

  it('a route that chose its own caching keeps it', async () => {
    const config = await t.call('GET', '/v1/portal/config?practice=calm')
    expect(config.status).toBe(200)
    expect(config.headers.get('cache-control')).toBe('public, max-age=60')
    expect(config.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('sends HSTS on every answer only when PUBLIC_URL is https', async () => {
    expect((await t.call('GET', '/v1/practice', { key })).headers.get('strict-transport-security')).toBeNull()
    for (const path of ['/v1/practice', '/healthz', '/portal/calm', '/openapi.json']) {
      const answer = await https.call('GET', path, { key: httpsKey })
      expect(answer.headers.get('strict-transport-security'), path).toBe('max-age=31536000; includeSubDomains')
    }
  })
})
