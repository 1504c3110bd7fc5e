import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Channel, DEFAULT_REMINDER_SCHEDULE, ReminderSchedule } from '../schemas/policies'
import { isQuietHour, planReminders, type ReminderPlanInput, reminderStepOf } from './plan'

/** The practice's own steps: reminders hours before, the booking note, and quiet hours it sets. */

const HOUR = 3_600_000
const onlyEmail: ReminderSchedule = { ...DEFAULT_REMINDER_SCHEDULE, channels: ['email'] }
const none = {
  confirmation: { enabled: false, hours_before_free_until: 24 },
  morning_of: { enabled: false, at: '08:00' },
}

function plan(over: {
  startsAt: string
  now: string
  zone?: string
  status?: string
  schedule?: Partial<ReminderSchedule>
  justBooked?: boolean
}) {
  const start = Date.parse(over.startsAt)
  return planReminders({
    appointment: { id: 'apt_1', starts_at: over.startsAt, status: over.status ?? 'scheduled', version: 1 },
    freeUntil: new Date(start - 48 * HOUR),
    schedule: { ...onlyEmail, ...over.schedule },
    client: { time_zone: over.zone ?? 'America/New_York', consents: { email: true, sms: true, push: true } },
    justBooked: over.justBooked,
    now: over.now,
  })
}
const when = (p: ReturnType<typeof planReminders>) => p.map((r) => [reminderStepOf(r.idempotency_key), r.send_at])

/** Session starts anywhere in six years, and within days of a clock change in one of the zones
 * (where quiet hours can begin or end at a wall time the clock skips or shows twice). */
const anyMinute = fc
  .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) })
  .map((ms) => Math.floor(ms / 60_000) * 60_000)
const clockChanges = [
  Date.UTC(2027, 2, 14, 7), // New York, spring
  Date.UTC(2027, 10, 7, 6), // New York, autumn
  Date.UTC(2026, 2, 29, 1), // London, spring
  Date.UTC(2026, 9, 25, 1), // London, autumn
  Date.UTC(2026, 3, 4, 15), // Lord Howe, half an hour back
  Date.UTC(2026, 8, 26, 14), // Chatham, forward
]
const nearAClockChange = fc
  .tuple(fc.constantFrom(...clockChanges), fc.integer({ min: -4 * 24 * 60, max: 8 * 24 * 60 }))
  .map(([change, minutes]) => change + minutes * 60_000)

describe('the default schedule is today’s', () => {
  it('spelling out the defaults (no reminders, no booking note, 21:00–08:00) plans exactly the same', () => {
    const zones = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC']
    fc.assert(
      fc.property(
        fc.oneof(anyMinute, nearAClockChange),
        fc.integer({ min: -60, max: 20 * 24 * 60 }),
        fc.constantFrom(...zones),
        fc.boolean(),
        (start, minutesBefore, zone, justBooked) => {
          const input = (schedule: ReminderSchedule): ReminderPlanInput => ({
            appointment: { id: 'apt', starts_at: new Date(start), status: 'scheduled', version: 2 },
            freeUntil: new Date(start - 48 * HOUR),
            schedule,
            client: { time_zone: zone, consents: { email: true, sms: true } },
            justBooked,
            now: new Date(start - minutesBefore * 60_000),
          })
          const spelled: ReminderSchedule = {
            ...DEFAULT_REMINDER_SCHEDULE,
            reminders: [],
            on_booking: false,
            quiet_hours: { start: '21:00', end: '08:00' },
          }
          expect(planReminders(input(spelled))).toEqual(planReminders(input(DEFAULT_REMINDER_SCHEDULE)))
        },
      ),
      { numRuns: 1000 },
    )
  })

  it('the default keys are unchanged: the step is the kind', () => {
    expect(
      plan({ startsAt: '2025-01-20T20:00:00Z', now: '2025-01-01T00:00:00Z' }).map((r) => r.idempotency_key),
    ).toEqual(['reminder/apt_1/confirmation/email/1', 'reminder/apt_1/morning_of/email/1'])
  })
})

describe('reminders hours before', () => {
  it('each step at its own time, keyed by its minutes before the start, with the fixed steps', () => {
    // Monday 20 January 2025, 3:00 pm EST.
    const p = plan({
      startsAt: '2025-01-20T20:00:00Z',
      now: '2025-01-01T00:00:00Z',
      schedule: { reminders: [{ hours_before: 24 }, { hours_before: 2 }, { hours_before: 0.25 }] },
    })
    expect(when(p)).toEqual([
      ['confirmation', '2025-01-17T20:00:00.000Z'],
      ['before_1440m', '2025-01-19T20:00:00.000Z'],
      ['morning_of', '2025-01-20T13:00:00.000Z'],
      ['before_120m', '2025-01-20T18:00:00.000Z'],
      ['before_15m', '2025-01-20T19:45:00.000Z'],
    ])
    expect(p.map((r) => r.kind)).toEqual(['confirmation', 'reminder', 'morning_of', 'reminder', 'reminder'])
  })

  it('in quiet hours: later to their end while that is before the start, else the evening before', () => {
    const only = (startsAt: string, hours: number) =>
      when(plan({ startsAt, now: '2025-01-01T00:00:00Z', schedule: { ...none, reminders: [{ hours_before: hours }] } }))
    // 9:00 session, 2 h before is 7:00: waits for 8:00.
    expect(only('2025-01-14T14:00:00Z', 2)).toEqual([['before_120m', '2025-01-14T13:00:00.000Z']])
    // 7:30 session, 1 h before is 6:30 and 8:00 is too late: 20:30 the evening before.
    expect(only('2025-01-14T12:30:00Z', 1)).toEqual([['before_60m', '2025-01-14T01:30:00.000Z']])
    // 23:00 session, 0.25 h before is 22:45: back to 20:30 that evening.
    expect(only('2025-01-15T04:00:00Z', 0.25)).toEqual([['before_15m', '2025-01-15T01:30:00.000Z']])
  })

  it('a step already past is late like the others: now if the session is more than 12 h off, else dropped', () => {
    const p = (now: string) =>
      when(
        plan({
          startsAt: '2025-01-20T20:00:00Z',
          now,
          schedule: { ...none, reminders: [{ hours_before: 24 }, { hours_before: 2 }] },
        }),
      )
    // Booked Monday 1:00 am for 3:00 pm: 8:00 is 7 h before, too close for the 24 h step.
    expect(p('2025-01-20T06:00:00Z')).toEqual([['before_120m', '2025-01-20T18:00:00.000Z']])
    // Booked Sunday 4:00 pm for Monday 3:00 pm: the 24 h step goes now.
    expect(p('2025-01-19T21:00:00Z')).toEqual([
      ['before_1440m', '2025-01-19T21:00:00.000Z'],
      ['before_120m', '2025-01-20T18:00:00.000Z'],
    ])
  })

  it('two steps that land on one instant go out once', () => {
    // 10:00 session: the 2 h reminder is 8:00, the morning-of too.
    expect(
      when(
        plan({
          startsAt: '2025-01-14T15:00:00Z',
          now: '2025-01-01T00:00:00Z',
          schedule: { confirmation: none.confirmation, reminders: [{ hours_before: 2 }] },
        }),
      ),
    ).toEqual([['morning_of', '2025-01-14T13:00:00.000Z']])
  })

  it('a confirmed session keeps its reminders and loses the confirmation request', () => {
    const p = plan({
      startsAt: '2025-01-20T20:00:00Z',
      now: '2025-01-01T00:00:00Z',
      status: 'confirmed',
      schedule: { reminders: [{ hours_before: 3 }] },
    })
    expect(p.map((r) => r.kind)).toEqual(['morning_of', 'reminder'])
  })
})

describe('the booking note', () => {
  const booked = (now: string, over: Partial<Parameters<typeof plan>[0]> = {}) =>
    when(
      plan({
        startsAt: '2025-01-20T20:00:00Z',
        now,
        justBooked: true,
        schedule: { ...none, on_booking: true },
        ...over,
      }),
    )

  it('goes now when the session has just come in', () => {
    expect(booked('2025-01-10T15:00:00Z')).toEqual([['booked', '2025-01-10T15:00:00.000Z']])
  })

  it('waits for the end of quiet hours, and is dropped when the session starts first', () => {
    // Booked 23:00 EST: 8:00 the next morning.
    expect(booked('2025-01-11T04:00:00Z')).toEqual([['booked', '2025-01-11T13:00:00.000Z']])
    // Booked 5:00 am for a 7:30 am session: 8:00 is after the start.
    expect(booked('2025-01-20T10:00:00Z', { startsAt: '2025-01-20T12:30:00Z' })).toEqual([])
  })

  it('only when the practice turned it on and the session just came in', () => {
    expect(booked('2025-01-10T15:00:00Z', { schedule: none })).toEqual([])
    expect(booked('2025-01-10T15:00:00Z', { justBooked: false })).toEqual([])
    expect(booked('2025-01-10T15:00:00Z', { status: 'cancelled' })).toEqual([])
  })
})

describe('quiet hours the practice sets', () => {
  it('22:00–07:00: a 7:00 morning-of stays, a 21:30 confirmation stays, 22:15 moves to 21:30', () => {
    const quiet = { start: '22:00', end: '07:00' }
    // Thursday 16 January 2025, 7:30 am EST.
    expect(
      when(
        plan({
          startsAt: '2025-01-16T12:30:00Z',
          now: '2025-01-01T00:00:00Z',
          schedule: { quiet_hours: quiet, morning_of: { enabled: true, at: '07:00' } },
        }),
      ),
    ).toEqual([
      ['confirmation', '2025-01-13T12:30:00.000Z'],
      ['morning_of', '2025-01-16T12:00:00.000Z'],
    ])
    // A 21:30 session: its confirmation at 21:30 three days before is no longer quiet.
    expect(
      when(
        plan({
          startsAt: '2025-01-17T02:30:00Z',
          now: '2025-01-01T00:00:00Z',
          schedule: { ...none, confirmation: { enabled: true, hours_before_free_until: 24 }, quiet_hours: quiet },
        }),
      ),
    ).toEqual([['confirmation', '2025-01-14T02:30:00.000Z']])
    expect(
      when(
        plan({
          startsAt: '2025-01-17T03:15:00Z',
          now: '2025-01-01T00:00:00Z',
          schedule: { ...none, confirmation: { enabled: true, hours_before_free_until: 24 }, quiet_hours: quiet },
        }),
      ),
    ).toEqual([['confirmation', '2025-01-14T02:30:00.000Z']])
  })

  it('a window that starts after midnight (00:30–09:00) moves to 00:00 of the same night', () => {
    const p = plan({
      startsAt: '2025-01-20T20:00:00Z',
      now: '2025-01-01T00:00:00Z',
      zone: 'UTC',
      schedule: { ...none, reminders: [{ hours_before: 18 }], quiet_hours: { start: '00:30', end: '09:00' } },
    })
    // 2:00 UTC on the Monday; 9:00 is before the 20:00 start, so it waits for 9:00.
    expect(when(p)).toEqual([['before_1080m', '2025-01-20T09:00:00.000Z']])
    const confirmation = plan({
      startsAt: '2025-01-20T04:00:00Z',
      now: '2025-01-01T00:00:00Z',
      zone: 'UTC',
      schedule: {
        ...none,
        confirmation: { enabled: true, hours_before_free_until: 24 },
        quiet_hours: { start: '00:30', end: '09:00' },
      },
    })
    // Target 4:00 on the 17th: half an hour before 00:30 that night is 00:00 on the 17th.
    expect(when(confirmation)).toEqual([['confirmation', '2025-01-17T00:00:00.000Z']])
  })

  it('a daytime window that does not span midnight (13:00–15:00)', () => {
    const quiet = { start: '13:00', end: '15:00' }
    const p = plan({
      startsAt: '2025-01-14T21:00:00Z', // 16:00 EST
      now: '2025-01-01T00:00:00Z',
      schedule: {
        confirmation: none.confirmation,
        morning_of: { enabled: true, at: '14:00' },
        reminders: [{ hours_before: 2 }],
        quiet_hours: quiet,
      },
    })
    // The 14:00 morning-of and the 2 h step (14:00) both wait for 15:00, and go once.
    expect(when(p)).toEqual([['morning_of', '2025-01-14T20:00:00.000Z']])
    // 8:00 pm is no longer quiet.
    expect(isQuietHour('2025-01-15T01:00:00Z', 'America/New_York', quiet)).toBe(false)
    expect(isQuietHour('2025-01-14T18:30:00Z', 'America/New_York', quiet)).toBe(true)
  })

  it('across the clock change: London spring-forward and New York fall-back', () => {
    const quiet = { start: '22:00', end: '07:30' }
    // Sunday 30 March 2025, 9:00 BST. 2 h before is 7:00 BST: waits for 7:30 BST (06:30 UTC).
    expect(
      when(
        plan({
          startsAt: '2025-03-30T08:00:00Z',
          now: '2025-03-01T00:00:00Z',
          zone: 'Europe/London',
          schedule: { ...none, reminders: [{ hours_before: 2 }], quiet_hours: quiet },
        }),
      ),
    ).toEqual([['before_120m', '2025-03-30T06:30:00.000Z']])
    // Sunday 2 November 2025, 7:00 am EST (after the change). 10 h before is 22:00 EDT the Saturday:
    // quiet, and 7:30 EST is after the start, so 21:30 EDT (01:30 UTC).
    expect(
      when(
        plan({
          startsAt: '2025-11-02T12:00:00Z',
          now: '2025-10-01T00:00:00Z',
          schedule: { ...none, reminders: [{ hours_before: 10 }], quiet_hours: quiet },
        }),
      ),
    ).toEqual([['before_600m', '2025-11-02T01:30:00.000Z']])
    // The morning-of at 6:00 on that Sunday waits for 7:30 EST, which is after a 7:00 start: none.
    expect(
      when(
        plan({
          startsAt: '2025-11-02T12:00:00Z',
          now: '2025-10-01T00:00:00Z',
          schedule: { ...none, morning_of: { enabled: true, at: '06:00' }, quiet_hours: quiet },
        }),
      ),
    ).toEqual([])
  })

  it('quiet hours that begin inside the spring-forward gap: half an hour before the clock reaches them', () => {
    // Sunday 8 March 2026 in New York: 01:59 EST is followed by 03:00 EDT (07:00 UTC), so quiet
    // hours from 02:30 begin at 03:00 EDT. A 7:30 EDT session's 3 h reminder falls in them and
    // 08:00 is after the start: it goes at 01:30 EST (06:30 UTC), not at 03:00 EDT.
    expect(
      when(
        plan({
          startsAt: '2026-03-08T11:30:00Z',
          now: '2026-03-01T00:00:00Z',
          schedule: { ...none, reminders: [{ hours_before: 3 }], quiet_hours: { start: '02:30', end: '08:00' } },
        }),
      ),
    ).toEqual([['before_180m', '2026-03-08T06:30:00.000Z']])
  })

  it('quiet hours that end inside the hour the clock repeats: at their second end, never in the past', () => {
    // Sunday 25 October 2026 in London: 01:59 BST is followed by 01:00 GMT (01:00 UTC), so quiet
    // hours until 01:15 end at 00:15 UTC and begin again at 01:00 UTC, until 01:15 GMT.
    const schedule = { ...none, reminders: [], on_booking: true, quiet_hours: { start: '00:00', end: '01:15' } }
    const booked = (startsAt: string, now: string) =>
      when(plan({ startsAt, now, zone: 'Europe/London', schedule, justBooked: true }))
    // Booked at 01:05 GMT for 9:00: the note waits for 01:15 GMT, not the 01:15 BST already gone.
    expect(booked('2026-10-25T09:00:00Z', '2026-10-25T01:05:00Z')).toEqual([['booked', '2026-10-25T01:15:00.000Z']])
    // Booked at 01:00 GMT for 01:01: quiet hours outlast the session, so no note.
    expect(booked('2026-10-25T01:01:00Z', '2026-10-25T01:00:00Z')).toEqual([])
    expect(isQuietHour('2026-10-25T00:30:00Z', 'Europe/London', schedule.quiet_hours)).toBe(false)
    expect(isQuietHour('2026-10-25T01:05:00Z', 'Europe/London', schedule.quiet_hours)).toBe(true)
  })

  it('whatever the steps and quiet hours: never in quiet hours, never before now, always before the start', () => {
    const quarter = fc.integer({ min: 0, max: 95 }).map((q) => {
      const minutes = q * 15
      return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
    })
    const zones = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Chatham', 'UTC']
    const scheduleArb = fc
      .record({
        quiet: fc.tuple(quarter, quarter),
        hours: fc.uniqueArray(
          fc.integer({ min: 1, max: 672 }).map((q) => q / 4),
          { maxLength: 3 },
        ),
        morningAt: quarter,
        confirmation: fc.boolean(),
        morning: fc.boolean(),
        onBooking: fc.boolean(),
      })
      .map((r) => ({
        confirmation: { enabled: r.confirmation, hours_before_free_until: 24 },
        morning_of: { enabled: r.morning, at: r.morningAt },
        reminders: r.hours.map((h) => ({ hours_before: h })),
        on_booking: r.onBooking,
        quiet_hours: { start: r.quiet[0], end: r.quiet[1] },
        channels: ['email'] as Channel[],
        detail: 'private' as const,
      }))
      .filter((s) => ReminderSchedule.safeParse(s).success)
    fc.assert(
      fc.property(
        scheduleArb,
        fc.oneof(anyMinute, nearAClockChange),
        fc.integer({ min: -60, max: 20 * 24 * 60 }),
        fc.constantFrom(...zones),
        (schedule, start, minutesBefore, zone) => {
          const now = start - minutesBefore * 60_000
          const result = planReminders({
            appointment: { id: 'apt', starts_at: new Date(start), status: 'scheduled', version: 1 },
            freeUntil: new Date(start - 48 * HOUR),
            schedule,
            client: { time_zone: zone, consents: { email: true } },
            justBooked: true,
            now: new Date(now),
          })
          const keys = result.map((r) => r.idempotency_key)
          expect(new Set(keys).size).toBe(keys.length)
          for (const r of result) {
            const at = Date.parse(r.send_at)
            expect(isQuietHour(at, zone, schedule.quiet_hours), `${r.kind} at ${r.send_at}`).toBe(false)
            expect(at).toBeGreaterThanOrEqual(now)
            expect(at).toBeLessThan(start)
          }
        },
      ),
      { numRuns: 2000 },
    )
  })
})

describe('ReminderSchedule', () => {
  const parse = (over: Record<string, unknown>) => ReminderSchedule.safeParse({ ...DEFAULT_REMINDER_SCHEDULE, ...over })
  const messages = (over: Record<string, unknown>) => {
    const result = parse(over)
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
  }

  it('takes today’s schedule as it is, and steps, the booking note and quiet hours', () => {
    expect(parse({}).success).toBe(true)
    expect(
      parse({
        reminders: [{ hours_before: 24 }, { hours_before: 0.25 }],
        on_booking: true,
        quiet_hours: { start: '22:00', end: '07:00' },
      }).success,
    ).toBe(true)
  })

  it('refuses two steps at one time, more than five steps, and hours outside a week or not in quarter hours', () => {
    expect(messages({ reminders: [{ hours_before: 2 }, { hours_before: 2 }] })).toEqual([
      'reminders.1.hours_before: Two reminders are set for the same time. Give each a different number of hours.',
    ])
    expect(messages({ reminders: [1, 2, 3, 4].map((h) => ({ hours_before: h })) })).toEqual([
      'reminders: A schedule can have at most 5 reminders, counting the confirmation request and the morning-of reminder.',
    ])
    expect(messages({ reminders: [{ hours_before: 169 }] })[0]).toMatch(/^reminders\.0\.hours_before/)
    expect(messages({ reminders: [{ hours_before: 0 }] })[0]).toMatch(/^reminders\.0\.hours_before/)
    expect(messages({ reminders: [{ hours_before: 1.1 }] })).toEqual([
      'reminders.0.hours_before: Use whole hours or quarter hours, such as 2 or 0.25.',
    ])
  })

  it('refuses quiet hours that are empty, too long or not HH:MM', () => {
    expect(messages({ quiet_hours: { start: '21:00', end: '21:00' } })).toEqual([
      'quiet_hours.end: Quiet hours need a start and an end that differ.',
    ])
    expect(messages({ quiet_hours: { start: '18:00', end: '09:00' } })).toEqual([
      'quiet_hours.end: Quiet hours can last at most 14 hours, so reminders still have time to go out.',
    ])
    expect(messages({ quiet_hours: { start: '9pm', end: '08:00' } })).toEqual(['quiet_hours.start: Use 24-hour HH:MM.'])
  })
})
