import type { Availability } from '../../shared/schemas/availability'
import type { BusyInterval } from '../../shared/availability/free-slots'
import { OPEN_STATUSES } from '../../shared/policy/sessions'
import type { Tx } from '../db/connect'

type AvailabilityRow = Omit<Availability, 'video_url'> & { video_url: string | null }

const availabilityColumns = (tx: Tx) =>
  tx`time_zone, weekly, exceptions, buffer_minutes, min_notice_hours, horizon_days, video_url`

function toAvailability({ video_url, ...row }: AvailabilityRow): Availability {
  return { ...row, ...(video_url ? { video_url } : {}) }
}

/** A therapist's hours as set, or null when they have set none. */
export async function findAvailability(tx: Tx, practiceId: string, therapistId: string): Promise<Availability | null> {
  const [row] = await tx<AvailabilityRow[]>`
    select ${availabilityColumns(tx)}
    from therapist_availability where practice_id = ${practiceId} and therapist_id = ${therapistId}`
  return row ? toAvailability(row) : null
}

export async function putAvailability(
  tx: Tx,
  practiceId: string,
  therapistId: string,
  a: Availability,
  now: Date,
): Promise<Availability> {
  const [row] = await tx<AvailabilityRow[]>`
    insert into therapist_availability
      (practice_id, therapist_id, time_zone, weekly, exceptions, buffer_minutes, min_notice_hours, horizon_days,
       video_url, updated_at)
    values (${practiceId}, ${therapistId}, ${a.time_zone}, ${tx.json(a.weekly as never)}, ${tx.json(a.exceptions as never)},
            ${a.buffer_minutes}, ${a.min_notice_hours}, ${a.horizon_days}, ${a.video_url ?? null}, ${now})
    on conflict (practice_id, therapist_id) do update set
      time_zone = excluded.time_zone, weekly = excluded.weekly, exceptions = excluded.exceptions,
      buffer_minutes = excluded.buffer_minutes, min_notice_hours = excluded.min_notice_hours,
      horizon_days = excluded.horizon_days, video_url = excluded.video_url, updated_at = excluded.updated_at
    returning ${availabilityColumns(tx)}`
  return toAvailability(row!)
}

/**
 * What keeps a therapist busy between two instants: their booked sessions (but `except`, the one
 * being moved) and the times held for requests still waiting at `now`.
 */
export async function busyIntervals(
  tx: Tx,
  practiceId: string,
  q: { therapistId: string; from: Date; to: Date; now: Date; except?: string },
): Promise<BusyInterval[]> {
  return tx<BusyInterval[]>`
    select starts_at, ends_at from appointments
    where practice_id = ${practiceId} and therapist_id = ${q.therapistId}
      and status in ${tx([...OPEN_STATUSES])} and ends_at > ${q.from} and starts_at < ${q.to}
      ${q.except ? tx`and id <> ${q.except}` : tx``}
    union all
    select starts_at, ends_at from reschedule_requests
    where practice_id = ${practiceId} and therapist_id = ${q.therapistId}
      and status = 'requested' and hold_until > ${q.now} and ends_at > ${q.from} and starts_at < ${q.to}
      ${q.except ? tx`and appointment_id <> ${q.except}` : tx``}
    order by starts_at`
}
