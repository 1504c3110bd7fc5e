import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asSystem } from '../db/tenant'
import { startTestApp, type TestContext } from '../testing/app'

const TEMPLATE =
  '<!doctype html><html><head><!--hearth:practice--><script type="module" src="/assets/portal-abc.js"></script></head><body><div id="app"></div></body></html>'

describe('GET /portal/{slug}', () => {
  let t: TestContext
  let built: string | null = TEMPLATE
  beforeAll(async () => {
    t = await startTestApp({ deps: { portalPage: async () => built } })
    await t.createPractice('calm')
    await asSystem(
      t.sql,
      (tx) =>
        tx`update practices set name = ${'Calm </script><script>alert(1)</script>'}, branding = ${tx.json({ accent_color: '#aa3300' })} where slug = 'calm'`,
    )
  })
  afterAll(() => t.stop())

  it('serves the built page with the practice written in as data, and a strict CSP framed only by allowed origins', async () => {
    const res = await t.call('GET', '/portal/calm')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
    const csp = res.headers.get('content-security-policy')!
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("style-src 'self'")
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/)
    expect(csp).toContain("frame-ancestors 'self' https://calm.example")
    const block = /<script type="application\/json" id="hearth-practice">(.*?)<\/script>/.exec(res.text)
    expect(block).not.toBeNull()
    expect(JSON.parse(block![1]!)).toEqual({
      slug: 'calm',
      name: 'Calm </script><script>alert(1)</script>',
      locales: ['en', 'es', 'fr'],
      accent: '#aa3300',
    })
    // The name cannot close the data block early.
    expect(res.text.match(/<\/script>/g)).toHaveLength(2)
  })

  it('sends the whole policy, and nothing that would stop a practice site framing it', async () => {
    const res = await t.call('GET', '/portal/calm')
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self' https://calm.example",
    )
    expect(res.headers.get('permissions-policy')).toBe('camera=(), microphone=(), geolocation=(), payment=()')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(res.headers.get('cache-control')).toBe('no-cache')
    for (const name of ['x-frame-options', 'cross-origin-resource-policy', 'cross-origin-opener-policy']) {
      expect(res.headers.get(name), name).toBeNull()
    }
  })

  it('leaves out an origin that could break the header', async () => {
    await asSystem(
      t.sql,
      (tx) =>
        tx`update practices set allowed_origins = ${['https://ok.example', "https://x.example; script-src 'unsafe-inline'"]} where slug = 'calm'`,
    )
    const csp = (await t.call('GET', '/portal/calm')).headers.get('content-security-policy')!
    expect(csp).toContain("frame-ancestors 'self' https://ok.example")
    expect(csp).not.toContain('x.example')
  })

  it('answers 404 for an unknown or malformed practice, with nothing to run', async () => {
    for (const path of ['/portal/nobody', '/portal/NOT_A_SLUG', '/portal/%3Cscript%3E']) {
      const res = await t.call('GET', path)
      expect(res.status).toBe(404)
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none'")
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('referrer-policy')).toBe('no-referrer')
      expect(res.headers.get('cache-control')).toBe('no-cache')
      expect(res.headers.get('permissions-policy')).toBeNull()
    }
  })

  it('says plainly when the widget has not been built', async () => {
    built = null
    const res = await t.call('GET', '/portal/calm')
    built = TEMPLATE
    expect(res.status).toBe(503)
    expect(res.text).toContain('npm run build')
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'")
  })
})
