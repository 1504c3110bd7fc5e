import type { Page } from 'playwright-core'
import { ADMIN_KEY, type RunningHearth } from './server'

/** Who signs in to the console: the practice's admin, or one therapist. */
export type StaffPerson = { role: 'admin' } | { role: 'therapist'; therapistId: string; name: string }

/**
 * Signs `page` (already at /staff) in to the console as `who`, and waits for the console to show
 * who is signed in. The one place e2e tests know how staff sign in: today with an API key.
 */
export async function signInToConsole(page: Page, hearth: RunningHearth, who: StaffPerson): Promise<void> {
  const key =
    who.role === 'admin'
      ? ADMIN_KEY
      : (
          await hearth.call('POST', '/v1/api-keys', {
            role: 'therapist',
            therapist_id: who.therapistId,
            name: who.name,
          })
        ).key
  await page.getByLabel('API key').fill(key)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByText('Signed in as', { exact: false }).waitFor()
}
