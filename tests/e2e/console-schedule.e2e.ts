import type { Locator, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { addDays } from '../../shared/time/calendar'
import { instantAt, localDate } from '../../shared/time/zone'
import { axe, screenshot, screenshotBoth, openPage } from './browser'
import { bookSession } from './server'
import { hearthAndChromium } from './for-file'
import { signInToConsole } from './staff-sign-in'

/**
 * The front desk's screens in the staff console, against the real server and the demo practice:
 * Schedule (add a session, move it, cancel it on the practice's side, mark attended and missed),
 * Clients (search, add, edit, end portal access) and Import (a CSV with mistakes shown per row, then
 * a clean one imported). Each change is read back through the API, so the screen cannot claim what
 * the server did not do. axe-core on every screen, screenshots at 1280 × 900 and 320 × 640.
 */

const run = hearthAndChromium()
let page: Page
let zone: string
let okafor: { id: string; name: string }
let quinn: { id: string; name: string }
/** A working day a week from now (the add and move land there), and yesterday (sessions to mark). */
let ahead: string
let yesterday: string

beforeAll(async () => {
  zone = (await run.hearth.call('GET', '/v1/practice')).time_zone
  // A therapist of their own, so the day shown holds only what this test put there.
  okafor = await run.hearth.call('POST', '/v1/therapists', {
    name: 'Dr. Sam Okafor',
    email: 'sam.okafor@schedule.example',
    time_zone: zone,
  })
  quinn = await run.hearth.call('POST', '/v1/clients', {
    name: 'Quinn Harper',
    email: 'quinn.harper@schedule.example',
    time_zone: zone,
  })
  const today = localDate(new Date(), zone)
  ahead = addDays(today, 7)
  yesterday = addDays(today, -1)
  for (const [time, id] of [
    ['10:00', 'attended'],
    ['11:00', 'missed'],
  ]) {
    await bookSession(run.hearth, {
      external_id: `schedule-e2e-${id}`,
      therapist_id: okafor.id,
      client_id: quinn.id,
      starts: instantAt(yesterday, time!, zone),
    })
  }
  ;({ page } = await openPage(run.browser))
  await page.goto(`${run.hearth.base}/staff`)
  await signInToConsole(page, run.hearth, 'owner')
})

/** axe on the page, then screenshots at 1280 and 320 with `focus` (what the step is about) in view. */
async function check(name: string, focus?: Locator) {
  await page.waitForTimeout(250)
  const violations = await axe(page.mainFrame())
  expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([])
  if (!focus) return screenshotBoth(page, name)
  for (const [size, viewport] of [
    ['desktop', { width: 1280, height: 900 }],
    ['320', { width: 320, height: 640 }],
  ] as const) {
    await page.setViewportSize(viewport)
    await focus.scrollIntoViewIfNeeded()
    await page.waitForTimeout(150)
    await screenshot(page, `${name}-${size}`)
  }
  await page.setViewportSize({ width: 1280, height: 900 })
}

const heading = () => page.getByRole('heading', { level: 1 })
const done = (text: string) => page.locator('.notice-done', { hasText: text }).waitFor()
const tab = async (name: string) => {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click()
  await expect.poll(() => heading().textContent()).toBe(name)
}

type Session = { id: string; client_id: string; starts_at: string; status: string; late_fee_cents?: number | null }
async function okaforSessions(): Promise<Session[]> {
  const from = instantAt(yesterday, '00:00', zone).toISOString()
  return (await run.hearth.call('GET', `/v1/appointments?therapist_id=${okafor.id}&from=${from}&limit=50`)).data
}

/** Shows Dr. Okafor's day `date` on the Schedule screen. */
async function showDay(date: string) {
  await page.locator('#schedule-therapist').selectOption(okafor.id)
  await page.locator('#schedule-date').fill(date)
}

describe('Schedule', () => {
  it("shows a therapist's day in the practice's zone, labelled", async () => {
    await tab('Schedule')
    await showDay(yesterday)
    await page.getByText(/^Times are in Eastern Time \(New York, E[SD]T\)\.$/).waitFor()
    await page.locator('.session-row').nth(1).waitFor()
    expect(await page.locator('.session-row').count()).toBe(2)
    await check('console-schedule-01-day')
  })

  it('marks one session attended and the other missed', async () => {
    const rows = page.locator('.session-row')
    await rows.nth(0).getByRole('button', { name: 'Attended' }).click()
    await done('Quinn Harper attended.')
    await page.locator('.session-row').nth(1).getByRole('button', { name: 'Missed' }).click()
    await done("Quinn Harper's session is marked as missed.")
    const statuses = (await okaforSessions()).map((s) => s.status)
    expect(statuses).toEqual(['attended', 'no_show'])
    await check('console-schedule-02-marked', page.locator('.session-row').nth(1))
  })

  it('adds a session', async () => {
    await page.getByText('Add a session').click()
    await page.getByLabel('Client', { exact: true }).selectOption(quinn.id)
    await page.locator('#add-therapist').selectOption(okafor.id)
    await page.locator('#add-date').fill(ahead)
    await page.locator('#add-time').fill('14:00')
    await check('console-schedule-03-add', page.getByRole('button', { name: 'Add session' }))
    await page.getByRole('button', { name: 'Add session' }).click()
    await done('Session added for Quinn Harper')
    const added = (await okaforSessions()).find((s) => s.starts_at === instantAt(ahead, '14:00', zone).toISOString())
    expect(added?.status).toBe('scheduled')
  })

  it('moves it, then cancels it on the practice’s side without a fee', async () => {
    await showDay(ahead)
    const row = page.locator('.session-row', { hasText: 'Quinn Harper' })
    await row.getByRole('button', { name: 'Move' }).click()
    await row.getByLabel('New start time').fill('15:30')
    await check('console-schedule-04-move', row)
    await row.getByRole('button', { name: 'Move session' }).click()
    await done("Quinn Harper's session has moved to")
    const moved = (await okaforSessions()).find((s) => s.starts_at === instantAt(ahead, '15:30', zone).toISOString())
    expect(moved).toBeDefined()

    await page
      .locator('.session-row', { hasText: 'Quinn Harper' })
      .getByRole('button', { name: 'Cancel session' })
      .click()
    await page.getByLabel('Reason (optional, for the practice)').fill('Dr. Okafor is unwell')
    await check('console-schedule-05-cancel', page.getByRole('button', { name: 'Yes, cancel it' }))
    await page.getByRole('button', { name: 'Yes, cancel it' }).click()
    await done("Quinn Harper's session is cancelled.")
    const cancelled = (await run.hearth.call('GET', `/v1/appointments/${moved!.id}`)) as Session
    expect(cancelled.status).toBe('cancelled')
    expect(cancelled.late_fee_cents ?? 0).toBe(0)
  })

  it('shows the week', async () => {
    await page.getByLabel('Week').check()
    await page.locator('.schedule-day').first().waitFor()
    await check('console-schedule-06-week')
  })
})

describe('Clients', () => {
  it('searches the clients', async () => {
    await tab('Clients')
    await page.getByLabel('Search by name, email or phone').fill('quinn')
    await page.getByRole('button', { name: 'Search' }).click()
    await page.getByText('1 client', { exact: true }).waitFor()
    expect(await page.locator('.client-row').count()).toBe(1)
    await check('console-clients-01-search', page.locator('.client-row').first())
  })

  it('adds a client with their consents', async () => {
    await page.getByText('Add a client').click()
    const form = page.locator('#new-client-name').locator('xpath=ancestor::form')
    await form.getByLabel('Name').fill('Noor Haddad')
    await form.getByRole('textbox', { name: 'Email' }).fill('noor.haddad@schedule.example')
    await form.getByLabel('Mobile phone (optional)').fill('+15550109001')
    await form.getByRole('checkbox', { name: 'Text message' }).check()
    await check('console-clients-02-add', form.getByRole('button', { name: 'Add client' }))
    await form.getByRole('button', { name: 'Add client' }).click()
    await done('Noor Haddad is added.')
    const found = (await run.hearth.call('GET', '/v1/clients?q=noor')).data
    expect(found).toEqual([
      expect.objectContaining({
        name: 'Noor Haddad',
        phone: '+15550109001',
        consents: expect.objectContaining({ sms: true }),
      }),
    ])
  })

  it("edits a client's contact details, and refuses a time zone that does not exist kindly", async () => {
    await page.getByLabel('Search by name, email or phone').fill('noor')
    await page.getByRole('button', { name: 'Search' }).click()
    const row = page.locator('.client-row', { hasText: 'Noor Haddad' })
    await row.getByRole('button', { name: 'Edit' }).click()
    await row.getByLabel('Time zone').fill('Mars/Olympus')
    expect(await row.getByText('Written as region/city, such as America/New_York or Europe/London.').count()).toBe(1)
    await row.getByRole('button', { name: 'Save' }).click()
    await row.locator('.field-error').first().waitFor()
    await check('console-clients-03-edit-error', row.locator('.field-error').first())
    await row.getByLabel('Time zone').fill('Europe/Paris')
    // Named as people read it once it is a zone Hearth knows.
    await row.getByText(/^Central European (Standard )?Time \(Paris\)$/).waitFor()
    await row.getByRole('textbox', { name: 'Email' }).fill('noor@schedule.example')
    await row.getByRole('button', { name: 'Save' }).click()
    await done("Noor Haddad's details are saved.")
    const [noor] = (await run.hearth.call('GET', '/v1/clients?q=noor')).data
    expect(noor).toMatchObject({ email: 'noor@schedule.example', time_zone: 'Europe/Paris' })
  })

  it('ends portal access after asking', async () => {
    const row = page.locator('.client-row', { hasText: 'Noor Haddad' })
    await row.getByRole('button', { name: 'End portal access' }).click()
    await check('console-clients-04-end-access', page.getByRole('button', { name: 'Yes, end access' }))
    await page.getByRole('button', { name: 'Yes, end access' }).click()
    await done("Noor Haddad's portal access has ended.")
    await page.locator('.client-row', { hasText: 'Portal access ended' }).waitFor()
    const [noor] = (await run.hearth.call('GET', '/v1/clients?q=noor')).data
    expect(noor.portal_access).toBe(false)
  })

  it('gives portal access back in one step', async () => {
    const row = page.locator('.client-row', { hasText: 'Noor Haddad' })
    await check('console-clients-05-access-ended', row.getByRole('button', { name: 'Give portal access back' }))
    await row.getByRole('button', { name: 'Give portal access back' }).click()
    await done('Noor Haddad can sign in to the portal again.')
    await page.locator('.client-row', { hasText: 'Portal: can sign in' }).filter({ hasText: 'Noor Haddad' }).waitFor()
    const [noor] = (await run.hearth.call('GET', '/v1/clients?q=noor')).data
    expect(noor.portal_access).toBe(true)
  })
})

describe('Import', () => {
  const upload = (name: string, csv: string) =>
    page.getByLabel('CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) })

  it('previews a file with its mistakes listed per row, and writes nothing', async () => {
    await tab('Import')
    await check('console-import-01-empty')
    await upload(
      'clients.csv',
      [
        'external_id;name;email;phone;time_zone',
        'ehr-1;Ines Duarte;ines@import.example;;America/New_York',
        'ehr-2;Tomás Vega;not-an-email;;America/New_York',
        'ehr-3;;blank@import.example;;Mars/Olympus',
      ].join('\r\n'),
    )
    await page.getByRole('button', { name: 'Check the file' }).click()
    const preview = page.locator('.import-preview')
    await preview.getByText('things to fix', { exact: false }).waitFor()
    const rows = await preview.locator('tbody tr').allTextContents()
    expect(rows.length).toBeGreaterThanOrEqual(3)
    expect(rows.some((r) => r.startsWith('3') && r.includes('email'))).toBe(true)
    expect(rows.some((r) => r.startsWith('4') && r.includes('name'))).toBe(true)
    expect(rows.some((r) => r.startsWith('4') && r.includes('time_zone'))).toBe(true)
    await check('console-import-02-preview-errors', preview.locator('tbody tr').last())
    expect((await run.hearth.call('GET', '/v1/clients?q=ines')).data).toEqual([])
  })

  it('imports a clean file, and the same file again changes nothing', async () => {
    const csv = [
      'external_id,name,email,phone,time_zone,consent_email',
      'ehr-1,Ines Duarte,ines@import.example,,America/New_York,yes',
      'ehr-2,"Vega, Tomás",tomas@import.example,+15550109002,America/Chicago,yes',
    ].join('\n')
    await upload('clients.csv', csv)
    await page.getByRole('button', { name: 'Check the file' }).click()
    await page.locator('.import-preview').getByText('Everything looks right.').waitFor()
    await check('console-import-03-preview-ready', page.getByRole('button', { name: 'Import the file' }))
    await page.getByRole('button', { name: 'Import the file' }).click()
    await done('Imported: 2 new, 0 changed, 0 already up to date.')
    await check('console-import-04-done', page.locator('.notice-done'))
    const [tomas] = (await run.hearth.call('GET', '/v1/clients?q=tomas')).data
    expect(tomas).toMatchObject({ name: 'Vega, Tomás', time_zone: 'America/Chicago' })

    await upload('clients.csv', csv)
    await page.getByRole('button', { name: 'Check the file' }).click()
    await page.locator('.import-preview').getByText('2 already up to date', { exact: false }).waitFor()
  })

  it('shows the connected calendars: where Cal.com sends bookings, and the FHIR sync with what could not come in', async () => {
    await run.hearth.call('PATCH', '/v1/practice', {
      calcom: { webhook_secret: 'calcom-e2e-secret', therapists: { 'sam.okafor@cal.example': okafor.id } },
      // Nothing listens on port 9: the sync says so, in plain words, and nothing else changes.
      fhir: { base_url: 'http://127.0.0.1:9/fhir' },
    })
    await page.reload()
    await tab('Import')
    const panel = page.locator('.connections')
    await panel.getByText('Bookings arrive from Cal.com for 1 therapist.').waitFor()
    expect(await panel.getByLabel('The address to paste into Cal.com').inputValue()).toContain(
      '/v1/inbound/calcom?practice=demo',
    )
    await panel.getByText('Not synced yet.').waitFor()
    await panel.getByRole('button', { name: 'Sync now' }).click()
    await panel.getByText('could not come in', { exact: false }).waitFor()
    await check('console-import-05-connections', panel)
  })
})
