import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatInstant, type InstantStyle, zoneName } from './format'

const tuesday3pmNY = '2025-01-14T20:00:00Z'

describe('formatInstant', () => {
  it.each<[InstantStyle, string, string, string]>([
    ['long', 'Tuesday 14 January at 3:00 pm EST', 'martes 14 de enero a las 15:00 EST', 'mardi 14 janvier à 15 h EST'],
    ['medium', 'Tue 14 Jan at 3:00 pm EST', 'mar 14 ene a las 15:00 EST', 'mar. 14 janv. à 15 h EST'],
    ['short', 'Tue 14 Jan, 3:00 pm EST', 'mar 14 ene, 15:00 EST', 'mar. 14 janv., 15 h EST'],
    ['day', 'Tuesday 14 January', 'martes 14 de enero', 'mardi 14 janvier'],
    ['weekday', 'Tuesday at 3:00 pm EST', 'martes a las 15:00 EST', 'mardi à 15 h EST'],
    ['at', 'at 3:00 pm EST', 'a las 15:00 EST', 'à 15 h EST'],
    ['time', '3:00 pm EST', '15:00 EST', '15 h EST'],
  ])('%s', (style, en, es, fr) => {
    expect(formatInstant(tuesday3pmNY, 'America/New_York', 'en', style)).toBe(en)
    expect(formatInstant(tuesday3pmNY, 'America/New_York', 'es', style)).toBe(es)
    expect(formatInstant(tuesday3pmNY, 'America/New_York', 'fr', style)).toBe(fr)
  })

  it.each([
    // The same instant reads as the person's own local date and time.
    ['2025-01-15T03:30:00Z', 'America/New_York', 'en', 'Tuesday 14 January at 10:30 pm EST'],
    ['2025-01-15T03:30:00Z', 'Europe/London', 'en', 'Wednesday 15 January at 3:30 am GMT'],
    ['2025-07-15T11:00:00Z', 'Europe/London', 'en', 'Tuesday 15 July at 12:00 pm BST'],
    ['2025-07-15T04:00:00Z', 'America/New_York', 'en', 'Tuesday 15 July at 12:00 am EDT'],
    ['2025-03-10T19:00:00Z', 'America/New_York', 'en', 'Monday 10 March at 3:00 pm EDT'],
    ['2025-02-01T06:05:00Z', 'Europe/Paris', 'fr', 'samedi 1er février à 7 h 05 CET'],
    ['2025-02-01T00:05:00Z', 'Europe/Madrid', 'es', 'sábado 1 de febrero a la 1:05 CET'],
    ['2025-02-01T12:05:00Z', 'Europe/Madrid', 'es', 'sábado 1 de febrero a las 13:05 CET'],
    ['2025-02-01T23:00:00Z', 'Europe/Madrid', 'es', 'domingo 2 de febrero a las 0:00 CET'],
  ] as const)('%s in %s (%s) is "%s"', (instant, zone, locale, expected) => {
    expect(formatInstant(instant, zone, locale)).toBe(expected)
  })

  it('always shows the local hour and minute, with am/pm matching the 24-hour clock', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (h, m) => {
        const instant = Date.UTC(2025, 5, 10, h, m)
        const mm = String(m).padStart(2, '0')
        expect(formatInstant(instant, 'UTC', 'es', 'time')).toBe(`${h}:${mm} UTC`)
        expect(formatInstant(instant, 'UTC', 'fr', 'time')).toBe(m === 0 ? `${h} h UTC` : `${h} h ${mm} UTC`)
        const en = formatInstant(instant, 'UTC', 'en', 'time')
        expect(en).toBe(`${h % 12 || 12}:${mm} ${h < 12 ? 'am' : 'pm'} UTC`)
      }),
    )
  })

  it.each([
    // Spanish and French Intl data call Chicago "GMT-6" / "UTC−6"; readers in the US know it as CST.
    ['America/Chicago', 'es', '2025-01-14T19:00:00Z', 'a las 13:00 CST'],
    ['America/Chicago', 'fr', '2025-07-14T18:00:00Z', 'à 13 h CDT'],
    ['America/Los_Angeles', 'en', '2025-07-14T20:00:00Z', 'at 1:00 pm PDT'],
    ['Europe/London', 'fr', '2025-07-14T12:00:00Z', 'à 13 h BST'],
    // No zone name anywhere: the offset, never nothing.
    ['Asia/Kolkata', 'en', '2025-01-14T07:30:00Z', 'at 1:00 pm GMT+5:30'],
  ] as const)('the zone in %s reads in %s', (zone, locale, instant, expected) => {
    expect(formatInstant(instant, zone, locale, 'at')).toBe(expected)
  })
})

describe('zoneName', () => {
  it.each([
    ['America/New_York', 'en', undefined, 'Eastern Time (New York)'],
    ['America/New_York', 'en', '2025-07-14T12:00:00Z', 'Eastern Time (New York, EDT)'],
    ['America/New_York', 'es', '2025-01-14T12:00:00Z', 'hora oriental (New York, EST)'],
    ['America/Argentina/Buenos_Aires', 'en', undefined, 'Argentina Standard Time (Buenos Aires)'],
    ['Asia/Kolkata', 'fr', undefined, 'heure de l’Inde (Kolkata)'],
    // Named only by its offset: the zone's own name.
    ['UTC', 'en', undefined, 'UTC'],
    ['UTC', 'fr', '2025-01-14T12:00:00Z', 'UTC'],
  ] as const)('names %s in %s (at %s) as "%s"', (zone, locale, at, expected) => {
    expect(zoneName(zone, locale, at)).toBe(expected)
  })
})
