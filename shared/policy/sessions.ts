import type { AppointmentStatus } from '../schemas/appointment'
import { toMillis, type InstantInput } from '../time/zone'

/** The statuses of a session that is still going to happen: booked, whether confirmed or not yet. */
export const OPEN_STATUSES = ['scheduled', 'confirmed'] as const satisfies readonly AppointmentStatus[]

/** Still booked: not cancelled, missed or attended (whether or not its time has come). */
export function isOpen(status: string): status is (typeof OPEN_STATUSES)[number] {
  return status === 'scheduled' || status === 'confirmed'
}

/** Booked and not over yet at `now`: what a client's list of upcoming sessions shows. */
export function isUpcoming(session: { status: string; ends_at: InstantInput }, now: InstantInput): boolean {
  return isOpen(session.status) && toMillis(session.ends_at) > toMillis(now)
}

/**
 * The status a session keeps when it moves: a confirmed one asks the client again (they confirmed
 * the old time), anything else keeps its status.
 */
export function statusAfterMove<S extends AppointmentStatus>(status: S, moved: boolean): S | 'scheduled' {
  return moved && status === 'confirmed' ? 'scheduled' : status
}
