import { queueSessionNotice } from '../notices/enqueue'
import { type AppointmentListener, became } from './changed'
import { lateFeeCurrency, sessionPeople } from './queries'

/**
 * A cancellation the client made in the portal or from an email link is confirmed in writing on
 * their channel: which session, the late fee if one applies and how to ask for it to be waived,
 * and how to find another time. A cancellation by text is confirmed by the text reply itself
 * (api/reminders/sms-replies.ts), and one the practice made is the practice's own notice.
 */
export const clientCancellationConfirmed: AppointmentListener = async (tx, deps, change) => {
  const { actor, after } = change
  const byClient = actor.kind === 'client' || (actor.kind === 'link' && !actor.id.startsWith('sms:'))
  if (!byClient || !(became(change, 'cancelled') || became(change, 'late_cancelled'))) return
  const people = await sessionPeople(tx, after)
  if (!people) return
  const now = deps.clock()
  const fee = after.status === 'late_cancelled' && after.late_fee_cents ? after.late_fee_cents : 0
  await queueSessionNotice(tx, after, {
    kind: 'cancelled_by_client',
    timeZone: people.client_time_zone,
    now,
    payload: fee ? { fee_cents: fee, currency: (await lateFeeCurrency(tx, after.practice_id, after.id)) ?? 'USD' } : {},
  })
}
