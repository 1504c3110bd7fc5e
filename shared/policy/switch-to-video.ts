import { openWindows } from '../availability/free-slots'
import type { Availability, RescheduleSettings } from '../schemas/availability'
import { localDate, toMillis, type InstantInput } from '../time/zone'
import { isOpen } from './sessions'

/** Cancel reasons about getting there, where a video session may save the session (and any fee). */
export const VIDEO_HELPS_REASONS = ['transportation', 'weather', 'childcare', 'illness'] as const

export type SwitchToVideoDecision =
  | { ok: true; videoUrl: string }
  | { ok: false; reason: 'not_open' | 'already_video' | 'started' | 'practice_off' | 'no_video_room' | 'not_offered' }

/**
 * Whether an in-person session can become a video session at the same time: it is still booked
 * and ahead, the practice allows it, and the therapist has a video room and offers video at that
 * time in their hours. The portal asks before offering the button; the server decides with it.
 */
export function switchToVideoDecision(input: {
  session: { status: string; starts_at: InstantInput; ends_at: InstantInput; telehealth_url: string | null }
  settings: RescheduleSettings
  availability: Availability | null
  now: InstantInput
}): SwitchToVideoDecision {
  const { session, availability } = input
  if (!isOpen(session.status)) return { ok: false, reason: 'not_open' }
  if (session.telehealth_url) return { ok: false, reason: 'already_video' }
  const start = toMillis(session.starts_at)
  const end = toMillis(session.ends_at)
  if (toMillis(input.now) >= start) return { ok: false, reason: 'started' }
  if (input.settings.switch_to_video === false) return { ok: false, reason: 'practice_off' }
  if (!availability?.video_url) return { ok: false, reason: 'no_video_room' }
  const windows = openWindows(availability, localDate(start, availability.time_zone))
  const offered = windows.some((w) => w.modes.includes('video') && w.start <= start && end <= w.end)
  return offered ? { ok: true, videoUrl: availability.video_url } : { ok: false, reason: 'not_offered' }
}

/** Whether the client's reason for cancelling is about getting there, so video at the same time may save the session. */
export function videoMightHelp(reason: string | null | undefined): boolean {
  return (VIDEO_HELPS_REASONS as readonly unknown[]).includes(reason)
}
