import { OPEN_STATUSES } from '../../shared/policy/sessions'
import type { Tx } from '../db/connect'

/** Freed sessions offered to the cancellation list (006_offers_waivers_webhooks.sql). */

export type OfferRow = {
  id: string
  practice_id: string
  freed_appointment_id: string
  client_id: string
  therapist_id: string
  starts_at: Date
  ends_at: Date
  status: 'open' | 'claimed' | 'taken'
  offered_at: Date
  expires_at: Date
  closed_at: Date | null
  claimed_appointment_id: string | null
}

const columns = (tx: Tx) =>
  tx`id, practice_id, freed_appointment_id, client_id, therapist_id, starts_at, ends_at, status, offered_at,
     expires_at, closed_at, claimed_appointment_id`

/** Clients on the therapist's list who could take the slot: not the one who freed it, not busy then. */
export async function waitlistCandidates(
  tx: Tx,
  practiceId: string,
  slot: { therapistId: string; freedBy: string; startsAt: Date; endsAt: Date },
): Promise<{ client_id: string; time_zone: string; preferred_days: string[]; preferred_times: string[] }[]> {
  return tx`
    select w.client_id, c.time_zone, w.preferred_days, w.preferred_times
    from waitlist_entries w
    join clients c on c.practice_id = w.practice_id and c.id = w.client_id
    where w.practice_id = ${practiceId} and w.therapist_id = ${slot.therapistId} and w.client_id <> ${slot.freedBy}
      and c.disabled_at is null
      and not exists (
        select 1 from appointments a
        where a.practice_id = w.practice_id and a.client_id = w.client_id and a.status in ${tx([...OPEN_STATUSES])}
          and tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(${slot.startsAt}, ${slot.endsAt}, '[)'))
    order by w.created_at, w.id`
}

export async function insertOffer(
  tx: Tx,
  values: Pick<
    OfferRow,
    | 'practice_id'
    | 'freed_appointment_id'
    | 'client_id'
    | 'therapist_id'
    | 'starts_at'
    | 'ends_at'
    | 'offered_at'
    | 'expires_at'
  >,
): Promise<OfferRow | null> {
  const [row] = await tx<OfferRow[]>`
    insert into waitlist_offers ${tx(values as never)}
    on conflict (practice_id, freed_appointment_id, client_id) do nothing
    returning ${columns(tx)}`
  return row ?? null
}

/** Only the client's own offer; anyone else's reads as not found. */
export async function findClientOffer(tx: Tx, practiceId: string, clientId: string, id: string) {
  const [row] = await tx<OfferRow[]>`
    select ${columns(tx)} from waitlist_offers
    where practice_id = ${practiceId} and client_id = ${clientId} and id = ${id}`
  return row ?? null
}

/** Open offers, and ones closed in the last day (so the portal can say what happened), soonest first. */
export async function listClientOffers(
  tx: Tx,
  practiceId: string,
  clientId: string,
  now: Date,
): Promise<(OfferRow & { therapist_name: string })[]> {
  return tx<(OfferRow & { therapist_name: string })[]>`
    select ${tx`o.id, o.practice_id, o.freed_appointment_id, o.client_id, o.therapist_id, o.starts_at, o.ends_at,
                o.status, o.offered_at, o.expires_at, o.closed_at, o.claimed_appointment_id`},
           t.name as therapist_name
    from waitlist_offers o join therapists t on t.practice_id = o.practice_id and t.id = o.therapist_id
    where o.practice_id = ${practiceId} and o.client_id = ${clientId} and o.offered_at <= ${now}
      and o.starts_at > ${now} and o.expires_at > ${new Date(now.getTime() - 86_400_000)}
    order by o.starts_at, o.id
    limit 20`
}

export async function markClaimed(tx: Tx, offer: OfferRow, appointmentId: string, now: Date): Promise<void> {
  await tx`
    update waitlist_offers set status = 'claimed', claimed_appointment_id = ${appointmentId}, closed_at = ${now}
    where practice_id = ${offer.practice_id} and id = ${offer.id}`
}

export async function markTaken(tx: Tx, offer: OfferRow, now: Date): Promise<void> {
  await tx`
    update waitlist_offers set status = 'taken', closed_at = ${now}
    where practice_id = ${offer.practice_id} and id = ${offer.id} and status = 'open'`
}

/** Closes the rest of the batch once one claim won; returns the offers closed. */
export async function closeOtherOffers(tx: Tx, winner: OfferRow, now: Date): Promise<OfferRow[]> {
  return tx<OfferRow[]>`
    update waitlist_offers set status = 'taken', closed_at = ${now}
    where practice_id = ${winner.practice_id} and freed_appointment_id = ${winner.freed_appointment_id}
      and id <> ${winner.id} and status = 'open'
    returning ${columns(tx)}`
}

/**
 * The offer is over for this client: a note about it still waiting (it was night where they are)
 * is withdrawn, and the answer says whether one had already gone out (then they hear it was taken).
 */
export async function withdrawOfferNotice(tx: Tx, offer: OfferRow, now: Date): Promise<boolean> {
  const [notified] = await tx<{ sent: boolean }[]>`
    with waiting as (
      update outbox set status = 'cancelled', closed_reason = 'offer_taken', updated_at = ${now}
      where practice_id = ${offer.practice_id} and topic = 'client_notice' and status = 'pending'
        and payload->>'offer_id' = ${offer.id}
      returning id)
    select exists(
      select 1 from outbox where practice_id = ${offer.practice_id} and topic = 'client_notice'
        and status = 'sent' and payload->>'offer_id' = ${offer.id}) as sent`
  return Boolean(notified?.sent)
}
