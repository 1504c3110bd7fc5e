import { bouncedReminderAbout } from './queries'
import { formatInstant } from '../../shared/time/format'
import { raiseAlert } from '../alerts/raise'
import { markChannelFailing, setOptOut } from '../clients/channel-queries'
import type { Tx } from '../db/connect'
import { type OutboxRow, recordDelivery } from '../outbox/queries'
import type { Deps } from '../deps'
import { replanClient } from './replan'

/**
 * What Resend tells us happened to an email after it left. A bounce marks the client's email as
 * failing and raises an alert, so someone can call before the slot goes empty; a spam complaint
 * is taken as "no more email"; both re-plan the client's reminders onto the channels that work.
 */

const STATUS_BY_TYPE: Record<string, 'delivered' | 'delayed' | 'bounced' | 'complained' | 'failed'> = {
  'email.delivered': 'delivered',
  'email.delivery_delayed': 'delayed',
  'email.bounced': 'bounced',
  'email.complained': 'complained',
  'email.failed': 'failed',
}

export function deliveryStatusOf(type: string) {
  return STATUS_BY_TYPE[type] ?? null
}

export async function recordEmailEvent(
  tx: Tx,
  deps: Pick<Deps, 'clock'>,
  row: OutboxRow,
  status: 'delivered' | 'delayed' | 'bounced' | 'complained' | 'failed',
): Promise<void> {
  const now = deps.clock()
  // A late "delivered" never hides a bounce already recorded.
  if (!(status === 'delivered' && (row.delivery_status === 'bounced' || row.delivery_status === 'complained'))) {
    await recordDelivery(tx, row.id, status, now)
  }
  if (status === 'delivered' || status === 'delayed' || !row.client_id) return

  if (status === 'complained') await setOptOut(tx, row.practice_id, row.client_id, 'email', { via: 'complained' }, now)
  else await markChannelFailing(tx, row.practice_id, row.client_id, 'email', status, now)
  await replanClient(tx, deps, row.practice_id, row.client_id)

  const about = await bouncedReminderAbout(tx, { ...row, client_id: row.client_id })
  const session = about?.starts_at
    ? ` for the session on ${formatInstant(about.starts_at, about.time_zone, 'en', 'medium')}`
    : ''
  const summary =
    status === 'complained'
      ? `${about?.client_name} marked a reminder email${session} as spam, so Hearth stopped emailing them. You may want to call.`
      : `The reminder email to ${about?.client_name}${session} ${status === 'bounced' ? 'bounced' : 'could not be delivered'}. Please call them and check their address.`
  await raiseAlert(
    tx,
    {
      practiceId: row.practice_id,
      kind: 'delivery_failed',
      audience: 'front_desk',
      therapistId: about?.therapist_id ?? null,
      clientId: row.client_id,
      appointmentId: row.appointment_id,
      dedupeKey: `delivery_failed:${row.id}:${status}`,
      summary,
      context: { outbox_id: row.id, channel: 'email', event: status },
    },
    now,
  )
}
