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
