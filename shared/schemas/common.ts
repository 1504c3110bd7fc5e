import { z } from 'zod'
import { canonicalTimeZone, isTimeZone } from '../time/zone-names'
import { DATE_RANGE_MESSAGE, EARLIEST_DATE, isWithinDateRange, LATEST_DATE, utcMillis } from '../time/bounds'

/** Building blocks shared by every API schema. */

/**
 * Text Postgres can store: no NUL character (text and jsonb refuse it) and no lone UTF-16
 * surrogate (it cannot be written as UTF-8, so it would be silently replaced). Valid pairs
 * (emoji) are fine. A pattern rather than a function, so the OpenAPI document says it too.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the NUL character is exactly what this refuses
export const STORABLE_TEXT = /^(?:[^\u0000\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/

const NOT_STORABLE = 'Remove the hidden control characters from this text (a NUL byte or a broken character).'

/** Every free-text field of the API starts here: `Text.trim().min(1).max(120)`. */
export const Text = z.string().regex(STORABLE_TEXT, NOT_STORABLE)

export function isStorableText(value: string): boolean {
  return STORABLE_TEXT.test(value)
}

/** A URL that is also storable text (`z.url()` lets a NUL through in its path). */
export function Url(options?: Parameters<typeof z.url>[0]) {
  return z.url(options).refine(isStorableText, NOT_STORABLE)
}

/** An IANA zone both the database and the runtime know, stored in its canonical spelling. */
export const TimeZone = Text.min(1)
  .max(64)
  .refine(isTimeZone, 'Use an IANA time zone such as America/New_York.')
  .transform((value) => canonicalTimeZone(value) as string)
  .meta({
    format: 'time-zone',
    description: 'An IANA time zone such as America/New_York; any letter case, stored in its canonical spelling',
  })

/** ISO 8601 with an explicit offset (Z or ±hh:mm), as the contract requires on the wire, inside the accepted range. */
export const Instant = z.iso
  .datetime({ offset: true })
  .refine((value) => isWithinDateRange(Date.parse(value)), DATE_RANGE_MESSAGE)
  .meta({ description: `An instant with its offset, from ${EARLIEST_DATE} to ${LATEST_DATE} (UTC)` })

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** A real calendar date `YYYY-MM-DD` inside the accepted range (no 2026-02-30, no year 0050). */
export function isLocalDate(value: string): boolean {
  const match = LOCAL_DATE.exec(value)
  if (!match) return false
  const ms = utcMillis(Number(match[1]), Number(match[2]), Number(match[3]))
  return new Date(ms).toISOString().slice(0, 10) === value && isWithinDateRange(ms)
}

/** A calendar date, `YYYY-MM-DD`, read in a time zone the route names. */
export const LocalDate = z.iso
  .date({ error: 'Use a date such as 2026-03-02.' })
  .refine(isLocalDate, DATE_RANGE_MESSAGE)
  .meta({ description: `A calendar date, from ${EARLIEST_DATE} to ${LATEST_DATE}` })

export const Id = Text.min(1).max(64)

export const Email = Text.trim().toLowerCase().pipe(z.email().max(254)).meta({ format: 'email' })

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

/** A PATCH body: any of these fields, none other, and at least one of them. */
export function patchOf<Shape extends z.ZodRawShape>(shape: Shape) {
  return z
    .object(shape)
    .partial()
    .strict()
    .refine((patch) => Object.keys(patch).length > 0, 'Send at least one field to change.')
}

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), next_cursor: z.string().nullable() })
}
