import type { CalcomPatch, CalcomSettings } from '../../shared/schemas/connectors'
import type { Tx } from '../db/connect'
import { ApiError } from '../http/errors'
import { type CalcomConnection, setCalcomConnection, therapistIdsIn } from './queries'

const DEFAULT_CONSENTS = { email: true, sms: false, whatsapp: false, push: false }

/** Saves the practice's Cal.com settings; every therapist in the map must be the practice's. */
export async function applyCalcom(tx: Tx, practiceId: string, patch: CalcomPatch | null, now: Date): Promise<void> {
  if (!patch) return setCalcomConnection(tx, practiceId, null, now)
  const ids = [...new Set(Object.values(patch.therapists))]
  const known = new Set(await therapistIdsIn(tx, practiceId, ids))
  const fields: Record<string, string> = {}
  for (const [email, id] of Object.entries(patch.therapists)) {
    if (!known.has(id)) fields[`calcom.therapists.${email}`] = 'No therapist with this id in your practice.'
  }
  if (Object.keys(fields).length) throw new ApiError('invalid_request', 'Some fields need attention.', { fields })
  await setCalcomConnection(
    tx,
    practiceId,
    {
      webhook_secret: patch.webhook_secret,
      therapists: patch.therapists,
      client_consents: { ...DEFAULT_CONSENTS, ...patch.client_consents },
    },
    now,
  )
}

/** The settings as staff see them, with the address to paste into Cal.com. */
export function calcomView(
  publicUrl: string,
  slug: string,
  connection: CalcomConnection | null,
): CalcomSettings | null {
  if (!connection) return null
  return {
    webhook_url: `${publicUrl}/v1/inbound/calcom?practice=${encodeURIComponent(slug)}`,
    therapists: connection.therapists,
    client_consents: connection.client_consents,
    has_webhook_secret: true,
  }
}
