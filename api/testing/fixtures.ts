import { afterAll, expect } from 'vitest'
import { startTestApp, type TestContext } from './app'

let counter = 0
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`

/** Weekdays 9 to 5 in New York, 24 hours' notice, 30 days ahead, no buffer. */
export const WEEKDAY_HOURS = {
  time_zone: 'America/New_York',
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
  exceptions: [],
  buffer_minutes: 0,
  min_notice_hours: 24,
  horizon_days: 30,
}

/** Creates records through the public API, as an integration would, and fails loudly if it cannot. */
export function fixtures(t: TestContext, adminKey: string) {
  async function post(path: string, body: unknown) {
    const response = await t.call('POST', path, { key: adminKey, body })
    expect(response.status, `${path}: ${response.text}`).toBeLessThan(300)
    return response.body
  }
  return {
    therapist: (overrides: Record<string, unknown> = {}) =>
      post('/v1/therapists', {
        name: 'Dr. Test',
        email: `t${unique()}@example.com`,
        time_zone: 'America/New_York',
        ...overrides,
      }),
    client: (overrides: Record<string, unknown> = {}) =>
      post('/v1/clients', {
        name: 'Casey Client',
        email: `c${unique()}@example.com`,
        time_zone: 'America/New_York',
        ...overrides,
      }),
    appointment: (therapistId: string, clientId: string, startsAt: string, overrides: Record<string, unknown> = {}) =>
      post('/v1/appointments', {
        external_id: `ehr-${unique()}`,
        therapist_id: therapistId,
        client_id: clientId,
        starts_at: startsAt,
        ends_at: new Date(Date.parse(startsAt) + 50 * 60_000).toISOString(),
        type: 'Individual session',
        location: '12 Harbor Street',
        ...overrides,
      }),
    /** A therapist's hours: `WEEKDAY_HOURS`, with what `overrides` changes. */
    weekdayHours: async (therapistId: string, overrides: Record<string, unknown> = {}) => {
      const body = { ...WEEKDAY_HOURS, ...overrides }
      const put = await t.call('PUT', `/v1/therapists/${therapistId}/availability`, { key: adminKey, body })
      expect(put.status, put.text).toBe(200)
      return put.body
    },
    therapistKey: (therapistId: string) =>
      post('/v1/api-keys', { role: 'therapist', therapist_id: therapistId }).then((k) => k.key as string),
  }
}

/** A test app with one practice in it: its admin key, its id, and fixtures that create its records. */
export async function appWithPractice(slug: string, options: Parameters<typeof startTestApp>[0]) {
  const t = await startTestApp(options)
  const created = await t.createPractice(slug)
  return { t, adminKey: created.adminKey, practiceId: created.practice.id, f: fixtures(t, created.adminKey) }
}

/**
 * `appWithPractice` for a whole test file, awaited at its top: the app stops after the file's last
 * test, so the file declares what it uses in one line instead of filling `let`s in a `beforeAll`.
 */
export async function practiceForFile(slug: string, options?: Parameters<typeof startTestApp>[0]) {
  const practice = await appWithPractice(slug, options)
  afterAll(() => practice.t.stop())
  return practice
}
