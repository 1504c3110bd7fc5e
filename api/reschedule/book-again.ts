import type { ClientAppointment } from '../appointments/portal-queries'
import { findByExternalId, type AppointmentRow } from '../appointments/queries'
import { syncAppointment } from '../appointments/sync'
import { audit, type Actor } from '../audit/queries'
import type { Tx } from '../db/connect'
import { isDoubleBooking } from '../db/pg-errors'
import { lockFor } from '../db/tenant'
import type { Deps } from '../deps'
import { ApiError } from '../http/errors'
import { queueSessionNotice } from '../notices/enqueue'
import { ensureFreeSlot, slotTaken } from './move'
import { lockTherapistTimes } from './queries'

/** The one session booked again from a missed one is known by this id, so it is booked once. */
export const bookedAgainId = (missedId: string) => `rebooked:${missedId}`

/** The session already booked again from this missed one, if any. */
export async function bookedAgain(tx: Tx, missed: ClientAppointment): Promise<AppointmentRow | null> {
  return findByExternalId(tx, missed.practice_id, bookedAgainId(missed.id))
}

/**
 * After a missed session, the client books a new one with the same therapist, as long and held
 * the same way, at one of the free times: re-checked like a move, created as any session is (its
 * reminders planned, audited), confirmed (the client chose it), and the
 * client gets a receipt. Once per missed session; a time taken meanwhile answers `slot_taken`.
 */
export async function bookAgain(
  tx: Tx,
  deps: Deps,
  input: { missed: ClientAppointment; startsAt: Date; actor: Actor },
): Promise<AppointmentRow> {
  const now = deps.clock()
  const { missed, startsAt } = input
  await lockFor(tx, bookedAgainId(missed.id))
  if (await bookedAgain(tx, missed)) {
    throw new ApiError('invalid_state', 'A new session has already been booked for this missed one.')
  }
  await lockTherapistTimes(tx, missed.therapist_id, 'move')
  await ensureFreeSlot(tx, missed, startsAt, now)
  const length = missed.ends_at.getTime() - missed.starts_at.getTime()
  let row: AppointmentRow
  try {
    ;({ row } = await tx.savepoint((sp) =>
      syncAppointment(
        sp,
        deps,
        missed.practice_id,
        {
          external_id: bookedAgainId(missed.id),
          therapist_id: missed.therapist_id,
          client_id: missed.client_id,
          starts_at: startsAt,
          ends_at: new Date(startsAt.getTime() + length),
          type: missed.type,
          location: missed.location,
          telehealth_url: missed.telehealth_url,
          series_id: null,
          status: 'confirmed',
          confirmed_at: now,
        },
        // The receipt below is the client's word of it.
        { actor: input.actor, notifyClient: false },
      ),
    ))
  } catch (error) {
    if (!isDoubleBooking(error)) throw error
    throw await slotTaken(tx, missed, now)
  }
  await queueSessionNotice(tx, row, { kind: 'booked', timeZone: missed.client_time_zone, now })
  await audit(tx, {
    practiceId: missed.practice_id,
    actor: input.actor,
    action: 'appointment.booked_again',
    subject: { kind: 'appointment', id: row.id },
    detail: { missed_id: missed.id, starts_at: startsAt.toISOString() },
  })
  return row
}
