import { describe, expect, it } from 'vitest'
import type { Availability } from '../schemas/availability'
import { freeSlots } from './free-slots'

/**
 * Real weeks, with the slots written out in UTC. Dr. Rivera works in New York, mornings Monday to
 * Friday (video only on Friday), and, to walk through the changeover nights, 01:00–04:00 on the
 * Sundays the clocks change. 2026: New York springs forward on Sunday 8 March (02:00 EST → 03:00
 * EDT) and falls back on Sunday 1 November (02:00 EDT → 01:00 EST); London on 29 March and
 * 25 October.
 */
const newYork: Availability = {
  time_zone: 'America/New_York',
  weekly: [
    { weekday: 1, start: '09:00', end: '11:00' },
    { weekday: 3, start: '09:00', end: '11:00' },
    { weekday: 5, start: '09:00', end: '10:00', modes: ['video'] },
  ],
  exceptions: [
    { date: '2026-03-08', start: '01:00', end: '04:00' },
    { date: '2026-11-01', start: '01:00', end: '04:00' },
    { date: '2026-11-04' },
  ],
  buffer_minutes: 0,
  min_notice_hours: 0,
  horizon_days: 365,
}

const starts = (input: Parameters<typeof freeSlots>[0]) =>
  freeSlots(input).map((s) => `${s.starts_at.slice(0, 16)}${s.modes.length === 1 ? ` ${s.modes[0]}` : ''}`)

describe('freeSlots in real weeks', () => {
  const hour = { length_minutes: 60, step_minutes: 60 }
  const week = (from: string, to: string, availability = newYork) =>
    starts({ availability, busy: [], now: '2026-01-01T00:00:00Z', from, to, ...hour })
  /** One night's 30-minute sessions every 15 minutes, with only these hours that day. */
  const night = (date: string, start: string, end: string) =>
    starts({
      availability: { ...newYork, exceptions: [{ date, start, end }] },
      busy: [],
      now: '2026-01-01T00:00:00Z',
      from: `${date}T00:00:00Z`,
      to: `${date}T23:59:00Z`,
      length_minutes: 30,
      step_minutes: 15,
    })

  it('a winter week in New York: 09:00 EST is 14:00 UTC', () => {
    expect(week('2026-03-02T00:00:00Z', '2026-03-07T00:00:00Z')).toEqual([
      '2026-03-02T14:00',
      '2026-03-02T15:00',
      '2026-03-04T14:00',
      '2026-03-04T15:00',
      '2026-03-06T14:00 video',
    ])
  })

  it('the spring-forward night has two real hours, and Monday 09:00 EDT is 13:00 UTC', () => {
    expect(week('2026-03-08T00:00:00Z', '2026-03-14T00:00:00Z')).toEqual([
      '2026-03-08T06:00', // 01:00 EST
      '2026-03-08T07:00', // 03:00 EDT: 02:00 never happens
      '2026-03-09T13:00',
      '2026-03-09T14:00',
      '2026-03-11T13:00',
      '2026-03-11T14:00',
      '2026-03-13T13:00 video',
    ])
  })

  it('hours ending at 02:00 on the spring-forward night end as the clock jumps: the last session ends at 03:00 EDT', () => {
    expect(night('2026-03-08', '01:15', '02:00')).toEqual([
      '2026-03-08T06:15', // 01:15 EST
      '2026-03-08T06:30', // 01:30 EST, ending 07:00 UTC: 02:00 EST is 03:00 EDT
    ])
  })

  it('the fall-back night has four real hours (01:00 happens twice), then Monday 09:00 EST is 14:00 UTC', () => {
    expect(week('2026-11-01T00:00:00Z', '2026-11-07T00:00:00Z')).toEqual([
      '2026-11-01T05:00', // 01:00 EDT
      '2026-11-01T06:00', // 01:00 EST
      '2026-11-01T07:00', // 02:00 EST
      '2026-11-01T08:00', // 03:00 EST
      '2026-11-02T14:00',
      '2026-11-02T15:00',
      // Wednesday 4 November: away all day.
      '2026-11-06T14:00 video',
    ])
  })

  it('hours from 01:30 to 02:00 on the fall-back night last 90 real minutes: 01:30 EDT to 02:00 EST', () => {
    expect(night('2026-11-01', '01:30', '02:00')).toEqual([
      '2026-11-01T05:30', // 01:30 EDT
      '2026-11-01T05:45',
      '2026-11-01T06:00', // 01:00 EST: the clock has gone back, the therapist is still at work
      '2026-11-01T06:15',
      '2026-11-01T06:30', // 01:30 EST, ending at 02:00 EST
    ])
  })

  it("London's spring week: 09:00 GMT then 09:00 BST, the same wall time an hour earlier in UTC", () => {
    const london: Availability = { ...newYork, time_zone: 'Europe/London', exceptions: [] }
    expect(week('2026-03-23T00:00:00Z', '2026-04-04T00:00:00Z', london)).toEqual([
      '2026-03-23T09:00',
      '2026-03-23T10:00',
      '2026-03-25T09:00',
      '2026-03-25T10:00',
      '2026-03-27T09:00 video',
      '2026-03-30T08:00',
      '2026-03-30T09:00',
      '2026-04-01T08:00',
      '2026-04-01T09:00',
      '2026-04-03T08:00 video',
    ])
  })

  it('keeps the buffer around sessions, the notice and the horizon, 50-minute sessions every half hour', () => {
    const availability: Availability = {
      ...newYork,
      weekly: [{ weekday: 1, start: '09:00', end: '12:00' }, ...newYork.weekly.slice(1)],
      exceptions: [],
      buffer_minutes: 10,
      min_notice_hours: 24,
      horizon_days: 7,
    }
    const slots = starts({
      availability,
      // Monday 2 March 09:30–10:20 EST is booked.
      busy: [{ starts_at: '2026-03-02T14:30:00Z', ends_at: '2026-03-02T15:20:00Z' }],
      // Sunday 1 March 10:00 EST: Monday 09:00 is 23 hours away, inside the notice.
      now: '2026-03-01T15:00:00Z',
      length_minutes: 50,
      step_minutes: 30,
    })
    expect(slots).toEqual([
      // Monday: 09:00 and 09:30 are too soon, 10:00 meets the booking; 10:30 clears its end plus 10 minutes.
      '2026-03-02T15:30',
      '2026-03-02T16:00',
      '2026-03-04T14:00',
      '2026-03-04T14:30',
      '2026-03-04T15:00',
      '2026-03-06T14:00 video',
      // Monday 9 March is past the seven-day horizon.
    ])
  })

  it('offers only the times for the way the session meets', () => {
    expect(
      starts({
        availability: newYork,
        busy: [],
        now: '2026-01-01T00:00:00Z',
        from: '2026-03-05T00:00:00Z',
        to: '2026-03-07T00:00:00Z',
        mode: 'in_person',
        ...hour,
      }),
    ).toEqual([])
  })
})
