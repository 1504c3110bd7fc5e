import { z } from 'zod'

/** Building blocks shared by every API schema. */

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value })
    return value.includes('/') || value === 'UTC'
  } catch {
    return false
  }
}

export const TimeZone = z.string().min(1).max(64).refine(isTimeZone, 'Use an IANA time zone such as America/New_York.')

/** ISO 8601 with an explicit offset (Z or ±hh:mm), as the contract requires on the wire. */
export const Instant = z.iso.datetime({ offset: true })

export const Id = z.string().min(1).max(64)

export const Email = z.string().trim().toLowerCase().pipe(z.email().max(254))

/** E.164-ish: digits with an optional leading +, spaces and dashes allowed on the way in. */
export const Phone = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s().-]/g, ''))
  .pipe(z.string().regex(/^\+?[0-9]{7,15}$/, 'Use a phone number such as +1 555 010 2000.'))

export const Slug = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/, 'Use lowercase letters, digits and dashes.')

export const Country = z.string().regex(/^[A-Z]{2}$/, 'Use a two-letter country code such as US.')

export const Limit = z.coerce.number().int().min(1).max(200).default(50)

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), next_cursor: z.string().nullable() })
}
