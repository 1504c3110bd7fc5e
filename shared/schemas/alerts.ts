import { z } from 'zod'
import { Id, Text } from './common'

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
  /** The client's thread, for an alert about something they wrote. */
  thread_id: z.string().optional(),
  /** The client's phone, for a call back (absent when the practice has none). */
  client_phone: z.string().optional(),
  /** The session it is about, or else the client's next session after it was raised (for a crisis message). */
  session: z.object({ id: z.string(), starts_at: z.string() }).optional(),
  /** Where the alert is handled in the staff console: the thread for what a client wrote, else the alert. */
  console_url: z.string().optional(),
  summary: z.string(),
  context: z.record(z.string(), z.unknown()),
  /** The client's own optional words (e.g. with a reschedule request), decrypted for staff. */
  client_note: z.string().optional(),
  status: AlertStatus,
  created_at: z.string(),
  resolved_at: z.string().optional(),
  resolved_by: z.string().optional(),
  /** The staff member who resolved it, by name (absent for an API key). */
  resolved_by_name: z.string().optional(),
  resolution_note: z.string().optional(),
  /** When someone first opened it (urgent alerts stop escalating then), and who. */
  acknowledged_at: z.string().optional(),
  acknowledged_by: z.string().optional(),
})
export type Alert = z.infer<typeof Alert>

export const AlertListQuery = z
  .object({
    status: AlertStatus.default('open'),
    therapist_id: Id.optional(),
    kind: Text.max(50).optional(),
    /** Only what the front desk (or the therapist) should act on. */
    audience: AlertAudience.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: Text.max(300).optional(),
  })
  .strict()

export const AlertResolve = z
  .object({
    note: Text.trim().max(1000).optional(),
    /** Required for a `fee_waiver_request`, and only there: the client is told either way. */
    decision: z.enum(['grant', 'decline']).optional(),
  })
  .strict()

/**
 * One line of an alert's history: who was paged on which channel, an escalation, a page that could
 * not go, the acknowledgement, the resolution; oldest first.
 */
export const AlertEvent = z.object({
  at: z.string(),
  kind: z.enum(['paged', 'escalated', 'page_failed', 'acknowledged', 'resolved']),
  /** `therapist:<id>`, `practice` (its front desk), `staff:<id>`, or for an acknowledgement or resolution the key or person. */
  recipient: z.string().optional(),
  /** That person by name, when Hearth knows it (a therapist, a staff member). */
  name: z.string().optional(),
  channel: z.enum(['email', 'sms', 'push']).optional(),
  /** Which page: the first, or the escalation after the practice's window. */
  stage: z.enum(['first', 'escalation']).optional(),
  /** Why a page could not go (`no_contact`, `rejected`, ...). */
  reason: z.string().optional(),
})
export type AlertEvent = z.infer<typeof AlertEvent>

export const AlertWithHistory = Alert.extend({ history: z.array(AlertEvent) })
export type AlertWithHistory = z.infer<typeof AlertWithHistory>
