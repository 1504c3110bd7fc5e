import { applyWaiverToFee } from './queries'
import { addAlertContext } from '../alerts/queries'
import { noticeSendTime } from '../../shared/notices/timing'
import type { AlertRow } from '../alerts/queries'
import { type Actor, audit } from '../audit/queries'
import type { Tx } from '../db/connect'
import { findWaiverByAlert, recordDecision } from './queries'
import { ApiError } from '../http/errors'
import { queueClientNotice } from '../notices/enqueue'

export type WaiverDecision = 'grant' | 'decline'

/**
 * The front desk's answer to a fee waiver request, from the alerts inbox: granting sets the
 * session's fee to nothing; either way the client gets a kind note on their preferred channel,
 * and the portal shows the answer on the session.
 */
export async function decideFeeWaiver(
  tx: Tx,
  input: { alert: AlertRow; decision: WaiverDecision; actor: Actor; by: string },
  now: Date,
): Promise<void> {
  const { alert, decision } = input
  const waiver = await findWaiverByAlert(tx, alert.practice_id, alert.id)
  if (waiver?.status !== 'requested') {
    throw new ApiError('invalid_state', 'This fee waiver request has already been answered.')
  }
  const status = decision === 'grant' ? 'granted' : 'declined'
  await recordDecision(tx, waiver, { status, at: now, by: input.by })
  const session = await applyWaiverToFee(tx, waiver, status, now)
  await addAlertContext(tx, alert, { decision: status })
  await queueClientNotice(tx, {
    practiceId: waiver.practice_id,
    clientId: waiver.client_id,
    appointmentId: waiver.appointment_id,
    reach: 'preferred',
    payload: {
      kind: status === 'granted' ? 'fee_waiver_granted' : 'fee_waiver_declined',
      starts_at: session!.starts_at.toISOString(),
      fee_cents: waiver.fee_cents,
      currency: waiver.currency,
      show: 'session',
      subject_id: waiver.appointment_id,
    },
    sendAt: noticeSendTime(now, session!.time_zone),
  })
  await audit(tx, {
    practiceId: waiver.practice_id,
    actor: input.actor,
    action: `fee_waiver.${status}`,
    subject: { kind: 'appointment', id: waiver.appointment_id },
    detail: { fee_cents: waiver.fee_cents, currency: waiver.currency },
  })
}
