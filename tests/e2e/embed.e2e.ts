import { SignJWT } from 'jose'
import type { Browser, Frame, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium, screenshot } from './browser'
import { type HostPage, type RunningHearth, startHearth, startHostSite } from './server'

/**
 * The embed on practice websites that are not Hearth's origin: a strict host CSP, host CSS that
 * styles everything loudly, a host script looking for client data, and a site that is not allowed
 * to frame the portal.
 */

let hearth: RunningHearth
let browser: Browser
let allowed: Awaited<ReturnType<typeof startHostSite>>
let hostPages: HostPage[]
let stranger: Awaited<ReturnType<typeof startHostSite>>

const page = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>${head}</head><body>${body}</body></html>`
const tag = (base: string, extra = '') =>
  `<script src="${base}/widget.js" data-practice="demo" ${extra} async></script>`

async function portalFrame(p: Page): Promise<Frame> {
  const handle = await p.waitForSelector('iframe', { state: 'attached', timeout: 15_000 }).catch(() => null)
  if (handle) return (await handle.contentFrame())!
  // Not found in the page: look through the frame tree.
  for (let i = 0; i < 100; i++) {
    const frame = p.frames().find((f) => f.url().includes('/portal/demo'))
    if (frame) return frame
    await p.waitForTimeout(100)
  }
  throw new Error('no portal frame')
}

beforeAll(async () => {
  ;[hearth, browser] = await Promise.all([startHearth(), launchChromium()])
  const strictCsp = `default-src 'self'; script-src ${hearth.base}; frame-src ${hearth.base}; style-src 'self'; img-src 'self'`
  const loud = `<style>
    * { font-family: "Comic Sans MS", cursive !important; color: #f0f !important; background: #ff0 !important;
        border: 6px dashed red !important; padding: 30px !important; margin: 10px !important; text-transform: uppercase !important;
        letter-spacing: 4px !important; line-height: 3 !important; box-shadow: 0 0 0 8px lime !important; }
    button { display: none !important; width: 10px !important; height: 10px !important; opacity: .2 !important; }
    iframe { display: none !important; }
    div { position: static !important; transform: rotate(8deg) !important; }
  </style>`
  hostPages = [
    {
      path: '/head',
      html: `<!doctype html><html lang="en"><head><title>Head</title>${tag(hearth.base)}</head><body><h1>Script in head</h1><div data-hearth-portal></div></body></html>`,
    },
    {
      path: '/strict',
      html: page(`<h1>Strict</h1>${tag(hearth.base)}`),
      headers: { 'content-security-policy': strictCsp },
    },
    { path: '/plain', html: page(`<h1>Plain</h1>${tag(hearth.base)}`) },
    { path: '/loud', html: page(`<h1>Loud</h1>${tag(hearth.base)}`, loud) },
    { path: '/inline', html: page(`<h1>Inline</h1><div data-hearth-portal></div>${tag(hearth.base)}`) },
  ]
  allowed = await startHostSite(hostPages)
  stranger = await startHostSite(
    [{ path: '/inline', html: page(`<div data-hearth-portal></div>${tag(hearth.base)}`) }],
    '127.0.0.2',
  )
  await hearth.call('PATCH', '/v1/practice', { allowed_origins: [hearth.base, allowed.origin] })
})

afterAll(async () => {
  await browser?.close()
  await Promise.all([hearth?.stop(), allowed?.stop(), stranger?.stop()])
})

describe('the embed on a practice website', () => {
  it('loads and runs under a strict host CSP with no unsafe-inline, without a single violation', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const p = await context.newPage()
    const violations: string[] = []
    p.on('console', (m) => /Content Security Policy|Refused to/i.test(m.text()) && violations.push(m.text()))
    await p.goto(`${allowed.origin}/strict`)
    await p.getByRole('button', { name: 'My appointments' }).click()
    const frame = await portalFrame(p)
    await frame.getByLabel('Your email address').waitFor()
    expect(await frame.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in to see your appointments')
    await screenshot(p, 'embed-strict-csp-desktop')
    expect(violations).toEqual([])
    await context.close()
  })

  it('is not changed by host CSS that styles `*` and `button` loudly', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const measure = async (path: string) => {
      const p = await context.newPage()
      await p.goto(`${allowed.origin}${path}`)
      const launcher = p.getByRole('button', { name: 'My appointments' })
      await launcher.waitFor()
      const box = await launcher.boundingBox()
      const style = await launcher.evaluate((button) => {
        const props = [
          'font-family',
          'font-size',
          'font-weight',
          'color',
          'background-color',
          'padding',
          'margin',
          'border',
          'text-transform',
          'letter-spacing',
          'line-height',
          'box-shadow',
          'transform',
          'opacity',
          'display',
        ]
        return [button, ...button.querySelectorAll('*')].map((el) => {
          const computed = getComputedStyle(el)
          return props.map((prop) => `${prop}: ${computed.getPropertyValue(prop)}`)
        })
      })
      await launcher.click()
      const frame = await portalFrame(p)
      await frame.getByLabel('Your email address').waitFor()
      const panel = await (await frame.frameElement()).boundingBox()
      if (path === '/loud') await screenshot(p, 'embed-loud-host-css-desktop')
      await p.close()
      return { box, style, panel }
    }
    const plain = await measure('/plain')
    const loud = await measure('/loud')
    expect(loud.box).toEqual(plain.box)
    expect(loud.panel).toEqual(plain.panel)
    expect(loud.style).toEqual(plain.style)
    await context.close()
  })

  it('leaves no client data in the host page: not in its DOM, storage or cookies, and events carry none', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const p = await context.newPage()
    await p.goto(`${allowed.origin}/inline`)
    await p.evaluate(() => {
      const seen: string[] = []
      ;(window as any).heard = seen
      for (const name of ['signed-in', 'confirmed'])
        window.addEventListener(`hearth:${name}`, (e) => seen.push(`${name}:${'detail' in e ? 'detail' : 'bare'}`))
    })
    const frame = await portalFrame(p)
    await frame.getByLabel('Your email address').fill('alex@example.com')
    await frame.getByRole('button', { name: 'Email me a code' }).click()
    await frame.getByLabel('6-digit code').fill(await hearth.latestCode('alex@example.com'))
    await frame.getByRole('button', { name: 'Sign in' }).click()
    await frame.getByText('Hello, Alex.').waitFor()
    await frame
      .getByRole('button', { name: /^Confirm your appointment on/ })
      .first()
      .click()
    await frame
      .getByText(/^Thank you\. You're confirmed/)
      .first()
      .waitFor()
    await screenshot(p, 'embed-inline-signed-in-desktop')

    // What any script on the practice's page (analytics, chat widgets) could read.
    const visible = await p.evaluate(() => {
      const parts: string[] = [document.documentElement.outerHTML, document.cookie]
      for (const el of document.querySelectorAll('*')) if (el.shadowRoot) parts.push(el.shadowRoot.innerHTML)
      for (const store of [localStorage, sessionStorage])
        for (let i = 0; i < store.length; i++) parts.push(store.key(i)!, store.getItem(store.key(i)!) ?? '')
      for (const entry of performance.getEntriesByType('resource')) parts.push(entry.name)
      parts.push(...((window as any).heard as string[]))
      return parts.join('\n')
    })
    for (const secret of [
      'Alex',
      'alex@example.com',
      'Rivera',
      'Individual session',
      'Harbor',
      'access_token',
      'Bearer',
    ])
      expect(visible).not.toContain(secret)
    expect(await p.evaluate(() => (window as any).heard)).toEqual(['signed-in:bare', 'confirmed:bare'])
    // The frame keeps its session in its own storage, on Hearth's origin.
    expect(await frame.evaluate(() => Object.keys(localStorage))).toEqual(['hearth.session.demo'])
    await context.close()
  })

  it('works from the keyboard: open, focus on the heading, Escape closes and focus returns', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const p = await context.newPage()
    await p.goto(`${allowed.origin}/plain`)
    const launcher = p.getByRole('button', { name: 'My appointments' })
    await launcher.waitFor()
    await p.keyboard.press('Tab')
    expect(
      await launcher.evaluate(
        (el) => el.getRootNode() instanceof ShadowRoot && (el.getRootNode() as ShadowRoot).activeElement === el,
      ),
    ).toBe(true)
    await p.keyboard.press('Enter')
    expect(await launcher.getAttribute('aria-expanded')).toBe('true')
    const frame = await portalFrame(p)
    await expect.poll(() => frame.evaluate(() => document.activeElement?.tagName)).toBe('H1')
    await p.keyboard.press('Tab')
    expect(await frame.evaluate(() => document.activeElement?.id)).toBe('email')
    await p.keyboard.press('Escape')
    await expect.poll(() => launcher.getAttribute('aria-expanded')).toBe('false')
    expect(await launcher.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true)
    await context.close()
  })

  it("signs in silently with a token from the practice's own backend", async () => {
    const secret = 'calm-waters-shared-signing-secret-0123456789'
    await hearth.call('PATCH', '/v1/practice', { silent_sign_in: { issuer: 'https://calmwaters.example', secret } })
    const token = () =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuer('https://calmwaters.example')
        .setAudience('hearth:demo')
        .setSubject('jordan@example.com')
        .setIssuedAt()
        .setExpirationTime('2m')
        .setJti(crypto.randomUUID())
        .sign(new TextEncoder().encode(secret))
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const p = await context.newPage()
    await p.goto(`${allowed.origin}/plain`)
    await p.getByRole('button', { name: 'My appointments' }).waitFor()
    await p.evaluate((t) => (window as any).Hearth.signIn(t), await token())
    await p.getByRole('button', { name: 'My appointments' }).click()
    const frame = await portalFrame(p)
    await frame.getByText('Hello, Jordan.').waitFor()
    await context.close()

    // The same through the script tag's data-sign-in-token, in a fresh browser profile.
    const signed = await token()
    hostPages.push({
      path: '/token',
      html: page(`<h1>Signed in</h1>${tag(hearth.base, `data-sign-in-token="${signed}"`)}`),
    })
    const second = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const q = await second.newPage()
    await q.goto(`${allowed.origin}/token`)
    await q.getByRole('button', { name: 'My appointments' }).click()
    await (await portalFrame(q)).getByText('Hello, Jordan.').waitFor()
    await second.close()
  })

  it('works when the script tag sits in <head>, before the page it fills', async () => {
    const context = await browser.newContext()
    const p = await context.newPage()
    await p.goto(`${allowed.origin}/head`)
    await (await portalFrame(p)).getByLabel('Your email address').waitFor()
    await context.close()
  })

  it('ignores messages that do not come from the portal frame', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const p = await context.newPage()
    await p.goto(`${allowed.origin}/plain`)
    const launcher = p.getByRole('button', { name: 'My appointments' })
    await launcher.click()
    await (await portalFrame(p)).getByLabel('Your email address').waitFor()
    const heard = await p.evaluate(async () => {
      const seen: string[] = []
      window.addEventListener('hearth:confirmed', () => seen.push('confirmed'))
      // A script on the page (or another frame) forging the portal's messages.
      for (const message of [
        { hearth: 1, type: 'event', name: 'confirmed' },
        { hearth: 1, type: 'close' },
        { hearth: 1, type: 'resize', height: 5 },
      ])
        window.postMessage(message, '*')
      await new Promise((r) => setTimeout(r, 300))
      return seen
    })
    expect(heard).toEqual([])
    expect(await launcher.getAttribute('aria-expanded')).toBe('true')
    expect((await (await (await portalFrame(p)).frameElement()).boundingBox())!.height).toBeGreaterThan(100)
    await context.close()
  })

  it('refuses to be framed by a site that is not one of the practice origins', async () => {
    const context = await browser.newContext()
    const p = await context.newPage()
    const refused = new Promise<string>((done) =>
      p.on('console', (m) => /frame-ancestors|Refused to frame/i.test(m.text()) && done(m.text())),
    )
    await p.goto(`${stranger.origin}/inline`)
    expect(await Promise.race([refused, p.waitForTimeout(10_000).then(() => 'no refusal')])).toMatch(/frame-ancestors/)
    const frame = await portalFrame(p)
    expect(await frame.locator('#email').count()).toBe(0)
    await context.close()
  })
})
