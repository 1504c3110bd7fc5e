import { noticeSendTime } from '../../shared/notices/timing'
import { MAX_OFFERS_PER_SLOT, matchesPreferences, offerClosesAt } from '../../shared/policy/waitlist-offers'
import { type AppointmentListener, became } from '../appointments/changed'
import type { AppointmentRow } from '../appointments/queries'
import { isOpen } from '../../shared/policy/sessions'
import { audit } from '../audit/queries'
import type { Tx } from '../db/connect'
import { insertOffer, waitlistCandidates } from './queries'
import { queueClientNotice } from '../notices/enqueue'

/**
 * A booked session given up, whoever cancelled it and however, or moved to another time: the
 * cancellation list hears about the time it leaves free.
 */
export const offersFollowChange: AppointmentListener = async (tx, deps, change) => {
  const { before, after } = change
  if (!before || !isOpen(before.status)) return
  const givenUp = became(change, 'cancelled') || became(change, 'late_cancelled')
  if (givenUp) await offerFreedSlot(tx, after, deps.clock())
  else if (isOpen(after.status) && before.starts_at.getTime() !== after.starts_at.getTime()) {
    await offerFreedSlot(tx, { ...after, starts_at: before.starts_at, ends_at: before.ends_at }, deps.clock())
  }
}

/**
 * A session was cancelled: the therapist's cancellation list hears about the freed time, in the
 * order they joined, if it suits the days and times they gave (on their own clock). Each offer
 * opens when its note can go (never at night) and closes a few hours later, or a couple of hours
 * before the session, whichever is first. The first claim wins (api/offers/claim.ts).
 */
export async function offerFreedSlot(tx: Tx, freed: AppointmentRow, now: Date): Promise<number> {
  if (!offerClosesAt(now, freed.starts_at)) return 0
  const candidates = await waitlistCandidates(tx, freed.practice_id, {
    therapistId: freed.therapist_id,
    freedBy: freed.client_id,
    startsAt: freed.starts_at,
    endsAt: freed.ends_at,
  })
  let offered = 0
  for (const candidate of candidates) {
    if (offered >= MAX_OFFERS_PER_SLOT) break
    if (!matchesPreferences(candidate, freed.starts_at, candidate.time_zone)) continue
    const opensAt = noticeSendTime(now, candidate.time_zone)
    const closesAt = offerClosesAt(opensAt, freed.starts_at)
    if (!closesAt) continue
    const offer = await insertOffer(tx, {
      practice_id: freed.practice_id,
      freed_appointment_id: freed.id,
      client_id: candidate.client_id,
      therapist_id: freed.therapist_id,
      starts_at: freed.starts_at,
      ends_at: freed.ends_at,
      offered_at: opensAt,
      expires_at: closesAt,
    })
    if (!offer) continue
    await queueClientNotice(tx, {
      practiceId: freed.practice_id,
      clientId: candidate.client_id,
      reach: 'all',
      payload: {
        kind: 'offer',
        starts_at: freed.starts_at.toISOString(),
        expires_at: closesAt.toISOString(),
        offer_id: offer.id,
        show: 'offer',
        subject_id: offer.id,
      },
      sendAt: opensAt,
    })
    offered += 1
  }
  if (offered) {
    await audit(tx, {
      practiceId: freed.practice_id,
      actor: { kind: 'system' },
      action: 'waitlist.slot_offered',
      subject: { kind: 'appointment', id: freed.id },
      detail: { offers: offered },
    })
  }
  return offered
}
