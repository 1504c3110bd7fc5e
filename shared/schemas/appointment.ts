import { z } from 'zod'
import { CANCEL_REASON_CODES } from '../cancel-reasons'
import { Id, Instant, Text, Url, patchOf } from './common'

export const APPOINTMENT_STATUSES = [
  'scheduled',
  'confirmed',
  'cancelled',
  'late_cancelled',
  'no_show',
  'attended',
] as const
export const AppointmentStatus = z.enum(APPOINTMENT_STATUSES)
export type AppointmentStatus = z.infer<typeof AppointmentStatus>

export const CancelReasonCode = z.enum(CANCEL_REASON_CODES)

/** Who cancelled, when, and why if the client chose to say. */
export const Cancellation = z.object({
  by: z.enum(['client', 'practice']).nullable(),
  at: z.string().nullable(),
  reason_code: CancelReasonCode.nullable(),
  reason: z.string().nullable(),
})
export type Cancellation = z.infer<typeof Cancellation>

export const Appointment = z.object({
  id: z.string(),
  external_id: z.string().optional(),
  therapist_id: z.string(),
  client_id: z.string(),
  starts_at: z.string(),
  ends_at: z.string(),
  type: z.string(),
  location: z.string().optional(),
  telehealth_url: z.string().optional(),
  series_id: z.string().optional(),
  status: AppointmentStatus,
  /** Present on a cancelled session. */
  cancellation: Cancellation.optional(),
})
export type Appointment = z.infer<typeof Appointment>

const sessionFields = {
  starts_at: Instant,
  ends_at: Instant,
  type: Text.trim().min(1).max(80),
  location: Text.trim().min(1).max(300),
  telehealth_url: Url({ protocol: /^https$/ }).max(500),
}

function endsAfterStart(a: { starts_at?: string; ends_at?: string }) {
  return !a.starts_at || !a.ends_at || Date.parse(a.ends_at) > Date.parse(a.starts_at)
}
const endsAfterStartIssue = { message: 'ends_at must be after starts_at.', path: ['ends_at'] }

/** The EHR's upsert: the same `external_id` updates the same appointment. */
export const AppointmentUpsert = z
  .object({
    ...sessionFields,
    external_id: Text.trim().min(1).max(200),
    therapist_id: Id,
    client_id: Id,
    location: sessionFields.location.optional(),
    telehealth_url: sessionFields.telehealth_url.optional(),
    series_id: Text.trim().min(1).max(200).optional(),
    status: z.enum(['scheduled', 'confirmed', 'cancelled']).optional(),
    /** `false`: do not tell the client about this move or cancellation (an import, a correction). */
    notify_client: z.boolean().optional(),
  })
  .strict()
  .refine(endsAfterStart, endsAfterStartIssue)
export type AppointmentUpsert = z.infer<typeof AppointmentUpsert>

/** Staff edits: move, change details, record attendance, or cancel on the practice's side. */
export const AppointmentPatch = patchOf({
  ...sessionFields,
  location: sessionFields.location.nullable(),
  telehealth_url: sessionFields.telehealth_url.nullable(),
  status: z.enum(['attended', 'no_show', 'cancelled', 'confirmed']),
  cancel_reason: Text.trim().max(500),
  /** `false`: do not tell the client about this move or cancellation. */
  notify_client: z.boolean(),
}).refine(endsAfterStart, endsAfterStartIssue)
export type AppointmentPatch = z.infer<typeof AppointmentPatch>

export const AppointmentListQuery = z
  .object({
    from: Instant.optional(),
    to: Instant.optional(),
    therapist_id: Id.optional(),
    client_id: Id.optional(),
    status: AppointmentStatus.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: Text.max(200).optional(),
  })
  .strict()
