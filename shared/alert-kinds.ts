/**
 * Every cause an alert can have, and the ones listed before all others. Kept apart from the zod
 * schemas (`schemas/alerts.ts` re-exports them) so the staff console can use them without zod.
 */
export const ALERT_KINDS = [
  'crisis_message',
  'distress_reply',
  'late_cancellation',
  'series_cancellation',
  'unclear_reply',
  'delivery_failed',
  'reminder_failed',
  'no_show',
  'reschedule_request',
  'fee_waiver_request',
  'switched_to_video',
  'sync_problem',
  'webhook_failing',
] as const
export type AlertKind = (typeof ALERT_KINDS)[number]

/** Kinds shown before everything else: someone may be unsafe. */
export const URGENT_ALERT_KINDS: readonly AlertKind[] = ['crisis_message', 'distress_reply']
