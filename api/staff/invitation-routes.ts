import { Hono } from 'hono'
import type { AppEnv, Deps } from '../deps'
import { audit } from '../audit/queries'
import { asSystem } from '../db/tenant'
import { ApiError } from '../http/errors'
import { describe, input } from '../http/openapi/describe'
import { stepAfterFirstFactor } from '../../shared/policy/staff-sign-in'
import { InvitationAccept, StaffSignInState } from '../../shared/schemas/staff'
import { writeStaffCookie } from './cookie'
import { hashInvitationToken } from './invitation'
import { findInvitationByHash, markInvitationAccepted } from './invitation-queries'
import { findStaffByEmail, findStaffUser, updateStaffUser } from './queries'
import { openPersonSession, requestOrigin } from './session'

const linkGone = () =>
  new ApiError('not_found', 'This invitation link no longer works. Ask whoever invited you to send a new one.')

/** Joining a practice from the invitation email: the link works once and signs the person in. */
export function staffInvitationRoutes(deps: Deps) {
  const app = new Hono<AppEnv>()

  app.post(
    '/accept',
    describe({
      summary: 'Accept an invitation with the token from its link; signs the person in (sets the session cookie)',
      tags: ['staff sign-in'],
      auth: 'none',
      description:
        'The link proves the email, as a code would: `next` is `enroll_second_factor` when the practice requires a second factor, else `done`. ' +
        'A used link answers 410 `already_used`, an expired one 410 `link_expired`, a withdrawn or unknown one 404.',
      responses: { 200: { description: 'Joined, and signed in as far as `next` says', schema: StaffSignInState } },
    }),
    input('json', InvitationAccept),
    async (c) => {
      const { token } = c.req.valid('json')
      const now = deps.clock()
      const { ip, userAgent } = requestOrigin(deps, c)
      const opened = await asSystem(deps.sql, async (tx) => {
        const invitation = await findInvitationByHash(tx, await hashInvitationToken(token))
        if (!invitation || invitation.revoked_at) throw linkGone()
        if (invitation.accepted_at) {
          throw new ApiError('already_used', 'This invitation has been used already. Sign in with your email instead.')
        }
        if (invitation.expires_at.getTime() <= now.getTime()) {
          throw new ApiError('link_expired', 'This invitation has expired. Ask whoever invited you to send a new one.')
        }
        const user = await findStaffUser(tx, invitation.practice_id, invitation.user_id)
        if (!user) throw linkGone()
        await markInvitationAccepted(tx, invitation.id, now)
        await updateStaffUser(tx, user.practice_id, user.id, { invited: false })
        const person = (await findStaffByEmail(tx, user.email)).find((p) => p.id === user.id)!
        const next = stepAfterFirstFactor(person.second_factor, [])
        const { token: cookie, sessionId } = await openPersonSession(tx, deps, person, next, { ip, userAgent })
        await audit(tx, {
          practiceId: user.practice_id,
          actor: { kind: 'staff', id: user.id, name: user.name, ip, userAgent },
          action: 'staff.invitation_accepted',
          subject: { kind: 'staff_session', id: sessionId },
          detail: { invitation_id: invitation.id },
        })
        return { cookie, next }
      })
      writeStaffCookie(c, deps.publicUrl, opened.cookie)
      return c.json({ next: opened.next })
    },
  )

  return app
}
