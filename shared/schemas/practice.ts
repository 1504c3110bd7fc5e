import { z } from 'zod'
import { RescheduleSettings } from './availability'
import { Country, Phone, Slug, TimeZone, Text, patchOf } from './common'
import { Branding, CancellationPolicy, CrisisResource, Locale, ReminderSchedule } from './policies'
import { SmsGatewayInput, SmsGatewaySettings } from './reminders'
import { SilentSignInPatch, SilentSignInSettings } from './silent-sign-in'
import { CalcomPatch, CalcomSettings, FhirPatch, FhirSettings, WhatsappPatch, WhatsappSettings } from './connectors'
import { SecondFactorSetting } from './staff'

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
  /** Minutes an urgent alert may wait unacknowledged before the front desk and the owner are told too (1–120). */
  urgent_escalation_minutes: z.number().int(),
  /** Where the practice itself (its front desk) is emailed about urgent alerts and escalations. */
  contact_email: z.string().optional(),
  /** Whether clients move their own sessions at once, by request, or not at all, and inside the cancellation window. */
  reschedule: RescheduleSettings,
  /** Whether every staff member must use a second factor (TOTP or a passkey) to sign in. */
  staff_second_factor: SecondFactorSetting,
  /** Minutes without a request after which a staff session ends (5–60). */
  staff_idle_minutes: z.number().int(),
  /** The practice's own SMS gateway for reminders and replies; the signing secret is never shown. */
  sms_gateway: SmsGatewaySettings.optional(),
  /** Silent sign-in from the practice's own site; the shared secret is never shown. */
  silent_sign_in: SilentSignInSettings.optional(),
  /** Cal.com bookings arriving by webhook; the secret is never shown. */
  calcom: CalcomSettings.optional(),
  /** The practice's FHIR R4 server and its last sync; the token is never shown. */
  fhir: FhirSettings.optional(),
  /** WhatsApp through the Cloud API; the token and secrets are never shown. */
  whatsapp: WhatsappSettings.optional(),
})
export type Practice = z.infer<typeof Practice>

export const PracticePatch = patchOf({
  name: Text.trim().min(1).max(120),
  time_zone: TimeZone,
  country: Country,
  phone: Phone.nullable(),
  allowed_origins: z.array(Origin).max(20),
  locales: z.array(Locale).min(1).max(3),
  cancellation_policy: CancellationPolicy,
  reminder_schedule: ReminderSchedule,
  crisis_resources: z.array(CrisisResource).min(1).max(12),
  branding: Branding,
  urgent_escalation_minutes: z.number().int().min(1).max(120),
  contact_email: z.email().max(254).nullable(),
  reschedule: RescheduleSettings,
  /** `required`: people without a second factor enrol one at their next sign-in. */
  staff_second_factor: SecondFactorSetting,
  /** Applies to every staff session from its next request. */
  staff_idle_minutes: z
    .number()
    .int('Use a whole number of minutes.')
    .min(5, 'Choose between 5 and 60 minutes.')
    .max(60, 'Choose between 5 and 60 minutes.'),
  /** `null` removes the gateway; the secret signs texts to it and verifies replies from it. */
  sms_gateway: SmsGatewayInput.nullable(),
  /** `null` turns silent sign-in off; the secret is write-only. */
  silent_sign_in: SilentSignInPatch.nullable(),
  /** `null` stops taking Cal.com bookings. */
  calcom: CalcomPatch.nullable(),
  /** `null` stops syncing from the FHIR server. */
  fhir: FhirPatch.nullable(),
  /** `null` disconnects WhatsApp; the token and secrets are write-only. */
  whatsapp: WhatsappPatch.nullable(),
})
export type PracticePatch = z.infer<typeof PracticePatch>

export const OperatorPracticeCreate = z
  .object({
    name: Text.trim().min(1).max(120),
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
  /** The last request made with it, to the minute; null when never used. */
  last_used_at: z.string().nullable(),
})

export const ApiKeyCreate = z
  .object({
    role: ApiKeyRole,
    therapist_id: z.string().optional(),
    name: Text.trim().max(80).default(''),
  })
  .strict()
  .refine((k) => (k.role === 'therapist') === Boolean(k.therapist_id), {
    message: 'A therapist key needs therapist_id; an admin key takes none.',
    path: ['therapist_id'],
  })

/** The secret appears here once, as `key`. */
export const ApiKeyCreated = ApiKey.extend({ key: z.string() })

export const OperatorPracticeCreated = z.object({ practice: Practice, api_key: ApiKeyCreated })
