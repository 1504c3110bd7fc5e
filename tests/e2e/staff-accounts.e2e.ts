import { Secret, TOTP } from 'otpauth'
import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { checkScreen, openPage } from './browser'
import { hearthAndChromium } from './for-file'
import { emailedCode, signInToConsole } from './staff-sign-in'

/**
 * Staff accounts in the console, against the real server: Sam Okafor signs in with an emailed
 * code, sets up an authenticator app (the codes computed from the secret the screen shows, as an
 * app would), keeps his recovery codes, signs out and in again with the app, then with a
 * recovery code, and ends a session on another run.browser. A newcomer joins through an invitation
 * link, which works once. axe-core on every new screen, screenshots at desktop and 320 px.
 */

const run = hearthAndChromium()
let context: BrowserContext
let page: Page
let totp: TOTP
let recoveryCodes: string[]

const check = (name: string) => checkScreen(page, name)

const heading = () => page.getByRole('heading', { level: 1 })

async function newPage(): Promise<Page> {
  const { page: opened } = await openPage(run.browser)
  await opened.goto(`${run.hearth.base}/staff`)
  return opened
}

/** What Sam's app shows `stepsAhead` 30-second steps from now (each step's code works once). */
const codeNow = (stepsAhead: number) => totp.generate({ timestamp: Date.now() + stepsAhead * 30_000 })

/**
 * The same, read early enough in a step that the server is still on it when the code arrives: the
 * server takes one step either side, so a code for the step before, read in a step's last moments,
 * would be two steps old by then.
 */
async function appCode(stepsAhead = 0): Promise<string> {
  const left = 30_000 - (Date.now() % 30_000)
  if (left < 3_000) await new Promise((resolve) => setTimeout(resolve, left + 50))
  return codeNow(stepsAhead)
}

/** A code no step the server would take shows. */
const wrongCode = () => ['000000', '111111', '222222', '333333'].find((c) => ![-1, 0, 1, 2].map(codeNow).includes(c))!

describe('two-step verification', () => {
  it('signs Sam in with an emailed code, and shows his account', async () => {
    ;({ context, page } = await openPage(run.browser))
    await page.goto(`${run.hearth.base}/staff`)
    await expect.poll(() => heading().textContent()).toBe('Sign in to the staff console')
    await check('accounts-01-email')
    await emailedCode(page, run.hearth, 'sam.okafor@calmwaters.example').then(async (code) => {
      await expect.poll(() => heading().textContent()).toBe('Check your email')
      await check('accounts-02-code')
      await page.getByLabel('6-digit code').fill(code)
      await page.getByRole('button', { name: 'Continue' }).click()
    })
    await page.getByText('Signed in as', { exact: false }).waitFor()
    expect(await page.locator('.staff-who strong').textContent()).toBe('Sam Okafor')
    await page.getByRole('link', { name: 'Your account' }).click()
    await expect.poll(() => heading().textContent()).toBe('Your account')
    await page.getByText('sam.okafor@calmwaters.example').waitFor()
    await page.getByText('Off: you sign in with your email alone.', { exact: false }).waitFor()
    await page.locator('.session-item', { hasText: 'This browser' }).waitFor()
    await check('accounts-03-account')
  })

  it('sets up an authenticator app from the QR code or the key, and shows the recovery codes once', async () => {
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click()
    const secret = (await page.locator('.totp-secret').getAttribute('data-secret'))!
    expect(await page.locator('.totp-secret').textContent()).toBe(secret.replace(/(.{4})(?=.)/g, '$1 '))
    expect(await page.getByAltText('QR code for setting up your authenticator app').getAttribute('src')).toMatch(
      /^data:image\/svg\+xml/,
    )
    await check('accounts-04-totp-setup')
    totp = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) })

    await page.getByLabel('Code from your app').fill(wrongCode())
    await page.getByRole('button', { name: 'Turn on two-step verification' }).click()
    await page.getByText("That code didn't work.", { exact: false }).waitFor()
    // The step before now: drift an app may have, and it leaves this step's code for signing in.
    await page.getByLabel('Code from your app').fill(await appCode(-1))
    await page.getByRole('button', { name: 'Turn on two-step verification' }).click()
    const codes = page.getByRole('list', { name: 'Recovery codes' }).locator('code')
    await expect.poll(() => codes.count()).toBe(10)
    recoveryCodes = await codes.allTextContents()
    expect(await page.getByRole('link', { name: 'Download as a text file' }).getAttribute('download')).toBe(
      'hearth-recovery-codes.txt',
    )
    await check('accounts-05-recovery-codes')
    await page.getByRole('button', { name: "I've saved them" }).click()
    await page.getByText('You have 10 recovery codes left.', { exact: false }).waitFor()
    await page.getByText('On: you sign in with your email and a code', { exact: false }).waitFor()
    expect(await page.getByRole('list', { name: 'Recovery codes' }).count()).toBe(0)
  })

  it('signs out, then in again with the app', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByText("You're signed out.").waitFor()
    const code = await emailedCode(page, run.hearth, 'sam.okafor@calmwaters.example')
    await page.getByLabel('6-digit code').fill(code)
    await page.getByRole('button', { name: 'Continue' }).click()
    await expect.poll(() => heading().textContent()).toBe('One more step')
    await check('accounts-06-second-factor')
    await page.getByLabel('Code from your app').fill(await appCode())
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByText('Signed in as', { exact: false }).waitFor()
  })

  it('signs in with a recovery code when the phone is not to hand; each works once', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click()
    const code = await emailedCode(page, run.hearth, 'sam.okafor@calmwaters.example')
    await page.getByLabel('6-digit code').fill(code)
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click()
    await page.getByLabel('Recovery code').waitFor()
    await check('accounts-07-recovery-sign-in')
    await page.getByLabel('Recovery code').fill(recoveryCodes[0]!)
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByText('Signed in as', { exact: false }).waitFor()
    await page.getByRole('link', { name: 'Your account' }).click()
    await page.getByText('You have 9 recovery codes left.', { exact: false }).waitFor()
  })

  it('lists where Sam is signed in, and ends the session on another browser', async () => {
    const other = await newPage()
    const code = await emailedCode(other, run.hearth, 'sam.okafor@calmwaters.example')
    await other.getByLabel('6-digit code').fill(code)
    await other.getByRole('button', { name: 'Continue' }).click()
    // The next step's code: this step's was used already.
    await other.getByLabel('Code from your app').fill(await appCode(1))
    await other.getByRole('button', { name: 'Continue' }).click()
    await other.getByText('Signed in as', { exact: false }).waitFor()

    await page.reload()
    await expect.poll(() => heading().textContent()).toBe('Your account')
    const sessions = page.locator('.session-item')
    await expect.poll(() => sessions.count()).toBe(2)
    expect(await sessions.filter({ hasText: 'This browser' }).count()).toBe(1)
    expect(await sessions.first().textContent()).toContain('Chrome on Linux')
    await check('accounts-08-sessions')
    await page.getByRole('button', { name: /^Sign out there: Chrome on Linux/ }).click()
    await page.locator('.notice-done', { hasText: 'Signed out there.' }).waitFor()
    await expect.poll(() => sessions.count()).toBe(1)
    await page.getByText("You're only signed in here.").waitFor()

    // The other browser is signed out at its next request, and says so calmly.
    await other.getByRole('link', { name: 'Alerts' }).click()
    await other.getByText('Your session has ended', { exact: false }).first().waitFor()
    await other.context().close()
  })

  it('turns the app off again', async () => {
    await page.getByRole('button', { name: 'Turn off two-step verification' }).click()
    await page.getByRole('button', { name: 'Turn it off' }).click()
    await page.locator('.notice-done', { hasText: 'Two-step verification is off.' }).waitFor()
    await page.getByText('Off: you sign in with your email alone.', { exact: false }).waitFor()
    await context.close()
  })
})

describe('an invitation link', () => {
  it('signs the newcomer in; used again, it says so kindly and offers signing in', async () => {
    await run.hearth.call('POST', '/v1/staff/users', {
      email: 'jordan.lee@calmwaters.example',
      name: 'Jordan Lee',
      role: 'front_desk',
    })
    let link: string | undefined
    for (let tries = 0; tries < 50 && !link; tries++) {
      const outbox = await (await fetch(`${run.hearth.base}/dev/outbox?to=jordan.lee%40calmwaters.example`)).json()
      link = /https?:\/\/\S+#invitation=[\w-]+/.exec(outbox.data?.[0]?.text ?? '')?.[0]
      if (!link) await new Promise((r) => setTimeout(r, 100))
    }
    expect(link).toContain(`${run.hearth.base}/staff/#invitation=`)

    page = await newPage()
    await page.goto(link!)
    await page.getByText('Signed in as', { exact: false }).waitFor()
    expect(await page.locator('.staff-who strong').textContent()).toBe('Jordan Lee')
    expect(page.url()).not.toContain('invitation')
    // The front desk's tabs: the schedule and clients, no policies or imports.
    const tabs = await page.getByRole('navigation').getByRole('link').allTextContents()
    expect(tabs).toContain('Schedule')
    expect(tabs).not.toContain('Import')
    expect(tabs).not.toContain('Insights')
    await page.context().close()

    page = await newPage()
    await page.goto(link!)
    await page.getByText('This invitation has been used already.', { exact: false }).waitFor()
    await expect.poll(() => heading().textContent()).toBe('Sign in to the staff console')
    await check('accounts-09-invitation-used')
    await signInToConsole(page, run.hearth, 'frontDesk')
    await page.context().close()
  })
})

describe('the idle time', () => {
  it('warns before signing out, stays signed in with one request, then signs out calmly', async () => {
    const next = await run.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' })
    page = await next.newPage()
    // The page's clock runs ahead; the server's does not, so the session itself stays alive.
    await page.clock.install()
    await page.goto(`${run.hearth.base}/staff`)
    await signInToConsole(page, run.hearth, 'frontDesk')
    // Every request moves the deadline on: the first screen (the therapists, then that day's calls)
    // has finished asking before time jumps.
    await page.getByRole('main').getByRole('heading', { level: 2 }).first().waitFor()
    await page.waitForLoadState('networkidle')
    // Anything the page asks or loads from here on would move the deadline and take the warning away.
    const since: string[] = []
    page.on('request', (request) => since.push(request.url()))
    page.on('framenavigated', (frame) => since.push(`navigated to ${frame.url()}`))
    await page.clock.fastForward('13:10')
    const warning = page.getByRole('alertdialog', { name: 'Are you still there?' })
    await warning.waitFor()
    await check('accounts-10-idle-warning')
    const asked = since.join(', ') || 'nothing asked'
    expect(await warning.isVisible(), `the warning went; since the jump: ${asked}`).toBe(true)
    const stayed = page.waitForResponse((r) => r.url().endsWith('/v1/staff/me') && r.status() === 200)
    await page.getByRole('button', { name: 'Stay signed in' }).click()
    await stayed
    await warning.waitFor({ state: 'detached' })

    await page.clock.fastForward('15:30')
    await page.getByText('You were signed out after 15 minutes without activity', { exact: false }).waitFor()
    await expect.poll(() => heading().textContent()).toBe('Sign in to the staff console')
    await check('accounts-11-idle-signed-out')
    expect(await page.evaluate(() => fetch('/v1/staff/me').then((r) => r.status))).toBe(401)
    await next.close()
  })
})
