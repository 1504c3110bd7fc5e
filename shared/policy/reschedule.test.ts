import { describe, expect, it } from 'vitest'
import type { RescheduleSettings } from '../schemas/availability'
import type { CancellationPolicy } from '../schemas/policies'
import { cancellationQuote } from './cancellation'
import { holdEnds, rescheduleRule } from './reschedule'

const HOUR = 3_600_000
const startsAt = Date.parse('2026-03-12T15:00:00Z')
const fee: CancellationPolicy = { window_hours: 24, late_action: 'fee', fee_cents: 7500, currency: 'USD' }
const call: CancellationPolicy = { ...fee, late_action: 'contact_required', fee_cents: 0 }
const noFee: CancellationPolicy = { ...fee, fee_cents: 0 }

function rule(settings: RescheduleSettings, policy: CancellationPolicy, hoursBefore: number, status = 'scheduled') {
  const quote = cancellationQuote({
    startsAt,
    policy,
    now: startsAt - hoursBefore * HOUR,
    timeZone: 'America/New_York',
    locale: 'en',
    practicePhone: '(555) 010-2000',
  })
  return rescheduleRule({ settings, status, quote, policy, locale: 'en', practicePhone: '(555) 010-2000' })
}

describe('rescheduleRule: mode × inside_window, outside and inside the cancellation window', () => {
  // [mode, inside_window, policy, hours before, outcome, reason, fee, needs acknowledgement]
  const table = [
    ['instant', 'request', fee, 48, 'move', undefined, 0, false],
    ['instant', 'request', fee, 3, 'request', undefined, 0, false],
    ['instant', 'allow', fee, 3, 'move', undefined, 0, false],
    ['instant', 'as_cancellation', fee, 48, 'move', undefined, 0, false],
    ['instant', 'as_cancellation', fee, 3, 'move', undefined, 7500, true],
    ['instant', 'as_cancellation', noFee, 3, 'move', undefined, 0, false],
    ['instant', 'as_cancellation', call, 3, 'refused', 'contact_practice', 0, false],
    ['request', 'allow', fee, 48, 'request', undefined, 0, false],
    ['request', 'allow', fee, 3, 'request', undefined, 0, false],
    ['request', 'request', fee, 3, 'request', undefined, 0, false],
    ['request', 'as_cancellation', fee, 3, 'request', undefined, 7500, true],
    ['request', 'as_cancellation', call, 3, 'refused', 'contact_practice', 0, false],
    ['off', 'allow', fee, 48, 'refused', 'off', 0, false],
    ['off', 'request', fee, 3, 'refused', 'off', 0, false],
    ['instant', 'allow', fee, -0.5, 'refused', 'started', 0, false],
  ] as const
  it.each(table)('%s / %s, %o, %s h before → %s', (mode, inside, policy, hours, outcome, reason, feeCents, ack) => {
    const decided = rule({ mode, inside_window: inside }, policy, hours)
    expect(decided.outcome).toBe(outcome)
    expect(decided.reason).toBe(reason)
    expect(decided.fee_cents).toBe(feeCents)
    expect(decided.needs_acknowledgement).toBe(ack)
  })

  it('exactly at the free-cancellation deadline is still outside the window', () => {
    expect(rule({ mode: 'instant', inside_window: 'request' }, fee, 24).outcome).toBe('move')
  })

  it('a session that is not booked any more cannot be moved', () => {
    expect(rule({ mode: 'instant', inside_window: 'allow' }, fee, 48, 'no_show')).toMatchObject({
      outcome: 'refused',
      reason: 'not_open',
    })
  })

  it('says the rule in plain words before the client chooses', () => {
    expect(rule({ mode: 'instant', inside_window: 'request' }, fee, 48).text).toBe(
      'Choose a time that suits you and your session moves straight away.',
    )
    expect(rule({ mode: 'instant', inside_window: 'request' }, fee, 3).text).toBe(
      "This session is less than 24 hours away, so the practice will confirm the new time. We'll keep the time you choose for you meanwhile.",
    )
    expect(rule({ mode: 'instant', inside_window: 'as_cancellation' }, fee, 3).text).toBe(
      "This session is less than 24 hours away, so moving it now counts as a late cancellation and carries the practice's $75.00 late-cancellation fee.",
    )
    expect(rule({ mode: 'off', inside_window: 'allow' }, fee, 48).text).toBe(
      "To move this session, please call the practice at (555) 010-2000. They'll help you find another time.",
    )
  })
})

describe('holdEnds: 24 hours at most, never past the notice before the asked-for time, never under a minute', () => {
  const asked = Date.parse('2026-03-02T15:00:00Z')
  // [case, hours from now to the asked-for time, notice in hours, hours the hold lasts, bound]
  const table = [
    ['a far-away time', 24 * 14, 24, 24, 'day'],
    ['30 hours away with 12 hours notice', 30, 12, 18, 'notice'],
    ['exactly 24 hours past the notice', 36, 12, 24, 'day'],
    ['nearly inside the notice', 25, 24, 1, 'notice'],
    ['no notice, 10 hours away', 10, 0, 10, 'notice'],
    ['right at the edge of the notice', 24, 24, 1 / 60, 'notice'],
    ['already inside the notice', 20, 24, 1 / 60, 'notice'],
    ['already past', -2, 0, 1 / 60, 'notice'],
  ] as const
  it.each(table)('%s (%s h away, %s h notice) → held %s h', (_, away, notice, lasts, bound) => {
    const held = holdEnds({ now: asked, startsAt: asked + away * HOUR, minNoticeHours: notice })
    expect(held.ends_at.toISOString()).toBe(new Date(asked + lasts * HOUR).toISOString())
    expect(held.bound).toBe(bound)
  })

  it('takes dates as well as milliseconds', () => {
    const held = holdEnds({ now: new Date(asked), startsAt: new Date(asked + 30 * HOUR), minNoticeHours: 12 })
    expect(held.ends_at).toEqual(new Date(asked + 18 * HOUR))
  })
})
