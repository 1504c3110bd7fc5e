import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { tzScan } from '@date-fns/tz'
import { instantAt, instantAtAfter, localDate, localTime, offsetMinutes, wallClock } from './zone'

const ZONES = [
  'America/New_York',
  'Europe/London',
  'America/Los_Angeles',
  'America/St_Johns',
  'America/Sao_Paulo',
  'Europe/Paris',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Asia/Kolkata',
  'UTC',
] as const

const MINUTE = 60_000
// 2000-01-01 … 2040-01-01, whole minutes
/** Every offset change in the test zones from 2000 to 2040, found to the minute. */
const changes: [string, number][] = ZONES.flatMap((zone) =>
  tzScan(zone, { start: new Date('2000-01-01T00:00:00Z'), end: new Date('2040-01-01T00:00:00Z') }).map(
    ({ date }): [string, number] => {
      // tzScan reports the hour; narrow it to the minute (Lord Howe changes on the half hour).
      let at = date.getTime()
      while (offsetMinutes(zone, at - MINUTE) !== offsetMinutes(zone, date.getTime() - 3_600_000)) at -= MINUTE
      return [zone, at]
    },
  ),
)
const transitionArb = fc.constantFrom(...changes)

const instantArb = fc.integer({ min: 946_684_800_000 / MINUTE, max: 2_208_988_800_000 / MINUTE }).map((m) => m * MINUTE)

describe('wallClock / localDate / localTime', () => {
  it.each([
    ['2025-01-15T03:30:00Z', 'America/New_York', '2025-01-14', '22:30'],
    ['2025-01-15T03:30:00Z', 'Europe/London', '2025-01-15', '03:30'],
    ['2025-07-15T03:30:00Z', 'Europe/London', '2025-07-15', '04:30'],
    ['2025-07-14T23:30:00+00:00', 'Asia/Kolkata', '2025-07-15', '05:00'],
    ['2025-03-09T07:00:00Z', 'America/New_York', '2025-03-09', '03:00'],
    ['2025-03-09T06:59:00Z', 'America/New_York', '2025-03-09', '01:59'],
    ['2025-12-31T23:59:00Z', 'Pacific/Chatham', '2026-01-01', '13:44'],
  ])('%s in %s is %s %s', (instant, zone, date, time) => {
    expect(localDate(instant, zone)).toBe(date)
    expect(localTime(instant, zone)).toBe(time)
  })

  it('gives the weekday of the local date, not of UTC', () => {
    // Monday 03:30 UTC is still Sunday evening in New York.
    expect(wallClock('2025-01-13T03:30:00Z', 'America/New_York').weekday).toBe(0)
    expect(wallClock('2025-01-13T03:30:00Z', 'Europe/London').weekday).toBe(1)
  })

  it('refuses an unknown zone or an unreadable instant', () => {
    expect(() => localDate('2025-01-01T00:00:00Z', 'Mars/Olympus')).toThrow(RangeError)
    expect(() => localDate('next tuesday', 'UTC')).toThrow(RangeError)
  })
})

describe('instantAt', () => {
  it.each([
    // Ordinary times, both sides of the changes
    ['2025-01-14', '15:00', 'America/New_York', '2025-01-14T20:00:00.000Z'],
    ['2025-07-14', '15:00', 'America/New_York', '2025-07-14T19:00:00.000Z'],
    ['2025-01-14', '15:00', 'Europe/London', '2025-01-14T15:00:00.000Z'],
    ['2025-07-14', '15:00', 'Europe/London', '2025-07-14T14:00:00.000Z'],
    // Spring-forward gaps: the instant just after the gap, which is the moment of the change
    ['2025-03-09', '02:00', 'America/New_York', '2025-03-09T07:00:00.000Z'],
    ['2025-03-09', '02:30', 'America/New_York', '2025-03-09T07:00:00.000Z'],
    ['2025-03-09', '02:59', 'America/New_York', '2025-03-09T07:00:00.000Z'],
    ['2025-03-09', '03:00', 'America/New_York', '2025-03-09T07:00:00.000Z'],
    ['2025-03-09', '01:59', 'America/New_York', '2025-03-09T06:59:00.000Z'],
    ['2025-03-30', '01:30', 'Europe/London', '2025-03-30T01:00:00.000Z'],
    ['2025-10-05', '02:15', 'Australia/Lord_Howe', '2025-10-04T15:30:00.000Z'],
    // Autumn overlaps: the earlier of the two instants
    ['2025-11-02', '01:30', 'America/New_York', '2025-11-02T05:30:00.000Z'],
    ['2025-11-02', '01:00', 'America/New_York', '2025-11-02T05:00:00.000Z'],
    ['2025-11-02', '02:00', 'America/New_York', '2025-11-02T07:00:00.000Z'],
    ['2025-10-26', '01:30', 'Europe/London', '2025-10-26T00:30:00.000Z'],
    ['2025-04-06', '01:45', 'Australia/Lord_Howe', '2025-04-05T14:45:00.000Z'],
  ])('%s %s in %s is %s', (date, time, zone, expected) => {
    expect(instantAt(date, time, zone).toISOString()).toBe(expected)
  })

  it('refuses dates and times that are not on any calendar', () => {
    expect(() => instantAt('2025-02-30', '10:00', 'UTC')).toThrow(RangeError)
    expect(() => instantAt('2025-01-14', '24:00', 'UTC')).toThrow(RangeError)
    expect(() => instantAt('14/01/2025', '10:00', 'UTC')).toThrow(RangeError)
  })

  it('round-trips every instant through its wall clock, landing on the earliest match', () => {
    const nearChangeArb = fc
      .tuple(transitionArb, fc.integer({ min: -150, max: 150 }))
      .map(([[zone, at], delta]): [number, string] => [at + delta * MINUTE, zone])
    const anyArb = fc.tuple(instantArb, fc.constantFrom(...ZONES))
    fc.assert(
      fc.property(fc.oneof(nearChangeArb, anyArb), ([ms, zone]) => {
        const clock = wallClock(ms, zone)
        const back = instantAt(clock.date, clock.time, zone).getTime()
        // Same wall clock, and never later than the instant we started from (earlier on overlaps).
        expect(wallClock(back, zone).date + wallClock(back, zone).time).toBe(clock.date + clock.time)
        expect(back).toBeLessThanOrEqual(ms)
        if (back < ms) expect(offsetMinutes(zone, back)).not.toBe(offsetMinutes(zone, ms))
      }),
      { numRuns: 500 },
    )
  })

  it('maps wall times near every DST change onto themselves or, in a gap, onto the moment of the change', () => {
    fc.assert(
      fc.property(transitionArb, fc.integer({ min: -150, max: 150 }), ([zone, change], deltaMinutes) => {
        // A wall time near the change, read on the clock as it was before the change.
        const wall = new Date(
          change + offsetMinutes(zone, change - 3_600_000) * MINUTE + deltaMinutes * MINUTE,
        ).toISOString()
        const [date, time] = [wall.slice(0, 10), wall.slice(11, 16)]
        const result = instantAt(date, time, zone).getTime()
        const clock = wallClock(result, zone)
        if (clock.date === date && clock.time === time) {
          // Earliest: one hour earlier (the size of these overlaps, or less) shows a different wall time.
          const offsetGap = offsetMinutes(zone, result - 3 * 3_600_000) - offsetMinutes(zone, result)
          if (offsetGap > 0) expect(wallClock(result - offsetGap * MINUTE, zone).time).not.toBe(time)
          return
        }
        // A gap: the clocks jump forward exactly at the result, past the wall time asked for.
        expect(result).toBe(change)
        expect(offsetMinutes(zone, result - MINUTE)).toBeLessThan(offsetMinutes(zone, result))
        expect(clock.date + clock.time > date + time).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })
})

describe('instantAtAfter', () => {
  it.each([
    // The autumn overlap: the second showing once the first has passed, else the first
    ['2025-11-02', '01:30', 'America/New_York', '2025-11-02T05:45:00Z', '2025-11-02T06:30:00.000Z'],
    ['2025-11-02', '01:30', 'America/New_York', '2025-11-02T05:00:00Z', '2025-11-02T05:30:00.000Z'],
    ['2026-10-25', '01:15', 'Europe/London', '2026-10-25T01:00:00Z', '2026-10-25T01:15:00.000Z'],
    // Once both have passed, or with one showing only, the same as instantAt
    ['2026-10-25', '01:15', 'Europe/London', '2026-10-25T02:00:00Z', '2026-10-25T00:15:00.000Z'],
    ['2025-03-09', '02:30', 'America/New_York', '2025-03-09T08:00:00Z', '2025-03-09T07:00:00.000Z'],
    ['2025-01-14', '15:00', 'Europe/London', '2025-01-14T16:00:00Z', '2025-01-14T15:00:00.000Z'],
  ])('%s %s in %s after %s is %s', (date, time, zone, after, expected) => {
    expect(instantAtAfter(date, time, zone, Date.parse(after)).toISOString()).toBe(expected)
  })
})
