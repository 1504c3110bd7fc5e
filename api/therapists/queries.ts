import type { z } from 'zod'
import type { Therapist, TherapistCreate, TherapistPatch } from '../../shared/schemas/people'
import type { CancellationPolicy, ContactPolicy } from '../../shared/schemas/policies'
import type { Tx } from '../db/connect'
import { compact, decodeCursor, page, type Page } from '../db/rows'
import { fieldError } from '../http/errors'
import { isUuid } from '../http/params'

type TherapistRow = {
  id: string
  name: string
  email: string
  phone: string | null
  time_zone: string
  cancellation_policy: CancellationPolicy | null
  contact_policy: ContactPolicy
  created_at: Date
}

export type TherapistRecord = Therapist & { contact_policy: ContactPolicy }

function toTherapist(row: TherapistRow): TherapistRecord {
  return compact({
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    time_zone: row.time_zone,
    cancellation_policy: row.cancellation_policy,
    contact_policy: row.contact_policy,
  }) as TherapistRecord
}

/** The public shape, without the contact policy (it has its own route). */
export function publicTherapist({ contact_policy: _policy, ...therapist }: TherapistRecord): Therapist {
  return therapist
}

const columns = (tx: Tx) => tx`id, name, email, phone, time_zone, cancellation_policy, contact_policy, created_at`

/** The practice's therapist with this id; none for an id that cannot exist (a body's `therapist_id` can be anything). */
export async function findTherapist(tx: Tx, practiceId: string, id: string): Promise<TherapistRecord | null> {
  if (!isUuid(id)) return null
  const [row] = await tx<TherapistRow[]>`
    select ${columns(tx)} from therapists where practice_id = ${practiceId} and id = ${id}`
  return row ? toTherapist(row) : null
}

/** A `therapist_id` in a request must name one of the practice's therapists; else a 400 on that field. */
export async function refuseUnknownTherapist(tx: Tx, practiceId: string, therapistId: string): Promise<void> {
  if (!(await findTherapist(tx, practiceId, therapistId))) {
    throw fieldError('therapist_id', 'No therapist with this id in your practice.')
  }
}

export async function listTherapists(
  tx: Tx,
  practiceId: string,
  options: { limit: number; cursor?: string | undefined },
): Promise<Page<Therapist>> {
  const after = decodeCursor(options.cursor)
  const rows = await tx<(TherapistRow & { sort_key: string })[]>`
    select ${columns(tx)}, created_at::text as sort_key from therapists
    where practice_id = ${practiceId}
      ${after ? tx`and (created_at, id) > (${String(after[0])}::text::timestamptz, ${String(after[1])}::uuid)` : tx``}
    order by created_at, id
    limit ${options.limit + 1}`
  return page(
    rows,
    options.limit,
    (row) => publicTherapist(toTherapist(row)),
    (row) => [row.sort_key, row.id],
  )
}

export async function insertTherapist(
  tx: Tx,
  practiceId: string,
  input: z.infer<typeof TherapistCreate>,
  contactPolicy: ContactPolicy,
): Promise<TherapistRecord> {
  const [row] = await tx<TherapistRow[]>`
    insert into therapists (practice_id, name, email, phone, time_zone, cancellation_policy, contact_policy)
    values (${practiceId}, ${input.name}, ${input.email}, ${input.phone ?? null}, ${input.time_zone},
            ${input.cancellation_policy ? tx.json(input.cancellation_policy) : null}, ${tx.json(contactPolicy as never)})
    returning ${columns(tx)}`
  return toTherapist(row!)
}

export async function updateTherapist(
  tx: Tx,
  practiceId: string,
  id: string,
  patch: z.infer<typeof TherapistPatch>,
): Promise<TherapistRecord | null> {
  const values: Record<string, unknown> = { ...patch }
  if ('cancellation_policy' in patch) {
    values.cancellation_policy = patch.cancellation_policy ? tx.json(patch.cancellation_policy) : null
  }
  const [row] = await tx<TherapistRow[]>`
    update therapists set ${tx(values)}, updated_at = now()
    where practice_id = ${practiceId} and id = ${id} returning ${columns(tx)}`
  return row ? toTherapist(row) : null
}

export async function setContactPolicy(
  tx: Tx,
  practiceId: string,
  id: string,
  policy: ContactPolicy,
): Promise<TherapistRecord | null> {
  const [row] = await tx<TherapistRow[]>`
    update therapists set contact_policy = ${tx.json(policy as never)}, updated_at = now()
    where practice_id = ${practiceId} and id = ${id} returning ${columns(tx)}`
  return row ? toTherapist(row) : null
}
