import type { Page } from 'playwright-core'
import type { RunningHearth } from './server'

/** The demo practice's staff (api/seed/demo-staff.ts), by who they are in the tests. */
export const DEMO_STAFF = {
  owner: { email: 'owner@calmwaters.example', name: 'Priya Shah' },
  rivera: { email: 'maya.rivera@calmwaters.example', name: 'Dr. Maya Rivera' },
  okafor: { email: 'sam.okafor@calmwaters.example', name: 'Sam Okafor' },
  frontDesk: { email: 'frontdesk@calmwaters.example', name: 'Front desk' },
} as const
export type DemoStaff = keyof typeof DEMO_STAFF

type OutboxEntry = { id: string; subject: string; text: string }
const isSignInCode = (m: OutboxEntry) => /sign-in code|código|code de connexion/i.test(m.subject)

async function signInCodes(hearth: RunningHearth, email: string): Promise<OutboxEntry[]> {
  const outbox = await (await fetch(`${hearth.base}/dev/outbox?to=${encodeURIComponent(email)}`)).json()
  return ((outbox.data ?? []) as OutboxEntry[]).filter(isSignInCode)
}

/**
 * Asks for a code for `email` on the console's first step (the page is on it), and answers the
 * code the development outbox received: a new one, never one sent earlier.
 */
export async function emailedCode(page: Page, hearth: RunningHearth, email: string): Promise<string> {
  const before = new Set((await signInCodes(hearth, email)).map((m) => m.id))
  await page.getByLabel('Work email').fill(email)
  await page.getByRole('button', { name: 'Email me a code' }).click()
  for (let tries = 0; tries < 100; tries++) {
    const fresh = (await signInCodes(hearth, email)).find((m) => !before.has(m.id))
    const code = /\b(\d{6})\b/.exec(fresh?.text ?? '')?.[1]
    if (code) return code
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`No new sign-in code for ${email} in the outbox`)
}

/**
 * Signs `page` (already at /staff) in to the console as one of the demo staff, through the real
 * emailed-code flow, and waits for the console to show who is signed in. The one place e2e tests
 * know how staff sign in. The demo practice's second factor is optional: someone with an
 * authenticator app set up signs in with `totp` too.
 */
export async function signInToConsole(
  page: Page,
  hearth: RunningHearth,
  who: DemoStaff,
  options: { totp?: () => string } = {},
): Promise<void> {
  const code = await emailedCode(page, hearth, DEMO_STAFF[who].email)
  await page.getByLabel('6-digit code').fill(code)
  await page.getByRole('button', { name: 'Continue' }).click()
  if (options.totp) {
    await page.getByLabel('Code from your app').fill(options.totp())
    await page.getByRole('button', { name: 'Continue' }).click()
  }
  await page.getByText('Signed in as', { exact: false }).waitFor()
}
