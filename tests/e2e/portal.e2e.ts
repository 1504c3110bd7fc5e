import { readFile } from 'node:fs/promises'
import type { BrowserContext, Frame, FrameLocator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { checkScreen, screenshotBoth, openPage } from './browser'
import { bookSession } from './server'
import { hearthAndChromium } from './for-file'

/**
 * A client's whole visit on the demo practice website, against the real server and database:
 * sign in with the emailed code, confirm, cancel outside and inside the window, message the
 * therapist, see the crisis resources, join the cancellation list; axe-core on every screen and a
 * screenshot of each at desktop size and 320 px wide (test-artifacts/screenshots/).
 */

const run = hearthAndChromium()
let context: BrowserContext
let page: Page
let portal: FrameLocator
let frame: Frame

/** Every screen passes axe (WCAG 2.x A/AA) and is photographed at both sizes. */
const check = (name: string) => checkScreen(page, name, { frame })

const heading = () => portal.getByRole('heading', { level: 1 })

/** Scrolled to the very end, at both sizes, "Need help now?" and Close are still on screen. */
async function helpStaysOnScreen() {
  const size = page.viewportSize()!
  for (const viewport of [{ width: 320, height: 640 }, size]) {
    await page.setViewportSize(viewport)
    await page.waitForTimeout(150)
    await frame.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
    await page.waitForTimeout(100)
    for (const name of ['Need help now?', 'Close']) {
      const box = (await portal.getByRole('button', { name, exact: true }).boundingBox())!
      expect(box.y, `${name} at ${viewport.width}px`).toBeGreaterThanOrEqual(0)
      expect(box.y + box.height, `${name} at ${viewport.width}px`).toBeLessThanOrEqual(viewport.height)
    }
    await frame.evaluate(() => window.scrollTo(0, 0))
  }
}

/** A fresh browser profile (nothing stored from the last client), on the demo website. */
async function openPortal(path = '/') {
  await context?.close()
  ;({ context, page } = await openPage(run.browser, { viewport: { width: 1280, height: 860 } }))
  await page.goto(`${run.hearth.demoBase}${path}`)
  await page.evaluate(() => {
    const seen: string[] = []
    ;(window as any).hearthEvents = seen
    for (const name of [
      'open',
      'close',
      'signed-in',
      'signed-out',
      'confirmed',
      'cancelled',
      'message-sent',
      'waitlist-joined',
    ])
      window.addEventListener(`hearth:${name}`, (e) =>
        seen.push(`${name}${(e as CustomEvent).detail ? ' +detail' : ''}`),
      )
  })
  await page.getByRole('button', { name: 'My appointments' }).click()
  portal = page.frameLocator('iframe')
  frame = (await (await page.locator('iframe').elementHandle())!.contentFrame())!
}

async function signIn(email: string) {
  await portal.getByLabel(/email/i).fill(email)
  await portal.getByRole('button', { name: /code|código/i }).click()
  const code = await run.hearth.latestCode(email)
  await portal.locator('#code').fill(code)
  await portal.locator('form button[type=submit]').click()
}

async function appointmentsOf(clientEmail: string) {
  const clients = (await run.hearth.call('GET', '/v1/clients')).data as { id: string; email: string }[]
  const client = clients.find((c) => c.email === clientEmail)!
  const from = new Date(Date.now() - 3 * 86_400_000).toISOString()
  const list = (await run.hearth.call('GET', `/v1/appointments?from=${from}&to=2100-01-01T00:00:00Z&limit=200`))
    .data as {
    id: string
    client_id: string
    status: string
    starts_at: string
  }[]
  return list.filter((a) => a.client_id === client.id).sort((a, b) => a.starts_at.localeCompare(b.starts_at))
}

describe('the demo practice website', () => {
  it('shows the practice with the launcher, and the inline portal page', async () => {
    await openPortal()
    await page.getByRole('button', { name: 'My appointments' }).click() // close it again
    await page.waitForTimeout(200)
    await screenshotBoth(page, '00-demo-site')
    await page.goto(`${run.hearth.demoBase}/inline.html`)
    frame = (await (await page.locator('iframe').elementHandle())!.contentFrame())!
    await frame.getByLabel('Your email address').waitFor()
    await check('00-demo-inline')
    // Opened on its own, as a link from an email does.
    await page.goto(`${run.hearth.base}/portal/demo?show=sessions&id=x`)
    frame = page.mainFrame()
    await frame.getByLabel('Your email address').waitFor()
    await check('00-portal-page')
    // Help before signing in, from the first load's strings alone.
    await frame.getByRole('button', { name: 'Need help now?' }).click()
    await frame.getByRole('link', { name: 'Call 911' }).waitFor()
    expect(await frame.getByRole('region', { name: 'If you need help right now' }).textContent()).toContain(
      'call 911 now',
    )
  })
})

describe('on a phone', () => {
  it('the open portal is modal: Tab stays inside, the page behind is inert, Escape returns to the launcher', async () => {
    await openPortal()
    await page.getByRole('button', { name: 'My appointments' }).click() // closed again
    await page.setViewportSize({ width: 320, height: 640 })
    await page.getByRole('button', { name: 'My appointments' }).click()
    await expect.poll(() => heading().textContent()).toBe('Sign in to see your appointments')
    const behind = () =>
      page.evaluate(() => [...document.body.children].filter((n) => !n.shadowRoot).map((n) => (n as HTMLElement).inert))
    expect(await behind()).not.toContain(false)
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab')
      // Focus is in the portal's frame (or has left for the browser's own controls), never on the page.
      const onPage = await page.evaluate(() => {
        const active = document.activeElement
        return active && active !== document.body && active.tagName !== 'IFRAME' && !active.shadowRoot
      })
      expect(onPage, `Tab ${i + 1} reached the page behind`).toBeFalsy()
    }
    await portal.getByLabel('Your email address').focus()
    await page.keyboard.press('Escape')
    await expect
      .poll(() =>
        page.evaluate(
          () => [...document.body.children].find((n) => n.shadowRoot)?.shadowRoot?.activeElement?.className ?? null,
        ),
      )
      .toBe('launcher')
    expect(await behind()).not.toContain(true)
  })
})

describe("Alex's visit", () => {
  it('signs in with the emailed code, after a wrong one', async () => {
    await openPortal()
    await expect.poll(() => heading().textContent()).toBe('Sign in to see your appointments')
    await check('01-sign-in')
    await portal.getByLabel('Your email address').fill('alex@example.com')
    await portal.getByRole('button', { name: 'Email me a code' }).click()
    await expect.poll(() => heading().textContent()).toBe('Check your email')
    await portal.getByLabel('6-digit code').fill('000000')
    await portal.getByRole('button', { name: 'Sign in' }).click()
    await portal.getByText("That code didn't work.", { exact: false }).waitFor()
    await check('02-code')
    await portal.getByLabel('6-digit code').fill(await run.hearth.latestCode('alex@example.com'))
    await portal.getByRole('button', { name: 'Sign in' }).click()
    await expect.poll(() => heading().textContent()).toBe('Your appointments')
    await portal.getByText('Hello, Alex.').waitFor()
    // A frame on the practice's site may not ask for notifications: the portal offers its own tab.
    const ownTab = portal.getByRole('link', {
      name: 'Open the portal in its own tab to turn on reminders on this device',
    })
    expect(await ownTab.getAttribute('href')).toBe('/portal/demo')
    expect(await ownTab.getAttribute('target')).toBe('_blank')
    expect(await ownTab.getAttribute('rel')).toBe('noopener')
    await check('03-sessions')
    await helpStaysOnScreen()
  })

  it('confirms the next session in one tap', async () => {
    const [next] = (await appointmentsOf('alex@example.com')).filter((a) => a.status === 'scheduled')
    await portal
      .getByRole('button', { name: /^Confirm your appointment on/ })
      .first()
      .click()
    await portal
      .getByText(/^Thank you\. You're confirmed for/)
      .first()
      .waitFor()
    await portal.getByText('Confirmed', { exact: true }).first().waitFor()
    const after = (await appointmentsOf('alex@example.com')).find((a) => a.id === next!.id)
    expect(after!.status).toBe('confirmed')
    await check('04-confirmed')
  })

  it('cancels a session next week for free, with the exact deadline shown first', async () => {
    const upcoming = (await appointmentsOf('alex@example.com')).filter(
      (a) => a.status === 'scheduled' || a.status === 'confirmed',
    )
    const later = upcoming.at(-1)!
    await portal
      .getByRole('button', { name: /^Details for/ })
      .last()
      .click()
    // Each new screen puts focus on its heading, so a screen reader starts there.
    await expect.poll(() => frame.evaluate(() => document.activeElement?.tagName)).toBe('H1')
    const download = page.waitForEvent('download')
    await portal.getByRole('button', { name: 'Add to calendar' }).click()
    const ics = await readFile((await (await download).path())!, 'utf8')
    expect(ics).toContain('BEGIN:VEVENT')
    expect(ics).toContain(`DTSTART:${later.starts_at.replace(/[-:]/g, '').replace(/\.\d+/, '').slice(0, 15)}`)
    await check('05-detail')
    await helpStaysOnScreen()
    await portal.getByRole('button', { name: 'Cancel this appointment' }).click()
    await portal.getByText(/^You can cancel free of charge until \w+day \d+ \w+ at \d+:\d\d [ap]m E[SD]T\./).waitFor()
    await check('06-cancel-free')
    await helpStaysOnScreen()
    await portal.getByRole('button', { name: 'Cancel appointment' }).click()
    await expect.poll(() => heading().textContent()).toBe('Appointment cancelled')
    expect((await appointmentsOf('alex@example.com')).find((a) => a.id === later.id)!.status).toBe('cancelled')
    await check('07-cancelled')
    await portal.getByRole('button', { name: 'Your appointments' }).click()
  })

  it('cancels inside the window only after acknowledging the fee', async () => {
    await expect.poll(() => heading().textContent()).toBe('Your appointments')
    await portal
      .getByRole('button', { name: /^Details for/ })
      .first()
      .click()
    await portal.getByRole('button', { name: 'Cancel this appointment' }).click()
    await portal
      .getByText(/less than 48 hours away, so cancelling now carries the practice's \$75\.00 late-cancellation fee/)
      .waitFor()
    await portal.getByRole('button', { name: 'Cancel and accept the $75.00 fee' }).click()
    await portal.getByText("Please tick the box to show you've seen the fee", { exact: false }).waitFor()
    await check('08-cancel-late')
    await portal.getByLabel('I understand the $75.00 late-cancellation fee applies.').check()
    await portal.getByRole('button', { name: 'Cancel and accept the $75.00 fee' }).click()
    await expect.poll(() => heading().textContent()).toBe('Appointment cancelled')
    expect((await appointmentsOf('alex@example.com')).some((a) => a.status === 'late_cancelled')).toBe(true)
    await portal.getByRole('button', { name: 'Your appointments' }).click()
    await portal.getByText("You don't have any upcoming appointments.").waitFor()
    await check('09-sessions-empty')
  })

  it('asks, with a reason, for the late-cancellation fee to be waived', async () => {
    await portal.getByRole('button', { name: 'Ask for the fee to be waived' }).click()
    await expect.poll(() => heading().textContent()).toBe('Ask for the fee to be waived')
    await portal.getByLabel('What happened?').fill('My child was suddenly ill.')
    await check('09b-fee-waiver')
    await portal.getByRole('button', { name: 'Send my request' }).click()
    await portal.getByText('The practice will look at your request', { exact: false }).first().waitFor()
    await portal.getByRole('button', { name: 'Your appointments' }).click()
    await portal.getByText("You've asked for this fee to be waived.", { exact: false }).waitFor()
    expect(await portal.getByRole('button', { name: 'Ask for the fee to be waived' }).count()).toBe(0)
  })

  it('reads what the therapist welcomes, then sends an allowed message', async () => {
    await portal.getByRole('button', { name: /^Message Dr\. Maya Rivera/ }).click()
    await portal.getByText('Between sessions, Dr. Maya Rivera welcomes messages about', { exact: false }).waitFor()
    await portal.getByText('Dr. Maya Rivera usually replies within 2 business days.', { exact: false }).waitFor()
    await check('10-messages')
    await helpStaysOnScreen()
    await portal.getByLabel('Scheduling').check()
    await portal.getByLabel('Your message', { exact: true }).fill('Could we find a time next week instead?')
    await portal.getByRole('button', { name: 'Send message' }).click()
    await expect.poll(() => heading().textContent()).toBe('Message sent')
    await portal.getByText('Thanks for your message.', { exact: false }).waitFor()
    await check('11-message-sent')
  })

  it("shows the practice's crisis resources first, with numbers to tap", async () => {
    await portal.getByRole('button', { name: 'Write another message' }).click()
    await portal.getByLabel("I'm in crisis").check()
    const crisis = portal.getByRole('region', { name: 'If you need help right now' })
    await crisis.waitFor()
    expect(await crisis.textContent()).toContain('call 911 now')
    expect(await portal.getByRole('link', { name: 'Call 911' }).getAttribute('href')).toBe('tel:911')
    expect(await portal.getByRole('link', { name: 'Text 988' }).getAttribute('href')).toBe('sms:988')
    const top = async (locator: ReturnType<FrameLocator['getByText']>) => (await locator.boundingBox())!.y
    expect(await top(crisis as never)).toBeLessThan(
      await top(portal.getByText('welcomes messages about', { exact: false })),
    )
    await check('12-crisis')
    await portal.getByLabel('Your note').fill('I am having a really hard night.')
    await portal.getByRole('button', { name: 'Send message' }).click()
    await expect.poll(() => heading().textContent()).toBe('Message sent')
    await portal.getByRole('region', { name: 'If you need help right now' }).waitFor()
    await portal.getByRole('button', { name: 'Your appointments' }).click()
  })

  it('joins the cancellation list', async () => {
    await portal.getByRole('button', { name: /^Join the cancellation list/ }).click()
    await portal.getByLabel('Tuesday').check()
    await portal.getByLabel('Afternoon').check()
    await check('13-waitlist')
    await portal.getByRole('button', { name: 'Join the list' }).click()
    await portal.getByText("You're on Dr. Maya Rivera's cancellation list.", { exact: false }).first().waitFor()
    await portal.getByRole('button', { name: 'Your appointments' }).first().click()
    // Home says so now, with the way to change or leave.
    await portal.getByRole('button', { name: /^You're on Dr. Maya Rivera's cancellation list/ }).click()
    await portal.getByText("You're on Dr. Maya Rivera's cancellation list.", { exact: true }).waitFor()
    await portal.getByRole('button', { name: 'Leave the list' }).click()
    await portal.getByText("You've left Dr. Maya Rivera's cancellation list.").first().waitFor()
    await portal.getByRole('button', { name: 'Your appointments' }).first().click()
  })

  it('chooses how the practice reaches her: texts first, then email, in her own language', async () => {
    await portal.getByRole('button', { name: /^How we reach you/ }).click()
    await heading().filter({ hasText: 'How we reach you' }).waitFor()
    await check('13b-preferences')
    await helpStaysOnScreen()
    const email = portal.getByRole('checkbox', { name: /Email/ })
    expect(await email.isChecked()).toBe(true)
    const sms = portal.getByRole('checkbox', { name: /Text messages/ })
    const texts = await sms.isEnabled()
    if (texts) {
      if (!(await sms.isChecked())) await sms.check()
      await portal.getByRole('button', { name: 'Move Text messages up' }).click()
      expect(await portal.locator('.channel-order li').first().textContent()).toContain('Text messages')
    }
    await portal.getByLabel('Language').selectOption('es')
    await portal.getByRole('button', { name: 'Save' }).click()
    // The portal speaks her language from then on.
    await portal
      .getByText(/^Guardado\. Te contactaremos primero por/)
      .first()
      .waitFor()
    await check('13c-preferences-saved')
    const clients = (await run.hearth.call('GET', '/v1/clients?email=alex@example.com')).data as { id: string }[]
    const saved = await run.hearth.call('GET', `/v1/clients/${clients[0]!.id}`)
    expect(saved.locale).toBe('es')
    expect(saved.preferred_channels[0]).toBe(texts ? 'sms' : 'email')
    // Back to English for the rest of the visit.
    await portal.getByLabel('Idioma').selectOption('en')
    await portal.getByRole('button', { name: 'Guardar' }).click()
    await portal
      .getByText(/^Saved\./)
      .first()
      .waitFor()
    await portal.getByRole('button', { name: 'Your appointments' }).first().click()
  })

  it('finds help from any screen, and signs out', async () => {
    await portal.getByRole('button', { name: 'Need help now?' }).click()
    await expect.poll(() => heading().textContent()).toBe('Need help now?')
    await check('14-help')
    await portal.getByRole('button', { name: 'Back' }).click()
    await portal.getByRole('button', { name: 'Sign out' }).click()
    await portal.getByText("You're signed out. See you next time.").first().waitFor()
    const events = () => page.evaluate(() => (window as any).hearthEvents as string[])
    await expect.poll(events).toContain('signed-out')
    expect(await events()).toEqual(
      expect.arrayContaining([
        'open',
        'signed-in',
        'confirmed',
        'cancelled',
        'message-sent',
        'waitlist-joined',
        'signed-out',
      ]),
    )
    expect((await events()).some((e) => e.includes('+detail'))).toBe(false)
  })
})

describe("Jordan's missed session", () => {
  it('is greeted warmly and can ask for another time without explaining', async () => {
    await openPortal()
    await signIn('jordan@example.com')
    const missed = portal.getByRole('heading', { name: /^We missed you on .*\. That's okay\.$/ })
    await missed.waitFor()
    await check('15-missed-note')
    await portal.getByRole('button', { name: 'Find another time' }).click()
    await portal.getByLabel('A note for Dr. Maya Rivera (optional)').waitFor()
    await check('16-missed-reschedule')
    await portal.getByRole('button', { name: 'Ask for another time' }).click()
    await portal.getByText('Thank you. The practice will be in touch', { exact: false }).first().waitFor()
    await portal.getByRole('button', { name: 'Sign out' }).click()
  })
})

describe("Lucía's portal, in Spanish", () => {
  it('shows her sessions in her language and zone, and asks her to call inside the contact-required window', async () => {
    const [clients, therapists] = await Promise.all([
      run.hearth.call('GET', '/v1/clients'),
      run.hearth.call('GET', '/v1/therapists'),
    ])
    const lucia = clients.data.find((c: { email: string }) => c.email === 'lucia@example.com')
    const okafor = therapists.data.find((t: { name: string }) => t.name.startsWith('Sam Okafor'))
    const start = new Date(Date.now() + 5 * 3_600_000)
    start.setUTCMinutes(0, 0, 0)
    await bookSession(run.hearth, {
      external_id: 'e2e-soon',
      therapist_id: okafor.id,
      client_id: lucia.id,
      starts: start,
      type: 'Video session',
      telehealth_url: 'https://video.calmwaters.example/room/e2e',
    })
    await openPortal()
    await signIn('lucia@example.com')
    await expect.poll(() => heading().textContent()).toBe('Tus citas')
    await portal.getByText('Hola, Lucía.').waitFor()
    await check('17-sessions-es')
    await portal
      .getByRole('button', { name: /^Detalles de la cita/ })
      .first()
      .click()
    await portal.getByRole('button', { name: 'Cancelar esta cita' }).click()
    await portal.getByText(/^Como faltan menos de 24 horas para esta sesión, llama a la consulta al/).waitFor()
    expect(await portal.getByRole('link', { name: /^Llamar al/ }).getAttribute('href')).toBe('tel:+15550102000')
    expect(await portal.getByRole('button', { name: /^Cancelar/ }).count()).toBe(0)
    await check('18-cancel-call-es')
  })
})

describe('Reminders on this device, in the portal opened on its own', () => {
  it('registers the service worker at /hearth-sw.js with scope / when the client turns them on', async () => {
    await context?.close()
    ;({ context, page } = await openPage(run.browser, { viewport: { width: 1280, height: 860 } }))
    // Stands in for the client pressing "Allow" at the browser's prompt.
    await context.grantPermissions(['notifications'], { origin: run.hearth.base })
    await page.goto(`${run.hearth.base}/portal/demo`)
    frame = page.mainFrame()
    // Alex signed in earlier against this server: wait for this visit's code (sent in the background).
    const codes = async () => {
      const outbox = await (await fetch(`${run.hearth.base}/dev/outbox?to=alex%40example.com`)).json()
      return (outbox.data as { subject: string; text: string }[]).filter((m) => m.subject.includes('sign-in code'))
    }
    const earlier = (await codes()).length
    await page.getByLabel('Your email address').fill('alex@example.com')
    await page.getByRole('button', { name: 'Email me a code' }).click()
    await expect.poll(async () => (await codes()).length).toBeGreaterThan(earlier)
    const [newest] = await codes()
    await page.getByLabel('6-digit code').fill(/\b(\d{6})\b/.exec(newest!.text)![1]!)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByText('Hello, Alex.').waitFor()
    const registered = () =>
      page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration('/')
        const worker = registration?.active ?? registration?.waiting ?? registration?.installing
        return registration ? { scope: registration.scope, script: worker?.scriptURL ?? null } : null
      })
    // Nothing is registered, and nothing asked, until the client chooses to.
    expect(await registered()).toBeNull()
    await check('19-page-reminders-offer')

    await page.getByRole('button', { name: 'Get reminders on this device' }).click()
    await expect.poll(registered).toEqual({ scope: `${run.hearth.base}/`, script: `${run.hearth.base}/hearth-sw.js` })
    // Subscribing needs the browser's push service (Google's FCM, for Chromium), which headless
    // Chromium on this machine cannot use (subscribe() fails with "AbortError: Registration
    // failed - …"): here the portal says it could not turn reminders on, and stores nothing. With a
    // push service the same press ends with "Reminders are on for this device."
    const outcome = page
      .getByText("Reminders couldn't be turned on just now. Please try again in a moment.")
      .or(page.getByText('Reminders are on for this device.'))
    await outcome.first().waitFor()
    if (await page.getByText('Reminders are on for this device.').isVisible()) {
      expect(await page.getByRole('button', { name: 'Turn off reminders on this device' }).isVisible()).toBe(true)
    } else {
      // The failure must be the push service's, not the portal's: the same subscribe, done by
      // hand with the server's key on the registration the portal made, fails here too.
      const direct = await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready
        const { public_key } = await (await fetch('/v1/push/vapid-public-key')).json()
        try {
          await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: public_key })
          return 'subscribed'
        } catch (error) {
          return `${(error as Error).name}: ${(error as Error).message}`
        }
      })
      expect(direct).not.toBe('subscribed')
      console.log(`push service unreachable here, as expected: ${direct}`)
    }
    await check('20-page-reminders-after')
  })
})
