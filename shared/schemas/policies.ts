import { z } from 'zod'
import { Text, Url } from './common'

/** The rules a practice or therapist sets. Pure data; the engines in `shared/policy/` read them. */

export const Currency = z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as USD.')

export const CancellationPolicy = z
  .object({
    window_hours: z.number().int().min(24).max(48),
    late_action: z.enum(['fee', 'contact_required']),
    fee_cents: z.number().int().min(0).max(1_000_000),
    currency: Currency,
  })
  .strict()
export type CancellationPolicy = z.infer<typeof CancellationPolicy>

export const DEFAULT_CANCELLATION_POLICY: CancellationPolicy = {
  window_hours: 48,
  late_action: 'fee',
  fee_cents: 7500,
  currency: 'USD',
}

export const MESSAGE_CATEGORIES = ['scheduling', 'resource', 'update', 'homework', 'other'] as const
export const MessageCategory = z.enum(MESSAGE_CATEGORIES)
export type MessageCategory = z.infer<typeof MessageCategory>
/** What a client may pick when writing: the policy's categories plus crisis, which is always open. */
export const ClientMessageCategory = z.enum([...MESSAGE_CATEGORIES, 'crisis'])
export type ClientMessageCategory = z.infer<typeof ClientMessageCategory>

export const ReplyExpectation = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  z.object({ kind: z.literal('business_days'), days: z.number().int().min(1).max(10) }).strict(),
])
export type ReplyExpectation = z.infer<typeof ReplyExpectation>

export const ContactPolicy = z
  .object({
    accepts_messages: z.boolean(),
    allowed_categories: z
      .array(MessageCategory)
      .max(MESSAGE_CATEGORIES.length)
      .refine((list) => new Set(list).size === list.length, 'List each category once.'),
    reply_expectation: ReplyExpectation,
    auto_reply: Text.trim().min(1).max(1000).optional(),
    crisis_note: Text.trim().min(1).max(1000).optional(),
  })
  .strict()
export type ContactPolicy = z.infer<typeof ContactPolicy>

export const DEFAULT_CONTACT_POLICY: ContactPolicy = {
  accepts_messages: true,
  allowed_categories: ['scheduling', 'update'],
  reply_expectation: { kind: 'business_days', days: 2 },
}

export const CrisisResource = z
  .object({
    name: Text.trim().min(1).max(120),
    kind: z.enum(['emergency', 'hotline', 'local']),
    phone: Text.trim().min(2).max(40).optional(),
    text: Text.trim().min(2).max(40).optional(),
    url: Url().max(500).optional(),
    hours: Text.trim().min(1).max(120).optional(),
  })
  .strict()
  .refine((r) => r.phone || r.text || r.url, 'Give a phone number, a text number or a web address.')
export type CrisisResource = z.infer<typeof CrisisResource>

export const Channel = z.enum(['email', 'sms', 'whatsapp', 'push'])
export type Channel = z.infer<typeof Channel>

const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use 24-hour HH:MM.')

/** The most steps (confirmation request, morning-of, reminders before) one schedule may have. */
export const MAX_REMINDER_STEPS = 5
/** A reminder before the session goes at most a week ahead, like the confirmation request. */
export const MAX_REMINDER_HOURS_BEFORE = 168

const isLocalTime = (...times: string[]) => times.every((time) => LocalTime.safeParse(time).success)
/** Minutes since midnight of an HH:MM time of day. */
export const minutesOfDay = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))

export const QuietHours = z
  .object({ start: LocalTime, end: LocalTime })
  .strict()
  .refine((q) => q.start !== q.end, { message: 'Quiet hours need a start and an end that differ.', path: ['end'] })
  .refine(
    (q) => !isLocalTime(q.start, q.end) || (minutesOfDay(q.end) - minutesOfDay(q.start) + 1440) % 1440 <= 14 * 60,
    {
      message: 'Quiet hours can last at most 14 hours, so reminders still have time to go out.',
      path: ['end'],
    },
  )
export type QuietHours = z.infer<typeof QuietHours>

export const ReminderStep = z
  .object({
    /** Hours before the start, in quarter hours: 0.25 is 15 minutes before. */
    hours_before: z
      .number()
      .min(0.25)
      .max(MAX_REMINDER_HOURS_BEFORE)
      .multipleOf(0.25, 'Use whole hours or quarter hours, such as 2 or 0.25.'),
  })
  .strict()
export type ReminderStep = z.infer<typeof ReminderStep>

export const ReminderSchedule = z
  .object({
    /** A request to confirm, sent this many hours before the free-cancellation deadline. */
    confirmation: z
      .object({ enabled: z.boolean(), hours_before_free_until: z.number().int().min(1).max(168) })
      .strict(),
    /** A reminder on the morning of the session, at this local time of the client. */
    morning_of: z.object({ enabled: z.boolean(), at: LocalTime }).strict(),
    /** More reminders, each this many hours before the start. None when absent. */
    reminders: z.array(ReminderStep).max(MAX_REMINDER_STEPS).optional(),
    /** A short "your session is booked" note when a session is created or comes in. Off when absent. */
    on_booking: z.boolean().optional(),
    /** On the client's clock; a window may span midnight. 21:00 to 08:00 when absent. */
    quiet_hours: QuietHours.optional(),
    /** Channels in order of preference; each is used only where the client consented. */
    channels: z.array(Channel).min(1).max(4),
    /** `private` keeps the therapist and the kind of care out of anything a lock screen shows. */
    detail: z.enum(['private', 'detailed']),
  })
  .strict()
  .superRefine((schedule, ctx) => {
    const hours = (schedule.reminders ?? []).map((r) => r.hours_before)
    hours.forEach((h, i) => {
      if (hours.indexOf(h) !== i) {
        ctx.addIssue({
          code: 'custom',
          path: ['reminders', i, 'hours_before'],
          message: 'Two reminders are set for the same time. Give each a different number of hours.',
        })
      }
    })
    const steps = hours.length + (schedule.confirmation.enabled ? 1 : 0) + (schedule.morning_of.enabled ? 1 : 0)
    if (steps > MAX_REMINDER_STEPS) {
      ctx.addIssue({
        code: 'custom',
        path: ['reminders'],
        message: `A schedule can have at most ${MAX_REMINDER_STEPS} reminders, counting the confirmation request and the morning-of reminder.`,
      })
    }
  })
export type ReminderSchedule = z.infer<typeof ReminderSchedule>

export const DEFAULT_REMINDER_SCHEDULE: ReminderSchedule = {
  confirmation: { enabled: true, hours_before_free_until: 24 },
  morning_of: { enabled: true, at: '08:00' },
  channels: ['email', 'sms', 'push'],
  detail: 'private',
}

export const DEFAULT_QUIET_HOURS: QuietHours = { start: '21:00', end: '08:00' }

export const Branding = z
  .object({
    accent_color: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #2f6f62.')
      .optional(),
    logo_url: Url().max(500).optional(),
  })
  .strict()
export type Branding = z.infer<typeof Branding>

export const LOCALES = ['en', 'es', 'fr'] as const
export const Locale = z.enum(LOCALES)
export type Locale = z.infer<typeof Locale>
