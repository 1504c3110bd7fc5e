import { raiseAlert, sealClientNote } from '../alerts/raise'
import { hasOpenAlert } from '../alerts/queries'
import { lockFor } from '../db/tenant'
import { type AppointmentRow, updateAppointment } from './queries'
import { audit, type Actor } from '../audit/queries'
import type { Tx } from '../db/connect'
import { findClientAppointment, recentSeriesCancellations, type ClientAppointment } from './portal-queries'
import { iso } from '../db/rows'
import type { Deps } from '../deps'
import { ApiError, notFound } from '../http/errors'
import { formatMoney } from '../../shared/i18n'
import type { CancelReasonCode } from '../../shared/cancel-reasons'
import { decideStaffChange } from '../../shared/policy/appointment-changes'
import {
  cancelDecision,
  cancellationQuote,
  effectiveCancellationPolicy,
  type CancellationQuote,
} from '../../shared/policy/cancellation'
import type { CancellationPolicy } from '../../shared/schemas/policies'
import { formatInstant } from '../../shared/time/format'
import { appointmentChanged } from './changed'

/**
 * What a client can do to their own session, whichever way they asked: the portal, a reminder's
 * action link, a push button or an SMS reply. Runs inside the caller's transaction, decides with
 * the shared policy functions, and throws ApiError when the answer is no.
 */

export type ClientActionInput = {
  practiceId: string
  clientId: string
  appointmentId: string
  /** `{kind: 'client', id: clientId}` from the portal; `{kind: 'link', id}` from a link or reply. */
  actor: Actor
}

export type ClientActionResult = {
  appointment: AppointmentRow
  /** False when the session already was in the asked-for state (a repeated tap or reply). */
  changed: boolean
}

/** Two client cancellations in one series within this time raise one series alert. */
export const SERIES_CANCELLATION_WINDOW_MS = 24 * 60 * 60_000

async function loadForUpdate(tx: Tx, input: ClientActionInput): Promise<ClientAppointment> {
  const row = await findClientAppointment(tx, input.practiceId, input.clientId, input.appointmentId, {
    forUpdate: true,
  })
  if (!row) throw notFound('That appointment')
  return row
}

/** The cancellation policy for this session: its therapist's override where set, else the practice's. */
export function cancellationPolicyFor(row: ClientAppointment): CancellationPolicy {
  return effectiveCancellationPolicy(row.practice_policy, row.therapist_policy)
}

/** The cancellation rule for this session at `now`, in the client's zone and language. */
export function quoteFor(row: ClientAppointment, now: Date): CancellationQuote {
  return cancellationQuote({
    startsAt: row.starts_at,
    policy: cancellationPolicyFor(row),
    now,
    timeZone: row.client_time_zone,
    locale: row.client_locale,
    practicePhone: row.practice_phone,
  })
}

function strip(row: ClientAppointment): AppointmentRow {
  const {
    therapist_name: _1,
    therapist_policy: _2,
    practice_policy: _3,
    practice_name: _4,
    practice_phone: _5,
    practice_time_zone: _6,
    client_name: _7,
    client_time_zone: _8,
    client_locale: _9,
    late_fee_currency: _10,
    fee_waiver_status: _11,
    practice_slug: _12,
    ...appointment
  } = row
  return appointment
}

/** What follows the client's change of their session, in the same transaction: its consequences, then the audit entry. */
async function clientChanged(
  tx: Tx,
  deps: Deps,
  input: ClientActionInput,
  change: { before: AppointmentRow; after: AppointmentRow; action: string; detail?: Record<string, unknown> },
) {
  await appointmentChanged(tx, deps, { before: change.before, after: change.after, actor: input.actor })
  await audit(tx, {
    practiceId: input.practiceId,
    actor: input.actor,
    action: change.action,
    subject: { kind: 'appointment', id: input.appointmentId },
    detail: { by: 'client', ...change.detail },
  })
}

export async function confirmAsClient(tx: Tx, deps: Deps, input: ClientActionInput): Promise<ClientActionResult> {
  const now = deps.clock()
  const current = await loadForUpdate(tx, input)
  const before = strip(current)
  if (current.status === 'confirmed') return { appointment: before, changed: false }
  const decision = decideStaffChange(
    { status: current.status, starts_at: iso(current.starts_at), ends_at: iso(current.ends_at) },
    { status: 'confirmed' },
    now,
  )
  if (!decision.ok) throw new ApiError('invalid_state', decision.message)
  const after = await updateAppointment(
    tx,
    input.practiceId,
    input.appointmentId,
    {
      status: 'confirmed',
      confirmed_at: now,
    },
    now,
  )
  await clientChanged(tx, deps, input, { before, after, action: 'appointment.confirmed' })
  return { appointment: after, changed: true }
}

export type CancelInput = ClientActionInput & {
  /** The client saw the late-cancellation consequence (fee) and chose to go ahead. */
  acknowledgeLate: boolean
  /** Why, if the client chose to say; `reason` is their own words (with `other`, or any code). */
  reasonCode?: CancelReasonCode | undefined
  reason?: string | undefined
}

export async function cancelAsClient(
  tx: Tx,
  deps: Deps,
  input: CancelInput,
): Promise<ClientActionResult & { quote: CancellationQuote }> {
  const now = deps.clock()
  const current = await loadForUpdate(tx, input)
  const before = strip(current)
  const quote = quoteFor(current, now)
  const decision = cancelDecision({ status: current.status, quote, acknowledged: input.acknowledgeLate })
  if (!decision.ok) {
    switch (decision.reason) {
      case 'already_cancelled':
        return { appointment: before, changed: false, quote }
      case 'not_open':
        throw new ApiError('invalid_state', 'Only an upcoming session can be cancelled.')
      case 'contact_practice':
        throw new ApiError('contact_practice', quote.policy_text, { quote })
      case 'needs_acknowledgement':
        throw new ApiError('late_cancellation_unacknowledged', quote.policy_text, { quote })
    }
  }

  const late = decision.status === 'late_cancelled'
  const reason = input.reason?.trim() || null
  const reasonCode = input.reasonCode ?? null
  const after = await updateAppointment(
    tx,
    input.practiceId,
    input.appointmentId,
    {
      status: decision.status,
      cancelled_at: now,
      cancelled_by: 'client',
      cancel_reason: reason,
      cancel_reason_code: reasonCode,
      late_fee_cents: late ? quote.fee_cents : null,
      late_fee_currency: late ? quote.currency : null,
    },
    now,
  )
  await clientChanged(tx, deps, input, {
    before,
    after,
    action: late ? 'appointment.late_cancelled' : 'appointment.cancelled',
    detail: {
      ...(late ? { fee_cents: quote.fee_cents, currency: quote.currency } : {}),
      ...(reasonCode ? { reason_code: reasonCode } : {}),
    },
  })

  const when = formatInstant(current.starts_at, current.practice_time_zone, 'en', 'medium')
  if (late) {
    const fee = quote.fee_cents > 0 ? ` Late fee: ${formatMoney(quote.fee_cents, quote.currency, 'en')}.` : ''
    const dedupeKey = `late_cancellation:${current.id}`
    await raiseAlert(
      tx,
      {
        practiceId: input.practiceId,
        kind: 'late_cancellation',
        audience: 'front_desk',
        therapistId: current.therapist_id,
        clientId: current.client_id,
        appointmentId: current.id,
        dedupeKey,
        summary: `${current.client_name} cancelled late: ${when} with ${current.therapist_name}.${fee}`,
        // The reason's code is a fixed word; what the client wrote stays sealed, for staff only.
        context: {
          fee_cents: quote.fee_cents,
          currency: quote.currency,
          free_until: quote.free_until,
          reason_code: reasonCode,
        },
        ...(reason ? { clientNote: await sealClientNote(deps.secret, input.practiceId, dedupeKey, reason) } : {}),
      },
      now,
    )
  }
  if (current.series_id) await alertOnSeriesCancellation(tx, current, now)
  return { appointment: after, changed: true, quote }
}

export type RescheduleInput = ClientActionInput & {
  /** The client's own words, optional (explaining is never required); sealed for staff only. */
  note?: string | null | undefined
  /**
   * `portal`: while an earlier request for the session waits, asking again adds nothing.
   * `reminder_link`: one request per link (the link itself works once).
   */
  via: { kind: 'portal' } | { kind: 'reminder_link'; outboxId: string }
}

export type RescheduleResult = {
  /** False when an earlier request for this session (from the portal), or this link's, already waits. */
  created: boolean
  appointment: ClientAppointment
}

/**
 * "Find another time": the front desk gets an alert (with the note sealed), the session stays in
 * place meanwhile. The session is locked first, so two requests at once take turns and the
 * second sees the first.
 */
export async function requestReschedule(tx: Tx, deps: Deps, input: RescheduleInput): Promise<RescheduleResult> {
  const now = deps.clock()
  const current = await loadForUpdate(tx, input)
  const note = input.note?.trim() || null
  const { via } = input
  if (via.kind === 'portal') {
    if (await hasOpenAlert(tx, input.practiceId, { kind: 'reschedule_request', appointmentId: current.id }))
      return { created: false, appointment: current }
  }
  const dedupeKey =
    via.kind === 'portal'
      ? `reschedule_request:${current.id}:${now.getTime()}`
      : `reschedule_request:${current.id}:link:${via.outboxId}`
  const when = formatInstant(current.starts_at, current.practice_time_zone, 'en', 'medium')
  const from = via.kind === 'reminder_link' ? ' (from a reminder)' : ''
  const raised = await raiseAlert(
    tx,
    {
      practiceId: input.practiceId,
      kind: 'reschedule_request',
      audience: 'front_desk',
      therapistId: current.therapist_id,
      clientId: current.client_id,
      appointmentId: current.id,
      dedupeKey,
      summary: `${current.client_name} would like another time for the ${current.status.replace('_', ' ')} session on ${when} with ${current.therapist_name}${from}.`,
      context: { status: current.status, has_note: Boolean(note), via: via.kind },
      ...(note ? { clientNote: await sealClientNote(deps.secret, input.practiceId, dedupeKey, note) } : {}),
    },
    now,
  )
  // The same cause asked twice (a link posted again) is one request.
  if (!raised) return { created: false, appointment: current }
  await audit(tx, {
    practiceId: input.practiceId,
    actor: input.actor,
    action: 'appointment.reschedule_requested',
    subject: { kind: 'appointment', id: current.id },
    detail: { has_note: Boolean(note), via: via.kind },
  })
  return { created: true, appointment: current }
}

/**
 * A client cancelling several sessions of one series may be stepping away from care, which a
 * person should notice. The advisory lock makes two cancellations at once take turns, so the
 * second sees the first and exactly one alert names the pair.
 */
async function alertOnSeriesCancellation(tx: Tx, current: ClientAppointment, now: Date) {
  const seriesId = current.series_id!
  await lockFor(tx, `series:${current.practice_id}:${current.client_id}:${seriesId}`)
  const cancelled = await recentSeriesCancellations(tx, current.practice_id, {
    clientId: current.client_id,
    seriesId,
    since: new Date(now.getTime() - SERIES_CANCELLATION_WINDOW_MS),
  })
  if (cancelled.length < 2) return
  await raiseAlert(
    tx,
    {
      practiceId: current.practice_id,
      kind: 'series_cancellation',
      audience: 'therapist',
      therapistId: current.therapist_id,
      clientId: current.client_id,
      appointmentId: cancelled[0]!.id,
      dedupeKey: `series_cancellation:${seriesId}:${cancelled[0]!.id}`,
      summary: `${current.client_name} cancelled ${cancelled.length} sessions of a recurring series with ${current.therapist_name} within a day.`,
      context: { series_id: seriesId, appointment_ids: cancelled.map((c) => c.id) },
    },
    now,
  )
}
