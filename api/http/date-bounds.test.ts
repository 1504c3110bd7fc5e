import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../testing/app'
import { fixtures } from '../testing/fixtures'
import { instantAt } from '../../shared/time/zone'

/** Instants and dates are accepted from 1900-01-01 to 2199-12-31 and never rewritten. */
let t: TestContext
let adminKey: string
let f: ReturnType<typeof fixtures>
let ids: { therapist: string; client: string }

beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-02T15:00:00Z' })
  ;({ adminKey } = await t.createPractice('date-bounds'))
  f = fixtures(t, adminKey)
  ids = { therapist: (await f.therapist()).id, client: (await f.client()).id }
})
afterAll(() => t.stop())

const session = (starts_at: string, ends_at: string) =>
  t.call('POST', '/v1/appointments', {
    key: adminKey,
    body: {
      external_id: `b-${starts_at}`,
      therapist_id: ids.therapist,
      client_id: ids.client,
      starts_at,
      ends_at,
      type: 'Session',
    },
  })

describe('date bounds', () => {
  it('refuses a session in year 9999 and in year 0050, naming the field', async () => {
    for (const year of ['9999', '0050', '1899']) {
      const res = await session(`${year}-06-01T14:00:00Z`, `${year}-06-01T14:50:00Z`)
      expect(res.status, res.text).toBe(400)
      expect(Object.keys(res.body.error.details.fields)).toEqual(expect.arrayContaining(['starts_at', 'ends_at']))
    }
  })

  it('keeps the first and last days of the range exactly as sent', async () => {
    const first = await session('1900-01-01T00:00:00Z', '1900-01-01T00:50:00Z')
    expect(first.status, first.text).toBe(201)
    expect(Date.parse(first.body.starts_at)).toBe(Date.parse('1900-01-01T00:00:00Z'))
    const last = await session('2199-12-31T22:00:00Z', '2199-12-31T22:50:00Z')
    expect(last.status, last.text).toBe(201)
    expect(Date.parse(last.body.starts_at)).toBe(Date.parse('2199-12-31T22:00:00Z'))
  })

  it('answers a call list for 9999-12-31 or 0050-01-01 with 400, not 500', async () => {
    for (const date of ['9999-12-31', '0050-01-01', '2026-02-30']) {
      const res = await t.call('GET', `/v1/confirmation-calls?date=${date}&therapist_id=${ids.therapist}`, {
        key: adminKey,
      })
      expect(res.status, `${date}: ${res.text}`).toBe(400)
      expect(res.body.error.details.fields).toHaveProperty('date')
    }
    const ok = await t.call('GET', `/v1/confirmation-calls?date=2199-12-31&therapist_id=${ids.therapist}`, {
      key: adminKey,
    })
    expect(ok.status, ok.text).toBe(200)
  })

  it('refuses out-of-range insight bounds and list filters', async () => {
    const insights = await t.call('GET', '/v1/insights/no-shows?group_by=weekday&from=0001-01-01&to=2026-01-01', {
      key: adminKey,
    })
    expect(insights.status, insights.text).toBe(400)
    const list = await t.call('GET', '/v1/appointments?from=9999-01-01T00:00:00Z', { key: adminKey })
    expect(list.status, list.text).toBe(400)
  })

  it('reads years 0001–0099 as written, never as 19xx', () => {
    expect(instantAt('0050-03-01', '12:00', 'UTC').toISOString()).toBe('0050-03-01T12:00:00.000Z')
  })

  it('says the range in the OpenAPI document', async () => {
    const doc = JSON.stringify((await t.call('GET', '/openapi.json')).body)
    expect(doc).toContain('from 1900-01-01 to 2199-12-31')
  })
})
