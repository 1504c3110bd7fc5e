import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { portalPageFromDist, serveBuiltFiles } from './static-files'

const BIG = `/* app */ ${'export const words = "Your appointment is confirmed.";\n'.repeat(200)}`

describe('serving the built widget (Node)', () => {
  let dist: string
  const app = new Hono()
  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'hearth-dist-'))
    await mkdir(join(dist, 'assets'))
    await mkdir(join(dist, 'staff'))
    await writeFile(join(dist, 'staff', 'index.html'), '<h1>Staff</h1>')
    await writeFile(join(dist, 'widget.js'), '/* loader */')
    await writeFile(join(dist, 'assets', 'portal-abc123.js'), '/* app */')
    await writeFile(join(dist, 'index.html'), '<h1>Calm Waters</h1>')
    await writeFile(join(dist, 'portal.html'), '<!--hearth:practice-->')
    await writeFile(join(dist, '_headers'), '/assets/*')
    await writeFile(join(dist, 'assets', 'big-abc123.js'), BIG)
    await writeFile(join(dist, 'assets', 'big-abc123.js.br'), brotliCompressSync(BIG))
    serveBuiltFiles(app, dist)
  })
  afterAll(() => rm(dist, { recursive: true, force: true }))

  it('caches hashed assets for a year, widget.js briefly, pages not at all', async () => {
    const asset = await app.request('/assets/portal-abc123.js')
    expect(asset.status).toBe(200)
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect((await app.request('/widget.js')).headers.get('cache-control')).toBe('public, max-age=300')
    const home = await app.request('/')
    expect(home.status).toBe(200)
    expect(home.headers.get('cache-control')).toBe('no-cache')
  })

  it('never lets a file be sniffed; gives the staff console its own strict policy', async () => {
    for (const path of ['/widget.js', '/assets/portal-abc123.js', '/', '/staff/']) {
      expect((await app.request(path)).headers.get('x-content-type-options'), path).toBe('nosniff')
    }
    const widget = await app.request('/widget.js')
    for (const name of ['content-security-policy', 'referrer-policy', 'cross-origin-resource-policy']) {
      expect(widget.headers.get(name), `practice sites load widget.js: ${name}`).toBeNull()
    }
    for (const path of ['/staff', '/staff/', '/staff/index.html']) {
      const staff = await app.request(path)
      expect(staff.status, path).toBe(200)
      expect(staff.headers.get('content-security-policy'), path).toBe(
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      )
      expect(staff.headers.get('referrer-policy'), path).toBe('no-referrer')
    }
  })

  it('never serves the bare portal template or the static host config', async () => {
    for (const path of ['/portal.html', '/portal', '/_headers']) expect((await app.request(path)).status).toBe(404)
  })

  it('reads the template for /portal/{slug}, or null before a build', async () => {
    expect(await portalPageFromDist(dist)()).toBe('<!--hearth:practice-->')
    expect(await portalPageFromDist(join(dist, 'missing'))()).toBeNull()
  })

  it('compresses by Accept-Encoding: brotli the build wrote, gzip on the fly, nothing when not asked', async () => {
    const get = (encoding?: string) =>
      app.request('/assets/big-abc123.js', { headers: encoding ? { 'accept-encoding': encoding } : {} })
    const br = await get('gzip, deflate, br')
    expect(br.headers.get('content-encoding')).toBe('br')
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i)
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(BIG)

    const gzip = await get('gzip')
    expect(gzip.headers.get('content-encoding')).toBe('gzip')
    const unzipped = gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()
    expect(unzipped).toBe(BIG)
    const page = await app.request('/widget.js', { headers: { 'accept-encoding': 'gzip' } })
    expect(page.headers.get('content-encoding'), 'too small to be worth it').toBeNull()

    const plain = await get()
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(await plain.text()).toBe(BIG)
  })

  it('serves /favicon.ico from the built site', async () => {
    const site = new Hono()
    serveBuiltFiles(site, './demo-site/public')
    const icon = await site.request('/favicon.ico')
    expect(icon.status).toBe(200)
    expect(icon.headers.get('content-type')).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/)
    expect([...new Uint8Array(await icon.arrayBuffer()).slice(0, 4)]).toEqual([0, 0, 1, 0])
  })
})
