/**
 * The reasons a client may give for cancelling, if they choose to (saying why is never required).
 * Kept apart from the zod schemas so the widget and the console can list them without zod.
 */
export const CANCEL_REASON_CODES = [
  'transportation',
  'childcare',
  'work',
  'illness',
  'cost',
  'forgot',
  'not_up_to_it',
  'weather',
  'other',
] as const
export type CancelReasonCode = (typeof CANCEL_REASON_CODES)[number]

export function isCancelReasonCode(value: unknown): value is CancelReasonCode {
  return (CANCEL_REASON_CODES as readonly unknown[]).includes(value)
}
