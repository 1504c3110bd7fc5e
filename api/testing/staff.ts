import { expect } from 'vitest'
import { asSystem } from '../db/tenant'
import { insertStaffUser, setStaffSecondFactor } from '../staff/queries'
import type { StaffRole } from '../../shared/policy/permissions'
import type { TestContext } from './app'
import { codeFromOutbox } from './portal'
import { openStaffSession } from '../staff/session'
import { staffCookieName } from '../staff/cookie'

let counter = 0

/** A staff member added straight to the database (as accepted), for tests about what comes after. */
export async function addStaff(
  t: TestContext,
  practiceId: string,
  values: { role: StaffRole; therapistId?: string | null; email?: string; name?: string },
) {
  return asSystem(t.sql, (tx) =>
    insertStaffUser(tx, {
      practiceId,
      role: values.role,
      therapistId: values.therapistId ?? null,
      name: values.name ?? `Staff ${values.role}`,
      email: values.email ?? `staff${Date.now().toString(36)}${counter++}@example.com`,
      phone: null,
      invited: false,
      now: t.clock.now(),
    }),
  )
}

/** The session cookie (`name=value`) a response set, if any. */
export function cookieFrom(headers: Headers): string | null {
  const header = headers.get('set-cookie')
  return header ? header.split(';')[0]! : null
}

/** Requests as a browser on Hearth's own pages would send them: the cookie, and Origin = PUBLIC_URL. */
export function asStaff(t: TestContext, cookie: string, origin = new URL(t.deps.publicUrl).origin) {
  return (method: string, path: string, options: { body?: unknown; headers?: Record<string, string> } = {}) =>
    t.call(method, path, { ...options, headers: { cookie, origin, ...options.headers } })
}

const ORIGIN = (t: TestContext) => ({ origin: new URL(t.deps.publicUrl).origin })

/** Emails a code, reads it from the development outbox and checks it: the cookie and the answer. */
export async function signInWithCode(t: TestContext, email: string) {
  const start = await t.call('POST', '/v1/staff/auth/start', { body: { email }, headers: ORIGIN(t) })
  expect(start.status, start.text).toBe(202)
  // Emails are compared as typed (any case, spaces trimmed); the outbox holds the address as stored.
  const code = await codeFromOutbox(t, email.trim().toLowerCase())
  const verify = await t.call('POST', '/v1/staff/auth/verify', { body: { email, code }, headers: ORIGIN(t) })
  expect(verify.status, verify.text).toBe(200)
  const cookie = cookieFrom(verify.headers)
  expect(cookie).toBeTruthy()
  return { cookie: cookie!, state: verify.body, headers: verify.headers }
}

/** A staff member of `role`, signed in with their code (the practice's second factor set to optional). */
export async function signedInStaff(
  t: TestContext,
  practiceId: string,
  values: { role: StaffRole; therapistId?: string | null; email?: string; name?: string },
) {
  await asSystem(t.sql, (tx) => setStaffSecondFactor(tx, practiceId, 'optional'))
  const user = await addStaff(t, practiceId, values)
  const { cookie, state } = await signInWithCode(t, user.email)
  expect(state.next).toBe('done')
  return { user, cookie, call: asStaff(t, cookie) }
}

/**
 * A signed-in session for `user`, opened at the test clock's time without the email round trip
 * (which is rate-limited): for tests that sign the same person in again and again.
 */
export async function staffSessionNow(t: TestContext, user: { id: string; practice_id: string; email: string }) {
  const { token } = await asSystem(t.sql, (tx) =>
    openStaffSession(tx, t.deps, {
      email: user.email,
      stage: 'done',
      user: { id: user.id, practiceId: user.practice_id, idleMinutes: 60 },
      ip: null,
      userAgent: null,
    }),
  )
  return `${staffCookieName(t.deps.publicUrl)}=${token}`
}
