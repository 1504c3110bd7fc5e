import type { FhirSyncError } from '../../shared/schemas/connectors'
import type { Tx } from '../db/connect'

export type FhirConnection = {
  practice_id: string
  base_url: string
  token: string | null
  synced_through: Date | null
  last_attempt_at: Date | null
  last_success_at: Date | null
  last_result: { therapists: number; clients: number; sessions: number } | null
  last_errors: FhirSyncError[]
}

const columns = (tx: Tx) =>
  tx`practice_id, base_url, token, synced_through, last_attempt_at, last_success_at, last_result, last_errors`

export async function findFhirConnection(tx: Tx, practiceId: string): Promise<FhirConnection | null> {
  const [row] = await tx<FhirConnection[]>`
    select ${columns(tx)} from fhir_connections where practice_id = ${practiceId}`
  return row ?? null
}

/** A new server (or none): the sync starts from the beginning with it. */
export async function setFhirConnection(
  tx: Tx,
  practiceId: string,
  connection: { base_url: string; token: string | null } | null,
  now: Date,
): Promise<void> {
  if (!connection) {
    await tx`delete from fhir_connections where practice_id = ${practiceId}`
    return
  }
  await tx`
    insert into fhir_connections (practice_id, base_url, token, updated_at)
    values (${practiceId}, ${connection.base_url}, ${connection.token}, ${now})
    on conflict (practice_id) do update
      set base_url = excluded.base_url, token = excluded.token, updated_at = excluded.updated_at,
          synced_through = case when fhir_connections.base_url = excluded.base_url
                                then fhir_connections.synced_through end,
          last_errors = '[]'`
}

/**
 * Takes the practice's sync for `leaseMs` (system transaction): null when another dispatcher or
 * request holds it, or (with `dueBefore`) when it ran more recently than that.
 */
export async function leaseFhirSync(
  tx: Tx,
  practiceId: string,
  now: Date,
  leaseMs: number,
  dueBefore?: Date,
): Promise<FhirConnection | null> {
  const [row] = await tx<FhirConnection[]>`
    update fhir_connections set lease_until = ${new Date(now.getTime() + leaseMs)}, last_attempt_at = ${now}
    where practice_id = ${practiceId} and (lease_until is null or lease_until < ${now})
      ${dueBefore ? tx`and (last_attempt_at is null or last_attempt_at < ${dueBefore})` : tx``}
    returning ${columns(tx)}`
  return row ?? null
}

/** The practices whose sync is due (the dispatcher's round), oldest first. */
export async function dueFhirPractices(tx: Tx, dueBefore: Date, now: Date, limit: number): Promise<string[]> {
  const rows = await tx<{ practice_id: string }[]>`
    select practice_id from fhir_connections
    where (last_attempt_at is null or last_attempt_at < ${dueBefore}) and (lease_until is null or lease_until < ${now})
    order by last_attempt_at nulls first limit ${limit}`
  return rows.map((r) => r.practice_id)
}

/** How a sync went; the lease ends with it. `syncedThrough` moves only when everything came in. */
export async function finishFhirSync(
  tx: Tx,
  practiceId: string,
  result: {
    at: Date
    ok: boolean
    syncedThrough: Date | null
    counts: { therapists: number; clients: number; sessions: number }
    errors: FhirSyncError[]
  },
): Promise<void> {
  await tx`
    update fhir_connections set
      lease_until = null,
      last_result = ${tx.json(result.counts)},
      last_errors = ${tx.json(result.errors)},
      ${result.ok ? tx`last_success_at = ${result.at},` : tx``}
      synced_through = coalesce(${result.syncedThrough}, synced_through)
    where practice_id = ${practiceId}`
}

export type LinkedPerson = { id: string; external_id: string | null; email: string; name: string }

/** The practice's therapists or clients the sync names, by `fhir:<id>` or by email. */
export async function peopleNamed(
  tx: Tx,
  table: 'therapists' | 'clients',
  practiceId: string,
  names: { externalIds: string[]; emails: string[] },
): Promise<LinkedPerson[]> {
  return tx<LinkedPerson[]>`
    select id, external_id, email, name from ${tx(table)}
    where practice_id = ${practiceId}
      and (external_id = any(${names.externalIds}::text[]) or email = any(${names.emails}::text[]))`
}

/** Links a therapist or client to its FHIR resource, and takes the name the EHR holds. */
export async function linkPerson(
  tx: Tx,
  table: 'therapists' | 'clients',
  practiceId: string,
  id: string,
  values: { external_id: string; name: string },
): Promise<boolean> {
  const rows = await tx`
    update ${tx(table)} set external_id = ${values.external_id}, name = ${values.name}, updated_at = now()
    where practice_id = ${practiceId} and id = ${id}
      and (external_id is distinct from ${values.external_id} or name is distinct from ${values.name})
    returning id`
  return rows.length > 0
}
