import { noticeSendTime } from '../../shared/notices/timing'
import { type AppointmentListener, became } from '../appointments/changed'
import { sessionPeople } from '../appointments/queries'
import { queueClientNotice } from './enqueue'

/**
 * When the practice, the EHR, a confirmation call or staff move or cancel a session, the client is
 * told once per change: the new day and time in their zone, or that it was cancelled and how to
 * find another time. Private like reminders, after their night, on their first usable channel.
 * The client's own moves and cancellations (portal, email links, texts) are theirs to know, and a
 * write with `notify_client: false` (an EHR import, say) tells nobody.
 */
export const changeNoticesFollowChange: AppointmentListener = async (tx, deps, change) => {
  const { before, after, actor } = change
  if (!before || change.notifyClient === false) return
  if (actor.kind === 'client' || actor.kind === 'link') return
  const now = deps.clock()
  const moved = before.starts_at.getTime() !== after.starts_at.getTime()
  const cancelled = became(change, 'cancelled')
  const open = after.status === 'scheduled' || after.status === 'confirmed'
  if (!cancelled && !(moved && open)) return
  // A session already over (or a correction to one long past) is not news.
  if (Math.max(after.starts_at.getTime(), before.starts_at.getTime()) <= now.getTime()) return
  const people = await sessionPeople(tx, after)
  if (!people) return
  const shown = cancelled ? before : after
  await queueClientNotice(tx, {
    practiceId: after.practice_id,
    clientId: after.client_id,
    appointmentId: after.id,
    reach: 'preferred',
    onceFor: cancelled ? `${after.id}:${now.getTime()}` : `${after.id}:v${after.version}`,
    payload: {
      kind: cancelled ? 'session_cancelled' : 'session_moved',
      starts_at: shown.starts_at.toISOString(),
      show: cancelled ? 'sessions' : 'session',
      subject_id: after.id,
      version: after.version,
    },
    sendAt: noticeSendTime(now, people.client_time_zone),
  })
}
