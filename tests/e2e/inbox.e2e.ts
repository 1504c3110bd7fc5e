import type { BrowserContext, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { checkScreen, openPage } from './browser'
import { portalToken, bookSession } from './server'
import { hearthAndChromium } from './for-file'
import { type DemoStaff, signInToConsole as signInAs } from './staff-sign-in'

/**
 * The inbox end to end, against the real server and the demo practice: a client writes from the
 * portal; Dr. Rivera opens the console's Inbox, reads it (it is then read), sees her contact
 * policy beside the reply box and replies; the client's portal shows the reply. An admin hands
 * the thread to another therapist. axe-core on every screen, screenshots at 1280 and 320 px.
 */

const run = hearthAndChromium()
let context: BrowserContext
let page: Page
let riveraId: string
const CLIENT = { name: 'Noor Haddad', email: 'noor.haddad@inbox.example' }
const WORDS = 'Could we move next week to the morning?'
const REPLY = 'Yes, Tuesday at 9:00 works. I have put it in.'

beforeAll(async () => {
  const therapists = (await run.hearth.call('GET', '/v1/therapists')).data as { id: string; name: string }[]
  riveraId = therapists.find((t) => t.name === 'Dr. Maya Rivera')!.id
  const client = await run.hearth.call('POST', '/v1/clients', { ...CLIENT, time_zone: 'America/New_York' })
  const starts = new Date(Date.now() + 5 * 86_400_000)
  starts.setUTCHours(15, 0, 0, 0)
  await bookSession(run.hearth, { external_id: 'inbox-e2e', therapist_id: riveraId, client_id: client.id, starts })
  const token = await portalToken(run.hearth, CLIENT.email)
  const sent = await fetch(`${run.hearth.base}/v1/portal/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ category: 'scheduling', body: WORDS }),
  })
  expect(sent.status).toBe(201)
})

const check = (name: string) => checkScreen(page, name)

async function newPage(path: string) {
  await context?.close()
  ;({ context, page } = await openPage(run.browser))
  await page.goto(`${run.hearth.base}${path}`)
}

async function signInToConsole(who: DemoStaff) {
  await newPage('/staff')
  await signInAs(page, run.hearth, who)
  await page.getByRole('link', { name: 'Inbox' }).click()
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Inbox')
}

const thread = () => page.getByRole('button', { name: new RegExp(`^${CLIENT.name}`) })

describe('the inbox', () => {
  it('shows Dr. Rivera the thread with its unread count, then the conversation beside her policy', async () => {
    await signInToConsole('rivera')
    await thread().waitFor()
    expect(await thread().textContent()).toContain('1 unread')
    await check('inbox-01-threads')

    await thread().click()
    const conversation = page.getByRole('region', { name: `Conversation with ${CLIENT.name}` })
    await conversation.getByText(WORDS).waitFor()
    expect(await conversation.locator('.message-meta .chip').first().textContent()).toBe('Portal')
    const policy = page.getByRole('complementary', { name: 'What the client has been told' })
    await policy.getByText('usually replies within 2 business days', { exact: false }).waitFor()
    // Opening it read it: the count is gone from the list.
    await expect.poll(() => thread().textContent()).not.toContain('unread')
    await check('inbox-02-conversation')
  })

  it('replies; the client is told a message is waiting', async () => {
    await page.getByLabel('Your reply').fill(REPLY)
    await page.getByRole('button', { name: 'Send reply' }).click()
    await page.locator('.notice-done', { hasText: `Reply sent. ${CLIENT.name} will be told` }).waitFor()
    await page.locator('.message-staff', { hasText: REPLY }).waitFor()
    expect(await page.getByLabel('Your reply').inputValue()).toBe('')
    await check('inbox-03-replied')
  })

  it("shows the reply in the client's portal", async () => {
    // Where the reply notice's link leads: the portal's messages with this therapist.
    await newPage(`/portal/demo?show=messages&id=${riveraId}`)
    const frame = page.mainFrame()
    await frame.getByLabel('Your email address').fill(CLIENT.email)
    await frame.getByRole('button', { name: /code/i }).click()
    await frame.locator('#code').fill(await run.hearth.latestCode(CLIENT.email))
    await frame.locator('form button[type=submit]').click()
    await frame.getByText(REPLY).waitFor()
    await frame.getByText(WORDS).waitFor()
    await check('inbox-04-portal-reply')
  })

  it('lets an admin hand the thread to another therapist', async () => {
    await signInToConsole('owner')
    await thread().waitFor()
    expect(await thread().textContent()).toContain('with Dr. Maya Rivera')
    // A link into the console (as an alert's console_url) opens the thread itself.
    const threads = (await run.hearth.call('GET', '/v1/threads?limit=100')).data as {
      id: string
      client: { name: string }
    }[]
    const id = threads.find((t) => t.client.name === CLIENT.name)!.id
    await page.goto(`${run.hearth.base}/staff#inbox/${id}`)
    await page.reload()
    await page.getByText(REPLY).waitFor()
    expect(await thread().getAttribute('aria-current')).toBe('true')
    await page.getByLabel('Hand to').selectOption({ label: 'Sam Okafor, LCSW' })
    await check('inbox-05-admin')
    await page.getByRole('button', { name: 'Hand over' }).click()
    await page
      .locator('.notice-done', { hasText: `The conversation with ${CLIENT.name} is now with Sam Okafor, LCSW.` })
      .waitFor()
    await expect.poll(() => thread().textContent()).toContain('with Sam Okafor')
    const moved = await run.hearth.call('GET', '/v1/threads?limit=100')
    expect(moved.data.find((t: { client: { name: string } }) => t.client.name === CLIENT.name)).toBeTruthy()
  })
})
