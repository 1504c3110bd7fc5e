import { STAFF_ROLES, type StaffRole } from '../../shared/policy/permissions'
import { ApiError } from '../../ui/api-client'
import type { useWords } from '../i18n'

/** The signed-in person's role as the permission table knows it (null for anything else). */
export function staffRoleOf(role: string): StaffRole | null {
  return (STAFF_ROLES as readonly string[]).includes(role) ? (role as StaffRole) : null
}

/**
 * What the server's refusal means for someone managing the team or the keys: who may do it
 * (403 with `details.reason`), the last owner or the last admin key (409), else the console's
 * usual words for what went wrong.
 */
export function refusalText(error: unknown, { tr, problem }: ReturnType<typeof useWords>): string {
  if (error instanceof ApiError) {
    const reason = error.details?.reason
    if (reason === 'owners_only') return tr('staff.people.refused.owners_only')
    if (reason === 'admins_only') return tr('staff.people.refused.admins_only')
    if (reason === 'last_owner') return tr('staff.people.refused.lastOwner')
    if (error.status === 409 && error.code === 'invalid_state') return tr('staff.people.refused.lastAdminKey')
  }
  return problem(error)
}
