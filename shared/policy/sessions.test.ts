import { describe, expect, it } from 'vitest'
import { APPOINTMENT_STATUSES } from '../schemas/appointment'
import { isOpen, isUpcoming, OPEN_STATUSES, statusAfterMove } from './sessions'

describe('isOpen', () => {
  it.each([
    ['scheduled', true],
    ['confirmed', true],
    ['cancelled', false],
    ['late_cancelled', false],
    ['no_show', false],
    ['attended', false],
  ] as const)('%s → %s', (status, open) => {
    expect(isOpen(status)).toBe(open)
  })

  it('agrees with OPEN_STATUSES for every status', () => {
    for (const status of APPOINTMENT_STATUSES) {
      expect(isOpen(status)).toBe((OPEN_STATUSES as readonly string[]).includes(status))
    }
  })
})

describe('isUpcoming', () => {
  const ends_at = '2026-03-02T16:00:00Z'
  it.each([
    ['scheduled, before its end', 'scheduled', '2026-03-02T15:59:59Z', true],
    ['confirmed, while it runs', 'confirmed', '2026-03-02T15:30:00Z', true],
    ['confirmed, exactly at its end', 'confirmed', ends_at, false],
    ['scheduled, after its end', 'scheduled', '2026-03-02T17:00:00Z', false],
    ['cancelled, before its end', 'cancelled', '2026-03-01T00:00:00Z', false],
    ['missed', 'no_show', '2026-03-01T00:00:00Z', false],
  ])('%s → %s', (_case, status, now, upcoming) => {
    expect(isUpcoming({ status, ends_at }, now)).toBe(upcoming)
  })
})

describe('statusAfterMove', () => {
  it.each([
    ['confirmed', true, 'scheduled'],
    ['confirmed', false, 'confirmed'],
    ['scheduled', true, 'scheduled'],
    ['cancelled', true, 'cancelled'],
  ] as const)('%s, moved %s → %s', (status, moved, after) => {
    expect(statusAfterMove(status, moved)).toBe(after)
  })
})
