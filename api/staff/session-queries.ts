import type { Tx } from '../db/connect'
import type { StaffRole } from '../../shared/policy/permissions'
import type { SecondFactorSetting, SignInStep } from '../../shared/schemas/staff'

export type SessionRow = {
  id: string
  practice_id: string | null
  user_id: string | null
  email: string
  stage: SignInStep
  created_at: Date
  last_seen_at: Date
  idle_expires_at: Date
  expires_at: Date
  ip: string | null
  user_agent: string | null
}

/** A live session with its person and practice, as the cookie finds it (system lookup). */
export type LiveSession = SessionRow & {
  user: {
    id: string
    name: string
    email: string
    role: StaffRole
    therapist_id: string | null
    phone: string | null
  } | null
  practice: {
    id: string
    name: string
    slug: string
    time_zone: string
    staff_second_factor: SecondFactorSetting
    staff_idle_minutes: number
  } | null
}

const sessionColumns = (tx: Tx) =>
  tx`s.id, s.practice_id, s.user_id, s.email, s.stage, s.created_at, s.last_seen_at, s.idle_expires_at,
     s.expires_at, s.ip, s.user_agent`

export async function insertStaffSession(
  tx: Tx,
  values: {
    idHash: string
    practiceId: string | null
    userId: string | null
    email: string
    stage: SignInStep
    now: Date
    idleExpiresAt: Date
    expiresAt: Date
    ip: string | null
    userAgent: string | null
  },
): Promise<string> {
  const [row] = await tx<{ id: string }[]>`
    insert into staff_sessions (id_hash, practice_id, user_id, email, stage, created_at, last_seen_at,
                                idle_expires_at, expires_at, ip, user_agent)
    values (${values.idHash}, ${values.practiceId}, ${values.userId}, ${values.email}, ${values.stage}, ${values.now},
            ${values.now}, ${values.idleExpiresAt}, ${values.expiresAt}, ${values.ip}, ${values.userAgent})
    returning id`
  return row!.id
}

/** The session whose cookie hashes to `idHash`, if it has not ended, timed out or lost its person. */
export async function findLiveSession(tx: Tx, idHash: string, now: Date): Promise<LiveSession | null> {
  const [row] = await tx<
    (SessionRow & {
      u_name: string | null
      u_email: string | null
      u_role: StaffRole | null
      u_therapist_id: string | null
      u_phone: string | null
      p_name: string | null
      p_slug: string | null
      p_time_zone: string | null
      p_second_factor: SecondFactorSetting | null
      p_idle_minutes: number | null
    })[]
  >`
    select ${sessionColumns(tx)}, u.name as u_name, u.email as u_email, u.role as u_role,
           u.therapist_id as u_therapist_id, u.phone as u_phone, p.name as p_name, p.slug as p_slug,
           p.time_zone as p_time_zone, p.staff_second_factor as p_second_factor, p.staff_idle_minutes as p_idle_minutes
    from staff_sessions s
    left join staff_users u on u.practice_id = s.practice_id and u.id = s.user_id
    left join practices p on p.id = s.practice_id
    where s.id_hash = ${idHash} and s.ended_at is null
      and s.idle_expires_at > ${now} and s.expires_at > ${now}
      and (s.user_id is null or u.removed_at is null)
    for update of s`
  if (!row) return null
  const {
    u_name,
    u_email,
    u_role,
    u_therapist_id,
    u_phone,
    p_name,
    p_slug,
    p_time_zone,
    p_second_factor,
    p_idle_minutes,
    ...session
  } = row
  return {
    ...session,
    user: session.user_id
      ? {
          id: session.user_id,
          name: u_name!,
          email: u_email!,
          role: u_role!,
          therapist_id: u_therapist_id,
          phone: u_phone,
        }
      : null,
    practice: session.practice_id
      ? {
          id: session.practice_id,
          name: p_name!,
          slug: p_slug!,
          time_zone: p_time_zone!,
          staff_second_factor: p_second_factor!,
          staff_idle_minutes: p_idle_minutes!,
        }
      : null,
  }
}

/** Activity pushes the idle deadline on, never past the absolute one. */
export async function touchStaffSession(tx: Tx, id: string, now: Date, idleMs: number): Promise<Date> {
  const [row] = await tx<{ idle_expires_at: Date }[]>`
    update staff_sessions set last_seen_at = ${now},
      idle_expires_at = least(${new Date(now.getTime() + idleMs)}::timestamptz, expires_at)
    where id = ${id} returning idle_expires_at`
  return row!.idle_expires_at
}

/** A new cookie id for the same session (after a factor, or binding a practice): the old one stops working. */
export async function rekeyStaffSession(
  tx: Tx,
  id: string,
  values: {
    idHash: string
    stage: SignInStep
    practiceId?: string
    userId?: string
    secondFactor?: { method: string; at: Date }
  },
): Promise<void> {
  await tx`
    update staff_sessions set id_hash = ${values.idHash}, stage = ${values.stage},
      practice_id = coalesce(${values.practiceId ?? null}::uuid, practice_id),
      user_id = coalesce(${values.userId ?? null}::uuid, user_id),
      second_factor_at = coalesce(${values.secondFactor?.at ?? null}::timestamptz, second_factor_at),
      second_factor_method = coalesce(${values.secondFactor?.method ?? null}, second_factor_method)
    where id = ${id}`
}

export async function endStaffSession(tx: Tx, id: string, now: Date, reason: string): Promise<void> {
  await tx`update staff_sessions set ended_at = ${now}, ended_reason = ${reason} where id = ${id} and ended_at is null`
}

/** Ends every live session of a person (removal, a role change, "sign out everywhere"), returning how many. */
export async function endUserSessions(
  tx: Tx,
  practiceId: string,
  userId: string,
  now: Date,
  reason: string,
  options: { except?: string } = {},
): Promise<number> {
  const rows = await tx`
    update staff_sessions set ended_at = ${now}, ended_reason = ${reason}
    where practice_id = ${practiceId} and user_id = ${userId} and ended_at is null
      ${options.except ? tx`and id <> ${options.except}` : tx``}
    returning id`
  return rows.length
}

export async function listUserSessions(tx: Tx, practiceId: string, userId: string, now: Date): Promise<SessionRow[]> {
  return tx<SessionRow[]>`
    select ${sessionColumns(tx)} from staff_sessions s
    where s.practice_id = ${practiceId} and s.user_id = ${userId} and s.ended_at is null
      and s.idle_expires_at > ${now} and s.expires_at > ${now}
    order by s.last_seen_at desc`
}
