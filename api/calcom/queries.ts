import type { Consents } from '../../shared/schemas/people'
import type { ClientRow } from '../clients/queries'
import { clientColumns } from '../clients/queries'
import type { Tx } from '../db/connect'

export type CalcomConnection = {
  practice_id: string
  webhook_secret: string
  therapists: Record<string, string>
  client_consents: Consents
}

export async function findCalcomConnection(tx: Tx, practiceId: string): Promise<CalcomConnection | null> {
  const [row] = await tx<CalcomConnection[]>`
    select practice_id, webhook_secret, therapists, client_consents from calcom_connections
    where practice_id = ${practiceId}`
  return row ?? null
}

export async function setCalcomConnection(
  tx: Tx,
  practiceId: string,
  connection: Omit<CalcomConnection, 'practice_id'> | null,
  now: Date,
): Promise<void> {
  if (!connection) {
    await tx`delete from calcom_connections where practice_id = ${practiceId}`
    return
  }
  await tx`
    insert into calcom_connections (practice_id, webhook_secret, therapists, client_consents, updated_at)
    values (${practiceId}, ${connection.webhook_secret}, ${tx.json(connection.therapists)},
            ${tx.json(connection.client_consents)}, ${now})
    on conflict (practice_id) do update
      set webhook_secret = excluded.webhook_secret, therapists = excluded.therapists,
          client_consents = excluded.client_consents, updated_at = excluded.updated_at`
}

/** Which of these ids are the practice's therapists. */
export async function therapistIdsIn(tx: Tx, practiceId: string, ids: string[]): Promise<string[]> {
  const rows = await tx<{ id: string }[]>`
    select id::text from therapists where practice_id = ${practiceId} and id::text = any(${ids}::text[])`
  return rows.map((r) => r.id)
}

export async function clientByEmail(tx: Tx, practiceId: string, email: string): Promise<ClientRow | null> {
  const [row] = await tx<ClientRow[]>`
    select ${clientColumns(tx)} from clients where practice_id = ${practiceId} and email = ${email}`
  return row ?? null
}

/** A rescheduled booking gets a new uid in Cal.com; the session it moves takes the new one. */
export async function renameSessionExternalId(tx: Tx, practiceId: string, from: string, to: string): Promise<boolean> {
  const rows = await tx`
    update appointments set external_id = ${to}
    where practice_id = ${practiceId} and external_id = ${from}
      and not exists (select 1 from appointments where practice_id = ${practiceId} and external_id = ${to})
    returning id`
  return rows.length > 0
}
