import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase, type TestDatabase } from '../testing/database'
import { addBusinessDays, instantAt, localDate } from '../../shared/time'

/**
 * The call list finds its day in SQL (so its statements need no answer from one another), and the
 * day must be the one shared/time would give: the first instant of a local date, and the next
 * working day on the therapist's clock.
 */

let db: TestDatabase
beforeAll(async () => {
  db = await freshDatabase()
})
afterAll(() => db.stop())

describe('the call list day in SQL', () => {
  it('starts where instantAt puts midnight, also on days a clock changes at midnight', async () => {
    const days: [string, string][] = [
      ['2026-03-03', 'America/Los_Angeles'],
      ['2026-03-08', 'America/New_York'],
      ['2026-11-01', 'America/New_York'],
      // Santiago sets its clock forward at midnight: that midnight never happens.
      ['2024-09-08', 'America/Santiago'],
      // Havana sets its clock back to midnight: that midnight happens twice.
      ['2024-11-03', 'America/Havana'],
      ['2026-03-29', 'Europe/London'],
      ['2026-04-05', 'Australia/Lord_Howe'],
    ]
    for (const [day, zone] of days) {
      const [row] = await db.sql<{ starts: Date }[]>`select hearth_local_midnight(${day}::date, ${zone}) as starts`
      expect(row!.starts.toISOString(), `${day} in ${zone}`).toBe(instantAt(day, '00:00', zone).toISOString())
    }
  })

  it('is the next working day on the zone’s clock, as addBusinessDays says', async () => {
    for (let offset = 0; offset < 14; offset++) {
      const at = new Date(Date.parse('2026-03-02T06:30:00Z') + offset * 86_400_000)
      for (const zone of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
        const [row] = await db.sql<{ day: string }[]>`select hearth_next_business_day(${at}, ${zone})::text as day`
        expect(row!.day, `${at.toISOString()} in ${zone}`).toBe(addBusinessDays(localDate(at, zone), 1))
      }
    }
  })
})
