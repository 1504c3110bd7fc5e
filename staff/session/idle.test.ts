import { describe, expect, it } from 'vitest'
import type { StaffMe } from '../../shared/schemas/staff'
import { OWNER } from '../testing'
import { idlePhase, nextChange, sessionClock, touched, WARNING_MS } from './idle'

const MINUTE = 60_000

/** The owner with this idle limit, `signedInAgo` ms into the 12 hours, as the server saw it at `serverNow`. */
function me(idleMinutes: number, serverNow: number, signedInAgo: number): StaffMe {
  return {
    ...OWNER,
    practice: { ...OWNER.practice, staff_idle_minutes: idleMinutes },
    session: {
      idle_expires_at: new Date(serverNow + idleMinutes * MINUTE).toISOString(),
      expires_at: new Date(serverNow - signedInAgo + 12 * 60 * MINUTE).toISOString(),
    },
  }
}

describe('the session clock', () => {
  it("counts from this browser's clock even when the server's is hours off", () => {
    const sentAt = 1_000_000_000
    const clock = sessionClock(me(15, sentAt + 3 * 60 * MINUTE, 0), sentAt)
    expect(clock.idleAt).toBe(sentAt + 15 * MINUTE)
    expect(clock.endsAt).toBe(sentAt + 12 * 60 * MINUTE)
  })

  it('moves the idle deadline on with each request, never past the 12 hours', () => {
    const clock = sessionClock(me(15, 0, 12 * 60 * MINUTE - 20 * MINUTE), 0)
    expect(clock.endsAt).toBe(20 * MINUTE)
    expect(touched(clock, 2 * MINUTE).idleAt).toBe(17 * MINUTE)
    expect(touched(clock, 10 * MINUTE).idleAt).toBe(20 * MINUTE)
    // An answer to an older request never pulls the deadline back.
    const later = touched(clock, 4 * MINUTE)
    expect(touched(later, 1 * MINUTE)).toBe(later)
  })

  it('warns two minutes before the end, then ends', () => {
    const clock = sessionClock(me(5, 0, 0), 0)
    expect(idlePhase(clock, 0)).toBe('active')
    expect(nextChange(clock, 0)).toBe(5 * MINUTE - WARNING_MS)
    expect(idlePhase(clock, 3 * MINUTE)).toBe('warning')
    expect(nextChange(clock, 3 * MINUTE)).toBe(5 * MINUTE)
    expect(idlePhase(clock, 5 * MINUTE)).toBe('ended')
    expect(nextChange(clock, 5 * MINUTE)).toBeNull()
  })
})
