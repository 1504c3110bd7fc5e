import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { launchChromium } from '../tests/e2e/browser'
import setup, { E2E_DIST } from '../tests/e2e/global-setup'
import { startHearth, startHostSite } from '../tests/e2e/server'

/**
 * The widget's budgets (issue 4), measured on a fresh build:
 * - `widget.js` at most 2 KB gzipped;
 * - everything the portal loads before the sign-in form is usable at most 30 KB gzipped;
 * - the time from the script tag to a usable sign-in form, on localhost in Chromium.
 * Printed, not asserted: a figure over budget is for a person to look at.
 */
const KB = 1024
const gz = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length
const fmt = (bytes: number) => `${(bytes / KB).toFixed(2)} KB`
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

function line(label: string, value: string, budget?: string, ok?: boolean) {
  const verdict = budget ? `  (budget ${budget}: ${ok ? 'within' : 'OVER'})` : ''
  console.log(`  ${label.padEnd(52)} ${value.padStart(10)}${verdict}`)
}

export default async function widgetBench() {
  await setup()
  const read = (path: string) => readFile(join(E2E_DIST, path))

  const loader = gz(await read('widget.js'))
  line('widget.js, gzipped', fmt(loader), '2 KB', loader <= 2 * KB)

  // The portal page and what it references: its entry script, modulepreloads and stylesheets.
  const html = (await read('portal.html')).toString()
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!)
  let firstLoad = gz(html) + 200 // plus the practice's data block written into the page
  for (const asset of assets) firstLoad += gz(await read(asset))
  line(`portal before sign-in is usable (page + ${assets.length} files)`, fmt(firstLoad), '30 KB', firstLoad <= 30 * KB)
  const { readdir } = await import('node:fs/promises')
  const later = (await readdir(join(E2E_DIST, 'assets'))).filter((f) => !assets.includes(`/assets/${f}`))
  let rest = 0
  for (const file of later) rest += gz(await read(`assets/${file}`))
  line(`signed-in screens, fetched after the form (${later.length} files)`, fmt(rest))

  const hearth = await startHearth()
  const browser = await launchChromium()
  try {
    const tag = `<script src="${hearth.base}/widget.js" data-practice="demo" async></script>`
    const host = await startHostSite([
      {
        path: '/inline',
        html: `<!doctype html><html><body><h1>Practice</h1><div data-hearth-portal></div>${tag}</body></html>`,
      },
      { path: '/launcher', html: `<!doctype html><html><body><h1>Practice</h1>${tag}</body></html>` },
    ])
    await hearth.call('PATCH', '/v1/practice', { allowed_origins: [hearth.base, host.origin] })
    const inline: number[] = []
    const launcher: number[] = []
    for (let run = 0; run < 7; run++) {
      const context = await browser.newContext()
      const page = await context.newPage()
      await page.goto(`${host.origin}/inline`)
      await page.frameLocator('iframe').locator('#email:enabled').waitFor()
      // Both clocks are read in the page: the frame's mark after its first render, against the
      // moment the host page started fetching widget.js (Playwright's polling is not counted).
      const frame = page.frames().find((f) => f.url().includes('/portal/'))!
      const shown = await frame.evaluate(() => {
        const mark = performance.getEntriesByName('hearth:first-screen')[0]!
        return performance.timeOrigin + mark.startTime
      })
      const started = await page.evaluate(() => {
        const script = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/widget.js'))!
        return performance.timeOrigin + script.startTime
      })
      inline.push(shown - started)
      await page.goto(`${host.origin}/launcher`)
      const button = page.getByRole('button', { name: 'My appointments' })
      await button.waitFor()
      await button.click()
      await page.frameLocator('iframe').locator('#email:enabled').waitFor()
      // From the first sign of interest (the pointer reaching the button, which starts the frame).
      const portal = page.frames().find((f) => f.url().includes('/portal/'))!
      const ready = await portal.evaluate(
        () => performance.timeOrigin + performance.getEntriesByName('hearth:first-screen')[0]!.startTime,
      )
      const frameCreated = await portal.evaluate(() => performance.timeOrigin)
      launcher.push(ready - frameCreated)
      await context.close()
    }
    line('script tag → sign-in form shown (inline, cold, median of 7)', `${median(inline).toFixed(0)} ms`)
    line('launcher, assets cached: frame start → form shown (median)', `${median(launcher).toFixed(0)} ms`)
    await host.stop()
  } finally {
    await browser.close()
    await hearth.stop()
  }
}
