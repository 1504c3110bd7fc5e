import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatInstant, type InstantStyle } from './format'

const tuesday3pmNY = '2025-01-14T20:00:00Z'

describe('formatInstant', () => {
  it.each<[InstantStyle, string, string, string]>([
    ['long', 'Tuesday 14 January at 3:00 pm', 'martes 14 de enero a las 15:00', 'mardi 14 janvier à 15 h'],
    ['medium', 'Tue 14 Jan at 3:00 pm', 'mar 14 ene a las 15:00', 'mar. 14 janv. à 15 h'],
    ['short', 'Tue 14 Jan, 3:00 pm', 'mar 14 ene, 15:00', 'mar. 14 janv., 15 h'],
    ['day', 'Tuesday 14 January', 'martes 14 de enero', 'mardi 14 janvier'],
    ['weekday', 'Tuesday at 3:00 pm', 'martes a las 15:00', 'mardi à 15 h'],
    ['at', 'at 3:00 pm', 'a las 15:00', 'à 15 h'],
    ['time', '3:00 pm', '15:00', '15 h'],
  ])('%s', (style, en, es, fr) => {
    expect(formatInstant(tuesday3pmNY, 'America/New_York', 'en', style)).toBe(en)
    expect(formatInstant(tuesday3pmNY, 'America/New_York', 'es', style)).toBe(es)
    expect(formatInstant(tuesday3pmNY, 'America/New_York', 'fr', style)).toBe(fr)
  })

  it.each([
    // The same instant reads as the person's own local date and time.
    ['2025-01-15T03:30:00Z', 'America/New_York', 'en', 'Tuesday 14 January at 10:30 pm'],
    ['2025-01-15T03:30:00Z', 'Europe/London', 'en', 'Wednesday 15 January at 3:30 am'],
    ['2025-07-15T11:00:00Z', 'Europe/London', 'en', 'Tuesday 15 July at 12:00 pm'],
    ['2025-07-15T04:00:00Z', 'America/New_York', 'en', 'Tuesday 15 July at 12:00 am'],
    ['2025-03-10T19:00:00Z', 'America/New_York', 'en', 'Monday 10 March at 3:00 pm'],
    ['2025-02-01T06:05:00Z', 'Europe/Paris', 'fr', 'samedi 1er février à 7 h 05'],
    ['2025-02-01T00:05:00Z', 'Europe/Madrid', 'es', 'sábado 1 de febrero a la 1:05'],
    ['2025-02-01T12:05:00Z', 'Europe/Madrid', 'es', 'sábado 1 de febrero a las 13:05'],
    ['2025-02-01T23:00:00Z', 'Europe/Madrid', 'es', 'domingo 2 de febrero a las 0:00'],
  ] as const)('%s in %s (%s) is "%s"', (instant, zone, locale, expected) => {
    expect(formatInstant(instant, zone, locale)).toBe(expected)
  })

  it('always shows the local hour and minute, with am/pm matching the 24-hour clock', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (h, m) => {
        const instant = Date.UTC(2025, 5, 10, h, m)
        const mm = String(m).padStart(2, '0')
        expect(formatInstant(instant, 'UTC', 'es', 'time')).toBe(`${h}:${mm}`)
        expect(formatInstant(instant, 'UTC', 'fr', 'time')).toBe(m === 0 ? `${h} h` : `${h} h ${mm}`)
        const en = formatInstant(instant, 'UTC', 'en', 'time')
        expect(en).toBe(`${h % 12 || 12}:${mm} ${h < 12 ? 'am' : 'pm'}`)
      }),
    )
  })
})
