import type { Tx } from '../db/connect'

export type InvitationRow = {
  id: string
  practice_id: string
  user_id: string
  created_at: Date
  expires_at: Date
  accepted_at: Date | null
  revoked_at: Date | null
}

const columns = (tx: Tx) => tx`id, practice_id, user_id, created_at, expires_at, accepted_at, revoked_at`

/** A new invitation retires the person's earlier ones: only the newest link works. */
export async function replaceInvitation(
  tx: Tx,
  values: { practiceId: string; userId: string; tokenHash: string; now: Date; expiresAt: Date; invitedBy: string },
): Promise<InvitationRow> {
  await tx`
    update staff_invitations set revoked_at = ${values.now}
    where practice_id = ${values.practiceId} and user_id = ${values.userId}
      and accepted_at is null and revoked_at is null`
  const [row] = await tx<InvitationRow[]>`
    insert into staff_invitations (practice_id, user_id, token_hash, created_at, expires_at, invited_by)
    values (${values.practiceId}, ${values.userId}, ${values.tokenHash}, ${values.now}, ${values.expiresAt},
            ${values.invitedBy})
    returning ${columns(tx)}`
  return row!
}

/** The open invitation of each invited person in the practice, by person. */
export async function openInvitations(tx: Tx, practiceId: string): Promise<Map<string, InvitationRow>> {
  const rows = await tx<InvitationRow[]>`
    select ${columns(tx)} from staff_invitations
    where practice_id = ${practiceId} and accepted_at is null and revoked_at is null`
  return new Map(rows.map((row) => [row.user_id, row]))
}

/** System lookup by the link's token (its hash), locked so a link cannot be accepted twice at once. */
export async function findInvitationByHash(tx: Tx, tokenHash: string): Promise<InvitationRow | null> {
  const [row] = await tx<InvitationRow[]>`
    select ${columns(tx)} from staff_invitations where token_hash = ${tokenHash} for update`
  return row ?? null
}

export async function markInvitationAccepted(tx: Tx, id: string, now: Date): Promise<void> {
  await tx`update staff_invitations set accepted_at = ${now} where id = ${id}`
}

export async function revokeInvitations(tx: Tx, practiceId: string, userId: string, now: Date): Promise<number> {
  const rows = await tx`
    update staff_invitations set revoked_at = ${now}
    where practice_id = ${practiceId} and user_id = ${userId} and accepted_at is null and revoked_at is null
    returning id`
  return rows.length
}
