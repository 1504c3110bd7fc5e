import type { Tx } from '../db/connect'

/** Sessions a client asked the therapist to call about, and why. */

export type CallRequestReason = 'asked_for_call'

/** Once per session and reason: asking twice keeps the first request. */
export async function requestCall(
  tx: Tx,
  practiceId: string,
  request: { appointmentId: string; reason: CallRequestReason; source: string; at: Date },
): Promise<void> {
  await tx`
    insert into call_requests (practice_id, appointment_id, reason, source, requested_at)
    values (${practiceId}, ${request.appointmentId}, ${request.reason}, ${request.source}, ${request.at})
    on conflict (practice_id, appointment_id, reason) do nothing`
}
