import { clearChannelFailing } from '../clients/channel-queries'
import type { Tx } from '../db/connect'
import type { Deps } from '../deps'
import { replanClient } from './replan'

/**
 * A client's details changed: a new address or number gets a fresh start, and their upcoming
 * reminders are re-planned for the channels they now consent to.
 */
export async function clientReachChanged(
  tx: Tx,
  deps: Pick<Deps, 'clock'>,
  practiceId: string,
  clientId: string,
  patch: { email?: unknown; phone?: unknown; consents?: unknown; time_zone?: unknown; preferred_channels?: unknown },
): Promise<void> {
  const now = deps.clock()
  if (patch.email !== undefined) await clearChannelFailing(tx, practiceId, clientId, 'email', now)
  if (patch.phone !== undefined) await clearChannelFailing(tx, practiceId, clientId, 'sms', now)
  if (
    patch.email !== undefined ||
    patch.phone !== undefined ||
    patch.consents !== undefined ||
    patch.preferred_channels !== undefined ||
    patch.time_zone !== undefined
  ) {
    await replanClient(tx, deps, practiceId, clientId)
  }
}
