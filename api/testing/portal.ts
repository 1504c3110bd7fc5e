import { expect } from 'vitest'
import { startSession } from '../portal/session'
import { inPractice } from '../db/tenant'
import type { TestContext } from './app'

/** The 6-digit code in the newest sign-in email to `email`, read the way a developer would: GET /dev/outbox. */
export async function codeFromOutbox(t: TestContext, email: string): Promise<string> {
  const outbox = await t.call('GET', `/dev/outbox?to=${encodeURIComponent(email)}`)
  // Newest first; the subject is in the client's language, so look for the code itself.
  const newest = outbox.body.data.find((m: { text: string }) => /\b\d{6}\b/.test(m.text))
  const code = /\b(\d{6})\b/.exec(newest?.text ?? '')?.[1]
  expect(code, `no sign-in code in the outbox for ${email}`).toBeDefined()
  return code!
}

/** Signs a client in through the real flow (start, outbox, verify) and returns the session. */
export async function signIn(
  t: TestContext,
  practice: string,
  email: string,
): Promise<{ access_token: string; refresh_token: string; expires_in: number }> {
  const start = await t.call('POST', '/v1/portal/auth/start', { body: { practice, email } })
  expect(start.status, start.text).toBe(202)
  const code = await codeFromOutbox(t, email)
  const verify = await t.call('POST', '/v1/portal/auth/verify', { body: { practice, email, code } })
  expect(verify.status, verify.text).toBe(200)
  return verify.body
}

/**
 * A session opened at the test clock's current time, without the email round trip: for tests
 * that move the clock past the access token's 15 minutes.
 */
export async function sessionNow(t: TestContext, practiceId: string, clientId: string) {
  return inPractice(t.sql, practiceId, (tx) => startSession(tx, t.deps, { practiceId, clientId, method: 'code' }))
}
