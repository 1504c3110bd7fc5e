import type { Context } from 'hono'
import type { AppEnv, Deps } from '../deps'
import { sendInBackground } from '../auth/send-in-background'
import { refused, practiceRouter } from '../auth/practice-auth'
import { audit, auditCaller } from '../audit/queries'
import type { Tx } from '../db/connect'
import { inPractice } from '../db/tenant'
import { ApiError, fieldError, notFound } from '../http/errors'
import { describe, input } from '../http/openapi/describe'
import { pathId } from '../http/params'
import { findPractice } from '../practice/queries'
import { findTherapist } from '../therapists/queries'
import { leavesNoOwner, mayManageStaff, type StaffRole } from '../../shared/policy/permissions'
import { StaffInvite, StaffUser, StaffUserList, StaffUserPatch } from '../../shared/schemas/staff'
import { issueInvitation, toStaffUser } from './invitation'
import { openInvitations, revokeInvitations } from './invitation-queries'
import {
  findStaffUser,
  findStaffUserByEmail,
  insertStaffUser,
  listStaffUsers,
  removeStaffUser,
  type StaffUserRow,
  updateStaffUser,
} from './queries'
import { endUserSessions } from './session-queries'

const lastOwner = () =>
  new ApiError('conflict', 'A practice always needs an owner. Make someone else an owner first.', {
    reason: 'last_owner',
  })

/** A therapist account is bound to one of the practice's therapist records; no one else's is. */
async function checkTherapistBinding(tx: Tx, practiceId: string, role: StaffRole, therapistId: string | null) {
  if (role !== 'therapist') {
    if (therapistId) throw fieldError('therapist_id', 'Only a therapist’s account is linked to a therapist.')
    return
  }
  if (!therapistId) throw fieldError('therapist_id', 'Choose which therapist this account belongs to.')
  if (!(await findTherapist(tx, practiceId, therapistId))) {
    throw fieldError('therapist_id', 'That therapist was not found in this practice.')
  }
}

function refuseUnlessManages(actor: StaffRole, target: { role: StaffRole }, newRole?: StaffRole) {
  const decision = mayManageStaff(actor, target, newRole)
  if (!decision.allowed) throw refused(decision.reason)
}

/** The practice's people: who is staff, invitations, roles, removal (owners and admins). */
export function staffUserRoutes(deps: Deps) {
  const app = practiceRouter(deps, 'staff')

  /**
   * A new link for `user` (any earlier one stops working), the email that carries it, and the
   * audit entry, inside the caller's transaction; the email goes once that has committed.
   */
  async function sendInvitation(
    tx: Tx,
    c: Context<AppEnv>,
    user: StaffUserRow,
    entry: { action: string; detail?: Record<string, unknown> },
  ) {
    const { practiceId, actor, actorId, actorName } = c.var.principal
    const practice = (await findPractice(tx, practiceId))!
    const issued = await issueInvitation(tx, deps, {
      user,
      practiceName: practice.name,
      inviter: actorName ?? practice.name,
      invitedBy: `${actor.kind}:${actorId}`,
    })
    await audit(tx, { practiceId, actor, subject: { kind: 'staff_user', id: user.id }, ...entry })
    return { user, ...issued }
  }

  app.get(
    '/',
    describe({
      summary: 'The practice’s staff and pending invitations',
      tags: ['staff accounts'],
      auth: 'admin',
      responses: { 200: { description: 'Everyone, by name', schema: StaffUserList } },
    }),
    async (c) => {
      const { practiceId } = c.var.principal
      const now = deps.clock()
      const data = await inPractice(deps.sql, practiceId, async (tx) => {
        const [people, invitations] = [await listStaffUsers(tx, practiceId), await openInvitations(tx, practiceId)]
        await audit(tx, { practiceId, actor: c.var.principal.actor, action: 'staff.listed' })
        return people.map((row) => toStaffUser(row, invitations.get(row.id), now))
      })
      return c.json({ data, next_cursor: null })
    },
  )

  app.post(
    '/',
    describe({
      summary: 'Invite someone: an email with a single-use link that works for 7 days',
      tags: ['staff accounts'],
      auth: 'admin',
      description:
        'A `therapist` needs `therapist_id` (one of the practice’s therapists). Only an owner invites an owner. ' +
        '409 when the email is already staff here.',
      responses: { 201: { description: 'The invited person', schema: StaffUser } },
    }),
    input('json', StaffInvite),
    async (c) => {
      const { practiceId, role } = c.var.principal
      const body = c.req.valid('json')
      refuseUnlessManages(role, { role: body.role }, body.role)
      const now = deps.clock()
      const { user, message, invitation } = await inPractice(deps.sql, practiceId, async (tx) => {
        await checkTherapistBinding(tx, practiceId, body.role, body.therapist_id ?? null)
        if (await findStaffUserByEmail(tx, practiceId, body.email)) {
          throw new ApiError('conflict', 'That email is already on the team.', {
            fields: { email: 'This person is already on the team.' },
          })
        }
        const user = await insertStaffUser(tx, {
          practiceId,
          role: body.role,
          therapistId: body.therapist_id ?? null,
          name: body.name,
          email: body.email,
          phone: body.phone ?? null,
          invited: true,
          now,
        })
        return sendInvitation(tx, c, user, { action: 'staff.invited', detail: { role: body.role } })
      })
      sendInBackground(c, deps, message)
      return c.json(toStaffUser(user, invitation, now), 201)
    },
  )

  /** The person at `:id`, and everyone (locked, so owner counts hold until the change commits). */
  async function loadTarget(tx: Tx, c: Context<AppEnv>) {
    const { practiceId } = c.var.principal
    const id = pathId(c.req.param('id'), 'That person')
    const people = await listStaffUsers(tx, practiceId, { forUpdate: true })
    const target = people.find((p) => p.id === id)
    if (!target) throw notFound('That person')
    return { target, people }
  }

  app.patch(
    '/:id',
    describe({
      summary: 'Change someone’s name, phone or role (a role change ends their sessions)',
      tags: ['staff accounts'],
      auth: 'admin',
      description: 'Only an owner changes an owner or makes one; the last owner stays an owner (409).',
      responses: { 200: { description: 'The person', schema: StaffUser } },
    }),
    input('json', StaffUserPatch),
    async (c) => {
      const { practiceId, role } = c.var.principal
      const patch = c.req.valid('json')
      const now = deps.clock()
      const result = await inPractice(deps.sql, practiceId, async (tx) => {
        const { target, people } = await loadTarget(tx, c)
        refuseUnlessManages(role, target, patch.role)
        const newRole = patch.role ?? target.role
        const therapistId =
          patch.therapist_id !== undefined ? patch.therapist_id : newRole === 'therapist' ? target.therapist_id : null
        if (patch.role || patch.therapist_id !== undefined)
          await checkTherapistBinding(tx, practiceId, newRole, therapistId)
        if (leavesNoOwner(people, target, newRole)) throw lastOwner()
        const updated = (await updateStaffUser(tx, practiceId, target.id, {
          name: patch.name,
          phone: patch.phone,
          role: newRole,
          therapist_id: therapistId,
        })) as StaffUserRow
        const accessChanged = newRole !== target.role || therapistId !== target.therapist_id
        const ended = accessChanged ? await endUserSessions(tx, practiceId, target.id, now, 'role_changed') : 0
        await auditCaller(tx, c.var.principal, {
          action: 'staff.updated',
          subject: { kind: 'staff_user', id: target.id },
          detail: { fields: Object.keys(patch), ...(accessChanged ? { role: newRole, sessions_ended: ended } : {}) },
        })
        return toStaffUser(updated, (await openInvitations(tx, practiceId)).get(target.id), now)
      })
      return c.json(result)
    },
  )

  app.delete(
    '/:id',
    describe({
      summary: 'Remove someone from the practice: their sessions end at once, an open invitation stops working',
      tags: ['staff accounts'],
      auth: 'admin',
      description: 'Only an owner removes an owner; the last owner cannot be removed (409).',
      responses: { 204: { description: 'Removed' } },
    }),
    async (c) => {
      const { practiceId, role } = c.var.principal
      const now = deps.clock()
      await inPractice(deps.sql, practiceId, async (tx) => {
        const { target, people } = await loadTarget(tx, c)
        refuseUnlessManages(role, target)
        if (leavesNoOwner(people, target, null)) throw lastOwner()
        await removeStaffUser(tx, practiceId, target.id, now)
        const ended = await endUserSessions(tx, practiceId, target.id, now, 'removed')
        await revokeInvitations(tx, practiceId, target.id, now)
        await auditCaller(tx, c.var.principal, {
          action: 'staff.removed',
          subject: { kind: 'staff_user', id: target.id },
          detail: { sessions_ended: ended },
        })
      })
      return c.body(null, 204)
    },
  )

  app.post(
    '/:id/invitation',
    describe({
      summary: 'Send an invited person a new link (the earlier one stops working)',
      tags: ['staff accounts'],
      auth: 'admin',
      description: '409 when the person has already joined.',
      responses: { 201: { description: 'The person, with the new invitation', schema: StaffUser } },
    }),
    async (c) => {
      const { practiceId, role } = c.var.principal
      const now = deps.clock()
      const { user, invitation, message } = await inPractice(deps.sql, practiceId, async (tx) => {
        const user = await findStaffUser(tx, practiceId, pathId(c.req.param('id'), 'That person'))
        if (!user) throw notFound('That person')
        refuseUnlessManages(role, user)
        if (!user.invited) throw new ApiError('conflict', 'This person has already joined.')
        return sendInvitation(tx, c, user, { action: 'staff.invitation_resent' })
      })
      sendInBackground(c, deps, message)
      return c.json(toStaffUser(user, invitation, now), 201)
    },
  )

  app.delete(
    '/:id/invitation',
    describe({
      summary: 'Withdraw an invitation: the link stops working and the person is no longer listed',
      tags: ['staff accounts'],
      auth: 'admin',
      description: '409 when the person has already joined (remove them instead).',
      responses: { 204: { description: 'Withdrawn' } },
    }),
    async (c) => {
      const { practiceId, role } = c.var.principal
      const now = deps.clock()
      await inPractice(deps.sql, practiceId, async (tx) => {
        const user = await findStaffUser(tx, practiceId, pathId(c.req.param('id'), 'That person'))
        if (!user) throw notFound('That person')
        refuseUnlessManages(role, user)
        if (!user.invited) throw new ApiError('conflict', 'This person has already joined. Remove them instead.')
        await revokeInvitations(tx, practiceId, user.id, now)
        await removeStaffUser(tx, practiceId, user.id, now)
        await auditCaller(tx, c.var.principal, {
          action: 'staff.invitation_revoked',
          subject: { kind: 'staff_user', id: user.id },
        })
      })
      return c.body(null, 204)
    },
  )

  return app
}
