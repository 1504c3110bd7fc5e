import { expect } from 'vitest'
import type { TestContext } from './app'

let counter = 0
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`

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
    therapistKey: (therapistId: string) =>
      post('/v1/api-keys', { role: 'therapist', therapist_id: therapistId }).then((k) => k.key as string),
  }
}
