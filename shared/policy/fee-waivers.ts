/**
 * Whether a client may ask for a late-cancellation fee to be waived. Pure. Many clinicians make
 * exceptions; asking is always allowed once for a session that was cancelled late with a fee.
 */

export type WaiverStatus = 'requested' | 'granted' | 'declined'

export type WaiverAsk =
  | { ok: true }
  | { ok: false; reason: 'not_late_cancelled' | 'no_fee' | 'already_asked'; message: string }

export function canAskForWaiver(session: {
  status: string
  late_fee_cents: number | null
  waiver: WaiverStatus | null
}): WaiverAsk {
  if (session.waiver) {
    return {
      ok: false,
      reason: 'already_asked',
      message: 'You have already asked about this fee. The practice will let you know either way.',
    }
  }
  if (session.status !== 'late_cancelled') {
    return {
      ok: false,
      reason: 'not_late_cancelled',
      message: 'Only a session that was cancelled late can have its fee waived.',
    }
  }
  if (!session.late_fee_cents || session.late_fee_cents <= 0) {
    return { ok: false, reason: 'no_fee', message: 'There is no fee on this session to waive.' }
  }
  return { ok: true }
}
