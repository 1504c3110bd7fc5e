import { type Context, Hono } from 'hono'
import type { AppEnv, Deps } from '../deps'
import { audit } from '../audit/queries'
import { iso } from '../db/rows'
import { inPractice } from '../db/tenant'
import { ApiError, notFound } from '../http/errors'
import { describe, input } from '../http/openapi/describe'
import { pathId } from '../http/params'
import {
  RecoveryCodes,
  SignedOutEverywhere,
  StaffMe,
  StaffSessionList,
  StaffSignInState,
  StaffTotpCode,
  TotpEnrolment,
} from '../../shared/schemas/staff'
import { answerSignedIn } from './cookie'
import { recoveryCodesLeft, secondFactorsOf } from './queries'
import { hashRecoveryCode, newRecoveryCodes } from './recovery'
import { replaceRecoveryCodes } from './recovery-queries'
import { checkTotp, startTotpEnrolment } from './second-factor'
import { completeSecondFactor, staffActor, staffSession } from './session'
import { endStaffSession, endUserSessions, listUserSessions } from './session-queries'
import { otpauthUrl } from './totp'
import { deleteTotp } from './totp-queries'

const wrongCode = () =>
  new ApiError('invalid_code', "That code didn't work. Check the time on your phone, then try the newest code.")

/** The signed-in person's own account: who they are, their factors, their sessions. */
export function staffMeRoutes(deps: Deps) {
  const app = new Hono<AppEnv>()
  // Enrolling TOTP is part of signing in when the practice requires a second factor.
  app.use('/totp', staffSession(deps, ['enroll_second_factor', 'done']))
  app.use('/totp/confirm', staffSession(deps, ['enroll_second_factor', 'done']))
  app.use('/', staffSession(deps))
  app.use('/recovery-codes', staffSession(deps))
  app.use('/sessions', staffSession(deps))
  app.use('/sessions/:id', staffSession(deps))

  const person = (c: Context<AppEnv>) => ({ practiceId: c.var.staff.practice!.id, userId: c.var.staff.user!.id })

  app.get(
    '/',
    describe({
      summary: 'The signed-in staff member, their practice, their session and their second factors',
      tags: ['staff accounts'],
      auth: 'staff',
      description:
        '`session.idle_expires_at` moves on with every request (the practice’s `staff_idle_minutes`); ' +
        '`session.expires_at` is 12 hours after signing in. What the role may do is `permission()` in shared/policy/permissions.ts.',
      responses: { 200: { description: 'The account', schema: StaffMe } },
    }),
    async (c) => {
      const { user, practice, idle_expires_at, expires_at } = c.var.staff
      const { factors, recovery } = await inPractice(
        deps.sql,
        practice!.id,
        async (tx) => ({
          factors: await secondFactorsOf(tx, practice!.id, user!.id),
          recovery: await recoveryCodesLeft(tx, practice!.id, user!.id),
        }),
        { read: true },
      )
      return c.json({
        user: user!,
        practice: practice!,
        session: { idle_expires_at: iso(idle_expires_at), expires_at: iso(expires_at) },
        second_factors: factors.filter((kind) => kind !== 'recovery_code'),
        recovery_codes_left: recovery,
      })
    },
  )

  app.post(
    '/totp',
    describe({
      summary: 'Start enrolling an authenticator app: a new TOTP secret and its otpauth URL (for a QR code)',
      tags: ['staff accounts'],
      auth: 'staff',
      description:
        'RFC 6238: base32 secret, SHA-1, 6 digits, 30 s. Nothing changes until `POST /v1/staff/me/totp/confirm` ' +
        'takes a code from it. 409 when an app is already enrolled (remove it first).',
      responses: { 201: { description: 'The secret, shown once', schema: TotpEnrolment } },
    }),
    async (c) => {
      const { user, practice } = c.var.staff
      const secret = await inPractice(deps.sql, practice!.id, (tx) => startTotpEnrolment(tx, deps, person(c)))
      if (!secret)
        throw new ApiError('conflict', 'An authenticator app is already set up. Remove it first to set up another.')
      return c.json({ secret, otpauth_url: otpauthUrl(secret, user!.email, practice!.name) }, 201)
    },
  )

  app.post(
    '/totp/confirm',
    describe({
      summary: 'Finish enrolling the authenticator app with a code from it; counts as this session’s second factor',
      tags: ['staff accounts'],
      auth: 'staff',
      responses: { 200: { description: 'Enrolled (a new session cookie)', schema: StaffSignInState } },
    }),
    input('json', StaffTotpCode),
    async (c) => {
      const session = c.var.staff
      const { code } = c.req.valid('json')
      const token = await inPractice(deps.sql, session.practice!.id, async (tx) => {
        if (!(await checkTotp(tx, deps, { ...person(c), code, enrolling: true }))) return null
        await audit(tx, {
          practiceId: session.practice!.id,
          actor: staffActor(deps, c, session),
          action: 'staff.totp_enrolled',
          subject: { kind: 'staff_user', id: session.user!.id },
        })
        return completeSecondFactor(tx, deps, session, 'totp')
      })
      if (!token) throw wrongCode()
      return answerSignedIn(c, deps.publicUrl, token)
    },
  )

  app.delete(
    '/totp',
    describe({
      summary: 'Remove the authenticator app',
      tags: ['staff accounts'],
      auth: 'staff',
      description: '409 when the practice requires a second factor and this is the only one.',
      responses: { 204: { description: 'Removed' } },
    }),
    async (c) => {
      const session = c.var.staff
      const practiceId = session.practice!.id
      await inPractice(deps.sql, practiceId, async (tx) => {
        const others = (await secondFactorsOf(tx, practiceId, session.user!.id)).filter(
          (kind) => kind !== 'totp' && kind !== 'recovery_code',
        )
        if (session.practice!.staff_second_factor === 'required' && others.length === 0) {
          throw new ApiError(
            'conflict',
            'Your practice requires a second factor. Add a passkey before removing this app.',
          )
        }
        if (!(await deleteTotp(tx, practiceId, session.user!.id))) throw notFound('An authenticator app')
        await audit(tx, {
          practiceId,
          actor: staffActor(deps, c, session),
          action: 'staff.totp_removed',
          subject: { kind: 'staff_user', id: session.user!.id },
        })
      })
      return c.body(null, 204)
    },
  )

  app.post(
    '/recovery-codes',
    describe({
      summary: 'Ten new recovery codes (shown once; the earlier ones stop working)',
      tags: ['staff accounts'],
      auth: 'staff',
      responses: { 201: { description: 'The codes, shown once', schema: RecoveryCodes } },
    }),
    async (c) => {
      const session = c.var.staff
      const codes = newRecoveryCodes()
      const hashes = await Promise.all(codes.map((code) => hashRecoveryCode(deps.secret, session.user!.id, code)))
      await inPractice(deps.sql, session.practice!.id, async (tx) => {
        await replaceRecoveryCodes(tx, { ...person(c), hashes, now: deps.clock() })
        await audit(tx, {
          practiceId: session.practice!.id,
          actor: staffActor(deps, c, session),
          action: 'staff.recovery_codes_created',
          subject: { kind: 'staff_user', id: session.user!.id },
        })
      })
      return c.json({ codes }, 201)
    },
  )

  app.get(
    '/sessions',
    describe({
      summary: 'The signed-in person’s live sessions, newest activity first',
      tags: ['staff accounts'],
      auth: 'staff',
      responses: { 200: { description: 'The sessions', schema: StaffSessionList } },
    }),
    async (c) => {
      const session = c.var.staff
      const rows = await inPractice(
        deps.sql,
        session.practice!.id,
        (tx) => listUserSessions(tx, session.practice!.id, session.user!.id, deps.clock()),
        { read: true },
      )
      return c.json({
        data: rows.map((row) => ({
          id: row.id,
          created_at: iso(row.created_at),
          last_seen_at: iso(row.last_seen_at),
          expires_at: iso(row.expires_at),
          ip: row.ip,
          user_agent: row.user_agent,
          current: row.id === session.id,
        })),
        next_cursor: null,
      })
    },
  )

  app.delete(
    '/sessions',
    describe({
      summary: 'Sign out everywhere else: every other session of this person ends at once',
      tags: ['staff accounts'],
      auth: 'staff',
      responses: { 200: { description: 'How many sessions ended', schema: SignedOutEverywhere } },
    }),
    async (c) => {
      const session = c.var.staff
      const ended = await inPractice(deps.sql, session.practice!.id, async (tx) => {
        const count = await endUserSessions(
          tx,
          session.practice!.id,
          session.user!.id,
          deps.clock(),
          'logout_everywhere',
          {
            except: session.id,
          },
        )
        await audit(tx, {
          practiceId: session.practice!.id,
          actor: staffActor(deps, c, session),
          action: 'staff.signed_out_everywhere',
          subject: { kind: 'staff_user', id: session.user!.id },
          detail: { ended: count },
        })
        return count
      })
      return c.json({ ended })
    },
  )

  app.delete(
    '/sessions/:id',
    describe({
      summary: 'End one of the person’s own sessions (another device)',
      tags: ['staff accounts'],
      auth: 'staff',
      responses: { 204: { description: 'Ended' } },
    }),
    async (c) => {
      const session = c.var.staff
      const id = pathId(c.req.param('id'), 'That session')
      await inPractice(deps.sql, session.practice!.id, async (tx) => {
        const own = await listUserSessions(tx, session.practice!.id, session.user!.id, deps.clock())
        if (!own.some((row) => row.id === id)) throw notFound('That session')
        await endStaffSession(tx, id, deps.clock(), 'logout')
        await audit(tx, {
          practiceId: session.practice!.id,
          actor: staffActor(deps, c, session),
          action: 'staff.session_ended',
          subject: { kind: 'staff_session', id },
        })
      })
      return c.body(null, 204)
    },
  )

  return app
}
