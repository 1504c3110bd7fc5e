import type { Tx } from '../db/connect'

export type WaitlistRow = {
  id: string
  therapist_id: string
  preferred_days: string[]
  preferred_times: string[]
}

const columns = (tx: Tx) => tx`id, therapist_id, preferred_days, preferred_times`

export async function listClientWaitlist(tx: Tx, practiceId: string, clientId: string): Promise<WaitlistRow[]> {
  return tx<WaitlistRow[]>`
    select ${columns(tx)} from waitlist_entries
    where practice_id = ${practiceId} and client_id = ${clientId} order by created_at, id`
}

/** Joins the list, or updates the preferences when already on it (keeping the place in line). */
export async function upsertWaitlistEntry(
  tx: Tx,
  values: {
    practiceId: string
    clientId: string
    therapistId: string
    preferredDays: string[]
    preferredTimes: string[]
    now: Date
  },
): Promise<WaitlistRow & { created: boolean }> {
  const [row] = await tx<(WaitlistRow & { created: boolean })[]>`
    insert into waitlist_entries (practice_id, client_id, therapist_id, preferred_days, preferred_times, created_at, updated_at)
    values (${values.practiceId}, ${values.clientId}, ${values.therapistId}, ${values.preferredDays},
            ${values.preferredTimes}, ${values.now}, ${values.now})
    on conflict (practice_id, client_id, therapist_id) do update set
      preferred_days = excluded.preferred_days, preferred_times = excluded.preferred_times, updated_at = excluded.updated_at
    returning ${columns(tx)}, (xmax = 0) as created`
  return row!
}

export async function deleteWaitlistEntry(
  tx: Tx,
  practiceId: string,
  clientId: string,
  therapistId: string,
): Promise<string | null> {
  const [row] = await tx<{ id: string }[]>`
    delete from waitlist_entries
    where practice_id = ${practiceId} and client_id = ${clientId} and therapist_id = ${therapistId}
    returning id`
  return row?.id ?? null
}
