import type { AppointmentStatus } from '../schemas/appointment'
import { isOpen, statusAfterMove } from './sessions'

/** What staff may do to a session, decided from its current state and the clock. Pure. */

export type StaffChange = {
  starts_at?: string
  ends_at?: string
  status?: 'attended' | 'no_show' | 'cancelled' | 'confirmed'
}

export type StaffChangeDecision =
  | { ok: true; moved: boolean; status: AppointmentStatus }
  | { ok: false; message: string }

const HELD: AppointmentStatus[] = ['scheduled', 'confirmed', 'attended', 'no_show']

export function decideStaffChange(
  current: { status: AppointmentStatus; starts_at: string; ends_at: string },
  change: StaffChange,
  now: Date,
): StaffChangeDecision {
  const startsAt = change.starts_at ?? current.starts_at
  const moved =
    Date.parse(startsAt) !== Date.parse(current.starts_at) ||
    Date.parse(change.ends_at ?? current.ends_at) !== Date.parse(current.ends_at)
  if (Date.parse(change.ends_at ?? current.ends_at) <= Date.parse(startsAt)) {
    return { ok: false, message: 'The session must end after it starts.' }
  }
  if (moved && !isOpen(current.status)) {
    return { ok: false, message: `A ${current.status.replace('_', ' ')} session cannot be moved.` }
  }

  switch (change.status) {
    case undefined:
      return { ok: true, moved, status: statusAfterMove(current.status, moved) }
    case 'attended':
    case 'no_show':
      if (moved) return { ok: false, message: 'Record attendance separately from moving a session.' }
      if (!HELD.includes(current.status)) {
        return { ok: false, message: 'A cancelled session cannot be marked as attended or missed.' }
      }
      if (now.getTime() < Date.parse(current.starts_at)) {
        return { ok: false, message: 'Attendance can be recorded once the session has started.' }
      }
      return { ok: true, moved: false, status: change.status }
    case 'confirmed':
      if (current.status === 'confirmed' && !moved) return { ok: true, moved, status: 'confirmed' }
      if (!isOpen(current.status)) return { ok: false, message: 'Only an upcoming session can be confirmed.' }
      if (now.getTime() >= Date.parse(startsAt)) return { ok: false, message: 'This session has already started.' }
      return { ok: true, moved, status: 'confirmed' }
    case 'cancelled':
      if (current.status === 'cancelled' || current.status === 'late_cancelled') {
        return { ok: true, moved: false, status: current.status }
      }
      if (moved) return { ok: false, message: 'Cancel or move a session, not both at once.' }
      if (!isOpen(current.status)) return { ok: false, message: 'Only an upcoming session can be cancelled.' }
      return { ok: true, moved: false, status: 'cancelled' }
  }
}
