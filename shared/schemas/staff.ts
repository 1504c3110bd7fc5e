import { z } from 'zod'
import { STAFF_ROLES } from '../policy/permissions'
import { Email, Id, Instant, Phone, Text, listOf } from './common'

/** Staff accounts and sessions: the contract of /v1/staff/* and /v1/audit-log. */

export const StaffRole = z.enum(STAFF_ROLES)
export const SecondFactorSetting = z.enum(['required', 'optional'])
export type SecondFactorSetting = z.infer<typeof SecondFactorSetting>
export const SECOND_FACTOR_KINDS = ['totp', 'passkey', 'recovery_code'] as const
export const SecondFactorKind = z.enum(SECOND_FACTOR_KINDS)
export type SecondFactorKind = z.infer<typeof SecondFactorKind>

const SixDigits = z.string().regex(/^\d{6}$/, 'Enter the 6-digit code.')

export const StaffAuthStart = z.object({ email: Email }).strict()
export const StaffCodeSent = z.object({ expires_in: z.number().int() })
export const StaffAuthVerify = z.object({ email: Email, code: SixDigits }).strict()
export const StaffTotpCode = z.object({ code: SixDigits }).strict()
export const StaffRecoveryCode = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{10,20}$/, 'Enter one of your recovery codes.'),
  })
  .strict()
export const StaffChoosePractice = z.object({ practice_id: Id }).strict()

export const SIGN_IN_STEPS = ['done', 'second_factor', 'enroll_second_factor', 'choose_practice'] as const
export const SignInStep = z.enum(SIGN_IN_STEPS)
export type SignInStep = z.infer<typeof SignInStep>

export const PracticeChoice = z.object({ id: z.string(), name: z.string(), slug: z.string() })

/**
 * Where signing in stands. `second_factors` (with `second_factor`) says which factors the person
 * has; `practices` (with `choose_practice`) the practices their email is staff at.
 */
export const StaffSignInState = z.object({
  next: SignInStep,
  second_factors: z.array(SecondFactorKind).optional(),
  practices: z.array(PracticeChoice).optional(),
})
export type StaffSignInState = z.infer<typeof StaffSignInState>

/** A staff member as the console shows them, to themselves and on the team page. */
const staffPerson = {
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: StaffRole,
  therapist_id: z.string().nullable(),
  phone: z.string().nullable(),
}

export const StaffMe = z.object({
  user: z.object(staffPerson),
  practice: z.object({
    id: z.string(),
    name: z.string(),
    slug: z.string(),
    time_zone: z.string(),
    staff_second_factor: SecondFactorSetting,
    staff_idle_minutes: z.number().int(),
  }),
  session: z.object({ idle_expires_at: z.string(), expires_at: z.string() }),
  /** The factors the person has enrolled (a recovery code counts only beside another). */
  second_factors: z.array(SecondFactorKind),
  recovery_codes_left: z.number().int(),
})
export type StaffMe = z.infer<typeof StaffMe>

export const TotpEnrolment = z.object({ secret: z.string(), otpauth_url: z.string() })
export const RecoveryCodes = z.object({ codes: z.array(z.string()) })

export const StaffSessionSummary = z.object({
  id: z.string(),
  created_at: z.string(),
  last_seen_at: z.string(),
  expires_at: z.string(),
  ip: z.string().nullable(),
  user_agent: z.string().nullable(),
  current: z.boolean(),
})
export const StaffSessionList = listOf(StaffSessionSummary)
export const SignedOutEverywhere = z.object({ ended: z.number().int() })

export const StaffUser = z.object({
  ...staffPerson,
  /** `invited` until they first accept their invitation. */
  status: z.enum(['active', 'invited']),
  invitation: z.object({ id: z.string(), expires_at: z.string(), expired: z.boolean() }).nullable(),
  created_at: z.string(),
})
export type StaffUser = z.infer<typeof StaffUser>
export const StaffUserList = listOf(StaffUser)

export const StaffInvite = z
  .object({
    email: Email,
    name: Text.trim().min(1).max(120),
    role: StaffRole,
    therapist_id: Id.optional(),
    phone: Phone.optional(),
  })
  .strict()
export const StaffUserPatch = z
  .object({
    name: Text.trim().min(1).max(120).optional(),
    role: StaffRole.optional(),
    therapist_id: Id.nullable().optional(),
    phone: Phone.nullable().optional(),
  })
  .strict()
export const InvitationAccept = z.object({ token: Text.min(20).max(200) }).strict()

export const OperatorOwnerInvite = z
  .object({ email: Email, name: Text.trim().min(1).max(120), phone: Phone.optional() })
  .strict()
export const OperatorOwnerInvited = z.object({ user: StaffUser, invitation_url: z.string() })

export const AuditQuery = z.object({
  actor_id: Id.optional(),
  subject_id: Id.optional(),
  from: Instant.optional(),
  to: Instant.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: Text.max(40).optional(),
})
export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ kind: z.string(), id: z.string().nullable(), name: z.string().nullable() }),
  action: z.string(),
  subject: z.object({ kind: z.string(), id: z.string() }).nullable(),
  ip: z.string().nullable(),
  user_agent: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
})
export const AuditLog = listOf(AuditEntry)
