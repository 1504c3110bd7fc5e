import { freeSlots } from '../../shared/availability/free-slots'
import { type Availability, emptyAvailability, type SessionMode, type Slot } from '../../shared/schemas/availability'
import type { Tx } from '../db/connect'
import type { AppointmentRow } from '../appointments/queries'
import { busyIntervals } from '../availability/queries'

const DAY = 86_400_000

/** What `rescheduleContext` says of the therapist's hours. */
export type TherapistHours = { availability: Availability | null; therapist_time_zone: string }

/** The therapist's hours, or none at all in their zone when they have set none. */
export function hoursOf(context: TherapistHours): Availability {
  return context.availability ?? emptyAvailability(context.therapist_time_zone)
}

/** How a session meets: with a video link it is a video session, otherwise in person. */
export function sessionMode(session: Pick<AppointmentRow, 'telehealth_url'>): SessionMode {
  return session.telehealth_url ? 'video' : 'in_person'
}

/**
 * The free times this session could move to: its therapist's hours, clear of their other sessions
 * and of times held for requests, as long as this session, offering the way it meets.
 */
export async function slotsForSession(
  tx: Tx,
  session: AppointmentRow,
  context: TherapistHours,
  q: { now: Date; from?: Date | undefined; to?: Date | undefined; mode?: SessionMode | null },
): Promise<Slot[]> {
  const availability = hoursOf(context)
  const from = q.from ?? q.now
  const to = q.to ?? new Date(q.now.getTime() + availability.horizon_days * DAY)
  const busy = await busyIntervals(tx, session.practice_id, {
    therapistId: session.therapist_id,
    from: new Date(from.getTime() - DAY),
    to: new Date(to.getTime() + DAY),
    now: q.now,
    except: session.id,
  })
  const mode = q.mode === undefined ? sessionMode(session) : q.mode
  return freeSlots({
    availability,
    busy,
    now: q.now,
    length_minutes: Math.round((session.ends_at.getTime() - session.starts_at.getTime()) / 60_000),
    from,
    to,
    ...(mode ? { mode } : {}),
  })
}
