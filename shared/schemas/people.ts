import { z } from 'zod'
import { Email, Phone, TimeZone } from './common'
import { CancellationPolicy, Locale } from './policies'

export const Therapist = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string().optional(),
  time_zone: z.string(),
  cancellation_policy: CancellationPolicy.optional(),
})
export type Therapist = z.infer<typeof Therapist>

const therapistFields = {
  name: z.string().trim().min(1).max(120),
  email: Email,
  phone: Phone,
  time_zone: TimeZone,
}

export const TherapistCreate = z
  .object({ ...therapistFields, phone: Phone.optional(), cancellation_policy: CancellationPolicy.optional() })
  .strict()

export const TherapistPatch = z
  .object({ ...therapistFields, phone: Phone.nullable(), cancellation_policy: CancellationPolicy.nullable() })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'Send at least one field to change.')

export const Consents = z.object({ email: z.boolean(), sms: z.boolean(), push: z.boolean() }).strict()
export type Consents = z.infer<typeof Consents>

export const Client = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string().optional(),
  time_zone: z.string(),
  locale: Locale,
  consents: Consents,
})
export type Client = z.infer<typeof Client>

const clientFields = {
  name: z.string().trim().min(1).max(120),
  email: Email,
  time_zone: TimeZone,
  locale: Locale,
}

export const ClientCreate = z
  .object({
    ...clientFields,
    phone: Phone.optional(),
    locale: Locale.default('en'),
    consents: Consents.partial().strict().optional(),
  })
  .strict()

export const ClientPatch = z
  .object({ ...clientFields, phone: Phone.nullable(), consents: Consents.partial().strict() })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'Send at least one field to change.')
