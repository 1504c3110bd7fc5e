import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { axe, screenshotBoth, openPage } from './browser'
import { bookSession } from './server'
import { hearthAndChromium } from './for-file'

/**
 * The pages behind a reminder's links, opened from the real email in the development outbox:
 * the practice's name, a way into the portal at that session, "Keep my appointment" where the
 * client might cancel, the fee and the waiver after a late cancellation, and crisis help; axe-core
 * on each, photographed at both sizes.
 */

const run = hearthAndChromium()

/** A zone where it is daytime now, so the reminder is not held back for quiet hours. */
function daytimeZone(): string {
  const zones = ['America/New_York', 'Europe/London', 'Asia/Kolkata', 'Asia/Tokyo', 'Pacific/Honolulu']
  const hour = (zone: string) =>
    Number(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: zone }).format(new Date()))
  return zones.find((zone) => hour(zone) >= 9 && hour(zone) < 19) ?? 'America/Los_Angeles'
}

async function reminderLinks(email: string): Promise<Record<string, string>> {
  for (let tries = 0; tries < 100; tries++) {
    const outbox = await (await fetch(`${run.hearth.base}/dev/outbox?to=${encodeURIComponent(email)}`)).json()
    const text: string | undefined = outbox.data?.find((m: { text: string }) => /^Cancel: /m.test(m.text))?.text
    if (text) return Object.fromEntries([...text.matchAll(/^([^:\n]+): (http\S+)$/gm)].map((m) => [m[1]!, m[2]!]))
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`No reminder for ${email} in the outbox`)
}

/**
 * A new client's session with Dr. Rivera, at the first quarter hour from `hoursAway` that she has
 * free (the demo seeds her week), and the client's email address.
 */
async function bookWithRivera(name: string, hoursAway: number) {
  const therapists: { id: string; name: string }[] = (await run.hearth.call('GET', '/v1/therapists')).data
  const therapist = therapists.find((t) => t.name === 'Dr. Maya Rivera')!
  const email = `${name.toLowerCase().replace(' ', '.')}.${Date.now()}@example.com`
  const client = await run.hearth.call('POST', '/v1/clients', { name, email, time_zone: daytimeZone() })
  let appointment: { id: string } | null = null
  for (let step = 0; !appointment; step++) {
    const startsAt = new Date(Math.ceil((Date.now() + hoursAway * 3_600_000) / 900_000) * 900_000 + step * 900_000)
    expect(step, `a free time from ${hoursAway} hours away`).toBeLessThan(40)
    appointment = await bookSession(run.hearth, {
      external_id: `link-pages-${Date.now()}`,
      therapist_id: therapist.id,
      client_id: client.id,
      starts: startsAt,
    }).catch((error: Error) => {
      if (/double_booking/.test(error.message)) return null
      throw error
    })
  }
  return { appointment, email }
}

async function check(page: Page, name: string) {
  const violations = await axe(page.mainFrame())
  expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([])
  await screenshotBoth(page, name)
}

describe('reminder link pages', () => {
  it('cancel late from the email: a keep-it button, the fee and the waiver after, crisis help, a way into the portal', async () => {
    // About 30 hours away: inside Dr. Rivera's 48-hour window, so cancelling now carries her $75 fee.
    const { appointment, email } = await bookWithRivera('Robin Link', 30)
    const links = await reminderLinks(email)

    const { context, page } = await openPage(run.browser)
    await page.goto(links.Cancel!)
    await expect.poll(() => page.locator('header.practice').textContent()).toBe('Calm Waters Counselling')
    await page.getByRole('heading', { level: 1, name: 'Would you like to cancel this appointment?' }).waitFor()
    const keep = page.getByRole('link', { name: 'Keep my appointment' })
    expect(await keep.getAttribute('href')).toBe(`${run.hearth.base}/portal/demo?show=session&id=${appointment.id}`)
    expect(await page.getByRole('heading', { level: 2, name: 'Need help now?' }).count()).toBe(1)
    await check(page, 'link-cancel')

    await page.getByRole('checkbox').check()
    await page.getByRole('button', { name: 'Cancel my appointment' }).click()
    await page.getByRole('heading', { level: 1, name: /is cancelled/ }).waitFor()
    expect((await run.hearth.call('GET', `/v1/appointments/${appointment.id}`)).status).toBe('late_cancelled')
    await page.getByText('late-cancellation fee applies').waitFor()
    const waiver = page.getByRole('link', { name: 'Ask for the fee to be waived' })
    expect(await waiver.getAttribute('href')).toBe(`${run.hearth.base}/portal/demo?show=waiver&id=${appointment.id}`)
    expect(await page.getByRole('heading', { level: 2, name: 'Need help now?' }).count()).toBe(1)
    await check(page, 'link-cancelled-late')

    // The waiver link opens the portal on its own page; after sign-in it lands on the request.
    await waiver.click()
    await page.locator('#email').fill(email)
    await page.locator('#email').press('Enter')
    await page.locator('#code').fill(await run.hearth.latestCode(email))
    await page.locator('#code').press('Enter')
    await page.getByRole('heading', { level: 1, name: 'Ask for the fee to be waived' }).waitFor()
    await context.close()
  })

  it('find another time from the email: free times by day at phone size, the session moved with one choice', async () => {
    // About 60 hours away, outside Dr. Rivera's 48-hour window, so choosing a time moves it at once.
    const { appointment, email } = await bookWithRivera('Sasha Move', 60)
    const links = await reminderLinks(email)

    const { context, page } = await openPage(run.browser)
    await page.goto(links['Find another time']!)
    const times = page.getByRole('group', { name: 'Choose a new time' })
    await times.waitFor()
    const first = times.getByRole('radio').first()
    const chosen = await first.getAttribute('value')
    expect(chosen).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(await page.getByRole('button', { name: 'Ask for another time' }).count()).toBe(1)
    expect(await page.getByRole('heading', { level: 2, name: 'Need help now?' }).count()).toBe(1)
    await check(page, 'link-find-time')

    await page.setViewportSize({ width: 320, height: 640 })
    await first.check()
    await page.getByRole('button', { name: 'Move my appointment to this time' }).click()
    await page.getByRole('heading', { level: 1, name: /^Done\. Your appointment is now on/ }).waitFor()
    const moved = await run.hearth.call('GET', `/v1/appointments/${appointment.id}`)
    expect(moved).toMatchObject({ id: appointment.id, starts_at: chosen, status: 'confirmed' })
    await check(page, 'link-find-time-moved')
    await context.close()
  })
})
