import { formatMoney } from '../../shared/i18n'
import { t } from '../i18n'
import { canAskForWaiver } from '../../shared/policy/fee-waivers'
import { formatInstant } from '../../shared/time/format'
import { raiseAlert, sealClientNote } from '../alerts/raise'
import type { PortalClient } from '../portal/token'
import { audit } from '../audit/queries'
import type { Tx } from '../db/connect'
import { findWaiverFor, insertWaiver, linkWaiverAlert } from './queries'
import { findClientAppointment } from '../appointments/portal-queries'
import type { Deps } from '../deps'
import { ApiError, notFound } from '../http/errors'

/**
 * A client who cancelled late asks for the fee to be waived, once, with their reason. The front
 * desk sees it in the alerts inbox (the reason sealed, like any client note) and grants or
 * declines it there (api/fee-waivers/decide.ts); the client hears either way.
 */
export async function requestFeeWaiver(
  tx: Tx,
  deps: Pick<Deps, 'clock' | 'secret'>,
  input: { client: PortalClient; appointmentId: string; reason: string },
): Promise<{ message: string }> {
  const { practiceId, clientId } = input.client
  const now = deps.clock()
  const row = await findClientAppointment(tx, practiceId, clientId, input.appointmentId, { forUpdate: true })
  if (!row) throw notFound('That appointment')
  const existing = await findWaiverFor(tx, practiceId, row.id)
  const ask = canAskForWaiver({
    status: row.status,
    late_fee_cents: row.late_fee_cents,
    waiver: existing?.status ?? null,
  })
  if (!ask.ok) throw new ApiError(ask.reason === 'already_asked' ? 'conflict' : 'invalid_state', ask.message)

  const currency = row.late_fee_currency ?? row.practice_policy.currency
  const waiver = await insertWaiver(tx, {
    practice_id: practiceId,
    appointment_id: row.id,
    client_id: clientId,
    fee_cents: row.late_fee_cents!,
    currency,
    requested_at: now,
  })
  if (!waiver) throw new ApiError('conflict', 'You have already asked about this fee.')

  const dedupeKey = `fee_waiver_request:${row.id}`
  const when = formatInstant(row.starts_at, row.practice_time_zone, 'en', 'medium')
  const amount = formatMoney(waiver.fee_cents, currency, 'en')
  const alert = await raiseAlert(
    tx,
    {
      practiceId,
      kind: 'fee_waiver_request',
      audience: 'front_desk',
      therapistId: row.therapist_id,
      clientId,
      appointmentId: row.id,
      dedupeKey,
      summary: `${row.client_name} asks for the ${amount} late-cancellation fee for ${when} with ${row.therapist_name} to be waived.`,
      context: { fee_cents: waiver.fee_cents, currency, waiver_id: waiver.id },
      clientNote: await sealClientNote(deps.secret, practiceId, dedupeKey, input.reason),
    },
    now,
  )
  if (alert) await linkWaiverAlert(tx, waiver, alert.id)
  await audit(tx, {
    practiceId,
    actor: { kind: 'client', id: clientId },
    action: 'fee_waiver.requested',
    subject: { kind: 'appointment', id: row.id },
    detail: { fee_cents: waiver.fee_cents, currency },
  })
  return { message: t(row.client_locale, 'portal.feeWaiver.received') }
}
