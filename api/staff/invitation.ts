import type { Deps } from '../deps'
import { randomToken, sha256Hex } from '../crypto/web-crypto'
import type { Tx } from '../db/connect'
import { iso } from '../db/rows'
import { t } from '../i18n'
import type { EmailMessage } from '../providers/email'
import type { StaffUser } from '../../shared/schemas/staff'
import { type InvitationRow, replaceInvitation } from './invitation-queries'
import type { StaffUserRow } from './queries'

/**
 * Invitations: a single-use link, 7 days, whose token only the email holds (the database keeps
 * its hash). Accepting it proves the email, like a code would, and opens a session.
 */

export const INVITATION_DAYS = 7

/** Where the link leads: the console, the token in the fragment so it reaches no server log or Referer. */
export const invitationUrl = (deps: Deps, token: string) => `${deps.publicUrl}/staff/#invitation=${token}`

export const hashInvitationToken = (token: string) => sha256Hex(`staff-invitation:${token}`)

/** Issues a fresh link for an invited person (retiring any earlier one) and the email that carries it. */
export async function issueInvitation(
  tx: Tx,
  deps: Deps,
  values: { user: StaffUserRow; practiceName: string; inviter: string; invitedBy: string },
): Promise<{ invitation: InvitationRow; message: EmailMessage; url: string }> {
  const now = deps.clock()
  const token = randomToken(32)
  const invitation = await replaceInvitation(tx, {
    practiceId: values.user.practice_id,
    userId: values.user.id,
    tokenHash: await hashInvitationToken(token),
    now,
    expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
    invitedBy: values.invitedBy,
  })
  const url = invitationUrl(deps, token)
  const practice = values.practiceName
  const message: EmailMessage = {
    to: values.user.email,
    subject: t('en', 'staff.invite.subject', { practice }),
    text: [
      t('en', 'staff.invite.body', { inviter: values.inviter, practice }),
      '',
      t('en', 'staff.invite.link', { days: INVITATION_DAYS, link: url }),
      '',
      t('en', 'staff.invite.ignore'),
    ].join('\n'),
    tags: { kind: 'staff_invitation' },
  }
  return { invitation, message, url }
}

export function toStaffUser(row: StaffUserRow, invitation: InvitationRow | undefined, now: Date): StaffUser {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    therapist_id: row.therapist_id,
    phone: row.phone,
    status: row.invited ? 'invited' : 'active',
    invitation:
      row.invited && invitation
        ? {
            id: invitation.id,
            expires_at: iso(invitation.expires_at),
            expired: invitation.expires_at.getTime() <= now.getTime(),
          }
        : null,
    created_at: iso(row.created_at),
  }
}
