import { readFile } from 'node:fs/promises'
import type { BrowserContext, Locator, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { checkScreen } from './browser'
import type { RunningHearth } from './server'
import { hearthAndChromium } from './for-file'
import { signInToConsole } from './staff-sign-in'

/**
 * The practice's Team, Integrations and Audit screens against the real server and the demo
 * practice: invite a therapist (the invitation email lands in the development outbox), create an
 * API key (shown once, copied, and it works) and revoke it (it stops working), then find all of
 * that in the audit log and download it as CSV. axe-core on every screen, screenshots at 1280 and 320.
 */

/** How this test signs in to the console: the one place to change when people sign in as themselves. */
async function signIn(page: Page, hearth: RunningHearth) {
  await page.goto(`${hearth.base}/staff`)
  await signInToConsole(page, hearth, 'owner')
}

const run = hearthAndChromium()
let context: BrowserContext
let page: Page
let morgan: { id: string; name: string }
let zone: string
const INVITEE = 'alex.morgan@team.example'

beforeAll(async () => {
  zone = (await run.hearth.call('GET', '/v1/practice')).time_zone
  morgan = await run.hearth.call('POST', '/v1/therapists', {
    name: 'Dr. Alex Morgan',
    email: 'alex.morgan@therapists.example',
    time_zone: zone,
  })
  context = await run.browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    acceptDownloads: true,
  })
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: run.hearth.base })
  page = await context.newPage()
  page.on('pageerror', (error) => console.error('page error:', error.message))
  await signIn(page, run.hearth)
})

/** The screen itself (the live region outside it repeats what was just said). */
const main = () => page.locator('#main')

const check = (name: string, focus?: Locator) => checkScreen(page, name, { focus })

async function open(tab: 'Team' | 'Integrations' | 'Audit', heading: string) {
  await page.getByRole('navigation').getByRole('link', { name: tab, exact: true }).click()
  await page.getByRole('heading', { level: 1, name: heading }).waitFor()
}

const withKey = (key: string) => (path: string) =>
  fetch(`${run.hearth.base}${path}`, { headers: { authorization: `Bearer ${key}` } }).then((r) => r.status)

describe('Team, Integrations and Audit in the staff console', () => {
  it('invites a therapist bound to their record; the invitation email is sent', async () => {
    await open('Team', 'Team')
    await main().getByText('Priya Shah').waitFor()
    await check('staff-team', main().getByRole('listitem').first())

    await main().getByText('Invite someone').click()
    const form = page.locator('details').filter({ hasText: 'Invite someone' })
    await form.getByLabel('Name').fill('Alex Morgan')
    await form.getByLabel('Email').fill(INVITEE)
    await form.getByLabel('Role').selectOption('therapist')
    await form.getByLabel('Which therapist they are').selectOption(morgan.id)
    await form.getByRole('button', { name: 'Send invitation' }).click()
    await main().getByText(`Invitation sent to ${INVITEE}. The link works for 7 days.`).waitFor()
    const card = page.getByRole('listitem').filter({ hasText: INVITEE })
    await card.getByText(/Invited · the link works until/).waitFor()
    await card.getByText('Works as Dr. Alex Morgan').waitFor()

    const users = (await run.hearth.call('GET', '/v1/staff/users')).data as {
      email: string
      role: string
      status: string
      therapist_id: string | null
    }[]
    expect(users.find((u) => u.email === INVITEE)).toMatchObject({
      role: 'therapist',
      status: 'invited',
      therapist_id: morgan.id,
    })
    let mail: { subject: string; text: string }[] = []
    for (let tries = 0; tries < 50 && mail.length === 0; tries++) {
      mail = (await (await fetch(`${run.hearth.base}/dev/outbox?to=${encodeURIComponent(INVITEE)}`)).json()).data ?? []
      if (!mail.length) await new Promise((r) => setTimeout(r, 100))
    }
    expect(mail).toHaveLength(1)
    expect(mail[0]!.text).toMatch(/https?:\/\//)

    // The remove step asks first, calmly, and says sessions end at once.
    await page
      .getByRole('listitem')
      .filter({ hasText: 'frontdesk@calmwaters.example' })
      .getByRole('button', { name: 'Remove' })
      .click()
    await main()
      .getByText(/signed out everywhere at once/)
      .waitFor()
    await check('staff-team-remove', main().locator('.confirm-step'))
    await page.getByRole('button', { name: 'Keep as it is' }).click()
  })

  it('creates an API key shown once with a copy button, then revokes it', async () => {
    await open('Integrations', 'Integrations')
    await check('staff-integrations', main().getByRole('listitem').first())

    await main().getByText('Create a key', { exact: true }).click()
    await page.getByLabel('What it’s for').fill('EHR sync')
    await page.getByLabel('Can use').selectOption('admin')
    await page.getByRole('button', { name: 'Create key' }).click()
    const secret = page.getByLabel('Key', { exact: true })
    await secret.waitFor()
    const key = await secret.inputValue()
    expect(key.length).toBeGreaterThan(20)
    await main()
      .getByText(/Hearth shows it only this once/)
      .waitFor()
    await page.getByRole('button', { name: 'Copy key' }).click()
    await main().getByText('Copied.').waitFor()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key)
    expect(await withKey(key)('/v1/whoami')).toBe(200)
    await check('staff-integrations-key-once', main().locator('.key-once'))
    await page.getByRole('button', { name: 'I’ve put it somewhere safe' }).click()
    expect(await page.getByLabel('Key', { exact: true }).count()).toBe(0)

    const card = page.getByRole('listitem').filter({ hasText: 'EHR sync' })
    await card.getByText('The whole practice').waitFor()
    await card.getByRole('button', { name: 'Revoke' }).click()
    await card.getByText(/Anything using this key stops working at once/).waitFor()
    await card.getByRole('button', { name: 'Yes, revoke it' }).click()
    await main().getByText('“EHR sync” is revoked. Nothing can use it any more.').waitFor()
    expect(await withKey(key)('/v1/whoami')).toBe(401)
  })

  it('shows the invitation and both key changes in the audit log, and downloads it as CSV', async () => {
    await open('Audit', 'Audit log')
    const table = page.locator('table.audit-table')
    await table.getByText('Invited someone to the team').first().waitFor()
    await table.getByText('Created an API key').first().waitFor()
    await table.getByText('Revoked an API key').first().waitFor()
    await check('staff-audit', table.locator('tbody tr').first())

    // The front desk has not signed in here, so nothing is theirs; then everyone's, today only.
    await page.getByLabel('Who').selectOption({ label: 'Front desk' })
    await page.getByRole('button', { name: 'Show', exact: true }).click()
    await main().getByText('Nothing matches these filters.').waitFor()
    await page.getByLabel('Who').selectOption({ label: 'Everyone' })
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date())
    await page.getByLabel('From').fill(today)
    await page.getByLabel('Until').fill(today)
    await page.getByRole('button', { name: 'Show', exact: true }).click()
    await table.getByText('Revoked an API key').first().waitFor()

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^hearth-audit-log-\d{4}-\d{2}-\d{2}\.csv$/)
    const csv = await readFile((await download.path())!, 'utf8')
    expect(csv.split('\r\n')[0]).toBe('at,actor_kind,actor_id,actor_name,action,subject_kind,subject_id,ip,user_agent')
    expect(csv).toContain('staff.invited')
    expect(csv).toContain('api_key.created')
    expect(csv).toContain('api_key.revoked')
    await main().getByText('The spreadsheet is downloaded.').waitFor()
  })
})
