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
