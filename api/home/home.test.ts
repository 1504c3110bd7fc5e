import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../testing/app'
import { demoSiteApp } from './demo-site'

let t: TestContext
let dist: string
beforeAll(async () => {
  t = await startTestApp({ deps: { demoUrl: 'http://localhost:8788' } })
  dist = await mkdtemp(join(tmpdir(), 'hearth-demo-'))
  await writeFile(
    join(dist, 'index.html'),
    '<h1>Calm Waters</h1><a href="/dev/outbox">outbox</a><script src="/widget.js" data-practice="demo" async></script>',
  )
  await writeFile(join(dist, 'site.css'), 'body{}')
})
afterAll(async () => {
  await t.stop()
  await rm(dist, { recursive: true, force: true })
})

describe("Hearth's own page and the demo website", () => {
  it("Hearth's / says what this server is and links the demo site, the console and the contract", async () => {
    const res = await t.app.request('/')
    expect(res.status).toBe(200)
    const page = await res.text()
    expect(page).toContain('href="http://localhost:8788/"')
    expect(page).toContain('href="/staff"')
    expect(page).toContain('href="/openapi.json"')
    expect(page).not.toContain('widget.js')
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
  })

  it('serves the Calm Waters site on its own origin, loading the widget from Hearth', async () => {
    const demo = demoSiteApp(dist, 'http://localhost:8787')
    const page = await (await demo.request('/')).text()
    expect(page).toContain('src="http://localhost:8787/widget.js"')
    expect(page).toContain('href="http://localhost:8787/dev/outbox"')
    expect((await demo.request('/site.css')).status).toBe(200)
    expect((await demo.request('/v1/portal/me')).status).toBe(404)
  })
})
