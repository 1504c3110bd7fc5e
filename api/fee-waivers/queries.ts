import type { WaiverStatus } from '../../shared/policy/fee-waivers'
import type { Tx } from '../db/connect'

export type FeeWaiverRow = {
  id: string
  practice_id: string
  appointment_id: string
  client_id: string
  fee_cents: number
  currency: string
  status: WaiverStatus
  requested_at: Date
  decided_at: Date | null
  alert_id: string | null
}

const columns = (tx: Tx) =>
  tx`id, practice_id, appointment_id, client_id, fee_cents, currency, status, requested_at, decided_at, alert_id`

export async function findWaiverFor(tx: Tx, practiceId: string, appointmentId: string): Promise<FeeWaiverRow | null> {
  const [row] = await tx<FeeWaiverRow[]>`
    select ${columns(tx)} from fee_waiver_requests
    where practice_id = ${practiceId} and appointment_id = ${appointmentId}`
  return row ?? null
}

/** Null when this session already has a request (two taps at once: the second loses quietly). */
export async function insertWaiver(
  tx: Tx,
  values: Pick<
    FeeWaiverRow,
    'practice_id' | 'appointment_id' | 'client_id' | 'fee_cents' | 'currency' | 'requested_at'
  >,
): Promise<FeeWaiverRow | null> {
  const [row] = await tx<FeeWaiverRow[]>`
    insert into fee_waiver_requests ${tx(values as never)}
    on conflict (practice_id, appointment_id) do nothing
    returning ${columns(tx)}`
  return row ?? null
}

export async function linkWaiverAlert(tx: Tx, waiver: FeeWaiverRow, alertId: string): Promise<void> {
  await tx`update fee_waiver_requests set alert_id = ${alertId} where practice_id = ${waiver.practice_id} and id = ${waiver.id}`
}

export async function findWaiverByAlert(tx: Tx, practiceId: string, alertId: string): Promise<FeeWaiverRow | null> {
  const [row] = await tx<FeeWaiverRow[]>`
    select ${columns(tx)} from fee_waiver_requests
    where practice_id = ${practiceId} and alert_id = ${alertId}
    for update`
  return row ?? null
}

export async function recordDecision(
  tx: Tx,
  waiver: FeeWaiverRow,
  decision: { status: 'granted' | 'declined'; at: Date; by: string },
): Promise<void> {
  await tx`
    update fee_waiver_requests set status = ${decision.status}, decided_at = ${decision.at}, decided_by = ${decision.by}
    where practice_id = ${waiver.practice_id} and id = ${waiver.id} and status = 'requested'`
}

/** A granted waiver sets the session's fee to nothing; either way, the session's start and the client's zone. */
export async function applyWaiverToFee(
  tx: Tx,
  waiver: { practice_id: string; appointment_id: string },
  status: 'granted' | 'declined',
  now: Date,
): Promise<{ starts_at: Date; time_zone: string }> {
  const [session] = await tx<{ starts_at: Date; time_zone: string }[]>`
    update appointments a set
      late_fee_cents = case when ${status} = 'granted' then 0 else a.late_fee_cents end,
      updated_at = case when ${status} = 'granted' then ${now} else a.updated_at end
    from clients c
    where a.practice_id = ${waiver.practice_id} and a.id = ${waiver.appointment_id}
      and c.practice_id = a.practice_id and c.id = a.client_id
    returning a.starts_at, c.time_zone`
  return session!
}
