import { sessionPeople } from './queries'
import { noticeSendTime } from '../../shared/notices/timing'
import { formatInstant } from '../../shared/time/format'
import { raiseAlert } from '../alerts/raise'
import { type AppointmentListener, became, tellsClient } from './changed'
import type { AppointmentRow } from './queries'
import type { Tx } from '../db/connect'
import { queueClientNotice } from '../notices/enqueue'

/** A note about a session missed longer ago than this would arrive out of the blue: staff call instead. */
export const MISSED_NOTE_WITHIN_MS = 7 * 24 * 60 * 60_000

/** A missed session: a kind note to the client and an alert for the therapist. */
export const noShowFollowsChange: AppointmentListener = async (tx, deps, change) => {
  if (became(change, 'no_show')) await followUpNoShow(tx, change.after, deps.clock(), tellsClient(change))
}

/**
 * A session was marked as missed: the client gets a warm, shame-free note on their preferred
 * channel with a way to find another time (the portal's missed-session screen), and the therapist
 * gets an alert saying whether the note went. Insights count the no-show from the status itself.
 */
export async function followUpNoShow(
  tx: Tx,
  appointment: AppointmentRow,
  now: Date,
  noteToClient = true,
): Promise<void> {
  const people = await sessionPeople(tx, appointment)
  if (!people) return
  const recent = noteToClient && now.getTime() - appointment.starts_at.getTime() <= MISSED_NOTE_WITHIN_MS
  const channels = recent
    ? await queueClientNotice(tx, {
        practiceId: appointment.practice_id,
        clientId: appointment.client_id,
        appointmentId: appointment.id,
        reach: 'preferred',
        payload: {
          kind: 'missed',
          starts_at: appointment.starts_at.toISOString(),
          show: 'missed',
          subject_id: appointment.id,
        },
        sendAt: noticeSendTime(now, people.client_time_zone),
      })
    : []
  const when = formatInstant(appointment.starts_at, people.practice_time_zone, 'en', 'medium')
  const followUp = channels.length
    ? `They've been sent a kind note (${channels.join(', ')}) with a way to find another time.`
    : !noteToClient
      ? 'No note was sent, as the change came in quietly; you may want to call.'
      : recent
        ? 'Hearth has no way to reach them right now, so you may want to call.'
        : 'It was a while ago, so no note was sent; you may want to call.'
  await raiseAlert(
    tx,
    {
      practiceId: appointment.practice_id,
      kind: 'no_show',
      audience: 'therapist',
      therapistId: appointment.therapist_id,
      clientId: appointment.client_id,
      appointmentId: appointment.id,
      dedupeKey: `no_show:${appointment.id}`,
      summary: `${people.client_name} missed the session on ${when} with ${people.therapist_name}. ${followUp}`,
      context: { starts_at: appointment.starts_at.toISOString(), note_sent_on: channels },
    },
    now,
  )
}
