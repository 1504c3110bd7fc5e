import { mkdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Frame,
  type Locator,
  type Page,
} from 'playwright-core'
import { expect } from 'vitest'

/** Debian's Chromium, never a downloaded one. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  })
}

/**
 * A fresh browser profile (nothing stored from an earlier test) in English at the desktop size unless
 * told otherwise, with one page whose script errors are printed.
 */
export async function openPage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', ...options })
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error('page error:', error.message))
  return { context, page }
}

export const SCREENSHOTS = resolve(import.meta.dirname, '../../test-artifacts/screenshots')

export async function screenshot(page: Page, name: string) {
  await mkdir(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: false })
}

/** Screenshots at the desktop size and at 320 px wide (with `focus` scrolled into view at each), then back. */
export async function screenshotBoth(page: Page, name: string, focus?: Locator) {
  const size = page.viewportSize()!
  await focus?.scrollIntoViewIfNeeded()
  await screenshot(page, `${name}-desktop`)
  await page.setViewportSize({ width: 320, height: 640 })
  await page.waitForTimeout(150)
  await focus?.scrollIntoViewIfNeeded()
  await screenshot(page, `${name}-320`)
  await page.setViewportSize(size)
  await page.waitForTimeout(150)
}

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export type AxeViolation = {
  id: string
  impact: string
  help: string
  nodes: { target: string[]; failureSummary?: string }[]
}

/**
 * axe-core in the frame, WCAG 2.x A and AA rules. Injected through the DevTools protocol, which the
 * portal's own CSP does not apply to (a <script> tag would rightly be refused).
 */
export async function axe(frame: Frame): Promise<AxeViolation[]> {
  const source = await axeSource
  await frame.evaluate(`${source}\n;0`)
  return frame.evaluate(async () => {
    const result = await (window as any).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    })
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n: any) => ({ target: n.target, failureSummary: n.failureSummary })),
    }))
  })
}

/**
 * The screen has settled and passes axe (WCAG 2.x A and AA) in `frame` (the page's own unless
 * given), then is photographed at both sizes, or `once` at the size it is.
 */
export async function checkScreen(
  page: Page,
  name: string,
  options: { frame?: Frame; focus?: Locator; once?: boolean } = {},
) {
  await page.waitForTimeout(250)
  const violations = await axe(options.frame ?? page.mainFrame())
  expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([])
  if (options.once) await screenshot(page, name)
  else await screenshotBoth(page, name, options.focus)
}
