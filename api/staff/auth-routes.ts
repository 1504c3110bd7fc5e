import { type Context, Hono } from 'hono'
import type { AppEnv, Deps } from '../deps'
import { enforceLimits, LIMITS } from '../auth/rate-limit'
import { CODE_TTL_MS } from '../auth/sign-in-code'
import { answerCodeRequested } from '../auth/send-in-background'
import { audit } from '../audit/queries'
import type { Tx } from '../db/connect'
import { asSystem } from '../db/tenant'
import { ApiError, notFound } from '../http/errors'
import { describe, input } from '../http/openapi/describe'
import { t } from '../i18n'
import { stepAfterFirstFactor } from '../../shared/policy/staff-sign-in'
import {
  type SecondFactorSetting,
  StaffAuthStart,
  StaffAuthVerify,
  StaffChoosePractice,
  StaffCodeSent,
  StaffRecoveryCode,
  StaffSignInState,
  StaffTotpCode,
} from '../../shared/schemas/staff'
import { answerSignedIn, clearStaffCookie, writeStaffCookie } from './cookie'
import { passkeyUserOfSession } from './passkey-queries'
import { choosePractice, findStaffByEmail, secondFactorsOf, type StaffUserRow } from './queries'
import { checkStaffCode, issueStaffCode } from './sign-in-code'
import { checkRecoveryCode, checkTotp } from './second-factor'
import {
  bindPractice,
  completeSecondFactor,
  loadStaffSession,
  openPersonSession,
  openStaffSession,
  requestOrigin,
  staffSession,
} from './session'
import { endStaffSession } from './session-queries'

const wrongCode = () =>
  new ApiError('invalid_code', "That code didn't work. Check the newest email from Hearth, or send a new code.")
const wrongSecondFactor = () =>
  new ApiError('invalid_code', "That code didn't work. Check your authenticator app and try the newest code.")

const address = (deps: Deps, c: Context) => deps.clientIp?.(c) || 'unknown'

/** Where a person with this account stands right after their first factor. */
async function firstStep(tx: Tx, user: StaffUserRow & { second_factor: SecondFactorSetting }) {
  const factors = await secondFactorsOf(tx, user.practice_id, user.id)
  return { next: stepAfterFirstFactor(user.second_factor, factors), factors }
}

const stateOf = (next: StaffSignInState['next'], factors: StaffSignInState['second_factors']) =>
  next === 'second_factor' ? { next, second_factors: factors } : { next }

export function staffAuthRoutes(deps: Deps) {
  const app = new Hono<AppEnv>()

  app.post(
    '/start',
    describe({
      summary: 'Email a 6-digit sign-in code to a staff member (202 whether or not the email is staff)',
      tags: ['staff sign-in'],
      auth: 'none',
      description:
        'The answer is the same, and takes as long, for any email. A code works for 10 minutes and dies after 5 wrong tries; ' +
        'a new code replaces the old one. Limited per email and per address (429).',
      responses: { 202: { description: 'A code is on its way if the email is staff', schema: StaffCodeSent } },
    }),
    input('json', StaffAuthStart),
    async (c) => {
      const started = performance.now()
      const { email } = c.req.valid('json')
      await enforceLimits(deps, [
        { limit: LIMITS.codePerEmail, key: `staff:${email}` },
        { limit: LIMITS.codePerIp, key: address(deps, c) },
      ])
      const message = await asSystem(deps.sql, async (tx) => {
        const people = await findStaffByEmail(tx, email)
        const code = await issueStaffCode(tx, deps, email)
        if (people.length === 0) return null
        for (const person of people) {
          await audit(tx, {
            practiceId: person.practice_id,
            actor: { kind: 'system' },
            action: 'staff.code_sent',
            subject: { kind: 'staff_user', id: person.id },
          })
        }
        const practice = people.length === 1 ? people[0]!.practice_name : 'Hearth'
        return {
          to: email,
          subject: t('en', 'signin.email.subject', { practice }),
          text: [
            t('en', 'signin.email.code', { practice, code }),
            '',
            t('en', 'signin.email.expiry', { minutes: CODE_TTL_MS / 60_000 }),
          ].join('\n'),
          tags: { kind: 'staff_sign_in_code' },
        }
      })
      return answerCodeRequested(c, deps, started, message)
    },
  )

  app.post(
    '/verify',
    describe({
      summary: 'Check the emailed code and open a staff session (sets the session cookie)',
      tags: ['staff sign-in'],
      auth: 'none',
      description:
        'Any wrong, expired, replaced or locked code, or an email that is not staff, answers 400 `invalid_code`. ' +
        '`next` says what is left: `done`, `second_factor` (`second_factors` lists which), `enroll_second_factor` ' +
        '(the practice requires one and the person has none), or `choose_practice` (the email is staff at several; ' +
        '`practices` lists them, `POST /v1/staff/auth/practice` picks one). Until `next` is `done` the session can only finish signing in.',
      responses: { 200: { description: 'Signed in as far as `next` says', schema: StaffSignInState } },
    }),
    input('json', StaffAuthVerify),
    async (c) => {
      const { email, code } = c.req.valid('json')
      await enforceLimits(deps, [{ limit: LIMITS.verifyPerIp, key: address(deps, c) }])
      const { ip, userAgent } = requestOrigin(deps, c)
      // A wrong guess must stay counted though the answer is an error, so the outcome is returned.
      const opened = await asSystem(deps.sql, async (tx) => {
        const people = await findStaffByEmail(tx, email)
        const ok = await checkStaffCode(tx, deps, email, code)
        if (!ok || people.length === 0) return null
        if (people.length > 1) {
          const { token } = await openStaffSession(tx, deps, {
            email,
            stage: 'choose_practice',
            user: null,
            ip,
            userAgent,
          })
          return { token, state: choosePractice(people) }
        }
        const person = people[0]!
        const { next, factors } = await firstStep(tx, person)
        const { token, sessionId } = await openPersonSession(tx, deps, person, next, { ip, userAgent })
        await audit(tx, {
          practiceId: person.practice_id,
          actor: { kind: 'staff', id: person.id, name: person.name, ip, userAgent },
          action: next === 'done' ? 'staff.signed_in' : 'staff.code_accepted',
          subject: { kind: 'staff_session', id: sessionId },
          detail: { method: 'code' },
        })
        return { token, state: stateOf(next, factors) }
      })
      if (!opened) throw wrongCode()
      writeStaffCookie(c, deps.publicUrl, opened.token)
      return c.json(opened.state)
    },
  )

  app.get(
    '/',
    describe({
      summary: 'Where signing in stands for this session cookie',
      tags: ['staff sign-in'],
      auth: 'staff',
      responses: { 200: { description: 'What is left to do', schema: StaffSignInState } },
    }),
    staffSession(deps, ['choose_practice', 'second_factor', 'enroll_second_factor', 'done']),
    async (c) => {
      const session = c.var.staff
      if (session.stage === 'choose_practice') {
        const people = await asSystem(deps.sql, (tx) => findStaffByEmail(tx, session.email))
        return c.json(choosePractice(people))
      }
      const factors = await asSystem(deps.sql, (tx) => secondFactorsOf(tx, session.practice!.id, session.user!.id))
      return c.json(stateOf(session.stage, factors))
    },
  )

  app.post(
    '/practice',
    describe({
      summary: 'Choose which practice to sign in to, when the email is staff at several',
      tags: ['staff sign-in'],
      auth: 'staff',
      responses: { 200: { description: 'What is left to do', schema: StaffSignInState } },
    }),
    staffSession(deps, ['choose_practice']),
    input('json', StaffChoosePractice),
    async (c) => {
      const session = c.var.staff
      const { practice_id } = c.req.valid('json')
      const bound = await asSystem(deps.sql, async (tx) => {
        const person = (await findStaffByEmail(tx, session.email)).find((p) => p.practice_id === practice_id)
        if (!person) return null
        // A passkey that verified its user was both factors, for its own account only.
        const viaPasskey = (await passkeyUserOfSession(tx, session.id)) === person.id
        const { next, factors } = viaPasskey ? { next: 'done' as const, factors: [] } : await firstStep(tx, person)
        const bound = { practiceId: person.practice_id, userId: person.id }
        let token = await bindPractice(tx, session, { ...bound, stage: viaPasskey ? 'second_factor' : next })
        if (viaPasskey) token = await completeSecondFactor(tx, deps, session, 'passkey')
        await audit(tx, {
          practiceId: person.practice_id,
          actor: { kind: 'staff', id: person.id, name: person.name, ...requestOrigin(deps, c) },
          action: next === 'done' ? 'staff.signed_in' : 'staff.code_accepted',
          subject: { kind: 'staff_session', id: session.id },
          detail: { method: viaPasskey ? 'passkey' : 'code' },
        })
        return { token, state: stateOf(next, factors) }
      })
      if (!bound) throw notFound('That practice')
      writeStaffCookie(c, deps.publicUrl, bound.token)
      return c.json(bound.state)
    },
  )

  app.post(
    '/totp',
    describe({
      summary: 'The second factor: a code from the authenticator app (each code works once)',
      tags: ['staff sign-in'],
      auth: 'staff',
      description: 'A wrong, old or already used code answers 400 `invalid_code`; ten tries per 15 minutes.',
      responses: { 200: { description: 'Signed in (a new session cookie)', schema: StaffSignInState } },
    }),
    staffSession(deps, ['second_factor']),
    input('json', StaffTotpCode),
    async (c) => finishWith(c, 'totp', c.req.valid('json').code),
  )

  app.post(
    '/recovery',
    describe({
      summary: 'The second factor when the authenticator is lost: one of the ten recovery codes (each works once)',
      tags: ['staff sign-in'],
      auth: 'staff',
      responses: { 200: { description: 'Signed in (a new session cookie)', schema: StaffSignInState } },
    }),
    staffSession(deps, ['second_factor']),
    input('json', StaffRecoveryCode),
    async (c) => finishWith(c, 'recovery_code', c.req.valid('json').code),
  )

  async function finishWith(c: Context<AppEnv>, method: 'totp' | 'recovery_code', code: string) {
    const session = c.var.staff
    const user = session.user!
    const practiceId = session.practice!.id
    await enforceLimits(deps, [{ limit: LIMITS.secondFactorPerUser, key: user.id }])
    const actor = { kind: 'staff' as const, id: user.id, name: user.name, ...requestOrigin(deps, c) }
    const token = await asSystem(deps.sql, async (tx) => {
      const ok =
        method === 'totp'
          ? await checkTotp(tx, deps, { practiceId, userId: user.id, code })
          : await checkRecoveryCode(tx, deps, { practiceId, userId: user.id, code })
      await audit(tx, {
        practiceId,
        actor,
        action: ok ? 'staff.signed_in' : 'staff.second_factor_rejected',
        subject: { kind: 'staff_session', id: session.id },
        detail: { method },
      })
      return ok ? completeSecondFactor(tx, deps, session, method) : null
    })
    if (!token) throw method === 'totp' ? wrongSecondFactor() : wrongRecoveryCode()
    return answerSignedIn(c, deps.publicUrl, token)
  }

  app.post(
    '/logout',
    describe({
      summary: 'Sign out: the session ends at once and the cookie is cleared',
      tags: ['staff sign-in'],
      auth: 'staff',
      responses: { 204: { description: 'Signed out' } },
    }),
    async (c) => {
      const session = await loadStaffSession(deps, c, [
        'choose_practice',
        'second_factor',
        'enroll_second_factor',
        'done',
      ]).catch((error: unknown) => {
        // An ended session is already signed out; a foreign Origin is still refused.
        if (error instanceof ApiError && error.code === 'unauthorized') return null
        throw error
      })
      if (session) {
        await asSystem(deps.sql, async (tx) => {
          await endStaffSession(tx, session.id, deps.clock(), 'logout')
          if (session.user && session.practice) {
            await audit(tx, {
              practiceId: session.practice.id,
              actor: { kind: 'staff', id: session.user.id, name: session.user.name, ...requestOrigin(deps, c) },
              action: 'staff.signed_out',
              subject: { kind: 'staff_session', id: session.id },
            })
          }
        })
      }
      clearStaffCookie(c, deps.publicUrl)
      return c.body(null, 204)
    },
  )

  return app
}

const wrongRecoveryCode = () =>
  new ApiError('invalid_code', "That recovery code didn't work. Each one works once; try another from your list.")
