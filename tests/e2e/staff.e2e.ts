import type { BrowserContext, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { checkScreen } from './browser'
import { portalToken, bookSession } from './server'
import { hearthAndChromium } from './for-file'
import { emailedCode, signInToConsole } from './staff-sign-in'

/**
 * The staff console at /staff against the real server and the demo practice: Dr. Rivera signs in
 * as herself with an emailed code, works through her call list, resolves alerts (a crisis message first, a
 * fee waiver granted), edits her contact policy and reads the insight charts; an admin edits the
 * practice's cancellation policy and reminders (signed in as the owner). axe-core on every screen, screenshots at desktop and 320 px.
 */

const run = hearthAndChromium()
let context: BrowserContext
let page: Page
let riveraId: string
/** How many of Dr. Rivera's sessions the call list starts with (the demo may add one of Alex's). */
let toConfirm: number
const ZONE = 'America/New_York'

beforeAll(async () => {
  const therapists = (await run.hearth.call('GET', '/v1/therapists')).data as { id: string; name: string }[]
  riveraId = therapists.find((t) => t.name === 'Dr. Maya Rivera')!.id
  await seedStaffDay()
})

/** The next working day on the practice's clock, as the call list picks it. */
function nextWorkingDay(): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date())
  const date = new Date(`${today}T12:00:00Z`)
  do date.setUTCDate(date.getUTCDate() + 1)
  while (date.getUTCDay() === 0 || date.getUTCDay() === 6)
  return date.toISOString().slice(0, 10)
}

/** An instant on `date` at `time` in New York (EST or EDT, whichever applies then). */
function at(date: string, time: string): string {
  const guess = Date.parse(`${date}T${time}:00Z`)
  const name = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, timeZoneName: 'longOffset' })
    .formatToParts(guess)
    .find((p) => p.type === 'timeZoneName')!.value
  const [, sign, hours, minutes] = /GMT([+-])(\d\d):(\d\d)/.exec(name)!
  const offset = (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes))
  return new Date(guess - offset * 60_000).toISOString()
}

/** The first whole hour from `fromHours` ahead on which Dr. Rivera is free: a late-cancellable session. */
async function freeHourSoon(fromHours: number): Promise<Date> {
  const busy = (
    await run.hearth.call('GET', `/v1/appointments?therapist_id=${riveraId}&from=${new Date().toISOString()}&limit=200`)
  ).data as { starts_at: string; ends_at: string; status: string }[]
  const start = new Date(Date.now() + fromHours * 3_600_000)
  start.setUTCMinutes(0, 0, 0)
  for (;;) {
    const end = start.getTime() + 50 * 60_000
    const clash = busy.some((a) => Date.parse(a.starts_at) < end && Date.parse(a.ends_at) > start.getTime())
    if (!clash) return start
    start.setTime(start.getTime() + 3_600_000)
  }
}

async function asClient(token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${run.hearth.base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  })
  expect(response.status, `${method} ${path}`).toBeLessThan(300)
  return response.json()
}

/**
 * Dr. Rivera's next working day gets two sessions to confirm; a client writes "I'm in crisis";
 * another cancels late and asks, with a reason, for the fee to be waived.
 */
async function seedStaffDay() {
  const day = nextWorkingDay()
  const robin = await run.hearth.call('POST', '/v1/clients', {
    name: 'Robin Hale',
    email: 'robin.hale@staff.example',
    phone: '+15550104001',
    time_zone: ZONE,
  })
  const priya = await run.hearth.call('POST', '/v1/clients', {
    name: 'Priya Shah',
    email: 'priya.shah@staff.example',
    phone: '+15550104002',
    time_zone: ZONE,
  })
  for (const [client, time, type, place] of [
    [robin, '09:00', 'Individual session', { location: '12 Harbor Street' }],
    [priya, '11:30', 'Video session', { telehealth_url: 'https://video.calmwaters.example/room/e2e' }],
  ] as const) {
    await bookSession(run.hearth, {
      external_id: `staff-e2e-${client.id}`,
      therapist_id: riveraId,
      client_id: client.id,
      starts: at(day, time),
      type,
      ...place,
    })
  }

  const casey = await run.hearth.call('POST', '/v1/clients', {
    name: 'Casey Brooks',
    email: 'casey.brooks@staff.example',
    time_zone: ZONE,
  })
  await bookSession(run.hearth, {
    external_id: 'staff-e2e-casey',
    therapist_id: riveraId,
    client_id: casey.id,
    starts: at(day, '15:00'),
  })
  await run.hearth.call('PATCH', `/v1/appointments/${(await appointmentOf(casey.id)).id}`, { status: 'confirmed' })
  const caseyToken = await portalToken(run.hearth, 'casey.brooks@staff.example')
  await asClient(caseyToken, 'POST', '/v1/portal/messages', {
    category: 'crisis',
    body: "I don't feel safe tonight.",
  })

  const sam = await run.hearth.call('POST', '/v1/clients', {
    name: 'Sam Rivers',
    email: 'sam.rivers@staff.example',
    time_zone: ZONE,
  })
  const soon = await freeHourSoon(20)
  await bookSession(run.hearth, {
    external_id: 'staff-e2e-sam',
    therapist_id: riveraId,
    client_id: sam.id,
    starts: soon,
  })
  const samToken = await portalToken(run.hearth, 'sam.rivers@staff.example')
  const samSession = await appointmentOf(sam.id)
  await asClient(samToken, 'POST', `/v1/portal/appointments/${samSession.id}/cancel`, { acknowledge_late: true })
  await asClient(samToken, 'POST', `/v1/portal/appointments/${samSession.id}/fee-waiver`, {
    reason: 'My son was taken to hospital that morning.',
  })
}

async function appointmentOf(clientId: string) {
  const list = (await run.hearth.call('GET', `/v1/appointments?from=2000-01-01T00:00:00Z&limit=200`)).data as {
    id: string
    client_id: string
    status: string
  }[]
  return list.find((a) => a.client_id === clientId)!
}

const check = (name: string) => checkScreen(page, name)

const heading = () => page.getByRole('heading', { level: 1 })
/** A visible confirmation on the page (the same words also go to the live region). */
const done = (text: string) => page.locator('.notice-done', { hasText: text }).waitFor()

async function openConsole() {
  await context?.close()
  context = await run.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' })
  page = await context.newPage()
  page.on('pageerror', (error) => console.error('page error:', error.message))
  await page.goto(`${run.hearth.base}/staff`)
}

async function enterCode(code: string) {
  await page.getByLabel('6-digit code').fill(code)
  await page.getByRole('button', { name: 'Continue' }).click()
}

describe('signing in', () => {
  it('is served with a strict policy, refuses a wrong code kindly, and keeps the session out of reach of scripts', async () => {
    const response = await fetch(`${run.hearth.base}/staff`)
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")

    await openConsole()
    await expect.poll(() => heading().textContent()).toBe('Sign in to the staff console')
    await check('staff-01-sign-in')
    const code = await emailedCode(page, run.hearth, 'maya.rivera@calmwaters.example')
    await expect.poll(() => heading().textContent()).toBe('Check your email')
    await enterCode(code === '000000' ? '111111' : '000000')
    await page.getByText("That code didn't work.", { exact: false }).waitFor()
    await enterCode(code)
    await expect.poll(() => heading().textContent()).toBe('Confirmation calls')
    expect(page.url()).not.toContain(code)
    // No key, no token: the session is an HttpOnly cookie no script can read.
    expect(await page.evaluate(() => sessionStorage.length + localStorage.length)).toBe(0)
    expect(await page.evaluate(() => document.cookie)).toBe('')
    await page.getByText('Signed in as', { exact: false }).waitFor()
    expect(await page.locator('.staff-who strong').textContent()).toBe('Dr. Maya Rivera')
  })
})

describe("Dr. Rivera's day", () => {
  it('lists the sessions to confirm, with tap-to-call numbers', async () => {
    await page.getByRole('heading', { name: 'Robin Hale' }).waitFor()
    await page.getByRole('heading', { name: 'Priya Shah' }).waitFor()
    toConfirm = Number(/(\d+) sessions? to call about/.exec((await page.locator('.count').textContent())!)![1])
    expect(toConfirm).toBeGreaterThanOrEqual(2)
    const call = page.getByRole('link', { name: /^Call Robin Hale on \(555\)/ })
    expect(await call.getAttribute('href')).toBe('tel:+15550104001')
    const robin = page.getByRole('listitem', { name: 'Robin Hale' })
    expect(await robin.locator('.call-reason').textContent()).toBe('Not confirmed yet')
    await check('staff-02-calls')
  })

  it('records a voicemail with a note, then a confirmation', async () => {
    const robin = page.getByRole('listitem', { name: 'Robin Hale' })
    await robin.getByLabel('Note (optional)').fill('Left a message, will try after 5')
    await robin.getByRole('button', { name: 'Voicemail' }).click()
    await done('Voicemail recorded for Robin Hale.')
    await robin.getByText('“Left a message, will try after 5”', { exact: false }).waitFor()

    await page.getByRole('listitem', { name: 'Priya Shah' }).getByRole('button', { name: 'Confirmed' }).click()
    await done("Priya Shah's session is confirmed.")
    await page.getByText(`${toConfirm - 1} session${toConfirm - 1 === 1 ? '' : 's'} to call about`).waitFor()
    expect(await page.getByRole('heading', { name: 'Priya Shah' }).count()).toBe(0)
    await check('staff-03-calls-recorded')
  })

  it('asks before cancelling from a call, and says there is no late fee', async () => {
    const robin = page.getByRole('listitem', { name: 'Robin Hale' })
    await robin.getByRole('button', { name: 'Cancelled' }).click()
    await robin.getByText("It's cancelled by the practice, so there's no late fee", { exact: false }).waitFor()
    await robin.getByRole('button', { name: 'Keep it' }).click()
    await robin.getByRole('button', { name: 'Voicemail' }).waitFor()
  })

  it('shows the crisis message first, and resolves alerts with a note', async () => {
    await page.getByRole('link', { name: 'Alerts' }).click()
    await expect.poll(() => heading().textContent()).toBe('Alerts')
    const cards = page.locator('.alert-card')
    await cards.first().waitFor()
    expect(await cards.first().locator('.alert-kind').textContent()).toBe('Crisis message')
    expect(await cards.first().textContent()).toContain('Urgent')
    await page.getByRole('heading', { name: 'Missed session' }).waitFor() // Jordan, from the demo
    await page.getByText('In their words').waitFor()
    await check('staff-04-alerts')

    const missed = page.getByRole('listitem', { name: 'Missed session' })
    await missed.getByLabel('Note for the record (optional)').fill('Called Jordan, booked next Tuesday.')
    await missed.getByRole('button', { name: 'Mark as handled' }).click()
    await done('Marked as handled.')
    await expect.poll(() => page.getByRole('heading', { name: 'Missed session' }).count()).toBe(0)
  })

  it('grants a fee waiver from the inbox: the fee is gone from the client’s session', async () => {
    const waiver = page.getByRole('listitem', { name: 'Asks for a fee to be waived' })
    await waiver.getByText('My son was taken to hospital that morning.').waitFor()
    await waiver.getByRole('button', { name: 'Waive the $75.00 fee' }).click()
    await done('The $75.00 fee is waived, and the client will hear so.')
    const sam = (await run.hearth.call('GET', '/v1/clients?limit=200')).data.find(
      (c: { email: string }) => c.email === 'sam.rivers@staff.example',
    )
    const session = await appointmentOf(sam.id)
    const token = await portalToken(run.hearth, 'sam.rivers@staff.example')
    const seen = (await asClient(token, 'GET', '/v1/portal/appointments')).data.find(
      (a: { id: string }) => a.id === session.id,
    )
    expect(seen.late_fee).toMatchObject({ fee_cents: 0, waiver: 'granted' })
    // The kind note to Sam goes out through the outbox (api/alerts/causes.test.ts reads it); at night it waits.

    await page.getByLabel('Handled').check()
    await page.getByText('fee waived', { exact: false }).first().waitFor()
    await check('staff-05-alerts-handled')
  })

  it('edits the contact policy, with the words clients will read', async () => {
    await page.getByRole('link', { name: 'Contact policy' }).click()
    await expect.poll(() => heading().textContent()).toBe('Contact policy')
    await page.getByLabel('Homework').waitFor()
    await page.getByLabel('Homework').uncheck()
    await page.getByLabel('Business days', { exact: true }).fill('3')
    await page.getByText(/welcomes messages about scheduling, sharing a resource,? and updates/).waitFor()
    await page.getByText('usually replies within 3 business days', { exact: false }).waitFor()
    await page.getByRole('button', { name: 'Save changes' }).click()
    await done("Dr. Maya Rivera's contact policy is saved.")
    const saved = await run.hearth.call('GET', `/v1/therapists/${riveraId}/contact-policy`)
    expect(saved).toMatchObject({
      allowed_categories: ['scheduling', 'resource', 'update'],
      reply_expectation: { kind: 'business_days', days: 3 },
    })
    await check('staff-06-contact-policy')
  })

  it('sees the practice’s cancellation policy, which only an admin can change', async () => {
    await page.getByRole('link', { name: 'Cancellation policy' }).click()
    await expect.poll(() => heading().textContent()).toBe('Cancellation policy')
    await page.getByText("The practice's owner or an admin can change its cancellation policy.").waitFor()
    expect(await page.getByRole('button', { name: 'Save changes' }).count()).toBe(0)
  })

  it('reads the insight charts for her own sessions, small groups suppressed', async () => {
    await page.getByRole('link', { name: 'Insights' }).click()
    await expect.poll(() => heading().textContent()).toBe('No-show insights')
    await page.getByRole('heading', { name: 'Confirmed sessions against unconfirmed ones' }).waitFor()
    const confirmed = page.locator('.bar-row', { hasText: /^Confirmed/ })
    expect(await confirmed.textContent()).toMatch(/[\d.]+% no-shows \(\d+ of \d+ sessions\)/)
    expect(await page.locator('svg.bar-svg rect.bar-noshow').count()).toBeGreaterThan(2)
    expect(await page.getByLabel('Compare by').locator('option', { hasText: 'Therapist' }).count()).toBe(0)
    await check('staff-07-insights')
    // A month holds few of her sessions at each hour: those groups show no numbers.
    await page.getByLabel('Period').selectOption('30')
    await page.getByLabel('Compare by').selectOption('hour')
    await page.getByRole('heading', { name: 'Time of day' }).waitFor()
    await page.getByText('Too few sessions to show').first().waitFor()
    await check('staff-08-insights-by-hour')
  })

  it('on a phone, keeps the tabs to one row that scrolls sideways, the current tab in sight', async () => {
    const tabs = page.getByRole('navigation', { name: 'Staff console' })
    const row = tabs.getByRole('list')
    /** The current tab lies wholly inside the row as it is scrolled. */
    const currentInSight = async () => {
      const [outer, inner] = [await row.boundingBox(), await tabs.locator('[aria-current="page"]').boundingBox()]
      return inner!.x >= outer!.x && inner!.x + inner!.width <= outer!.x + outer!.width
    }
    /** Whether each end of the row shows its fade, [left, right]. */
    const fades = () =>
      tabs.evaluate((nav) => ['::before', '::after'].map((end) => getComputedStyle(nav, end).content !== 'none'))
    await page.setViewportSize({ width: 320, height: 640 })
    // Made narrow on Insights, far along the row: the row has scrolled to it, tabs left behind it.
    await expect.poll(currentInSight).toBe(true)
    expect((await fades())[0]).toBe(true)
    expect((await row.boundingBox())!.height).toBeLessThan(60)
    expect((await heading().boundingBox())!.y).toBeLessThan(320)
    // The Alerts tab is out of sight from here: how many are open is said beside her name.
    const open = await tabs.locator('.nav-count').textContent()
    const shortcut = page.getByRole('link', { name: /^\d+\+? open alerts?$/ })
    expect(await shortcut.textContent()).toMatch(new RegExp(`^${open} open alerts?$`))
    await checkScreen(page, 'staff-07b-phone-tabs', { once: true })
    await tabs.getByRole('link', { name: 'Calls' }).click()
    await expect.poll(() => heading().textContent()).toBe('Confirmation calls')
    await expect.poll(currentInSight).toBe(true)
    // Back at the start of the row the Alerts tab shows its own count: said once.
    await expect.poll(() => shortcut.count()).toBe(0)
    await expect.poll(fades).toEqual([false, true])
    await row.evaluate((list) => {
      list.scrollLeft = list.scrollWidth
    })
    await expect.poll(fades).toEqual([true, false])
    // A link to another screen (not a tap on the row, which scrolls to what it taps) moves the row too.
    await page.evaluate(() => {
      location.hash = '#account'
    })
    await expect.poll(() => heading().textContent()).toBe('Your account')
    await expect.poll(currentInSight).toBe(true)
    await shortcut.waitFor()
    await page.setViewportSize({ width: 1280, height: 900 })
    // At the desktop size every tab is in sight, on two lines at most, the count beside Alerts.
    expect((await row.boundingBox())!.height).toBeLessThan(110)
    await expect.poll(() => shortcut.count()).toBe(0)
    await expect.poll(fades).toEqual([false, false])
  })

  it('says so when Hearth cannot be reached to end the session, which is then still open', async () => {
    await page.route('**/v1/staff/auth/logout', (route) => route.abort('internetdisconnected'))
    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect.poll(() => heading().textContent()).toBe('Sign in to the staff console')
    await page.getByText("Hearth couldn't be reached to end your session", { exact: false }).waitFor()
    await check('staff-09-sign-out-unreachable')
    expect(await page.evaluate(() => fetch('/v1/staff/me').then((r) => r.status))).toBe(200)
    await page.unroute('**/v1/staff/auth/logout')
    // The session is still this browser's: opening the console again carries on with it.
    await page.reload()
    await page.getByText('Signed in as', { exact: false }).waitFor()
  })

  it('signs out, and the session ends', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect.poll(() => heading().textContent()).toBe('Sign in to the staff console')
    expect(await page.evaluate(() => sessionStorage.getItem('hearth-staff-key'))).toBeNull()
    await page.getByText("You're signed out.", { exact: false }).waitFor()
    const after = await page.evaluate(() => fetch('/v1/staff/me').then((r) => r.status))
    expect(after).toBe(401)
  })
})

describe('an admin', () => {
  it('chooses whose calls to see, with the keyboard', async () => {
    await openConsole()
    await expect.poll(() => heading().textContent()).toBe('Sign in to the staff console')
    // The heading takes focus once the sign-in screen is up (after the console asks about this browser's session).
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('signin-title')
    await page.keyboard.press('Shift+Tab') // from the heading, which took focus, back to the skip link
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content')
    await signInToConsole(page, run.hearth, 'owner')
    await expect.poll(() => heading().textContent()).toBe('Confirmation calls')
    expect(await page.locator('.staff-who strong').textContent()).toBe('Priya Shah')
    await page.getByLabel('Therapist').selectOption({ label: 'Dr. Maya Rivera' })
    await page.getByRole('heading', { name: 'Robin Hale' }).waitFor()
  })

  it('changes the practice’s cancellation policy and sees the rule as clients will', async () => {
    await page.getByRole('link', { name: 'Cancellation policy' }).click()
    await expect.poll(() => heading().textContent()).toBe('Cancellation policy')
    const practiceRule = page.getByRole('region', { name: "The practice's policy" })
    await practiceRule.getByLabel('Free cancellation until').selectOption('24')
    await practiceRule.getByLabel('Fee (USD)').fill('60')
    await page
      .getByText("This session is less than 24 hours away, so cancelling now carries the practice's $60.00", {
        exact: false,
      })
      .waitFor()
    await practiceRule.getByRole('button', { name: 'Save changes' }).click()
    await done('The cancellation policy is saved.')
    const practice = await run.hearth.call('GET', '/v1/practice')
    expect(practice.cancellation_policy).toMatchObject({ window_hours: 24, late_action: 'fee', fee_cents: 6000 })
    await check('staff-09-cancellation-policy')
  })

  it("sees and changes a therapist's own cancellation rule, on that therapist", async () => {
    const rules = page.getByRole('region', { name: "Each therapist's rule" })
    await rules.getByText('Own rule: 24 hours before the session · Clients call the practice to cancel').waitFor()
    await page.getByLabel('Set the rule for').selectOption({ label: 'Sam Okafor, LCSW' })
    expect(await page.getByLabel('A rule of their own').isChecked()).toBe(true)
    expect(await page.locator('#own-window').inputValue()).toBe('24')
    await page.locator('#own-window').selectOption('36')
    await page.getByRole('button', { name: 'Save the rule for Sam Okafor, LCSW' }).click()
    await done("Sam Okafor, LCSW's cancellation rule is saved.")
    const therapists = (await run.hearth.call('GET', '/v1/therapists')).data as {
      name: string
      cancellation_policy?: unknown
    }[]
    expect(therapists.find((t) => t.name === 'Sam Okafor, LCSW')!.cancellation_policy).toMatchObject({
      window_hours: 36,
      late_action: 'contact_required',
    })
    expect(therapists.find((t) => t.name === 'Dr. Maya Rivera')!.cancellation_policy).toBeUndefined()
    await check('staff-09b-therapist-rule')
  })

  it('sets the practice’s reminders: one 15 minutes before, a note at booking, its own quiet hours', async () => {
    await page.getByRole('link', { name: 'Reminders', exact: true }).click()
    await expect.poll(() => heading().textContent()).toBe('Reminders')
    await page.getByRole('button', { name: 'Add a reminder' }).click()
    await page.getByLabel('Hours before the session').fill('0.25')
    await page.getByLabel('Send a short note when a session is booked').check()
    await page.getByLabel('No messages from').fill('22:00')
    await page.getByRole('button', { name: 'Save changes' }).click()
    await done('Reminders saved.')
    const practice = await run.hearth.call('GET', '/v1/practice')
    expect(practice.reminder_schedule).toMatchObject({
      reminders: [{ hours_before: 0.25 }],
      on_booking: true,
      quiet_hours: { start: '22:00', end: '08:00' },
    })
    await check('staff-09c-reminders')
  })

  it('compares the therapists in the insights', async () => {
    await page.getByRole('link', { name: 'Insights' }).click()
    await page.getByLabel('Compare by').selectOption('therapist')
    await page.locator('.bar-row', { hasText: 'Dr. Maya Rivera' }).waitFor()
    await page.locator('.bar-row', { hasText: 'Sam Okafor' }).waitFor()
    await check('staff-10-insights-admin')
  })
})
