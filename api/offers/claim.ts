import { offerState } from '../../shared/policy/waitlist-offers'
import { appointmentChanged } from '../appointments/changed'
import { type AppointmentRow, findAppointment, insertAppointment, latestSessionDetails } from '../appointments/queries'
import { clientTimeZone } from '../clients/queries'
import { audit } from '../audit/queries'
import type { Tx } from '../db/connect'
import { isDoubleBooking } from '../db/pg-errors'
import {
  closeOtherOffers,
  findClientOffer,
  markClaimed,
  markTaken,
  type OfferRow,
  withdrawOfferNotice,
} from './queries'
import type { Deps } from '../deps'
import { notFound } from '../http/errors'
import { queueClientNotice } from '../notices/enqueue'
import { queueWebhookEvent } from '../webhooks/events'
import { noticeSendTime } from '../../shared/notices/timing'

export type ClaimResult =
  | { ok: true; appointment: AppointmentRow; offer: OfferRow; created: boolean }
  | { ok: false; reason: 'taken' | 'expired'; offer: OfferRow }

/**
 * A client takes an offered time. Several may claim the same freed session at once: each inserts
 * its own appointment, and the no-double-booking exclusion constraint lets exactly one of them in
 * (the others wait for the first to commit, then fail with 23P01). The winner closes the rest of
 * the batch and tells those who heard about the time that it was taken. A second tap by the
 * winner answers with the session already booked.
 */
export async function claimOffer(
  tx: Tx,
  deps: Deps,
  input: { practiceId: string; clientId: string; offerId: string },
): Promise<ClaimResult> {
  const now = deps.clock()
  const offer = await findClientOffer(tx, input.practiceId, input.clientId, input.offerId)
  if (!offer) throw notFound('That offer')
  const already = await alreadyClaimed(tx, offer)
  if (already) return already
  const state = offerState(offer, now)
  if (state === 'taken' || state === 'expired') return { ok: false, reason: state, offer }

  const values = await newSessionValues(tx, offer)
  let inserted: AppointmentRow
  try {
    inserted = await tx.savepoint((sp) =>
      insertAppointment(sp, input.practiceId, { ...values, status: 'confirmed', confirmed_at: now }),
    )
  } catch (error) {
    if (!isDoubleBooking(error)) throw error
    // Someone else's claim (or a booking made meanwhile) holds the time. If it was this client's
    // own earlier tap, that is a success; otherwise this offer is over.
    const fresh = (await findClientOffer(tx, input.practiceId, input.clientId, input.offerId))!
    const mine = await alreadyClaimed(tx, fresh)
    if (mine) return mine
    await markTaken(tx, fresh, now)
    return { ok: false, reason: 'taken', offer: fresh }
  }

  const actor = { kind: 'client', id: input.clientId } as const
  await markClaimed(tx, offer, inserted.id, now)
  await audit(tx, {
    practiceId: input.practiceId,
    actor,
    action: 'waitlist.offer_claimed',
    subject: { kind: 'waitlist_offer', id: offer.id },
    detail: { appointment_id: inserted.id, freed_appointment_id: offer.freed_appointment_id },
  })
  await appointmentChanged(tx, deps, { before: null, after: inserted, actor })
  await tellTheOthers(tx, await closeOtherOffers(tx, offer, now), now)
  await queueWebhookEvent(tx, {
    practiceId: input.practiceId,
    type: 'waitlist.offer_claimed',
    data: {
      offer_id: offer.id,
      appointment_id: inserted.id,
      client_id: input.clientId,
      freed_appointment_id: offer.freed_appointment_id,
    },
    at: now,
  })
  return {
    ok: true,
    created: true,
    appointment: inserted,
    offer: { ...offer, status: 'claimed', claimed_appointment_id: inserted.id },
  }
}

async function alreadyClaimed(tx: Tx, offer: OfferRow): Promise<ClaimResult | null> {
  if (offer.status !== 'claimed' || !offer.claimed_appointment_id) return null
  const appointment = await findAppointment(tx, offer.practice_id, offer.claimed_appointment_id)
  return appointment ? { ok: true, created: false, appointment, offer } : null
}

/**
 * The new session is the claimant's own kind of session with this therapist (their latest), in
 * the freed time; the freed session's details are used only when they have none yet.
 */
async function newSessionValues(tx: Tx, offer: OfferRow) {
  const own = await latestSessionDetails(tx, offer.practice_id, {
    clientId: offer.client_id,
    therapistId: offer.therapist_id,
  })
  const freed = (await findAppointment(tx, offer.practice_id, offer.freed_appointment_id))!
  const template = own ?? freed
  return {
    therapist_id: offer.therapist_id,
    client_id: offer.client_id,
    starts_at: offer.starts_at,
    ends_at: offer.ends_at,
    type: template.type,
    location: template.location,
    telehealth_url: template.telehealth_url,
    series_id: null,
  }
}

/**
 * Those whose offer note already went out hear, kindly, that the time was taken; a note still
 * waiting (it was night where they are) is simply not sent.
 */
async function tellTheOthers(tx: Tx, closed: OfferRow[], now: Date) {
  for (const offer of closed) {
    if (!(await withdrawOfferNotice(tx, offer, now))) continue
    const zone = await clientTimeZone(tx, offer.practice_id, offer.client_id)
    await queueClientNotice(tx, {
      practiceId: offer.practice_id,
      clientId: offer.client_id,
      reach: 'preferred',
      payload: {
        kind: 'offer_taken',
        starts_at: offer.starts_at.toISOString(),
        show: 'offer',
        subject_id: offer.id,
      },
      sendAt: noticeSendTime(now, zone ?? 'UTC'),
    })
  }
}
