import type { Practice, PracticePatch } from '../../shared/schemas/practice'
import type { Tx } from '../db/connect'
import { compact } from '../db/rows'

type PracticeRow = {
  id: string
  name: string
  slug: string
  time_zone: string
  country: string
  phone: string | null
  allowed_origins: string[]
  locales: Practice['locales']
  cancellation_policy: Practice['cancellation_policy']
  reminder_schedule: Practice['reminder_schedule']
  crisis_resources: Practice['crisis_resources']
  branding: Practice['branding']
  urgent_escalation_minutes: number
  contact_email: string | null
  reschedule: Practice['reschedule']
  staff_second_factor: Practice['staff_second_factor']
  staff_idle_minutes: number
}

export function toPractice(row: PracticeRow): Practice {
  return compact({
    id: row.id,
    name: row.name,
    slug: row.slug,
    time_zone: row.time_zone,
    country: row.country,
    phone: row.phone,
    allowed_origins: row.allowed_origins,
    locales: row.locales,
    cancellation_policy: row.cancellation_policy,
    reminder_schedule: row.reminder_schedule,
    crisis_resources: row.crisis_resources,
    branding: row.branding,
    urgent_escalation_minutes: row.urgent_escalation_minutes,
    contact_email: row.contact_email,
    reschedule: row.reschedule,
    staff_second_factor: row.staff_second_factor,
    staff_idle_minutes: row.staff_idle_minutes,
  }) as Practice
}

const columns = (tx: Tx) =>
  tx`id, name, slug, time_zone, country, phone, allowed_origins, locales, cancellation_policy,
     reminder_schedule, crisis_resources, branding, urgent_escalation_minutes, contact_email, reschedule,
     staff_second_factor, staff_idle_minutes`

export async function findPractice(tx: Tx, id: string): Promise<Practice | null> {
  const [row] = await tx<PracticeRow[]>`select ${columns(tx)} from practices where id = ${id}`
  return row ? toPractice(row) : null
}

export async function findPracticeBySlug(tx: Tx, slug: string): Promise<Practice | null> {
  const [row] = await tx<PracticeRow[]>`select ${columns(tx)} from practices where slug = ${slug}`
  return row ? toPractice(row) : null
}

export type NewPractice = Omit<
  Practice,
  | 'id'
  | 'phone'
  | 'urgent_escalation_minutes'
  | 'contact_email'
  | 'reschedule'
  | 'staff_second_factor'
  | 'staff_idle_minutes'
> & {
  phone?: string | undefined
}

export async function insertPractice(tx: Tx, p: NewPractice): Promise<Practice> {
  const [row] = await tx<PracticeRow[]>`
    insert into practices (name, slug, time_zone, country, phone, allowed_origins, locales,
                           cancellation_policy, reminder_schedule, crisis_resources, branding)
    values (${p.name}, ${p.slug}, ${p.time_zone}, ${p.country}, ${p.phone ?? null}, ${p.allowed_origins},
            ${p.locales}, ${tx.json(p.cancellation_policy)}, ${tx.json(p.reminder_schedule)},
            ${tx.json(p.crisis_resources as never)}, ${tx.json(p.branding)})
    returning ${columns(tx)}`
  return toPractice(row!)
}

const JSON_COLUMNS = new Set(['cancellation_policy', 'reminder_schedule', 'crisis_resources', 'branding', 'reschedule'])

export async function updatePractice(tx: Tx, id: string, patch: PracticePatch): Promise<Practice | null> {
  const values: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(patch)) {
    values[key] = JSON_COLUMNS.has(key) ? tx.json(value as never) : value
  }
  const [row] = await tx<PracticeRow[]>`
    update practices set ${tx(values)}, updated_at = now() where id = ${id} returning ${columns(tx)}`
  return row ? toPractice(row) : null
}
