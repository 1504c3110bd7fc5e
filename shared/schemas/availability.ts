import { z } from 'zod'
import { Instant, LocalDate, TimeZone, Text } from './common'

/** How a session can be held. A session with a video link is `video`, otherwise `in_person`. */
export const SessionMode = z.enum(['in_person', 'video'])
export type SessionMode = z.infer<typeof SessionMode>
export const SESSION_MODES = SessionMode.options

const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time such as 09:00.')

const endsAfterStart = (hours: { start: string; end: string }) => hours.end > hours.start
const HOURS_ORDER = { message: 'The end of these hours must come after their start.', path: ['end'] }

export const WeeklyHours = z
  .object({
    /** ISO weekday: Monday 1 … Sunday 7. */
    weekday: z.number().int().min(1).max(7),
    start: Clock,
    end: Clock,
    /** Both when left out. */
    modes: z.array(SessionMode).min(1).max(2).optional(),
  })
  .strict()
  .refine(endsAfterStart, HOURS_ORDER)
export type WeeklyHours = z.infer<typeof WeeklyHours>

/** A date away all day (no times), or with different hours that day. */
export const AvailabilityException = z
  .object({ date: LocalDate, start: Clock.optional(), end: Clock.optional() })
  .strict()
  .refine((e) => (e.start === undefined) === (e.end === undefined), {
    message: 'Give both a start and an end, or neither for a day away.',
    path: ['end'],
  })
  .refine((e) => e.start === undefined || endsAfterStart(e as { start: string; end: string }), HOURS_ORDER)
export type AvailabilityException = z.infer<typeof AvailabilityException>

/** A therapist's bookable hours, as `PUT /v1/therapists/{id}/availability` takes and returns them. */
export const Availability = z
  .object({
    time_zone: TimeZone,
    weekly: z.array(WeeklyHours).max(50),
    exceptions: z.array(AvailabilityException).max(400),
    buffer_minutes: z.number().int().min(0).max(240),
    min_notice_hours: z
      .number()
      .int()
      .min(0)
      .max(24 * 30),
    horizon_days: z.number().int().min(1).max(365),
    /** The therapist's video room: a session switched to video uses it. */
    video_url: z
      .url({ protocol: /^https$/, message: 'Use an https:// link to the video room.' })
      .max(500)
      .optional(),
  })
  .strict()
export type Availability = z.infer<typeof Availability>

/** A therapist who has set no hours yet offers no times. */
export function emptyAvailability(timeZone: string): Availability {
  return { time_zone: timeZone, weekly: [], exceptions: [], buffer_minutes: 0, min_notice_hours: 24, horizon_days: 28 }
}

export const Slot = z.object({ starts_at: Instant, ends_at: Instant, modes: z.array(SessionMode) })
export type Slot = z.infer<typeof Slot>

/** The practice's rule for this session now, as the client reads it before choosing (shared/policy/reschedule.ts). */
export const RescheduleRuleView = z.object({
  outcome: z.enum(['move', 'request', 'refused']),
  reason: z.enum(['off', 'contact_practice', 'started', 'not_open']).optional(),
  fee_cents: z.number().int(),
  currency: z.string(),
  needs_acknowledgement: z.boolean(),
  text: z.string(),
})

export const SlotList = z.object({
  data: z.array(Slot),
  /** The zone the therapist's hours are in (times are instants; show them in the client's zone). */
  time_zone: z.string(),
  rule: RescheduleRuleView,
  /** Whether this in-person session could be held by video at its time instead. */
  can_switch_to_video: z.boolean(),
})

/** After a missed session: the free times a new session with the same therapist could take (shared/policy/reschedule.ts `bookAgainRule`). */
export const BookAgainTimes = z.object({
  data: z.array(Slot),
  time_zone: z.string(),
  rule: z.object({ outcome: z.enum(['book', 'ask', 'not_missed']), text: z.string() }),
  /** The new session already booked for this missed one (then no times are offered). */
  booked: z.object({ id: z.string(), starts_at: Instant }).optional(),
})

export const BookAgain = z.object({ starts_at: Instant }).strict()

export const RescheduleMove = z
  .object({
    starts_at: Instant,
    /** The client saw the late fee this move carries and chose to go ahead. */
    acknowledge_late: z.boolean().optional(),
  })
  .strict()

export const RescheduleRequestAccepted = z.object({
  request_id: z.string(),
  status: z.literal('requested'),
  starts_at: Instant,
  hold_until: Instant,
  message: z.string(),
})

export const RescheduleRequestItem = z.object({
  id: z.string(),
  appointment_id: z.string(),
  client: z.object({ id: z.string(), name: z.string() }),
  therapist: z.object({ id: z.string(), name: z.string() }),
  previous_starts_at: Instant,
  starts_at: Instant,
  ends_at: Instant,
  status: z.enum(['requested', 'approved', 'declined', 'expired', 'withdrawn']),
  requested_at: Instant,
  hold_until: Instant,
  late_fee_cents: z.number().int().optional(),
  decided_at: Instant.optional(),
})

export const RescheduleRequestListQuery = z
  .object({
    status: z.enum(['requested', 'approved', 'declined', 'expired', 'withdrawn']).optional(),
    therapist_id: Text.max(64).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict()

export const SlotQuery = z
  .object({ from: Instant.optional(), to: Instant.optional() })
  .strict()
  .refine((q) => !q.from || !q.to || Date.parse(q.to) > Date.parse(q.from), {
    message: 'to must come after from.',
    path: ['to'],
  })

/** The practice's rule for clients moving their own sessions. */
export const RescheduleSettings = z
  .object({
    mode: z.enum(['instant', 'request', 'off']),
    inside_window: z.enum(['allow', 'request', 'as_cancellation']),
    /** Offer "switch this session to video" when getting there is the trouble (default on). */
    switch_to_video: z.boolean().optional(),
  })
  .strict()
export type RescheduleSettings = z.infer<typeof RescheduleSettings>
export const DEFAULT_RESCHEDULE: RescheduleSettings = { mode: 'instant', inside_window: 'request' }
