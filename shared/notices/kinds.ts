/** Every note Hearth sends a client on its own (shared/notices/text.ts words them). */
export const NOTICE_KINDS = [
  'missed',
  'offer',
  'offer_taken',
  'fee_waiver_granted',
  'fee_waiver_declined',
  'reply_waiting',
  'session_moved',
  'session_cancelled',
  'rescheduled',
  'reschedule_declined',
  'reschedule_expired',
  'booked',
  'cancelled_by_client',
] as const
