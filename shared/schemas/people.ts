import { z } from 'zod'
import { Email, Phone, TimeZone, Text, patchOf } from './common'
import { CancellationPolicy, Channel, Locale } from './policies'

/** How a therapist or a client is known and reached, and the clock they live by. */
const personFields = {
  name: z.string(),
  email: z.string(),
  phone: z.string().optional(),
  time_zone: z.string(),
}

export const Therapist = z.object({
  id: z.string(),
  ...personFields,
  cancellation_policy: CancellationPolicy.optional(),
})
export type Therapist = z.infer<typeof Therapist>

/** What a therapist or a client is given as, when created or changed: a name, an email, their clock. */
const personInput = {
  name: Text.trim().min(1).max(120),
  email: Email,
  time_zone: TimeZone,
}

export const TherapistCreate = z
  .object({ ...personInput, phone: Phone.optional(), cancellation_policy: CancellationPolicy.optional() })
  .strict()

export const TherapistPatch = patchOf({
  ...personInput,
  phone: Phone.nullable(),
  cancellation_policy: CancellationPolicy.nullable(),
})

export const Consents = z
  .object({ email: z.boolean(), sms: z.boolean(), whatsapp: z.boolean(), push: z.boolean() })
  .strict()
export type Consents = z.infer<typeof Consents>

/** The client's own order of channels: reminders and notices go to the first that works, then the next. */
export const PreferredChannels = z
  .array(Channel)
  .min(1)
  .max(4)
  .refine((channels) => new Set(channels).size === channels.length, 'Name each channel once.')

/** The id another system (a spreadsheet, an EHR) knows a record by. */
export const ExternalId = Text.trim().min(1).max(200)

export const Client = z.object({
  id: z.string(),
  external_id: z.string().optional(),
  ...personFields,
  locale: Locale,
  consents: Consents,
  /** Absent: every channel the client consented to, in the practice's order. */
  preferred_channels: z.array(Channel).optional(),
  /** False once the practice ended the client's portal access (no sign-in, no open session). */
  portal_access: z.boolean(),
})
export type Client = z.infer<typeof Client>

const clientFields = { ...personInput, locale: Locale }

export const ClientCreate = z
  .object({
    ...clientFields,
    external_id: ExternalId.optional(),
    phone: Phone.optional(),
    locale: Locale.default('en'),
    consents: Consents.partial().strict().optional(),
    preferred_channels: PreferredChannels.optional(),
  })
  .strict()

export const ClientPatch = patchOf({
  ...clientFields,
  external_id: ExternalId.nullable(),
  phone: Phone.nullable(),
  consents: Consents.partial().strict(),
  preferred_channels: PreferredChannels.nullable(),
})
