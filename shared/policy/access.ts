/**
 * Who may see which of a practice's records. A therapist works with their own clients' records
 * only; everyone else in the practice sees all of them. The API filters and refuses with these
 * functions, and the staff console uses the same ones to decide what to offer.
 */

import { can, STAFF_ROLES, type StaffRole } from './permissions'

const isStaffRole = (role: string): role is StaffRole => (STAFF_ROLES as readonly string[]).includes(role)

export type Viewer = { role: string; therapistId: string | null }

/** The therapist whose records a viewer is limited to, or null when they see the whole practice. */
export function ownTherapist(viewer: Viewer): string | null {
  return viewer.role === 'therapist' ? viewer.therapistId : null
}

/**
 * Which therapist's records a list may show: a therapist only their own (whatever they ask for),
 * anyone else the one they ask for, or all (`undefined`). `null` means nothing can match (a
 * therapist asking for another's), so the list is simply empty.
 */
export function therapistScope(viewer: Viewer, requested?: string | undefined): string | undefined | null {
  const own = ownTherapist(viewer)
  if (own === null) return requested
  return requested && requested !== own ? null : own
}

/** Whether a viewer may see one record that belongs with a therapist (an alert, a thread, a session). */
export function maySee(viewer: Viewer, record: { therapist_id: string | null }): boolean {
  const own = ownTherapist(viewer)
  return own === null || record.therapist_id === own
}

/**
 * Whether a viewer may read what clients and therapists wrote. The front desk sees who wrote and
 * when (to route a thread, to see that something urgent waits) but not the words.
 */
export function mayReadMessages(viewer: Viewer): boolean {
  return isStaffRole(viewer.role) && can(viewer.role, 'read', 'message_bodies')
}

/** Whether a viewer may hand a thread to another therapist: anyone who sees the whole practice. */
export function mayRouteThreads(viewer: Viewer): boolean {
  return isStaffRole(viewer.role) && can(viewer.role, 'change', 'thread_routing')
}
