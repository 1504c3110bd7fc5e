import { z } from 'zod'

export const IMPORT_KINDS = ['clients', 'sessions'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]

const yesOrNo = z.enum(['true', 'false'])

export const ImportQuery = z
  .object({
    kind: z.enum(IMPORT_KINDS),
    dry_run: yesOrNo.default('false'),
    /** `false`: clients hear nothing of sessions this import adds or moves (a first import). */
    notify_client: yesOrNo.default('true'),
  })
  .strict()

export const ImportError = z.object({ row: z.number().int(), field: z.string(), message: z.string() })
export type ImportError = z.infer<typeof ImportError>

/** What an import did, or would do (`dry_run`, or when any row has an error: then nothing is written). */
export const ImportReport = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(ImportError),
  dry_run: z.boolean(),
})
export type ImportReport = z.infer<typeof ImportReport>

/**
 * The columns each kind of file may have, as the importer reads them (the header is matched
 * loosely: `External ID` is `external_id`), and those every file needs. A file of sessions also
 * needs `client_external_id` or `client_email`.
 */
export const CLIENT_COLUMNS = [
  'external_id',
  'name',
  'email',
  'phone',
  'time_zone',
  'locale',
  'consent_email',
  'consent_sms',
] as const
export const REQUIRED_CLIENT_COLUMNS: readonly string[] = ['external_id', 'name', 'email']
export const SESSION_COLUMNS = [
  'external_id',
  'client_external_id',
  'client_email',
  'therapist_email',
  'starts_at',
  'ends_at',
  'type',
  'location',
  'telehealth_url',
  'time_zone',
] as const
export const REQUIRED_SESSION_COLUMNS: readonly string[] = ['external_id', 'therapist_email', 'starts_at', 'ends_at']
/** A session names its client by one of these. */
export const CLIENT_REFERENCE_COLUMNS: readonly string[] = ['client_external_id', 'client_email']

/** Where a date with the year last puts the month first (3/10/2026 is 10 March). */
const MONTH_FIRST = new Set(['US', 'PH', 'PR', 'GU', 'VI', 'AS', 'MP', 'FM', 'MH', 'PW'])
/** Where spreadsheets write both orders, so 3/10/2026 could be either day: it is not guessed. */
const EITHER_ORDER = new Set(['CA'])

/** How spreadsheets in the practice's country write a date with the year last; null when both ways are common. */
export type DateOrder = 'month_first' | 'day_first' | null
export function dateOrderIn(country: string): DateOrder {
  const code = country.toUpperCase()
  if (MONTH_FIRST.has(code)) return 'month_first'
  return EITHER_ORDER.has(code) ? null : 'day_first'
}
