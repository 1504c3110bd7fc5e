import { describe, expect, it } from 'vitest'
import { callListReason, decideCallOutcome } from './confirmation-calls'

const now = new Date('2026-03-02T15:00:00Z')
const upcoming = { starts_at: '2026-03-03T14:00:00Z', ends_at: '2026-03-03T14:50:00Z' }

describe('decideCallOutcome', () => {
  it('confirms or cancels an upcoming session', () => {
    expect(decideCallOutcome({ status: 'scheduled', ...upcoming }, 'confirmed', now)).toEqual({
      ok: true,
      status: 'confirmed',
    })
    expect(decideCallOutcome({ status: 'scheduled', ...upcoming }, 'cancelled', now)).toEqual({
      ok: true,
      status: 'cancelled',
    })
    expect(decideCallOutcome({ status: 'confirmed', ...upcoming }, 'cancelled', now)).toEqual({
      ok: true,
      status: 'cancelled',
    })
  })

  it('leaves the session as it is for a voicemail or no answer', () => {
    expect(decideCallOutcome({ status: 'scheduled', ...upcoming }, 'voicemail', now)).toEqual({
      ok: true,
      status: 'scheduled',
    })
    expect(decideCallOutcome({ status: 'confirmed', ...upcoming }, 'no_answer', now)).toEqual({
      ok: true,
      status: 'confirmed',
    })
  })

  it('refuses every outcome on a closed session or one that has started', () => {
    for (const status of ['cancelled', 'late_cancelled', 'attended', 'no_show'] as const) {
      for (const outcome of ['confirmed', 'cancelled', 'voicemail', 'no_answer'] as const) {
        expect(decideCallOutcome({ status, ...upcoming }, outcome, now).ok).toBe(false)
      }
    }
    const started = { status: 'scheduled' as const, starts_at: '2026-03-02T15:00:00Z', ends_at: '2026-03-02T15:50:00Z' }
    expect(decideCallOutcome(started, 'confirmed', now)).toEqual({
      ok: false,
      message: 'This session has already started.',
    })
    expect(decideCallOutcome(started, 'voicemail', now).ok).toBe(false)
  })
})

describe('callListReason', () => {
  const sent = { status: 'sent', delivery_status: 'delivered' }
  const base = { status: 'scheduled' as const, call_requested_at: null, called_at: [], reminders: [sent] }
  it.each([
    ['an unconfirmed session with its reminders out', base, 'unconfirmed'],
    ['a confirmed one', { ...base, status: 'confirmed' as const }, null],
    [
      'a bounced reminder',
      { ...base, reminders: [sent, { status: 'sent', delivery_status: 'bounced' }] },
      'reminder_failed',
    ],
    [
      'a reminder given up on',
      { ...base, reminders: [{ status: 'failed', delivery_status: null }] },
      'reminder_failed',
    ],
    [
      'no channel to send on',
      { ...base, reminders: [{ status: 'skipped', delivery_status: null }] },
      'no_reminder_channel',
    ],
    ['no reminder planned at all', { ...base, reminders: [] }, 'no_reminder_channel'],
    [
      'a client who asked for a call, though confirmed',
      { ...base, status: 'confirmed' as const, call_requested_at: '2026-03-02T10:00:00Z' },
      'asked_for_call',
    ],
    [
      'asked, and called before they asked',
      { ...base, call_requested_at: '2026-03-02T10:00:00Z', called_at: ['2026-03-01T10:00:00Z'] },
      'asked_for_call',
    ],
    [
      'asked and called since (still unconfirmed)',
      { ...base, call_requested_at: '2026-03-02T10:00:00Z', called_at: ['2026-03-02T11:00:00Z'] },
      'unconfirmed',
    ],
    [
      'asked, called since, and confirmed',
      {
        ...base,
        status: 'confirmed' as const,
        call_requested_at: '2026-03-02T10:00:00Z',
        called_at: ['2026-03-02T11:00:00Z'],
      },
      null,
    ],
  ])('%s: %s', (_label, session, reason) => {
    expect(callListReason(session)).toBe(reason)
  })
})
