import { followUpNoShow } from '../appointments/no-show'
import { appointmentColumns, type AppointmentRow } from '../appointments/queries'
import type { Tx } from '../db/connect'

/**
 * What the demo's inbox starts with: Jordan's missed session from two days ago, followed up as
 * marking it would have (a kind note in Jordan's email, an alert for Dr. Rivera).
 */
export async function seedDemoAlerts(tx: Tx, practiceId: string, now: Date): Promise<void> {
  const [missed] = await tx<AppointmentRow[]>`
    select ${appointmentColumns(tx)} from appointments
    where practice_id = ${practiceId} and external_id = 'demo-5' and status = 'no_show'`
  if (missed) await followUpNoShow(tx, missed, now)
}
