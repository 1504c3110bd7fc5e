import { z } from 'zod'
import { Country, Phone, Slug, TimeZone } from './common'
import { Branding, CancellationPolicy, CrisisResource, Locale, ReminderSchedule } from './policies'
import { SmsGatewayInput, SmsGatewaySettings } from './reminders'
import { SilentSignInPatch, SilentSignInSettings } from './silent-sign-in'

const Origin = z
  .string()
  .trim()
  .transform((v) => v.replace(/\/+$/, ''))
  .pipe(z.string().regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i, 'Use an origin such as https://calmwaters.example.'))

export const Practice = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  time_zone: z.string(),
  country: z.string(),
  phone: z.string().optional(),
  allowed_origins: z.array(z.string()),
  locales: z.array(Locale),
  cancellation_policy: CancellationPolicy,
  reminder_schedule: ReminderSchedule,
  crisis_resources: z.array(CrisisResource),
  branding: Branding,
  /** The practice's own SMS gateway for reminders and replies; the signing secret is never shown. */
  sms_gateway: SmsGatewaySettings.optional(),
  /** Silent sign-in from the practice's own site; the shared secret is never shown. */
  silent_sign_in: SilentSignInSettings.optional(),
})
export type Practice = z.infer<typeof Practice>

export const PracticePatch = z
  .object({
    name: z.string().trim().min(1).max(120),
    time_zone: TimeZone,
    country: Country,
    phone: Phone.nullable(),
    allowed_origins: z.array(Origin).max(20),
    locales: z.array(Locale).min(1).max(3),
    cancellation_policy: CancellationPolicy,
    reminder_schedule: ReminderSchedule,
    crisis_resources: z.array(CrisisResource).min(1).max(12),
    branding: Branding,
    /** `null` removes the gateway; the secret signs texts to it and verifies replies from it. */
    sms_gateway: SmsGatewayInput.nullable(),
    /** `null` turns silent sign-in off; the secret is write-only. */
    silent_sign_in: SilentSignInPatch.nullable(),
  })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'Send at least one field to change.')
export type PracticePatch = z.infer<typeof PracticePatch>

export const OperatorPracticeCreate = z
  .object({
    name: z.string().trim().min(1).max(120),
    slug: Slug,
    time_zone: TimeZone,
    allowed_origins: z.array(Origin).max(20).default([]),
    country: Country.default('US'),
    phone: Phone.optional(),
  })
  .strict()

export const ApiKeyRole = z.enum(['admin', 'therapist'])

export const ApiKey = z.object({
  id: z.string(),
  role: ApiKeyRole,
  therapist_id: z.string().nullable(),
  name: z.string(),
  prefix: z.string(),
  created_at: z.string(),
})

export const ApiKeyCreate = z
  .object({
    role: ApiKeyRole,
    therapist_id: z.string().optional(),
    name: z.string().trim().max(80).default(''),
  })
  .strict()
  .refine((k) => (k.role === 'therapist') === Boolean(k.therapist_id), {
    message: 'A therapist key needs therapist_id; an admin key takes none.',
    path: ['therapist_id'],
  })

/** The secret appears here once, as `key`. */
export const ApiKeyCreated = ApiKey.extend({ key: z.string() })

export const OperatorPracticeCreated = z.object({ practice: Practice, api_key: ApiKeyCreated })
