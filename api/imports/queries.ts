import type { ClientRow } from '../clients/queries'
import { clientColumns } from '../clients/queries'
import type { Tx } from '../db/connect'

/** The practice's clients an import names, by their external id or their email. */
export async function clientsNamed(
  tx: Tx,
  practiceId: string,
  names: { externalIds: string[]; emails: string[] },
): Promise<ClientRow[]> {
  return tx<ClientRow[]>`
    select ${clientColumns(tx)} from clients
    where practice_id = ${practiceId}
      and (external_id = any(${names.externalIds}::text[]) or email = any(${names.emails}::text[]))`
}

export type TherapistByEmail = { id: string; email: string; name: string }

/** The practice's therapists an import names by email. */
export async function therapistsNamed(tx: Tx, practiceId: string, emails: string[]): Promise<TherapistByEmail[]> {
  return tx<TherapistByEmail[]>`
    select id, email, name from therapists where practice_id = ${practiceId} and email = any(${emails}::text[])`
}
