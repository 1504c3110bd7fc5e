import { formatInstant } from '../../shared/time/format'
import { raiseAlert, sealClientNote } from '../alerts/raise'
import { audit } from '../db/audit'
import type { Tx } from '../db/connect'
import type { ClientAppointment } from '../db/portal-appointments'
import type { Deps } from '../deps'

/**
 * "Find another time" from a reminder: the front desk hears about it, with the client's optional
 * note sealed as the portal's reschedule request does, and the session stays in place meanwhile.
 */
export async function requestRescheduleFromLink(
  tx: Tx,
  deps: Pick<Deps, 'clock' | 'secret'>,
  appointment: ClientAppointment,
  outboxId: string,
  note: string | undefined,
): Promise<void> {
  const now = deps.clock()
  const text = note?.trim() || null
  const dedupeKey = `reschedule_request:${appointment.id}:link:${outboxId}`
  const when = formatInstant(appointment.starts_at, appointment.practice_time_zone, 'en', 'medium')
  await raiseAlert(
    tx,
    {
      practiceId: appointment.practice_id,
      kind: 'reschedule_request',
      audience: 'front_desk',
      therapistId: appointment.therapist_id,
      clientId: appointment.client_id,
      appointmentId: appointment.id,
      dedupeKey,
      summary: `${appointment.client_name} would like another time for the session on ${when} with ${appointment.therapist_name} (from a reminder).`,
      context: { status: appointment.status, has_note: Boolean(text), via: 'reminder_link' },
      ...(text ? { clientNote: await sealClientNote(deps.secret, appointment.practice_id, dedupeKey, text) } : {}),
    },
    now,
  )
  await audit(tx, {
    practiceId: appointment.practice_id,
    actor: { kind: 'link', id: outboxId },
    action: 'appointment.reschedule_requested',
    subject: { kind: 'appointment', id: appointment.id },
    detail: { has_note: Boolean(text) },
  })
}
