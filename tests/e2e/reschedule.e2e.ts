import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { axe, checkScreen, screenshotBoth, openPage } from './browser'
import { hearthAndChromium } from './for-file'
import { signInToConsole } from './staff-sign-in'

/**
 * A client moving next week's session from a phone (320 × 640): the email's "Find another time"
 * link opens the portal on the picker for that session; after signing in they read the rule, see
 * the free times by day in their zone, choose one with the keyboard and move it. axe-core on each
 * screen; screenshots in test-artifacts/screenshots/.
 */

const run = hearthAndChromium()
let context: BrowserContext
let page: Page

const check = (name: string) => checkScreen(page, name, { once: true })

describe('Find another time, on a phone', () => {
  it("moves Alex's session next week to a free time of Dr. Rivera's", async () => {
    const clients = (await run.hearth.call('GET', '/v1/clients')).data as { id: string; email: string }[]
    const alex = clients.find((c) => c.email === 'alex@example.com')!
    const from = new Date(Date.now() + 3 * 86_400_000).toISOString()
    const list = (await run.hearth.call('GET', `/v1/appointments?from=${from}&to=2100-01-01T00:00:00Z&limit=200`))
      .data as {
      id: string
      client_id: string
      starts_at: string
      status: string
    }[]
    const next = list.find((a) => a.client_id === alex.id && a.status === 'scheduled')!

    ;({ context, page } = await openPage(run.browser, { viewport: { width: 320, height: 640 } }))
    await page.goto(`${run.hearth.base}/portal/demo?show=reschedule&id=${next.id}`)
    await page.getByLabel('Your email address').fill('alex@example.com')
    await page.getByRole('button', { name: 'Email me a code' }).click()
    await page.getByLabel('6-digit code').fill(await run.hearth.latestCode('alex@example.com'))
    await page.getByRole('button', { name: 'Sign in' }).click()

    await page.getByRole('heading', { level: 1, name: 'Find another time' }).waitFor()
    await page.getByText('Choose a time that suits you and your session moves straight away.').waitFor()
    await page
      .getByText(/Here are the times Dr\. Maya Rivera has free\. Times are in your time zone \(E[SD]T\)\./)
      .waitFor()
    await check('40-find-time-320')

    // Keyboard only: into the first day's times, the arrow key to the second, then the button.
    const radios = page.getByRole('radio')
    await radios.first().focus()
    await page.keyboard.press('ArrowDown')
    const chosen = await page.evaluate(() => (document.activeElement as HTMLInputElement).value)
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)).toBe(true)
    await page.getByRole('button', { name: 'Move my appointment' }).focus()
    await page.keyboard.press('Enter')
    await page
      .getByText(/Done\. Your appointment is now on .* E[SD]T\. We've sent you a note/)
      .first()
      .waitFor()
    await check('41-find-time-moved-320')

    const moved = await run.hearth.call('GET', `/v1/appointments/${next.id}`)
    expect(moved).toMatchObject({ id: next.id, starts_at: chosen, status: 'confirmed' })
    expect(new Date(moved.starts_at).getTime()).not.toBe(new Date(next.starts_at).getTime())
  })
})

describe('the console', () => {
  it("shows a therapist's availability and the requests to move, with nothing axe objects to", async () => {
    await context?.close()
    ;({ context, page } = await openPage(run.browser))
    await page.goto(`${run.hearth.base}/staff`)
    await signInToConsole(page, run.hearth, 'owner')
    await page.getByRole('link', { name: 'Availability' }).click()
    await page.getByRole('heading', { level: 1, name: 'Availability' }).waitFor()
    await page.getByText('Hours are in Eastern Time (New York).').waitFor()
    const violations = await axe(page.mainFrame())
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([])
    await screenshotBoth(page, '42-staff-availability')
    await page.getByRole('link', { name: 'Move requests' }).click()
    await page.getByRole('heading', { level: 1, name: 'Requests to move a session' }).waitFor()
    expect(await axe(page.mainFrame())).toEqual([])
    await screenshotBoth(page, '43-staff-move-requests')
  })
})
