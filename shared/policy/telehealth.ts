import { isOpen } from './sessions'
import { toMillis, type InstantInput } from '../time/zone'

/**
 * When a video session's join link may be shown: from shortly before the start until the end, and
 * only while the session is still on. The portal shows the link by this rule and a reminder carries
 * it by the same one, so the link never leaks days ahead in an inbox.
 */

/** The join link appears this long before the start. */
export const TELEHEALTH_LINK_LEAD_MS = 15 * 60_000

export interface TelehealthSession {
  status: string
  starts_at: InstantInput
  ends_at: InstantInput
}

/** The instant the join link first shows (whatever the session's status). */
export function telehealthLinkOpensAt(session: Pick<TelehealthSession, 'starts_at'>): Date {
  return new Date(toMillis(session.starts_at) - TELEHEALTH_LINK_LEAD_MS)
}

/** Whether the join link may be shown at `now`. */
export function telehealthLinkShown(session: TelehealthSession, now: InstantInput): boolean {
  const at = toMillis(now)
  return isOpen(session.status) && at >= telehealthLinkOpensAt(session).getTime() && at < toMillis(session.ends_at)
}
