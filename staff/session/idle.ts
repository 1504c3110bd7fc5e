import type { StaffMe } from '../../shared/schemas/staff'

/**
 * When this browser's staff session ends, by this browser's own clock. The server moves the idle
 * deadline on with every request; the console hears each one (`touched`) and so never needs to
 * ask. Times are milliseconds on `Date.now()`'s clock.
 */
export type SessionClock = {
  /** The practice's `staff_idle_minutes`. */
  idleMs: number
  /** The 12-hour limit, whatever the activity. */
  endsAt: number
  /** The idle deadline as of the last request. */
  idleAt: number
}

/** How long before the idle deadline the console warns. */
export const WARNING_MS = 2 * 60_000

/**
 * The clock from `GET /v1/staff/me`, sent at `sentAt`. The server's times are turned into lengths
 * (its idle deadline is its "now" plus the idle time), so a browser clock that is off still
 * counts down right.
 */
export function sessionClock(me: StaffMe, sentAt: number): SessionClock {
  const idleMs = me.practice.staff_idle_minutes * 60_000
  const serverNow = Date.parse(me.session.idle_expires_at) - idleMs
  const endsAt = sentAt + Math.max(0, Date.parse(me.session.expires_at) - serverNow)
  return { idleMs, endsAt, idleAt: Math.min(sentAt + idleMs, endsAt) }
}

/** The clock after a request sent at `sentAt` reached the session. */
export function touched(clock: SessionClock, sentAt: number): SessionClock {
  const idleAt = Math.min(sentAt + clock.idleMs, clock.endsAt)
  return idleAt > clock.idleAt ? { ...clock, idleAt } : clock
}

export type IdlePhase = 'active' | 'warning' | 'ended'

export function idlePhase(clock: SessionClock, now: number): IdlePhase {
  if (now >= clock.idleAt) return 'ended'
  return now >= clock.idleAt - WARNING_MS ? 'warning' : 'active'
}

/** When the phase next changes (for one timer, not a tick every second). */
export function nextChange(clock: SessionClock, now: number): number | null {
  if (now < clock.idleAt - WARNING_MS) return clock.idleAt - WARNING_MS
  if (now < clock.idleAt) return clock.idleAt
  return null
}
