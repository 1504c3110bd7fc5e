import type { FhirPatch, FhirSettings } from '../../shared/schemas/connectors'
import type { Tx } from '../db/connect'
import { iso } from '../db/rows'
import { type FhirConnection, setFhirConnection } from './queries'

export async function applyFhir(tx: Tx, practiceId: string, patch: FhirPatch | null, now: Date): Promise<void> {
  await setFhirConnection(
    tx,
    practiceId,
    patch && { base_url: patch.base_url.replace(/\/+$/, ''), token: patch.token ?? null },
    now,
  )
}

const isoOrNull = (value: Date | null) => (value ? iso(value) : null)

/** The connection as staff see it: never the token, always how the last sync went. */
export function fhirView(connection: FhirConnection | null): FhirSettings | null {
  if (!connection) return null
  return {
    base_url: connection.base_url,
    has_token: Boolean(connection.token),
    synced_through: isoOrNull(connection.synced_through),
    last_attempt_at: isoOrNull(connection.last_attempt_at),
    last_success_at: isoOrNull(connection.last_success_at),
    last_result: connection.last_result,
    last_errors: connection.last_errors,
  }
}
