import { z } from 'zod'
import { Email, Text } from './common'
import { NOTICE_KINDS } from '../notices/kinds'
import { Consents } from './people'
import { Locale } from './policies'

/** What a staff member reads at a secret that is too short. */
const AT_LEAST_8 = 'Use at least 8 characters.'

/** `PATCH /v1/practice {"calcom": ...}`: the webhook's secret (write-only) and who is who. */
export const CalcomPatch = z
  .object({
    webhook_secret: Text.min(8, AT_LEAST_8).max(200),
    /** Organizer email (as Cal.com sends it) → the Hearth therapist id their bookings belong to. */
    therapists: z.record(Email, Text.min(1).max(64)).default({}),
    /** The consents a client first met through a booking starts with (default: email only). */
    client_consents: Consents.partial().strict().optional(),
  })
  .strict()
export type CalcomPatch = z.infer<typeof CalcomPatch>

export const CalcomSettings = z.object({
  webhook_url: z.string(),
  therapists: z.record(z.string(), z.string()),
  client_consents: Consents,
  has_webhook_secret: z.literal(true),
})
export type CalcomSettings = z.infer<typeof CalcomSettings>

/** `PATCH /v1/practice {"fhir": ...}`: the FHIR R4 base URL and, when it needs one, a bearer token. */
export const FhirPatch = z
  .object({
    base_url: z
      .url({ protocol: /^https?$/, error: 'Use the whole address your EHR gave you, starting with https://.' })
      .max(500)
      .refine(
        (url) => url.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/|$)/.test(url),
        'Use an https:// address (plain http only for a server on this machine).',
      ),
    token: Text.min(1).max(4000).optional(),
  })
  .strict()
export type FhirPatch = z.infer<typeof FhirPatch>

export const FhirSyncError = z.object({ resource: z.string(), message: z.string() })
export type FhirSyncError = z.infer<typeof FhirSyncError>

export const FhirSyncCounts = z.object({
  therapists: z.number().int(),
  clients: z.number().int(),
  sessions: z.number().int(),
})

/** The connection as staff see it: never the token, always how the last sync went. */
export const FhirSettings = z.object({
  base_url: z.string(),
  has_token: z.boolean(),
  synced_through: z.string().nullable(),
  last_attempt_at: z.string().nullable(),
  last_success_at: z.string().nullable(),
  /** What the last sync brought in or changed. */
  last_result: FhirSyncCounts.nullable(),
  /** Resources the last sync could not bring in, each with a plain reason. */
  last_errors: z.array(FhirSyncError),
})
export type FhirSettings = z.infer<typeof FhirSettings>

export const FhirSyncReport = FhirSettings

/** What Hearth sends a client that a WhatsApp template can carry outside the 24-hour window. */
export const WHATSAPP_MESSAGE_KINDS = ['confirmation', 'morning_of', 'reminder', ...NOTICE_KINDS] as const
export type WhatsappMessageKind = (typeof WHATSAPP_MESSAGE_KINDS)[number]

/**
 * One approved template: its name and language code in WhatsApp Manager. Its body takes Hearth's
 * variables in this order: {{1}} the practice, {{2}} the day, {{3}} the time.
 */
export const WhatsappTemplateRef = z
  .object({
    name: z.string().regex(/^[a-z0-9_]{1,512}$/, 'Use the template name as WhatsApp shows it (a-z, 0-9, _).'),
    language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'Use a WhatsApp language code such as en_US.'),
  })
  .strict()

export const WhatsappTemplates = z.partialRecord(
  z.enum(WHATSAPP_MESSAGE_KINDS),
  z.partialRecord(Locale, WhatsappTemplateRef),
)
export type WhatsappTemplates = z.infer<typeof WhatsappTemplates>

/** `PATCH /v1/practice {"whatsapp": ...}`: the Cloud API number, its secrets (write-only) and templates. */
export const WhatsappPatch = z
  .object({
    phone_number_id: z.string().regex(/^[0-9A-Za-z_-]{1,64}$/, 'Use the phone number id from WhatsApp Manager.'),
    access_token: z.string().min(10, 'Paste the whole access token from Meta.').max(4000),
    app_secret: z.string().min(8, AT_LEAST_8).max(200),
    verify_token: z.string().min(8, AT_LEAST_8).max(200),
    api_base_url: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .refine(
        (url) => url.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/|$)/.test(url),
        'Use an https:// address (plain http only for a server on this machine).',
      )
      .optional(),
    templates: WhatsappTemplates.default({}),
  })
  .strict()
export type WhatsappPatch = z.infer<typeof WhatsappPatch>

/** The connection as staff see it: never a secret, and the address to give Meta for webhooks. */
export const WhatsappSettings = z.object({
  phone_number_id: z.string(),
  api_base_url: z.string(),
  webhook_url: z.string(),
  templates: WhatsappTemplates,
  has_access_token: z.literal(true),
  has_app_secret: z.literal(true),
  has_verify_token: z.literal(true),
})
export type WhatsappSettings = z.infer<typeof WhatsappSettings>
