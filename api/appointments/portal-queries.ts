import type { CancellationPolicy, Locale } from '../../shared/schemas/policies'
import type { AppointmentRow } from './queries'
import type { Tx } from '../db/connect'

/** A client's own session with everything its rules need: both policies, names, the client's zone. */
export type ClientAppointment = AppointmentRow & {
  therapist_name: string
  therapist_policy: Partial<CancellationPolicy> | null
  practice_policy: CancellationPolicy
  practice_name: string
  practice_phone: string | null
  practice_time_zone: string
  practice_slug: string
  client_name: string
  client_time_zone: string
  client_locale: Locale
  late_fee_currency: string | null
  fee_waiver_status: 'requested' | 'granted' | 'declined' | null
  /** When the client asked for another time, while that request waits for the practice. */
  reschedule_requested_at: Date | null
}

const contextColumns = (tx: Tx) =>
  tx`t.name as therapist_name, t.cancellation_policy as therapist_policy,
     p.cancellation_policy as practice_policy, p.name as practice_name, p.phone as practice_phone,
     p.time_zone as practice_time_zone, p.slug as practice_slug,
     c.name as client_name, c.time_zone as client_time_zone, c.locale as client_locale,
     a.late_fee_currency,
     (select w.status from fee_waiver_requests w where w.practice_id = a.practice_id and w.appointment_id = a.id)
       as fee_waiver_status,
     (select max(r.created_at) from alerts r where r.practice_id = a.practice_id and r.appointment_id = a.id
        and r.kind = 'reschedule_request' and r.status = 'open') as reschedule_requested_at`

const joins = (tx: Tx) =>
  tx`join therapists t on t.practice_id = a.practice_id and t.id = a.therapist_id
     join practices p on p.id = a.practice_id
     join clients c on c.practice_id = a.practice_id and c.id = a.client_id`

/** Only the client's own session; another client's id reads as not found. Locked when `forUpdate`. */
export async function findClientAppointment(
  tx: Tx,
  practiceId: string,
  clientId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ClientAppointment | null> {
  const [row] = await tx<ClientAppointment[]>`
    select ${aliased(tx)}, ${contextColumns(tx)}
    from appointments a ${joins(tx)}
    where a.practice_id = ${practiceId} and a.client_id = ${clientId} and a.id = ${id}
    ${options.forUpdate ? tx`for update of a` : tx``}`
  return row ?? null
}

/**
 * Sessions not yet over (unless already marked attended), and ones missed or cancelled late with a
 * fee since `missedSince` (so the client can find another time, or ask for the fee to be waived),
 * oldest first.
 */
export async function listClientAppointments(
  tx: Tx,
  practiceId: string,
  clientId: string,
  q: { now: Date; missedSince: Date; limit: number; after?: { startsAt: string; id: string } | null },
): Promise<(ClientAppointment & { sort_key: string })[]> {
  return tx<(ClientAppointment & { sort_key: string })[]>`
    select ${aliased(tx)}, ${contextColumns(tx)}, a.starts_at::text as sort_key
    from appointments a ${joins(tx)}
    where a.practice_id = ${practiceId} and a.client_id = ${clientId}
      and ((a.ends_at > ${q.now} and a.status <> 'attended')
        or (a.status = 'no_show' and a.starts_at >= ${q.missedSince})
        or (a.status = 'late_cancelled' and a.starts_at >= ${q.missedSince}
            and (a.late_fee_cents > 0
                 or exists (select 1 from fee_waiver_requests w where w.practice_id = a.practice_id and w.appointment_id = a.id))))
      ${q.after ? tx`and (a.starts_at, a.id) > (${q.after.startsAt}::text::timestamptz, ${q.after.id}::uuid)` : tx``}
    order by a.starts_at, a.id
    limit ${q.limit + 1}`
}

/** `appointmentColumns` (db/appointments.ts) qualified with the `a` alias for joined queries. */
function aliased(tx: Tx) {
  return tx`a.id, a.practice_id, a.external_id, a.therapist_id, a.client_id, a.starts_at, a.ends_at, a.type,
            a.location, a.telehealth_url, a.series_id, a.status, a.version, a.late_fee_cents,
            a.cancelled_at, a.cancelled_by, a.cancel_reason, a.cancel_reason_code`
}

/** Client cancellations in one series since `since`, oldest first: the series-cancellation signal. */
export async function recentSeriesCancellations(
  tx: Tx,
  practiceId: string,
  q: { clientId: string; seriesId: string; since: Date },
): Promise<{ id: string; starts_at: Date }[]> {
  return tx<{ id: string; starts_at: Date }[]>`
    select id, starts_at from appointments
    where practice_id = ${practiceId} and client_id = ${q.clientId} and series_id = ${q.seriesId}
      and cancelled_by = 'client' and status in ('cancelled', 'late_cancelled') and cancelled_at >= ${q.since}
    order by cancelled_at, starts_at, id`
}
