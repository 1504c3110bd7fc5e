import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addBusinessDays, addDays, isBusinessDay, weekdayOf } from './calendar'

describe('addBusinessDays', () => {
  it.each([
    ['2025-01-14', 2, '2025-01-16'], // Tue + 2 = Thu
    ['2025-01-16', 2, '2025-01-20'], // Thu + 2 = Mon
    ['2025-01-17', 1, '2025-01-20'], // Fri + 1 = Mon
    ['2025-01-18', 1, '2025-01-20'], // Sat + 1 = Mon
    ['2025-01-19', 1, '2025-01-20'], // Sun + 1 = Mon
    ['2025-01-14', 5, '2025-01-21'], // a full working week
    ['2025-01-14', 0, '2025-01-14'],
    ['2025-01-18', 0, '2025-01-18'],
    ['2025-01-20', -1, '2025-01-17'], // Mon - 1 = Fri
    ['2024-12-31', 2, '2025-01-02'], // across the year (holidays are not known here)
    ['2024-02-28', 1, '2024-02-29'], // leap day
    ['2025-03-07', 1, '2025-03-10'], // Fri before the US spring-forward weekend
  ])('%s + %i business days = %s', (date, days, expected) => {
    expect(addBusinessDays(date, days)).toBe(expected)
  })

  it('refuses fractional days', () => {
    expect(() => addBusinessDays('2025-01-14', 1.5)).toThrow(RangeError)
  })

  const dateArb = fc.integer({ min: 0, max: 365 * 40 }).map((d) => addDays('2000-01-01', d))

  it('lands on a weekday, with exactly `days` weekdays stepped over', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 60 }), (date, days) => {
        const result = addBusinessDays(date, days)
        expect(isBusinessDay(result)).toBe(true)
        let count = 0
        for (let d = addDays(date, 1); d <= result; d = addDays(d, 1)) if (isBusinessDay(d)) count++
        expect(count).toBe(days)
      }),
      { numRuns: 300 },
    )
  })

  it('can be undone from any weekday', () => {
    fc.assert(
      fc.property(dateArb.filter(isBusinessDay), fc.integer({ min: -40, max: 40 }), (date, days) => {
        expect(addBusinessDays(addBusinessDays(date, days), -days)).toBe(date)
      }),
    )
  })
})

describe('local dates', () => {
  it('knows the weekday and steps over month ends', () => {
    expect(weekdayOf('2025-01-14')).toBe(2)
    expect(addDays('2025-01-31', 1)).toBe('2025-02-01')
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28')
  })
})
