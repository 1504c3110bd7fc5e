import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Availability, SessionMode } from '../schemas/availability'
import { addDays } from '../time/calendar'
import { localDate, localTime } from '../time/zone'
import { freeSlots, isoWeekday, type BusyInterval, type FreeSlotsInput } from './free-slots'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const ZONES = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Asia/Kolkata', 'America/Los_Angeles', 'UTC']
const pad = (n: number) => String(n).padStart(2, '0')
const clock = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`

// Around both 2026 changes in New York, London and Sydney, and ordinary weeks between.
const NOW_RANGE = { min: Date.parse('2026-02-20T00:00:00Z'), max: Date.parse('2026-11-20T00:00:00Z') }

const hoursArb = fc
  .record({
    weekday: fc.integer({ min: 1, max: 7 }),
    from: fc.integer({ min: 0, max: 22 * 4 }),
    span: fc.integer({ min: 1, max: 10 * 4 }),
    modes: fc.option(fc.subarray(['in_person', 'video'] as SessionMode[], { minLength: 1 }), { nil: undefined }),
  })
  .map(({ weekday, from, span, modes }) => {
    const start = from * 15
    const end = Math.min(start + span * 15, 23 * 60 + 59)
    return { weekday, start: clock(start), end: clock(end), ...(modes ? { modes } : {}) }
  })

const inputArb = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    weekly: fc.array(hoursArb, { maxLength: 8 }),
    now: fc.integer(NOW_RANGE),
    awayDays: fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 3 }),
    otherHours: fc.array(fc.record({ day: fc.integer({ min: 0, max: 20 }), hours: hoursArb }), { maxLength: 2 }),
    buffer: fc.constantFrom(0, 5, 10, 15, 30),
    notice: fc.integer({ min: 0, max: 72 }),
    horizon: fc.integer({ min: 1, max: 21 }),
    length: fc.constantFrom(30, 45, 50, 60, 90),
    step: fc.constantFrom(15, 30, 60),
    busy: fc.array(
      fc.record({
        offsetMinutes: fc.integer({ min: -120, max: 22 * 24 * 60 }),
        minutes: fc.integer({ min: 15, max: 180 }),
      }),
      { maxLength: 25 },
    ),
    mode: fc.option(fc.constantFrom<SessionMode>('in_person', 'video'), { nil: undefined }),
  })
  .map((g): FreeSlotsInput => {
    const today = localDate(g.now, g.zone)
    const availability: Availability = {
      time_zone: g.zone,
      weekly: g.weekly,
      exceptions: [
        ...g.awayDays.map((d) => ({ date: addDays(today, d) })),
        ...g.otherHours.map(({ day, hours }) => ({ date: addDays(today, day), start: hours.start, end: hours.end })),
      ],
      buffer_minutes: g.buffer,
      min_notice_hours: g.notice,
      horizon_days: g.horizon,
    }
    const busy: BusyInterval[] = g.busy.map((b) => {
      const start = g.now + b.offsetMinutes * MINUTE
      return { starts_at: new Date(start).toISOString(), ends_at: new Date(start + b.minutes * MINUTE).toISOString() }
    })
    return {
      availability,
      busy,
      now: g.now,
      length_minutes: g.length,
      step_minutes: g.step,
      ...(g.mode ? { mode: g.mode } : {}),
    }
  })

/** The hours open on the slot's local date, read straight from the input on the wall clock. */
function wallHoursOn(availability: Availability, date: string): { start: string; end: string; modes: SessionMode[] }[] {
  const both: SessionMode[] = ['in_person', 'video']
  const weekly = availability.weekly.filter((w) => w.weekday === isoWeekday(date))
  const exceptions = availability.exceptions.filter((e) => e.date === date)
  if (!exceptions.length) return weekly.map((w) => ({ start: w.start, end: w.end, modes: w.modes ?? both }))
  // A day's own hours offer whatever that weekday offers.
  const modes = weekly.length ? both.filter((m) => weekly.some((w) => (w.modes ?? both).includes(m))) : both
  return exceptions.flatMap((e) => (e.start && e.end ? [{ start: e.start, end: e.end, modes }] : []))
}

describe('freeSlots: properties', () => {
  it('never overlaps anything busy, buffer included', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const buffer = input.availability.buffer_minutes * MINUTE
        for (const slot of freeSlots(input)) {
          const [s, e] = [Date.parse(slot.starts_at), Date.parse(slot.ends_at)]
          for (const b of input.busy) {
            const [bs, be] = [Date.parse(String(b.starts_at)) - buffer, Date.parse(String(b.ends_at)) + buffer]
            expect(s < be && bs < e, `${slot.starts_at} overlaps ${b.starts_at}`).toBe(false)
          }
        }
      }),
      { numRuns: 300 },
    )
  })

  it('lies inside the hours as the wall clock shows them, after the notice and before the horizon, as long as asked', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { availability } = input
        const now = Number(input.now)
        for (const slot of freeSlots(input)) {
          const [s, e] = [Date.parse(slot.starts_at), Date.parse(slot.ends_at)]
          expect(e - s).toBe(input.length_minutes * MINUTE)
          expect(s).toBeGreaterThanOrEqual(now + availability.min_notice_hours * HOUR)
          expect(s).toBeLessThan(now + availability.horizon_days * 24 * HOUR)
          const zone = availability.time_zone
          const date = localDate(s, zone)
          expect(localDate(e, zone)).toBe(date)
          // Hours run from the first moment the clock shows their start to the first it shows their
          // end, found here by searching the clock: a skipped end is the jump, a repeated hour is worked twice.
          const inside = wallHoursOn(availability, date).some(
            (h) => firstInstantShowing(date, h.start, zone) <= s && e <= firstInstantShowing(date, h.end, zone),
          )
          expect(inside, `${slot.starts_at} in ${zone}`).toBe(true)
          if (input.mode) expect(slot.modes).toEqual([input.mode])
          expect(slot.modes.length).toBeGreaterThan(0)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('is in order, each start once, and the same input (in any order) gives the same slots', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const slots = freeSlots(input)
        for (let i = 1; i < slots.length; i++) {
          expect(Date.parse(slots[i]!.starts_at)).toBeGreaterThan(Date.parse(slots[i - 1]!.starts_at))
        }
        const shuffled = {
          ...input,
          busy: [...input.busy].reverse(),
          availability: { ...input.availability, weekly: [...input.availability.weekly].reverse() },
        }
        expect(freeSlots(shuffled)).toEqual(slots)
        expect(freeSlots(input)).toEqual(slots)
      }),
      { numRuns: 200 },
    )
  })

  it('a busy time only ever takes slots away', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const free = new Set(freeSlots({ ...input, busy: [] }).map((s) => s.starts_at))
        for (const slot of freeSlots(input)) expect(free.has(slot.starts_at)).toBe(true)
      }),
      { numRuns: 200 },
    )
  })

  it('offers every step of free hours it may (nothing free is left out)', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { availability } = input
        const zone = availability.time_zone
        const offered = new Set(freeSlots(input).map((s) => s.starts_at))
        const buffer = availability.buffer_minutes * MINUTE
        const now = Number(input.now)
        const step = (input.step_minutes ?? 30) * MINUTE
        const length = input.length_minutes * MINUTE
        // Brute force: every step of every minute-resolution wall window of the next days.
        for (let day = 0; day <= availability.horizon_days + 1; day++) {
          const date = addDays(localDate(now, zone), day)
          for (const hours of wallHoursOn(availability, date)) {
            if (input.mode && !hours.modes.includes(input.mode)) continue
            const startInstant = firstInstantShowing(date, hours.start, zone)
            const endInstant = firstInstantShowing(date, hours.end, zone)
            for (let s = startInstant; s + length <= endInstant; s += step) {
              if (s < now + availability.min_notice_hours * HOUR) continue
              if (s >= now + availability.horizon_days * 24 * HOUR) continue
              const clash = input.busy.some(
                (b) =>
                  Date.parse(String(b.starts_at)) - buffer < s + length && s < Date.parse(String(b.ends_at)) + buffer,
              )
              if (!clash) expect(offered.has(new Date(s).toISOString()), new Date(s).toISOString()).toBe(true)
            }
          }
        }
      }),
      { numRuns: 150 },
    )
  })
})

/** The first minute at which a clock in `zone` shows `date time` or later (a gap's end), by search. */
function firstInstantShowing(date: string, time: string, zone: string): number {
  let t = Date.parse(`${date}T${time}:00Z`) - 15 * HOUR
  const target = `${date} ${time}`
  while (`${localDate(t, zone)} ${localTime(t, zone)}` < target) t += 15 * MINUTE
  while (`${localDate(t - MINUTE, zone)} ${localTime(t - MINUTE, zone)}` >= target) t -= MINUTE
  return t
}
