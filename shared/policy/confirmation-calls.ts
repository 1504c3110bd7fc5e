import type { AppointmentStatus } from '../schemas/appointment'
import { decideStaffChange } from './appointment-changes'

/** What recording a confirmation call does to its session, decided from its state and the clock. Pure. */

export const CALL_OUTCOMES = ['confirmed', 'cancelled', 'voicemail', 'no_answer'] as const
export type CallOutcome = (typeof CALL_OUTCOMES)[number]

export type CallDecision = { ok: true; status: AppointmentStatus } | { ok: false; message: string }

/**
 * Calls are about sessions still to come: a cancelled, attended or missed session, or one that has
 * started, takes no call outcome. `confirmed` and `cancelled` change the session by the same rules
 * as a staff edit; `cancelled` is the practice's cancellation, so it never carries a late fee.
 */
export function decideCallOutcome(
  current: { status: AppointmentStatus; starts_at: string; ends_at: string },
  outcome: CallOutcome,
  now: Date,
): CallDecision {
  if (current.status !== 'scheduled' && current.status !== 'confirmed') {
    return { ok: false, message: `This session is already ${current.status.replace('_', ' ')}.` }
  }
  if (now.getTime() >= Date.parse(current.starts_at)) {
    return { ok: false, message: 'This session has already started.' }
  }
  if (outcome === 'voicemail' || outcome === 'no_answer') return { ok: true, status: current.status }
  const decision = decideStaffChange(current, { status: outcome }, now)
  return decision.ok ? { ok: true, status: decision.status } : decision
}

export const CALL_LIST_REASONS = ['asked_for_call', 'reminder_failed', 'no_reminder_channel', 'unconfirmed'] as const
export type CallListReason = (typeof CALL_LIST_REASONS)[number]

/**
 * Why a session is on its therapist's call list, or null when it is not. A client's own request
 * for a call holds (even once confirmed) until a call is recorded after it; otherwise only an
 * unconfirmed session is on the list, said more precisely when its reminders failed or had no
 * channel to go to. Pure.
 */
export function callListReason(session: {
  status: AppointmentStatus
  /** When the client asked for a call, if they did. */
  call_requested_at: string | null
  /** Calls recorded about the session so far. */
  called_at: string[]
  reminders: { status: string; delivery_status: string | null }[]
}): CallListReason | null {
  const requested = session.call_requested_at
  if (requested && !session.called_at.some((at) => Date.parse(at) >= Date.parse(requested))) return 'asked_for_call'
  if (session.status !== 'scheduled') return null
  const failed = session.reminders.some(
    (r) => r.status === 'failed' || ['bounced', 'complained', 'failed'].includes(r.delivery_status ?? ''),
  )
  if (failed) return 'reminder_failed'
  if (session.reminders.every((r) => r.status === 'skipped')) return 'no_reminder_channel'
  return 'unconfirmed'
}
