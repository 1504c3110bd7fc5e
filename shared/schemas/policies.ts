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

export const ReminderSchedule = z
  .object({
    /** A request to confirm, sent this many hours before the free-cancellation deadline. */
    confirmation: z
      .object({ enabled: z.boolean(), hours_before_free_until: z.number().int().min(1).max(168) })
      .strict(),
    /** A reminder on the morning of the session, at this local time of the client. */
    morning_of: z.object({ enabled: z.boolean(), at: LocalTime }).strict(),
    /** Channels in order of preference; each is used only where the client consented. */
    channels: z.array(Channel).min(1).max(4),
    /** `private` keeps the therapist and the kind of care out of anything a lock screen shows. */
    detail: z.enum(['private', 'detailed']),
  })
  .strict()
export type ReminderSchedule = z.infer<typeof ReminderSchedule>

export const DEFAULT_REMINDER_SCHEDULE: ReminderSchedule = {
  confirmation: { enabled: true, hours_before_free_until: 24 },
  morning_of: { enabled: true, at: '08:00' },
  channels: ['email', 'sms', 'push'],
  detail: 'private',
}

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
