import { type Context, Hono } from 'hono'
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server'
import type { AppEnv, Deps } from '../deps'
import { enforceLimits, LIMITS } from '../auth/rate-limit'
import { audit } from '../audit/queries'
import { iso } from '../db/rows'
import { asSystem, inPractice } from '../db/tenant'
import { ApiError, notFound } from '../http/errors'
import { describe, input } from '../http/openapi/describe'
import { pathId } from '../http/params'
import {
  Passkey,
  PasskeyCreationOptions,
  PasskeyList,
  PasskeyRegister,
  PasskeyRequestOptions,
  PasskeySignIn,
} from '../../shared/schemas/passkeys'
import { StaffSignInState } from '../../shared/schemas/staff'
import { writeStaffCookie } from './cookie'
import { checkAssertion, registerPasskey, registrationOptions, signInOptions } from './passkey'
import { deletePasskey, listPasskeys, markPasskeySession, type PasskeyRow } from './passkey-queries'
import { choosePractice, findStaffByEmail, findStaffUser, secondFactorsOf } from './queries'
import {
  completeSecondFactor,
  loadStaffSession,
  openPersonSession,
  openStaffSession,
  requestOrigin,
  staffActor,
  staffSession,
} from './session'
import type { LiveSession } from './session-queries'

/** Unknown, someone else's, cloned, replayed or from another site: one answer, nothing revealed. */
const wrongPasskey = () =>
  new ApiError('passkey_rejected', "That passkey didn't work. Try again, or sign in with a code by email instead.")
const notAdded = () =>
  new ApiError('passkey_rejected', "That passkey couldn't be added. Please try again from the start.")

const address = (deps: Deps, c: Context) => deps.clientIp?.(c) || 'unknown'

const summary = (row: PasskeyRow) => ({
  id: row.id,
  name: row.name,
  transports: row.transports,
  created_at: iso(row.created_at),
  last_used_at: row.last_used_at ? iso(row.last_used_at) : null,
})

/**
 * POST /v1/staff/auth/passkey/options and POST /v1/staff/auth/passkey. A cookie at the second
 * factor step makes the passkey that step; without one it signs in from nothing: a passkey that
 * verified its user is both factors.
 */
export function staffPasskeySignInRoutes(deps: Deps) {
  const app = new Hono<AppEnv>()

  const atSecondFactor = (c: Context<AppEnv>) =>
    loadStaffSession(deps, c, ['second_factor']).catch((error: unknown) => {
      // A dead or unfinished cookie is no reason to refuse signing in afresh; a foreign Origin is.
      if (error instanceof ApiError && error.code === 'unauthorized') return null
      throw error
    })

  app.post(
    '/options',
    describe({
      summary: 'Options for signing in with a passkey (WebAuthn `navigator.credentials.get`)',
      tags: ['staff sign-in'],
      auth: 'none',
      description:
        'Without a session: discoverable credentials (no `allowCredentials`), user verification required. ' +
        'With a session cookie at the `second_factor` step: the person’s own passkeys. The challenge works once, for 5 minutes.',
      responses: { 200: { description: 'Pass to `startAuthentication()`', schema: PasskeyRequestOptions } },
    }),
    async (c) => {
      const session = await atSecondFactor(c)
      if (!session) await enforceLimits(deps, [{ limit: LIMITS.passkeyOptionsPerIp, key: address(deps, c) }])
      const options = await asSystem(deps.sql, (tx) =>
        signInOptions(
          tx,
          deps,
          session ? { session: { id: session.id, practiceId: session.practice!.id }, userId: session.user!.id } : null,
        ),
      )
      return c.json(options)
    },
  )

  app.post(
    '/',
    describe({
      summary: 'Sign in with a passkey: from nothing (both factors), or as the second factor after the code',
      tags: ['staff sign-in'],
      auth: 'none',
      description:
        'Checked against its challenge (once), Hearth’s origin and RP id, the stored public key and counter (a counter that did not move on is refused). ' +
        'Any failure, including a passkey Hearth does not know, answers 400 `passkey_rejected`. `next` is `done`, or ' +
        '`choose_practice` when the email is staff at several practices (choosing the passkey’s own needs nothing more).',
      responses: { 200: { description: 'Signed in (a new session cookie)', schema: StaffSignInState } },
    }),
    input('json', PasskeySignIn),
    async (c) => {
      const response = c.req.valid('json').response as AuthenticationResponseJSON
      const session = await atSecondFactor(c)
      const result = session ? await asSecondFactor(c, session, response) : await fromNothing(c, response)
      if (!result) throw wrongPasskey()
      writeStaffCookie(c, deps.publicUrl, result.token)
      return c.json(result.state)
    },
  )

  async function fromNothing(c: Context<AppEnv>, response: AuthenticationResponseJSON) {
    await enforceLimits(deps, [{ limit: LIMITS.verifyPerIp, key: address(deps, c) }])
    const { ip, userAgent } = requestOrigin(deps, c)
    // A refusal still spends the challenge, so the outcome is returned and the error thrown after commit.
    return asSystem(deps.sql, async (tx) => {
      const outcome = await checkAssertion(tx, deps, response, { purpose: 'sign_in', sessionId: null, userId: null })
      if (!outcome.ok) {
        if (outcome.passkey) await auditRejected(tx, outcome.passkey, outcome.detail, { ip, userAgent })
        return null
      }
      const { passkey } = outcome
      const user = await findStaffUser(tx, passkey.practice_id, passkey.user_id)
      if (!user || user.invited) return null
      const actor = { kind: 'staff' as const, id: user.id, name: user.name, ip, userAgent }
      const people = await findStaffByEmail(tx, user.email)
      const person = people.find((p) => p.id === user.id)
      if (!person) return null
      if (people.length > 1) {
        const { token, sessionId } = await openStaffSession(tx, deps, {
          email: user.email,
          stage: 'choose_practice',
          user: null,
          ip,
          userAgent,
        })
        await markPasskeySession(tx, sessionId, user.id)
        await audit(tx, {
          practiceId: user.practice_id,
          actor,
          action: 'staff.passkey_accepted',
          subject: { kind: 'staff_session', id: sessionId },
          detail: { method: 'passkey', passkey_id: passkey.id },
        })
        return { token, state: choosePractice(people) }
      }
      const opened = await openPersonSession(tx, deps, person, 'second_factor', { ip, userAgent })
      const token = await completeSecondFactor(tx, deps, { id: opened.sessionId }, 'passkey')
      await audit(tx, {
        practiceId: user.practice_id,
        actor,
        action: 'staff.signed_in',
        subject: { kind: 'staff_session', id: opened.sessionId },
        detail: { method: 'passkey', passkey_id: passkey.id },
      })
      return { token, state: { next: 'done' as const } }
    })
  }

  async function asSecondFactor(c: Context<AppEnv>, session: LiveSession, response: AuthenticationResponseJSON) {
    const user = session.user!
    const practiceId = session.practice!.id
    await enforceLimits(deps, [{ limit: LIMITS.secondFactorPerUser, key: user.id }])
    return asSystem(deps.sql, async (tx) => {
      const outcome = await checkAssertion(tx, deps, response, {
        purpose: 'second_factor',
        sessionId: session.id,
        userId: user.id,
      })
      await audit(tx, {
        practiceId,
        actor: staffActor(deps, c, session),
        action: outcome.ok ? 'staff.signed_in' : 'staff.second_factor_rejected',
        subject: { kind: 'staff_session', id: session.id },
        detail: {
          method: 'passkey',
          ...(outcome.passkey && { passkey_id: outcome.passkey.id }),
          ...(!outcome.ok && { reason: outcome.detail ?? outcome.reason }),
        },
      })
      if (!outcome.ok) return null
      return { token: await completeSecondFactor(tx, deps, session, 'passkey'), state: { next: 'done' as const } }
    })
  }

  return app
}

/** A known passkey that failed (a cloned counter, another site's origin): its owner's practice sees it. */
async function auditRejected(
  tx: Parameters<typeof audit>[0],
  passkey: PasskeyRow,
  reason: string | undefined,
  where: { ip: string | null; userAgent: string | null },
) {
  const user = await findStaffUser(tx, passkey.practice_id, passkey.user_id)
  await audit(tx, {
    practiceId: passkey.practice_id,
    actor: user ? { kind: 'staff', id: user.id, name: user.name, ...where } : { kind: 'system' },
    action: 'staff.passkey_rejected',
    subject: { kind: 'staff_user', id: passkey.user_id },
    detail: { passkey_id: passkey.id, reason: reason ?? 'signature' },
  })
}

/** /v1/staff/me/passkeys: the signed-in person's own passkeys. */
export function staffPasskeyRoutes(deps: Deps) {
  const app = new Hono<AppEnv>()
  // Adding a passkey is part of signing in when the practice requires a second factor.
  const signingIn = staffSession(deps, ['enroll_second_factor', 'done'])

  app.post(
    '/options',
    describe({
      summary: 'Options for adding a passkey (WebAuthn `navigator.credentials.create`)',
      tags: ['staff accounts'],
      auth: 'staff',
      description:
        'A discoverable credential with user verification, attestation `none`; the person’s passkeys are in `excludeCredentials`. ' +
        'The challenge works once, for 5 minutes, for this session only.',
      responses: { 200: { description: 'Pass to `startRegistration()`', schema: PasskeyCreationOptions } },
    }),
    signingIn,
    async (c) => {
      const session = c.var.staff
      const options = await inPractice(deps.sql, session.practice!.id, (tx) =>
        registrationOptions(tx, deps, {
          session: { id: session.id, practiceId: session.practice!.id },
          user: session.user!,
          practiceName: session.practice!.name,
        }),
      )
      return c.json(options)
    },
  )

  app.post(
    '/',
    describe({
      summary: 'Add a passkey from `startRegistration()`’s answer, with a name the person chooses',
      tags: ['staff accounts'],
      auth: 'staff',
      description:
        'While enrolling a second factor (`enroll_second_factor`) this finishes signing in: a new session cookie. ' +
        'A wrong, replayed or expired answer is 400 `passkey_rejected`.',
      responses: { 201: { description: 'The passkey', schema: Passkey } },
    }),
    signingIn,
    input('json', PasskeyRegister),
    async (c) => {
      const session = c.var.staff
      const { response, name } = c.req.valid('json')
      const practiceId = session.practice!.id
      const added = await inPractice(deps.sql, practiceId, async (tx) => {
        const outcome = await registerPasskey(tx, deps, response as RegistrationResponseJSON, {
          session: { id: session.id, practiceId },
          userId: session.user!.id,
          name: name ?? 'Passkey',
        })
        if (!outcome.ok) return null
        await audit(tx, {
          practiceId,
          actor: staffActor(deps, c, session),
          action: 'staff.passkey_added',
          subject: { kind: 'staff_user', id: session.user!.id },
          detail: { passkey_id: outcome.passkey.id },
        })
        const token =
          session.stage === 'enroll_second_factor' ? await completeSecondFactor(tx, deps, session, 'passkey') : null
        return { passkey: outcome.passkey, token }
      })
      if (!added) throw notAdded()
      if (added.token) writeStaffCookie(c, deps.publicUrl, added.token)
      return c.json(summary(added.passkey), 201)
    },
  )

  app.get(
    '/',
    describe({
      summary: 'The signed-in person’s passkeys',
      tags: ['staff accounts'],
      auth: 'staff',
      responses: { 200: { description: 'Their passkeys, oldest first', schema: PasskeyList } },
    }),
    staffSession(deps),
    async (c) => {
      const { practice, user } = c.var.staff
      const rows = await inPractice(deps.sql, practice!.id, (tx) => listPasskeys(tx, practice!.id, user!.id), {
        read: true,
      })
      return c.json({ data: rows.map(summary), next_cursor: null })
    },
  )

  app.delete(
    '/:id',
    describe({
      summary: 'Remove one of the person’s own passkeys',
      tags: ['staff accounts'],
      auth: 'staff',
      description:
        '404 for a passkey that is not theirs; 409 when the practice requires a second factor and this is the last one.',
      responses: { 204: { description: 'Removed' } },
    }),
    staffSession(deps),
    async (c) => {
      const session = c.var.staff
      const practiceId = session.practice!.id
      const userId = session.user!.id
      const id = pathId(c.req.param('id'), 'That passkey')
      await inPractice(deps.sql, practiceId, async (tx) => {
        const factors = await secondFactorsOf(tx, practiceId, userId)
        const own = await listPasskeys(tx, practiceId, userId)
        if (!own.some((row) => row.id === id)) throw notFound('That passkey')
        const lastOne = !factors.includes('totp') && own.length === 1
        if (session.practice!.staff_second_factor === 'required' && lastOne) {
          throw new ApiError(
            'conflict',
            'Your practice requires a second factor. Add another passkey or an authenticator app before removing this one.',
          )
        }
        await deletePasskey(tx, practiceId, userId, id)
        await audit(tx, {
          practiceId,
          actor: staffActor(deps, c, session),
          action: 'staff.passkey_removed',
          subject: { kind: 'staff_user', id: userId },
          detail: { passkey_id: id },
        })
      })
      return c.body(null, 204)
    },
  )

  return app
}
