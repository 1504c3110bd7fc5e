import type { BrowserContext, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { axe, screenshotBoth, openPage } from './browser'
import { hearthAndChromium } from './for-file'
import { emailedCode, signInToConsole } from './staff-sign-in'

/**
 * Passkeys in real Chromium with the DevTools protocol's virtual authenticator (a platform
 * authenticator with user verification): the browser's own WebAuthn answers, not a test double,
 * reach the API. Hearth runs at http://localhost: Chromium counts http://127.0.0.1 as a secure
 * context too, but refuses an IP address as the RP id.
 */

const run = hearthAndChromium({ publicHost: 'localhost' })
let context: BrowserContext
let page: Page
const OWNER = 'owner@calmwaters.example'

beforeAll(async () => {
  context = await run.browser.newContext()
  page = await context.newPage()
  await addPlatformAuthenticator(context, page)
  await page.goto(`${run.hearth.base}/staff`)
})

/** A virtual platform authenticator on `page`, with user verification (by "fingerprint"). */
async function addPlatformAuthenticator(on: BrowserContext, page: Page) {
  const cdp = await on.newCDPSession(page)
  await cdp.send('WebAuthn.enable')
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
    },
  })
}

/** A browser of its own with a virtual platform authenticator, at the console. */
async function browserWithAuthenticator(): Promise<Page> {
  const { context: next, page: opened } = await openPage(run.browser)
  await addPlatformAuthenticator(next, opened)
  await opened.goto(`${run.hearth.base}/staff`)
  return opened
}

async function check(on: Page, name: string) {
  await on.waitForTimeout(250)
  const violations = await axe(on.mainFrame())
  expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([])
  await screenshotBoth(on, name)
}

/** A request from the console's page: same origin, so the browser sends the cookie and its Origin. */
function api(method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ([method, path, body]) => {
      const response = await fetch(path as string, {
        method: method as string,
        credentials: 'same-origin',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      })
      const text = await response.text()
      return { status: response.status, body: text ? JSON.parse(text) : null }
    },
    [method, path, body] as const,
  )
}

async function signInWithCode(email: string) {
  expect((await api('POST', '/v1/staff/auth/start', { email })).status).toBe(202)
  const verify = await api('POST', '/v1/staff/auth/verify', { email, code: await run.hearth.latestCode(email) })
  expect(verify.status).toBe(200)
  return verify.body
}

/** navigator.credentials.get with the API's options, and the browser's own JSON of the answer. */
function browserAssertion(options: unknown) {
  return page.evaluate(async (options) => {
    const publicKey = PublicKeyCredential.parseRequestOptionsFromJSON(options as never)
    const credential = (await navigator.credentials.get({ publicKey })) as PublicKeyCredential
    return credential.toJSON()
  }, options)
}

describe('passkeys in Chromium', () => {
  it('registers a passkey, signs in with it from nothing, and uses it as the second factor', async () => {
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true)
    expect(await signInWithCode(OWNER)).toEqual({ next: 'done' })

    const creation = await api('POST', '/v1/staff/me/passkeys/options')
    expect(creation.status).toBe(200)
    expect(creation.body.rp.id).toBe('localhost')
    const registration = await page.evaluate(async (options) => {
      const publicKey = PublicKeyCredential.parseCreationOptionsFromJSON(options as never)
      const credential = (await navigator.credentials.create({ publicKey })) as PublicKeyCredential
      return credential.toJSON()
    }, creation.body)
    const added = await api('POST', '/v1/staff/me/passkeys', { response: registration, name: 'This laptop' })
    expect(added.status, JSON.stringify(added.body)).toBe(201)
    expect(added.body.name).toBe('This laptop')
    expect((await api('GET', '/v1/staff/me')).body.second_factors).toEqual(['passkey'])

    // The same authenticator cannot register twice: Chromium refuses it from excludeCredentials.
    const again = await api('POST', '/v1/staff/me/passkeys/options')
    const refused = await page.evaluate(async (options) => {
      const publicKey = PublicKeyCredential.parseCreationOptionsFromJSON(options as never)
      return navigator.credentials.create({ publicKey }).then(
        () => 'created',
        (error: Error) => error.name,
      )
    }, again.body)
    expect(refused).toBe('InvalidStateError')

    expect((await api('POST', '/v1/staff/auth/logout')).status).toBe(204)
    expect((await api('GET', '/v1/staff/me')).status).toBe(401)

    const request = await api('POST', '/v1/staff/auth/passkey/options')
    expect(request.body.allowCredentials).toBeUndefined()
    const signIn = await api('POST', '/v1/staff/auth/passkey', { response: await browserAssertion(request.body) })
    expect(signIn.status, JSON.stringify(signIn.body)).toBe(200)
    expect(signIn.body).toEqual({ next: 'done' })
    const me = await api('GET', '/v1/staff/me')
    expect(me.body.user).toMatchObject({ name: 'Priya Shah', email: OWNER, role: 'owner' })

    // Next time with the emailed code, the passkey is the second factor.
    await api('POST', '/v1/staff/auth/logout')
    expect(await signInWithCode(OWNER)).toEqual({ next: 'second_factor', second_factors: ['passkey'] })
    const second = await api('POST', '/v1/staff/auth/passkey/options')
    expect(second.body.allowCredentials).toHaveLength(1)
    const done = await api('POST', '/v1/staff/auth/passkey', { response: await browserAssertion(second.body) })
    expect(done.body).toEqual({ next: 'done' })
    const listed = (await api('GET', '/v1/staff/me/passkeys')).body.data
    expect(listed).toHaveLength(1)
    expect(listed[0].last_used_at).not.toBeNull()
  })

  it('adds a passkey on the Account screen, signs in with the button, and removes it', async () => {
    const tab = await browserWithAuthenticator()
    const heading = () => tab.getByRole('heading', { level: 1 })
    await signInToConsole(tab, run.hearth, 'rivera')
    await tab.getByRole('link', { name: 'Your account' }).click()
    await expect.poll(() => heading().textContent()).toBe('Your account')
    await tab.getByRole('heading', { name: 'Passkeys' }).waitFor()
    await tab.getByText("You haven't added a passkey yet.").waitFor()
    await check(tab, 'passkeys-01-account-none')

    await tab.getByLabel('Name for this passkey').fill('Work laptop')
    await tab.getByRole('button', { name: 'Add a passkey' }).click()
    await tab.getByText('Passkey added. Next time you can sign in with it.').waitFor()
    await tab.getByText('Work laptop', { exact: true }).waitFor()
    await check(tab, 'passkeys-02-account-added')

    await tab.getByRole('button', { name: 'Sign out' }).click()
    await tab.getByText("You're signed out.").waitFor()
    await check(tab, 'passkeys-03-sign-in')
    await tab.getByRole('button', { name: 'Sign in with a passkey' }).click()
    await tab.getByText('Signed in as', { exact: false }).waitFor()
    expect(await tab.getByText('Dr. Maya Rivera', { exact: false }).count()).toBeGreaterThan(0)

    // With the emailed code, the passkey is the second factor.
    await tab.getByRole('button', { name: 'Sign out' }).click()
    await tab.getByText("You're signed out.").waitFor()
    await tab.getByLabel('6-digit code').or(tab.getByLabel('Work email')).first().waitFor()
    const code = await emailedCode(tab, run.hearth, 'maya.rivera@calmwaters.example')
    await tab.getByLabel('6-digit code').fill(code)
    await tab.getByRole('button', { name: 'Continue' }).click()
    await tab.getByText('Use your passkey to finish signing in.').waitFor()
    await check(tab, 'passkeys-04-second-factor')
    await tab.getByRole('button', { name: 'Sign in with a passkey' }).click()
    await tab.getByText('Signed in as', { exact: false }).waitFor()

    await tab.getByRole('link', { name: 'Your account' }).click()
    await tab.getByRole('button', { name: 'Remove Work laptop' }).click()
    await tab.getByText("Remove “Work laptop”? You won't be able to sign in with it any more.").waitFor()
    await check(tab, 'passkeys-05-confirm-remove')
    await tab.getByRole('button', { name: 'Yes, remove it' }).click()
    await tab.getByText('Passkey removed.').waitFor()
    await tab.getByText("You haven't added a passkey yet.").waitFor()
    await tab.context().close()
  })
})
