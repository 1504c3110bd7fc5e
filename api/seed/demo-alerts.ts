import { followUpNoShow } from '../appointments/no-show'
import { findByExternalId } from '../appointments/queries'
import type { Tx } from '../db/connect'

/**
 * What the demo's inbox starts with: Jordan's missed session from two days ago, followed up as
 * marking it would have (a kind note in Jordan's email, an alert for Dr. Rivera).
 */
export async function seedDemoAlerts(tx: Tx, practiceId: string, now: Date): Promise<void> {
  const missed = await findByExternalId(tx, practiceId, 'demo-5')
  if (missed?.status === 'no_show') await followUpNoShow(tx, missed, now)
}
