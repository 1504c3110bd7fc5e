import { z } from 'zod'
import { MIN_CELL_SESSIONS } from '../insights/suppression'
import { CALL_LIST_REASONS, CALL_OUTCOMES } from '../policy/confirmation-calls'
import { Appointment } from './appointment'
import { Id, Instant, isLocalDate, LocalDate, Text } from './common'
import { Locale } from './policies'
import { EARLIEST_DATE, LATEST_DATE } from '../time/bounds'

/** The therapist's and practice's tools: the confirmation call list and no-show insights. */

export { isLocalDate, LocalDate } from './common'

// ---- Confirmation calls ----

export const CallOutcome = z.enum(CALL_OUTCOMES)
export type CallOutcome = z.infer<typeof CallOutcome>

export const ConfirmationCallCreate = z
  .object({
    outcome: CallOutcome,
    /** A short, practical note ("left a voicemail, will try after 5"). Never clinical detail. */
    note: Text.trim().max(500, 'Keep the note to 500 characters or fewer.').optional(),
  })
  .strict()

export const ConfirmationCall = z.object({
  id: z.string(),
  appointment_id: z.string(),
  outcome: CallOutcome,
  note: z.string().optional(),
  called_at: z.string(),
  recorded_by: z.object({
    /** The API key that recorded it, or the staff member (by id and name). */
    api_key_id: z.string().optional(),
    staff_user_id: z.string().optional(),
    name: z.string().optional(),
    role: z.enum(['admin', 'therapist']),
    therapist_id: z.string().optional(),
  }),
})
export type ConfirmationCall = z.infer<typeof ConfirmationCall>

export const ConfirmationCallResult = z.object({ call: ConfirmationCall, appointment: Appointment })

export const CallListQuery = z
  .object({
    /** The day, in the therapist's time zone. Absent: the next working day (Monday to Friday). */
    date: LocalDate.optional(),
    /** Required with an admin key; a therapist key lists its own therapist's calls. */
    therapist_id: Id.optional(),
    /** The language of `time_label`. */
    locale: Locale.default('en'),
  })
  .strict()

/** A reminder for the session so far, read from the outbox. */
export const ReminderSummary = z.object({
  kind: z.string().describe('confirmation or morning_of'),
  channel: z.string().describe('email, sms or push'),
  status: z.string().describe('pending, sent, failed, cancelled or skipped'),
  send_at: z.string(),
  sent_at: z.string().optional(),
  delivery_status: z.string().optional().describe('delivered, delayed, bounced, complained or failed'),
  /** Why it was skipped or given up on, e.g. opted_out. */
  reason: z.string().optional(),
})

export const CallListEntry = z.object({
  appointment_id: z.string(),
  /** In the therapist's zone, with its offset: `2026-03-03T09:00:00-05:00`. */
  starts_at: z.string(),
  ends_at: z.string(),
  /** The start as a person reads it, in the therapist's zone: "Tuesday 3 March at 9:00 am". */
  time_label: z.string(),
  type: z.string(),
  telehealth: z.boolean(),
  status: z.enum(['scheduled', 'confirmed']),
  /**
   * Why the session is on the list: the client asked for a call (`asked_for_call`), its reminders
   * failed (`reminder_failed`) or had no channel to go to (`no_reminder_channel`), or it is simply
   * not confirmed yet (`unconfirmed`).
   */
  reason: z.enum(CALL_LIST_REASONS),
  client: z.object({
    id: z.string(),
    name: z.string(),
    /** E.164, ready for a `tel:` link; absent when the number on file cannot be made certain. */
    phone: z.string().optional(),
    /** The number as stored, when it could not be turned into E.164. */
    phone_as_entered: z.string().optional(),
  }),
  reminders: z.array(ReminderSummary),
  /** Earlier calls about this session, oldest first. */
  calls: z.array(ConfirmationCall),
  /** The client asked to move this session to another time; the practice has not answered yet. */
  move_request: z.object({ starts_at: z.string(), time_label: z.string() }).optional(),
})
export type CallListEntry = z.infer<typeof CallListEntry>

export const CallList = z.object({
  date: z.string(),
  time_zone: z.string(),
  therapist: z.object({ id: z.string(), name: z.string() }),
  data: z.array(CallListEntry),
  /** A day's list is never paged. */
  next_cursor: z.null(),
})
export type CallList = z.infer<typeof CallList>

// ---- No-show insights ----

export const INSIGHT_GROUPINGS = [
  'therapist',
  'weekday',
  'hour',
  'type',
  'lead_time',
  'confirmed',
  'channel',
  'reminder_timing',
  'cancel_reason',
] as const
export const InsightGrouping = z.enum(INSIGHT_GROUPINGS)
export type InsightGrouping = z.infer<typeof InsightGrouping>

const RangeBound = z
  .string()
  .refine(
    (v) => isLocalDate(v) || Instant.safeParse(v).success,
    'Use a date such as 2026-03-02 or a time with its offset such as 2026-03-02T09:00:00-05:00.',
  )
  .meta({ description: `A date (YYYY-MM-DD) or an instant with its offset, from ${EARLIEST_DATE} to ${LATEST_DATE}` })

export const NoShowInsightsQuery = z
  .object({
    group_by: InsightGrouping,
    /** Inclusive. A date means the start of that day in the practice's zone. Default: 90 days before `to`. */
    from: RangeBound.optional(),
    /** Exclusive. A date means the start of that day in the practice's zone. Default: now. */
    to: RangeBound.optional(),
    locale: Locale.default('en'),
  })
  .strict()

const cellIdentity = { key: z.string(), label: z.string() }

export const InsightCell = z.discriminatedUnion('suppressed', [
  z.object({
    ...cellIdentity,
    suppressed: z.literal(false),
    sessions: z.number().int().min(MIN_CELL_SESSIONS),
    attended: z.number().int().min(0),
    no_shows: z.number().int().min(0),
    late_cancellations: z.number().int().min(0),
    no_show_rate: z.number().min(0).max(1),
    late_cancel_rate: z.number().min(0).max(1),
    /** `cancel_reason` only: this reason's share of all the client's cancellations in the range. */
    share: z.number().min(0).max(1).optional(),
  }),
  z.object({ ...cellIdentity, suppressed: z.literal(true) }),
])
export type InsightCell = z.infer<typeof InsightCell>

export const NoShowInsights = z.object({
  group_by: InsightGrouping,
  from: z.string(),
  to: z.string(),
  /** The practice's zone, in which weekday and hour are read. */
  time_zone: z.string(),
  /** Present when the numbers cover one therapist's sessions only (a therapist key). */
  therapist_id: z.string().optional(),
  /** Groups with fewer sessions than this show no numbers. */
  min_sessions: z.number().int(),
  groups: z.array(InsightCell),
  /** The effect that matters most: no-shows among confirmed and unconfirmed sessions. */
  confirmation: z.object({ confirmed: InsightCell, unconfirmed: InsightCell }),
})
export type NoShowInsights = z.infer<typeof NoShowInsights>

// ---- Who a key is (the staff console signs in with one) ----

export const KeyIdentity = z.object({
  key_id: z.string(),
  role: z.enum(['admin', 'therapist']),
  practice: z.object({ id: z.string(), name: z.string(), slug: z.string(), time_zone: z.string() }),
  /** The therapist a therapist key belongs to. */
  therapist: z.object({ id: z.string(), name: z.string(), time_zone: z.string() }).optional(),
})
export type KeyIdentity = z.infer<typeof KeyIdentity>
