import type { Tx } from '../db/connect'
import type { StaffRole } from '../../shared/policy/permissions'
import type { SecondFactorKind, SecondFactorSetting } from '../../shared/schemas/staff'

export type StaffUserRow = {
  id: string
  practice_id: string
  role: StaffRole
  therapist_id: string | null
  name: string
  email: string
  phone: string | null
  invited: boolean
  created_at: Date
}

const userColumns = (tx: Tx) => tx`id, practice_id, role, therapist_id, name, email, phone, invited, created_at`

/** System lookup at sign-in: every practice where this email is (still) staff, with the practice. */
export async function findStaffByEmail(
  tx: Tx,
  email: string,
): Promise<
  (StaffUserRow & {
    practice_name: string
    practice_slug: string
    second_factor: SecondFactorSetting
    idle_minutes: number
  })[]
> {
  return tx`
    select u.id, u.practice_id, u.role, u.therapist_id, u.name, u.email, u.phone, u.invited, u.created_at,
           p.name as practice_name, p.slug as practice_slug, p.staff_second_factor as second_factor,
           p.staff_idle_minutes as idle_minutes
    from staff_users u join practices p on p.id = u.practice_id
    where u.email = ${email} and u.removed_at is null and not u.invited
    order by p.name, p.id`
}

/** Where signing in stands for an email that is staff at several practices: one of them to choose. */
export const choosePractice = (people: Awaited<ReturnType<typeof findStaffByEmail>>) => ({
  next: 'choose_practice' as const,
  practices: people.map((p) => ({ id: p.practice_id, name: p.practice_name, slug: p.practice_slug })),
})

export async function findStaffUser(tx: Tx, practiceId: string, id: string): Promise<StaffUserRow | null> {
  const [row] = await tx<StaffUserRow[]>`
    select ${userColumns(tx)} from staff_users
    where practice_id = ${practiceId} and id = ${id} and removed_at is null`
  return row ?? null
}

export async function findStaffUserByEmail(tx: Tx, practiceId: string, email: string): Promise<StaffUserRow | null> {
  const [row] = await tx<StaffUserRow[]>`
    select ${userColumns(tx)} from staff_users
    where practice_id = ${practiceId} and email = ${email} and removed_at is null`
  return row ?? null
}

/** `forUpdate` locks the practice's people, so two removals cannot both take away the last owner. */
export async function listStaffUsers(tx: Tx, practiceId: string, options: { forUpdate?: boolean } = {}) {
  return tx<StaffUserRow[]>`
    select ${userColumns(tx)} from staff_users where practice_id = ${practiceId} and removed_at is null
    order by name, id ${options.forUpdate ? tx`for update` : tx``}`
}

export async function insertStaffUser(
  tx: Tx,
  values: {
    practiceId: string
    role: StaffRole
    therapistId: string | null
    name: string
    email: string
    phone: string | null
    invited: boolean
    now: Date
  },
): Promise<StaffUserRow> {
  const [row] = await tx<StaffUserRow[]>`
    insert into staff_users (practice_id, role, therapist_id, name, email, phone, invited, created_at)
    values (${values.practiceId}, ${values.role}, ${values.therapistId}, ${values.name}, ${values.email},
            ${values.phone}, ${values.invited}, ${values.now})
    returning ${userColumns(tx)}`
  return row!
}

export async function updateStaffUser(
  tx: Tx,
  practiceId: string,
  id: string,
  patch: { name?: string; role?: StaffRole; therapist_id?: string | null; phone?: string | null; invited?: boolean },
): Promise<StaffUserRow | null> {
  const values = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
  if (Object.keys(values).length === 0) return findStaffUser(tx, practiceId, id)
  const [row] = await tx<StaffUserRow[]>`
    update staff_users set ${tx(values as never)}
    where practice_id = ${practiceId} and id = ${id} and removed_at is null
    returning ${userColumns(tx)}`
  return row ?? null
}

export async function removeStaffUser(tx: Tx, practiceId: string, id: string, now: Date): Promise<void> {
  await tx`update staff_users set removed_at = ${now} where practice_id = ${practiceId} and id = ${id}`
}

/** The second factors a person has set up; sign-in asks for one whenever the list is not empty. */
export async function secondFactorsOf(tx: Tx, practiceId: string, userId: string): Promise<SecondFactorKind[]> {
  const [row] = await tx<{ totp: boolean; passkey: boolean; recovery: number }[]>`
    select exists (select 1 from staff_totp where practice_id = ${practiceId} and user_id = ${userId}
                   and confirmed_at is not null) as totp,
           exists (select 1 from staff_passkeys where practice_id = ${practiceId} and user_id = ${userId}) as passkey,
           (select count(*)::int from staff_recovery_codes where practice_id = ${practiceId} and user_id = ${userId}
            and used_at is null) as recovery`
  const kinds: SecondFactorKind[] = []
  if (row!.totp) kinds.push('totp')
  if (row!.passkey) kinds.push('passkey')
  if (row!.recovery > 0) kinds.push('recovery_code')
  return kinds
}

export async function recoveryCodesLeft(tx: Tx, practiceId: string, userId: string): Promise<number> {
  const [row] = await tx<{ count: number }[]>`
    select count(*)::int as count from staff_recovery_codes
    where practice_id = ${practiceId} and user_id = ${userId} and used_at is null`
  return row!.count
}

export async function setStaffSecondFactor(tx: Tx, practiceId: string, setting: SecondFactorSetting): Promise<void> {
  await tx`update practices set staff_second_factor = ${setting} where id = ${practiceId}`
}
