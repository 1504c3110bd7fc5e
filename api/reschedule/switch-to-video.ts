import { type SwitchToVideoDecision, switchToVideoDecision } from '../../shared/policy/switch-to-video'
import { formatInstant } from '../../shared/time/format'
import { raiseAlert } from '../alerts/raise'
import { appointmentChanged } from '../appointments/changed'
import type { ClientAppointment } from '../appointments/portal-queries'
import { updateAppointment } from '../appointments/queries'
import { type Actor, audit } from '../audit/queries'
import type { Tx } from '../db/connect'
import type { Deps } from '../deps'
import { rescheduleContext } from './queries'

/** Whether this in-person session could be held by video at its time now (shared/policy/switch-to-video.ts). */
export async function videoDecisionFor(tx: Tx, session: ClientAppointment, now: Date): Promise<SwitchToVideoDecision> {
  const context = await rescheduleContext(tx, session.practice_id, session.therapist_id)
  return switchToVideoDecision({ session, settings: context.settings, availability: context.availability, now })
}

/**
 * Holds the session by video at the same time: the therapist's video room replaces the location,
 * the change is sent like any other, and the therapist is told. The caller has decided it may.
 */
export async function switchSessionToVideo(
  tx: Tx,
  deps: Deps,
  input: { before: ClientAppointment; videoUrl: string; actor: Actor; now: Date },
): Promise<void> {
  const { before, actor, now } = input
  const after = await updateAppointment(
    tx,
    before.practice_id,
    before.id,
    { telehealth_url: input.videoUrl, location: null, version: before.version + 1 },
    now,
  )
  await appointmentChanged(tx, deps, { before, after, actor })
  await raiseAlert(
    tx,
    {
      practiceId: before.practice_id,
      kind: 'switched_to_video',
      audience: 'therapist',
      therapistId: before.therapist_id,
      clientId: before.client_id,
      appointmentId: before.id,
      dedupeKey: `switched_to_video:${before.id}:v${after.version}`,
      summary: `${before.client_name} switched the session on ${formatInstant(before.starts_at, before.practice_time_zone, 'en', 'medium')} to video; it keeps its time.`,
      context: { previous_location: before.location },
    },
    now,
  )
  await audit(tx, {
    practiceId: before.practice_id,
    actor,
    action: 'appointment.switched_to_video',
    subject: { kind: 'appointment', id: before.id },
  })
}
