import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Channel, ReminderSchedule } from '../schemas/policies'
import { addDays } from '../time/calendar'
import { instantAt, wallClock } from '../time/zone'
import { isQuietHour, planReminders, reminderNotWanted, type ReminderPlanInput } from './plan'

const HOUR = 3_600_000
const schedule: ReminderSchedule = {
  confirmation: { enabled: true, hours_before_free_until: 24 },
  morning_of: { enabled: true, at: '08:00' },
  channels: ['email', 'sms', 'push'],
  detail: 'private',
}
const allConsents = { email: true, sms: true, push: true }

/** A plan under a 48 h policy, so freeUntil is 48 h before the start unless given. */
function plan(over: {
  startsAt: string
  now: string
  zone?: string
  status?: string
  windowHours?: number
  schedule?: Partial<ReminderSchedule>
  client?: Partial<ReminderPlanInput['client']>
}) {
  const start = Date.parse(over.startsAt)
  return planReminders({
    appointment: { id: 'apt_1', starts_at: over.startsAt, status: over.status ?? 'scheduled', version: 3 },
    freeUntil: new Date(start - (over.windowHours ?? 48) * HOUR),
    schedule: { ...schedule, channels: ['email'], ...over.schedule },
    client: { time_zone: over.zone ?? 'America/New_York', consents: allConsents, ...over.client },
    now: over.now,
  })
}
const when = (p: ReturnType<typeof planReminders>) => p.map((r) => [r.kind, r.send_at])

describe('planReminders', () => {
  it('the Monday after the US spring-forward: confirmation 72 h ahead on the client clock, morning at 8', () => {
    // Monday 10 March 2025, 3:00 pm EDT. Free until Saturday 2:00 pm EST; confirm 24 h before that.
    expect(
      planReminders({
        appointment: { id: 'apt_9', starts_at: '2025-03-10T19:00:00Z', status: 'scheduled', version: 1 },
        freeUntil: '2025-03-08T19:00:00.000Z',
        schedule,
        client: { time_zone: 'America/New_York', consents: { email: true, sms: true, push: false } },
        now: '2025-03-01T12:00:00Z',
      }),
    ).toEqual([
      {
        kind: 'confirmation',
        channel: 'email',
        send_at: '2025-03-07T19:00:00.000Z',
        idempotency_key: 'reminder/apt_9/confirmation/email/1',
      },
      {
        kind: 'confirmation',
        channel: 'sms',
        send_at: '2025-03-07T19:00:00.000Z',
        idempotency_key: 'reminder/apt_9/confirmation/sms/1',
      },
      // 8:00 am EDT on the Monday
      {
        kind: 'morning_of',
        channel: 'email',
        send_at: '2025-03-10T12:00:00.000Z',
        idempotency_key: 'reminder/apt_9/morning_of/email/1',
      },
      {
        kind: 'morning_of',
        channel: 'sms',
        send_at: '2025-03-10T12:00:00.000Z',
        idempotency_key: 'reminder/apt_9/morning_of/sms/1',
      },
    ])
  })

  it('the Monday after the UK spring-forward, with a 24 h policy', () => {
    // Monday 31 March 2025, 10:00 BST; free until Sunday 10:00 BST; confirm Saturday 10:00 GMT.
    expect(
      when(
        plan({ startsAt: '2025-03-31T09:00:00Z', now: '2025-03-20T12:00:00Z', zone: 'Europe/London', windowHours: 24 }),
      ),
    ).toEqual([
      ['confirmation', '2025-03-29T09:00:00.000Z'],
      ['morning_of', '2025-03-31T07:00:00.000Z'],
    ])
  })

  it('moves a confirmation that would land at night to 20:30 the evening before', () => {
    // Tuesday 1 April, 7:00 BST. Confirmation would be Saturday 06:00 GMT: moves to Friday 20:30 GMT.
    // The morning reminder at 8:00 is not before a 7:00 start, so there is none.
    expect(
      when(plan({ startsAt: '2025-04-01T06:00:00Z', now: '2025-03-20T12:00:00Z', zone: 'Europe/London' })),
    ).toEqual([['confirmation', '2025-03-28T20:30:00.000Z']])
    // A 22:00 target moves back to 20:30 the same evening.
    expect(
      when(
        plan({
          startsAt: '2025-01-20T03:00:00Z',
          now: '2025-01-01T12:00:00Z',
          schedule: { morning_of: { enabled: false, at: '08:00' } },
        }),
      ),
    ).toEqual([
      ['confirmation', '2025-01-17T01:30:00.000Z'], // Thursday 16 Jan 20:30 EST, was 22:00
    ])
  })

  it('morning-of: only before the start, and never outside the session day', () => {
    const morning = (startsAt: string, at = '08:00') =>
      when(
        plan({
          startsAt,
          now: '2025-01-01T00:00:00Z',
          schedule: {
            confirmation: { enabled: false, hours_before_free_until: 24 },
            morning_of: { enabled: true, at },
          },
        }),
      )
    expect(morning('2025-01-14T13:30:00Z')).toEqual([['morning_of', '2025-01-14T13:00:00.000Z']]) // 8:30 session, 8:00 reminder
    expect(morning('2025-01-14T13:00:00Z')).toEqual([]) // 8:00 session: no reminder at the same minute
    expect(morning('2025-01-14T12:00:00Z')).toEqual([]) // 7:00 session
    expect(morning('2025-01-14T20:00:00Z', '07:00')).toEqual([['morning_of', '2025-01-14T13:00:00.000Z']]) // 7:00 setting waits for 8:00
    expect(morning('2025-01-14T20:00:00Z', '10:15')).toEqual([['morning_of', '2025-01-14T15:15:00.000Z']])
  })

  it('uses the client clock, not the practice clock', () => {
    // 9:00 am New York is 6:00 am in Los Angeles: no morning reminder there at 8:00 that day, and
    // the confirmation (6:00 am Pacific) moves to 20:30 Pacific the evening before.
    const p = plan({ startsAt: '2025-01-14T14:00:00Z', now: '2025-01-01T00:00:00Z', zone: 'America/Los_Angeles' })
    expect(when(p)).toEqual([['confirmation', '2025-01-11T04:30:00.000Z']])
    const ny = plan({ startsAt: '2025-01-14T14:00:00Z', now: '2025-01-01T00:00:00Z', zone: 'America/New_York' })
    expect(when(ny)).toEqual([
      ['confirmation', '2025-01-11T14:00:00.000Z'],
      ['morning_of', '2025-01-14T13:00:00.000Z'],
    ])
  })

  it('a late booking during the day: the confirmation goes now', () => {
    // Booked Monday 10:00 for Wednesday 10:00 under a 48 h policy: already inside the window.
    expect(when(plan({ startsAt: '2025-01-15T15:00:00Z', now: '2025-01-13T15:00:00Z' }))).toEqual([
      ['confirmation', '2025-01-13T15:00:00.000Z'],
      ['morning_of', '2025-01-15T13:00:00.000Z'],
    ])
  })

  it('a late booking at night waits for 8:00, if the session is still more than 12 h off then', () => {
    // Booked 22:30 for 16:30 the next afternoon: 8:00 is 8.5 h before the start, too close. Morning-of stays.
    expect(when(plan({ startsAt: '2025-01-14T21:30:00Z', now: '2025-01-14T03:30:00Z' }))).toEqual([
      ['morning_of', '2025-01-14T13:00:00.000Z'],
    ])
    // Booked 22:30 for 23:00 two days on: the confirmation waits for 8:00.
    expect(when(plan({ startsAt: '2025-01-16T04:00:00Z', now: '2025-01-14T03:30:00Z' }))).toEqual([
      ['confirmation', '2025-01-14T13:00:00.000Z'],
      ['morning_of', '2025-01-15T13:00:00.000Z'],
    ])
  })

  it('drops a send that is late when the session is 12 h away or less', () => {
    // Booked 9:00 for 17:00 the same day: the 8:00 reminder and the confirmation are both gone.
    expect(plan({ startsAt: '2025-01-14T22:00:00Z', now: '2025-01-14T14:00:00Z' })).toEqual([])
    // At 9:00 for a session at 21:01 (12 h and 1 minute away), both late sends still go now.
    expect(when(plan({ startsAt: '2025-01-15T02:01:00Z', now: '2025-01-14T14:00:00Z' }))).toEqual([
      ['confirmation', '2025-01-14T14:00:00.000Z'],
      ['morning_of', '2025-01-14T14:00:00.000Z'],
    ])
    expect(plan({ startsAt: '2025-01-15T02:00:00Z', now: '2025-01-14T14:00:00Z' })).toEqual([])
  })

  it('plans nothing for sessions that are over, cancelled or started, and no confirmation for confirmed ones', () => {
    const future = { startsAt: '2025-01-20T20:00:00Z', now: '2025-01-01T00:00:00Z' }
    for (const status of ['cancelled', 'late_cancelled', 'no_show', 'attended'])
      expect(plan({ ...future, status })).toEqual([])
    expect(plan({ startsAt: '2025-01-20T20:00:00Z', now: '2025-01-20T20:00:00Z' })).toEqual([])
    expect(plan({ ...future, status: 'confirmed' }).map((r) => r.kind)).toEqual(['morning_of'])
    expect(
      plan({
        ...future,
        schedule: {
          confirmation: { enabled: false, hours_before_free_until: 24 },
          morning_of: { enabled: false, at: '08:00' },
        },
      }),
    ).toEqual([])
  })

  it('sends on every enabled channel the client consented to that works and is not opted out', () => {
    const channels = (client: Partial<ReminderPlanInput['client']>, enabled: Channel[] = ['push', 'email', 'sms']) => [
      ...new Set(
        plan({
          startsAt: '2025-01-20T20:00:00Z',
          now: '2025-01-01T00:00:00Z',
          schedule: { channels: enabled },
          client,
        }).map((r) => r.channel),
      ),
    ]
    expect(channels({})).toEqual(['push', 'email', 'sms'])
    expect(channels({}, ['email'])).toEqual(['email'])
    expect(channels({ consents: { email: true, sms: false, push: true } })).toEqual(['push', 'email'])
    expect(channels({ failing: ['push'], opted_out: ['sms'] })).toEqual(['email'])
    expect(channels({ consents: { email: false, sms: false, push: false } })).toEqual([])
  })

  it('makes a new key when the session moves, and the same key on a retry', () => {
    const input = {
      appointment: { id: 'a1', starts_at: '2025-01-20T20:00:00Z', status: 'scheduled', version: 7 },
      freeUntil: '2025-01-18T20:00:00Z',
      schedule,
      client: { time_zone: 'UTC', consents: allConsents },
      now: '2025-01-01T00:00:00Z',
    }
    const first = planReminders(input).map((r) => r.idempotency_key)
    expect(planReminders(input).map((r) => r.idempotency_key)).toEqual(first)
    expect(first).toContain('reminder/a1/morning_of/sms/7')
    const moved = planReminders({ ...input, appointment: { ...input.appointment, version: 8 } }).map(
      (r) => r.idempotency_key,
    )
    expect(moved.filter((k) => first.includes(k))).toEqual([])
  })
})

describe('planReminders properties', () => {
  const zones = [
    'America/New_York',
    'Europe/London',
    'America/Los_Angeles',
    'Australia/Lord_Howe',
    'Asia/Kolkata',
    'Pacific/Chatham',
    'UTC',
  ]
  const hhmm = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`)
  const channelsArb = fc.subarray(['email', 'sms', 'push'] as Channel[], { minLength: 1 })
  const inputArb = fc.record({
    start: fc
      .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) })
      .map((ms) => Math.floor(ms / 60_000) * 60_000),
    // now anywhere from 20 days before the start to 1 hour after it
    nowBefore: fc.integer({ min: -60, max: 20 * 24 * 60 }),
    windowHours: fc.integer({ min: 24, max: 48 }),
    hoursBefore: fc.integer({ min: 1, max: 168 }),
    morningAt: hhmm,
    confirmation: fc.boolean(),
    morning: fc.boolean(),
    channels: channelsArb,
    zone: fc.constantFrom(...zones),
    status: fc.constantFrom('scheduled', 'confirmed', 'cancelled', 'attended'),
    consents: fc.record({ email: fc.boolean(), sms: fc.boolean(), whatsapp: fc.boolean(), push: fc.boolean() }),
    failing: fc.subarray(['email', 'sms', 'push'] as Channel[]),
  })
  type PlanCase = typeof inputArb extends fc.Arbitrary<infer T> ? T : never
  const run = (i: PlanCase) => {
    const now = i.start - i.nowBefore * 60_000
    const freeUntil = i.start - i.windowHours * HOUR
    const result = planReminders({
      appointment: { id: 'apt', starts_at: new Date(i.start).toISOString(), status: i.status, version: 2 },
      freeUntil: new Date(freeUntil),
      schedule: {
        confirmation: { enabled: i.confirmation, hours_before_free_until: i.hoursBefore },
        morning_of: { enabled: i.morning, at: i.morningAt },
        channels: i.channels,
        detail: 'private',
      },
      client: { time_zone: i.zone, consents: i.consents, failing: i.failing },
      now: new Date(now),
    })
    return { result, now, freeUntil }
  }

  it('never sends in quiet hours, never before now, always before the start', () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        const { result, now } = run(i)
        for (const r of result) {
          const at = Date.parse(r.send_at)
          expect(isQuietHour(at, i.zone), `${r.kind} at ${wallClock(at, i.zone).time}`).toBe(false)
          expect(at).toBeGreaterThanOrEqual(now)
          expect(at).toBeLessThan(i.start)
        }
      }),
      { numRuns: 2000 },
    )
  })

  it('uses unique keys, only permitted channels, and respects status', () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        const { result } = run(i)
        const keys = result.map((r) => r.idempotency_key)
        expect(new Set(keys).size).toBe(keys.length)
        for (const r of result) {
          expect(r.idempotency_key).toBe(`reminder/apt/${r.kind}/${r.channel}/2`)
          expect(i.channels).toContain(r.channel)
          expect(i.consents[r.channel]).toBe(true)
          expect(i.failing).not.toContain(r.channel)
        }
        if (i.status === 'cancelled' || i.status === 'attended') expect(result).toEqual([])
        if (i.status === 'confirmed') expect(result.some((r) => r.kind === 'confirmation')).toBe(false)
      }),
      { numRuns: 1000 },
    )
  })

  it('keeps a confirmation planned in good time before its deadline, and morning-of on the session day', () => {
    fc.assert(
      fc.property(inputArb, (i) => {
        const { result, now, freeUntil } = run(i)
        const target = freeUntil - i.hoursBefore * HOUR
        for (const r of result) {
          const at = Date.parse(r.send_at)
          if (r.kind === 'morning_of') expect(wallClock(at, i.zone).date).toBe(wallClock(i.start, i.zone).date)
          // Moving out of quiet hours shifts a send by less than 13 h (a night is 12 h and a half
          // at most, on the night the clocks go back); planned with that much room, the
          // confirmation is never later than its target and so before the deadline.
          if (r.kind === 'confirmation' && target - 13 * HOUR > now) {
            expect(at).toBeLessThanOrEqual(target)
            expect(at).toBeGreaterThan(target - 13 * HOUR)
            expect(at).toBeLessThan(freeUntil)
          }
          // Anything sent later than planned goes out with more than 12 h to spare.
          if (r.kind === 'confirmation' && at > target) expect(i.start - at).toBeGreaterThan(12 * HOUR)
        }
        // A confirmation with room to spare is always planned, when it may be.
        const eligible = i.confirmation && i.status === 'scheduled'
        const channelsOk = i.channels.some((c) => i.consents[c] && !i.failing.includes(c))
        if (eligible && channelsOk && target - 13 * HOUR > now)
          expect(result.some((r) => r.kind === 'confirmation')).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })
})

describe('whole plans for DST weeks', () => {
  it('on the night the clocks go back, a move to the evening before is 12 hours, and still earlier', () => {
    // Wednesday 4 Nov 7:30 EST: 72 h before is Sunday 1 Nov 7:30 EST, at night; 20:30 EDT on the
    // Saturday is 12 elapsed hours earlier because that night has 25 hours.
    const start = Date.parse('2026-11-04T12:30:00Z')
    const [confirmation] = planReminders({
      appointment: { id: 'apt', starts_at: start, status: 'scheduled', version: 1 },
      freeUntil: start - 48 * HOUR,
      schedule: { ...schedule, channels: ['email'] },
      client: { time_zone: 'America/New_York', consents: allConsents },
      now: '2026-10-20T12:00:00Z',
    })
    expect(confirmation!.send_at).toBe('2026-11-01T00:30:00.000Z')
  })

  // Every day of the week around each change, sessions at 7:30, 9:00, 13:00 and 19:00 local.
  const weeks: [string, string][] = [
    ['America/New_York', '2026-03-05'], // spring forward Sunday 8 March
    ['America/New_York', '2026-10-29'], // fall back Sunday 1 November
    ['Europe/London', '2026-03-26'], // spring forward Sunday 29 March
    ['Europe/London', '2026-10-22'], // fall back Sunday 25 October
    ['Australia/Lord_Howe', '2026-04-02'], // half-hour change Sunday 5 April
  ]
  it.each(weeks)('%s, the week from %s', (zone, first) => {
    for (let day = 0; day < 8; day++) {
      const date = addDays(first, day)
      for (const time of ['07:30', '09:00', '13:00', '19:00']) {
        const start = instantAt(date, time, zone).getTime()
        const result = planReminders({
          appointment: { id: 'apt', starts_at: start, status: 'scheduled', version: 1 },
          freeUntil: start - 48 * HOUR,
          schedule: { ...schedule, channels: ['email'] },
          client: { time_zone: zone, consents: allConsents },
          now: start - 14 * 24 * HOUR,
        })
        const confirmation = result.find((r) => r.kind === 'confirmation')!
        const morning = result.find((r) => r.kind === 'morning_of')
        // Elapsed hours, not wall-clock hours: 72 h before the start, unless that is at night,
        // when it moves to 20:30 the evening before (never later, never after the deadline).
        const target = start - 72 * HOUR
        const at = Date.parse(confirmation.send_at)
        if (isQuietHour(target, zone)) {
          expect(wallClock(at, zone).time).toBe('20:30')
          expect(at).toBeLessThan(target)
          // Up to 12 h 30 min earlier: the night the clocks go back is an hour longer.
          expect(target - at).toBeLessThan(13 * HOUR)
        } else {
          expect(at).toBe(target)
        }
        // The morning-of reminder is at 8:00 on the session's own day, by the local clock.
        if (time === '07:30') expect(morning).toBeUndefined()
        else expect(wallClock(morning!.send_at, zone)).toMatchObject({ date, time: '08:00' })
      }
    }
  })
})

describe('reminderNotWanted', () => {
  const key = (kind: string, version: number) => `reminder/a1/${kind}/email/${version}`
  it.each([
    ['a confirmation request for a booked session', 'confirmation', 3, 'scheduled', 3, null],
    ['a morning-of reminder for a confirmed session', 'morning_of', 3, 'confirmed', 3, null],
    ['a confirmation request once confirmed', 'confirmation', 3, 'confirmed', 3, 'confirmed'],
    ['anything planned before a move', 'morning_of', 2, 'scheduled', 3, 'moved'],
    ['a cancelled session', 'morning_of', 3, 'cancelled', 3, 'cancelled'],
    ['a late-cancelled session', 'confirmation', 3, 'late_cancelled', 3, 'late_cancelled'],
    ['a missed session', 'morning_of', 3, 'no_show', 3, 'no_show'],
    ['an attended session, even if it also moved', 'morning_of', 2, 'attended', 3, 'attended'],
  ] as const)('%s → %s', (_case, kind, plannedFor, status, version, reason) => {
    expect(reminderNotWanted({ kind, idempotency_key: key(kind, plannedFor) }, { status, version })).toBe(reason)
  })
})
