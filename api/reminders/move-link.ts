import type { Deps } from '../deps'
import { actionUrl, signActionLink } from './action-token'

/**
 * Where a client who asked by text to move a session goes to find another time: the reminder's
 * own "find another time" link for that session, signed for the reply that carries it.
 */
export async function moveLink(
  deps: Deps,
  link: { practiceId: string; outboxId: string; appointment: { id: string; version: number; starts_at: Date } },
): Promise<string> {
  const token = await signActionLink(deps.secret, {
    practiceId: link.practiceId,
    outboxId: link.outboxId,
    appointmentId: link.appointment.id,
    version: link.appointment.version,
    action: 'reschedule',
    expiresAt: Math.floor(link.appointment.starts_at.getTime() / 1000),
  })
  return actionUrl(deps.publicUrl, token)
}
