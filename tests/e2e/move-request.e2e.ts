import type { BrowserContext, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { isQuietHour } from '../../shared/reminders/plan'
import { formatInstant } from '../../shared/time/format'
import { checkScreen, openPage } from './browser'
import { bookSession } from './server'
import { hearthAndChromium } from './for-file'
import { signInToConsole } from './staff-sign-in'

/**
 * A late move, end to end: a client asks from the portal to move tomorrow's session (inside the
 * practice's 48-hour window, so it becomes a request holding the time), the front desk signs in to
 * the console, sees the request and approves it, and the client's session shows the new time, with the
 * receipt in the development outbox. axe-core on each screen; the console's screen photographed
 * at 1280 and 320.
 */

const run = hearthAndChromium()
let context: BrowserContext
let page: Page
let session: { id: string; starts_at: string }
let zone: string
let practiceZone: string
/** The time the client asked for, as the portal sent it. */
let asked: string

const CLIENT = { name: 'Robin Vance', email: 'robin.vance@move-request.example' }

beforeAll(async () => {
  practiceZone = (await run.hearth.call('GET', '/v1/practice')).time_zone
  // The receipt waits for morning when it is night on the client's clock: the client lives, for
  // this test, where it is daytime now, so the note goes out while the test watches the outbox.
  zone = ['America/New_York', 'Europe/London', 'Asia/Tokyo', 'Pacific/Honolulu'].find(
    (z) => !isQuietHour(Date.now(), z) && !isQuietHour(Date.now() + 30 * 60_000, z),
  )!
  // The practice's rule, set here: 48 hours' notice, and a move inside them is a request.
  await run.hearth.call('PATCH', '/v1/practice', {
    cancellation_policy: { window_hours: 48, late_action: 'fee', fee_cents: 7500, currency: 'USD' },
    reschedule: { mode: 'instant', inside_window: 'request' },
  })
  // A therapist and client of their own, so nothing depends on the demo week.
  const therapist = await run.hearth.call('POST', '/v1/therapists', {
    name: 'Dr. Noor Haddad',
    email: 'noor.haddad@move-request.example',
    time_zone: zone,
  })
  await run.hearth.call('PUT', `/v1/therapists/${therapist.id}/availability`, {
    time_zone: zone,
    weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '23:00' })),
    exceptions: [],
    buffer_minutes: 0,
    min_notice_hours: 2,
    horizon_days: 14,
  })
  const client = await run.hearth.call('POST', '/v1/clients', { ...CLIENT, time_zone: zone })
  // A day from now, on the hour: well inside the 48-hour window.
  const starts = new Date(Math.ceil((Date.now() + 24 * 3_600_000) / 3_600_000) * 3_600_000)
  session = await bookSession(run.hearth, {
    external_id: 'move-request-e2e',
    therapist_id: therapist.id,
    client_id: client.id,
    starts,
  })
  expect(new Date(session.starts_at).getTime() - Date.now()).toBeLessThan(48 * 3_600_000)
})

async function freshPage(viewport: { width: number; height: number }) {
  await context?.close()
  ;({ context, page } = await openPage(run.browser, { viewport }))
}

/** The client signs in to the portal page open on the screen, with the emailed code. */
async function clientSignsIn() {
  await page.getByLabel('Your email address').fill(CLIENT.email)
  await page.getByRole('button', { name: 'Email me a code' }).click()
  await page.getByLabel('6-digit code').fill(await run.hearth.latestCode(CLIENT.email))
  await page.getByRole('button', { name: 'Sign in' }).click()
}

describe('a late move', () => {
  it('becomes a request from the portal: the time is held, the session stays where it is', async () => {
    await freshPage({ width: 320, height: 640 })
    await page.goto(`${run.hearth.base}/portal/demo?show=reschedule&id=${session.id}`)
    await clientSignsIn()

    await page.getByRole('heading', { level: 1, name: 'Find another time' }).waitFor()
    await page
      .getByText('This session is less than 48 hours away, so the practice will confirm the new time.', {
        exact: false,
      })
      .waitFor()
    const first = page.getByRole('radio').first()
    await first.check()
    asked = await first.inputValue()
    await page.getByRole('button', { name: 'Ask for this time' }).click()
    await page
      .getByText(/^Thanks\. We're keeping that time for you until .*, and the practice will confirm it\./)
      .first()
      .waitFor()
    await checkScreen(page, 'move-request-01-asked-320', { once: true })

    const still = await run.hearth.call('GET', `/v1/appointments/${session.id}`)
    expect(still.starts_at).toBe(session.starts_at)
    const requests = (await run.hearth.call('GET', '/v1/reschedule-requests?status=requested')).data
    expect(requests).toEqual([expect.objectContaining({ status: 'requested', starts_at: asked })])
  })

  it('the front desk sees it in the console and approves it', async () => {
    await freshPage({ width: 1280, height: 900 })
    await page.goto(`${run.hearth.base}/staff`)
    await signInToConsole(page, run.hearth, 'frontDesk')
    await page.getByRole('navigation').getByRole('link', { name: 'Move requests', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'Requests to move a session' }).waitFor()
    const card = page.getByRole('listitem', { name: 'Robin Vance with Dr. Noor Haddad' })
    await card.waitFor()
    await card
      .getByText(formatInstant(asked, practiceZone, 'en', 'medium'))
      .first()
      .waitFor()
    await card
      .getByText(formatInstant(session.starts_at, practiceZone, 'en', 'medium'))
      .first()
      .waitFor()
    await checkScreen(page, 'move-request-02-console', { focus: card })

    await card.getByRole('button', { name: 'Approve and move' }).click()
    await card.getByText('Moved. Robin Vance will get a note with the new time.').waitFor()
    await checkScreen(page, 'move-request-03-approved', { focus: card })

    const moved = await run.hearth.call('GET', `/v1/appointments/${session.id}`)
    expect(moved).toMatchObject({ id: session.id, starts_at: asked })
    expect((await run.hearth.call('GET', '/v1/reschedule-requests?status=requested')).data).toEqual([])
  })

  it("shows the new time on the client's session, and tells the client", async () => {
    await freshPage({ width: 320, height: 640 })
    await page.goto(`${run.hearth.base}/portal/demo?show=session&id=${session.id}`)
    await clientSignsIn()
    await page.getByRole('heading', { level: 1, name: formatInstant(asked, zone, 'en', 'long') }).waitFor()

    const subject = `Your appointment has moved to ${formatInstant(asked, zone, 'en', 'medium')}`
    await expect
      .poll(
        async () => {
          const outbox = await (
            await fetch(`${run.hearth.base}/dev/outbox?to=${encodeURIComponent(CLIENT.email)}`)
          ).json()
          return (outbox.data as { subject: string }[]).map((m) => m.subject)
        },
        { timeout: 20_000, interval: 500 },
      )
      .toContain(subject)
  })
})
