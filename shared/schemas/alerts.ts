import { z } from 'zod'
import { Id } from './common'

/**
 * Alerts: everything that needs a person. One model for every cause; `kind` says which, the
 * `audience` says who should act. Summaries never contain message text.
 */
export { ALERT_KINDS, type AlertKind, URGENT_ALERT_KINDS } from '../alert-kinds'

export const AlertAudience = z.enum(['therapist', 'front_desk'])
export type AlertAudience = z.infer<typeof AlertAudience>

export const AlertStatus = z.enum(['open', 'resolved'])

export const Alert = z.object({
  id: z.string(),
  kind: z.string(),
  audience: AlertAudience,
  urgent: z.boolean(),
  therapist_id: z.string().optional(),
  client_id: z.string().optional(),
  appointment_id: z.string().optional(),
  summary: z.string(),
  context: z.record(z.string(), z.unknown()),
  /** The client's own optional words (e.g. with a reschedule request), decrypted for staff. */
  client_note: z.string().optional(),
  status: AlertStatus,
  created_at: z.string(),
  resolved_at: z.string().optional(),
  resolved_by: z.string().optional(),
  resolution_note: z.string().optional(),
})
export type Alert = z.infer<typeof Alert>

export const AlertListQuery = z
  .object({
    status: AlertStatus.default('open'),
    therapist_id: Id.optional(),
    kind: z.string().max(50).optional(),
    /** Only what the front desk (or the therapist) should act on. */
    audience: AlertAudience.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(300).optional(),
  })
  .strict()

export const AlertResolve = z
  .object({
    note: z.string().trim().max(1000).optional(),
    /** Required for a `fee_waiver_request`, and only there: the client is told either way. */
    decision: z.enum(['grant', 'decline']).optional(),
  })
  .strict()
