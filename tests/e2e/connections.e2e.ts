import { createHmac } from 'node:crypto'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fakeFhirServer } from '../../api/testing/fakes/fhir-server'
import { addDays } from '../../shared/time/calendar'
import { instantAt, localDate } from '../../shared/time/zone'
import { checkScreen, launchChromium, screenshot } from './browser'
import { type RunningHearth, startHearth } from './server'
import { signInToConsole } from './staff-sign-in'

/**
 * A practice with no developer connects its outside services from the console, against the real
 * server: Cal.com in the form, then a signed booking delivered to the address the form shows lands
 * in the Schedule; its FHIR server (a loopback fake) saved and synced now; WhatsApp saved, its
 * secrets never shown back. axe-core on each, screenshots at 1280 and 320 px.
 */

/** The one place this file knows how staff sign in (swapped when the console's sign-in changes). */
async function signIn(page: Page, hearth: RunningHearth) {
  await page.goto(`${hearth.base}/staff`)
  await signInToConsole(page, hearth, 'owner')
}

const CALCOM_SECRET = 'calm-waters-cal-secret'
const WHATSAPP_SECRETS = {
  access: 'EAAG-e2e-access-token-0123456789',
  app: 'e2e-app-secret-abcdef',
  verify: 'e2e-verify-token-xyz',
}

let hearth: RunningHearth
let browser: Browser
let page: Page
let fhir: Awaited<ReturnType<typeof fakeFhirServer>>
let zone: string
let park: { id: string; name: string }
let ahead: string

beforeAll(async () => {
  ;[hearth, browser, fhir] = await Promise.all([
    startHearth(),
    launchChromium(),
    fakeFhirServer({ token: 'ehr-token' }),
  ])
  zone = (await hearth.call('GET', '/v1/practice')).time_zone
  park = await hearth.call('POST', '/v1/therapists', {
    name: 'Dr. Lena Park',
    email: 'lena.park@connections.example',
    time_zone: zone,
  })
  ahead = addDays(localDate(new Date(), zone), 9)
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    permissions: ['clipboard-read', 'clipboard-write'],
  })
  page = await context.newPage()
  page.on('pageerror', (error) => console.error('page error:', error.message))
  await signIn(page, hearth)
})

afterAll(async () => {
  await browser?.close()
  await fhir?.close()
  await hearth?.stop()
})

/** axe, then screenshots at both sizes; `focus`, when given, is also shot in view at 320 px. */
async function check(name: string, focus?: Locator) {
  await checkScreen(page, name)
  if (!focus) return
  await page.setViewportSize({ width: 320, height: 640 })
  await focus.evaluate((element) => element.scrollIntoView({ block: 'center' }))
  await screenshot(page, `${name}-320-focus`)
  await page.setViewportSize({ width: 1280, height: 900 })
}

const tab = async (name: string) => {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click()
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(name)
}

/** A delivery shaped like Cal.com's, signed the way Cal.com signs it (hex HMAC-SHA256 of the body). */
async function deliverBooking(address: string, uid: string, startsAt: Date) {
  const raw = JSON.stringify({
    triggerEvent: 'BOOKING_CREATED',
    createdAt: new Date().toISOString(),
    payload: {
      type: 'intake-50',
      title: 'Intake between Dr. Lena Park and Rowan Ellis',
      startTime: startsAt.toISOString(),
      endTime: new Date(startsAt.getTime() + 50 * 60_000).toISOString(),
      organizer: { id: 9, name: 'Dr. Lena Park', email: 'lena@cal.example', timeZone: zone },
      attendees: [{ email: 'rowan.ellis@connections.example', name: 'Rowan Ellis', timeZone: zone }],
      uid,
      eventTitle: 'Intake session',
      length: 50,
      status: 'ACCEPTED',
    },
  })
  return fetch(address, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-cal-signature-256': createHmac('sha256', CALCOM_SECRET).update(raw).digest('hex'),
    },
    body: raw,
  })
}

describe('Cal.com', () => {
  it('is connected in the form, and a booking sent to the address shown appears in the Schedule', async () => {
    await tab('Import')
    const form = page.getByRole('form', { name: 'Connect Cal.com' })
    // Too short: the server's word lands at the field, and nothing is connected.
    await form.getByLabel('Signing secret', { exact: true }).fill('short')
    await form.getByRole('button', { name: 'Save and connect' }).click()
    await form.getByRole('alert').getByText('Some fields need attention.').waitFor()
    expect(await form.getByLabel('Signing secret', { exact: true }).getAttribute('aria-invalid')).toBe('true')
    await form.locator('#calcom-secret-error', { hasText: 'Use at least 8 characters.' }).waitFor()
    await check('connections-calcom-field-error', form.getByLabel('Signing secret', { exact: true }))
    expect((await hearth.call('GET', '/v1/practice')).calcom).toBeUndefined()
    await form.getByLabel('Signing secret', { exact: true }).fill(CALCOM_SECRET)
    await form.getByLabel(park.name, { exact: true }).fill('lena@cal.example')
    await form.getByLabel('Text message').check()
    await check('connections-calcom-form', form.getByLabel(park.name, { exact: true }))
    await form.getByRole('button', { name: 'Save and connect' }).click()

    const address = page.getByLabel('The address to paste into Cal.com')
    await address.waitFor()
    const url = await address.inputValue()
    expect(url).toBe(`${hearth.base}/v1/inbound/calcom?practice=demo`)
    expect(await page.content()).not.toContain(CALCOM_SECRET)
    await page.getByRole('button', { name: 'Copy the address' }).click()
    await page.getByRole('button', { name: 'Copied' }).waitFor()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url)
    await address.scrollIntoViewIfNeeded()
    await check('connections-calcom-connected', address)

    const startsAt = instantAt(ahead, '10:00', zone)
    const delivered = await deliverBooking(url, 'e2e-booking-1', startsAt)
    expect(delivered.status, await delivered.text()).toBeLessThan(300)

    await tab('Schedule')
    await page.locator('#schedule-therapist').selectOption(park.id)
    await page.locator('#schedule-date').fill(ahead)
    await page.locator('.session-row', { hasText: 'Rowan Ellis' }).waitFor()
    await check('connections-calcom-booking-in-schedule')
    const rowan = (await hearth.call('GET', '/v1/clients?q=rowan')).data[0]
    expect(rowan.consents).toMatchObject({ email: true, sms: true, whatsapp: false })
  })
})

describe('FHIR', () => {
  it('is connected to the loopback server and syncs now', async () => {
    const updated = new Date(Date.now() - 60_000).toISOString()
    fhir.put({
      resourceType: 'Practitioner',
      id: 'pr-1',
      meta: { lastUpdated: updated },
      name: [{ given: ['Ana'], family: 'Silva' }],
      telecom: [{ system: 'email', value: 'ana.silva@connections.example' }],
    })
    fhir.put({
      resourceType: 'Patient',
      id: 'pa-1',
      meta: { lastUpdated: updated },
      name: [{ text: 'Kai Moreno' }],
      telecom: [{ system: 'email', value: 'kai.moreno@connections.example' }],
    })
    const start = instantAt(ahead, '14:00', zone)
    fhir.put({
      resourceType: 'Appointment',
      id: 'ap-1',
      meta: { lastUpdated: updated },
      status: 'booked',
      start: start.toISOString(),
      end: new Date(start.getTime() + 50 * 60_000).toISOString(),
      participant: [
        { actor: { reference: 'Practitioner/pr-1' }, status: 'accepted' },
        { actor: { reference: 'Patient/pa-1' }, status: 'accepted' },
      ],
    })

    await tab('Import')
    const form = page.getByRole('form', { name: 'Connect your EHR' })
    await form.getByLabel('FHIR address').fill(`${fhir.url}/fhir/r4`)
    await form.getByLabel('Access token (if your EHR gives you one)', { exact: true }).fill('ehr-token')
    await form.getByRole('button', { name: 'Save and connect' }).click()
    await page.getByRole('button', { name: 'Sync now' }).click()
    await page.getByText(/Last synced/).waitFor()
    await page.getByText('therapists 1, clients 1, sessions 1.', { exact: false }).waitFor()
    expect(fhir.requests.every((r) => r.authorization === 'Bearer ehr-token')).toBe(true)
    expect(await page.content()).not.toContain('ehr-token')
    await page.getByRole('button', { name: 'Sync now' }).scrollIntoViewIfNeeded()
    await check('connections-fhir-synced')
    const sessions = (await hearth.call('GET', `/v1/appointments?from=${start.toISOString()}&limit=50`)).data
    expect(sessions.some((s: { external_id?: string }) => s.external_id === 'fhir:ap-1')).toBe(true)
  })
})

describe('WhatsApp', () => {
  it('is saved from its own tab, and no secret is shown back', async () => {
    await tab('WhatsApp')
    const form = page.getByRole('form', { name: 'WhatsApp settings' })
    await form.getByLabel('Phone number ID').fill('106540352242922')
    await form.getByLabel('Access token', { exact: true }).fill(WHATSAPP_SECRETS.access)
    await form.getByLabel('App secret', { exact: true }).fill(WHATSAPP_SECRETS.app)
    await form.getByLabel('Verify token', { exact: true }).fill(WHATSAPP_SECRETS.verify)
    await form.getByText('Message templates').click()
    const confirmation = form.getByRole('group', { name: 'Confirmation request' })
    await confirmation.getByLabel('Template name for English').fill('hearth_confirmation')
    await check('whatsapp-form', confirmation)
    await form.getByRole('button', { name: 'Save and connect' }).click()

    const address = page.getByLabel('The address to give Meta')
    await address.waitFor()
    expect(await address.inputValue()).toBe(`${hearth.base}/v1/inbound/whatsapp?practice=demo`)
    const shown = await page.content()
    for (const secret of Object.values(WHATSAPP_SECRETS)) expect(shown).not.toContain(secret)
    await check('whatsapp-connected', address)

    // Reopened, the form asks for the secrets again and fills in none of them.
    await page.getByRole('button', { name: 'Change the settings' }).click()
    for (const label of ['Access token', 'App secret', 'Verify token']) {
      expect(await page.getByLabel(label, { exact: true }).inputValue()).toBe('')
    }
    const saved = await hearth.call('GET', '/v1/practice')
    expect(saved.whatsapp.templates).toEqual({
      confirmation: { en: { name: 'hearth_confirmation', language: 'en_US' } },
    })
    for (const secret of Object.values(WHATSAPP_SECRETS)) expect(JSON.stringify(saved)).not.toContain(secret)
  })

  it('is disconnected only after a second step that says what stops, and keeping it changes nothing', async () => {
    await page.getByRole('button', { name: 'Cancel' }).click()
    await page.getByRole('button', { name: 'Disconnect WhatsApp' }).click()
    const warning = page.getByText('Stop sending on WhatsApp?')
    await warning.waitFor()
    await check('whatsapp-disconnect-confirm', warning)
    await page.getByRole('button', { name: 'No, keep it connected' }).click()
    expect((await hearth.call('GET', '/v1/practice')).whatsapp?.phone_number_id).toBe('106540352242922')

    await page.getByRole('button', { name: 'Disconnect WhatsApp' }).click()
    await page.getByRole('button', { name: 'Yes, disconnect' }).click()
    await page.getByText('WhatsApp is disconnected.').waitFor()
    expect((await hearth.call('GET', '/v1/practice')).whatsapp ?? null).toBeNull()
  })
})
