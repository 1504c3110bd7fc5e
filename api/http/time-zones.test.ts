import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { canonicalTimeZone, TIME_ZONE_NAMES } from '../../shared/time/zone-names'
import { startTestApp, type TestContext } from '../testing/app'
import { fixtures } from '../testing/fixtures'

let t: TestContext
let adminKey: string
let f: ReturnType<typeof fixtures>

beforeAll(async () => {
  t = await startTestApp()
  ;({ adminKey } = await t.createPractice('zones'))
  f = fixtures(t, adminKey)
})
afterAll(() => t.stop())

describe('time zones', () => {
  it('knows only zones this database knows, every one usable in a query', async () => {
    const rows = await t.sql<{ name: string }[]>`select name from pg_timezone_names`
    const known = new Set(rows.map((r) => r.name))
    expect(TIME_ZONE_NAMES.filter((name) => !known.has(name))).toEqual([])
    for (const name of TIME_ZONE_NAMES) expect(() => new Intl.DateTimeFormat('en', { timeZone: name })).not.toThrow()
  })

  it('stores a zone in its canonical spelling', async () => {
    const client = await f.client({ time_zone: 'america/new_york' })
    expect(client.time_zone).toBe('America/New_York')
    const patched = await t.call('PATCH', '/v1/practice', { key: adminKey, body: { time_zone: 'EUROPE/PARIS' } })
    expect(patched.status, patched.text).toBe(200)
    expect(patched.body.time_zone).toBe('Europe/Paris')
    expect(canonicalTimeZone('utc')).toBe('UTC')
  })

  it('refuses a zone Postgres does not know, and nonsense', async () => {
    for (const time_zone of ['US/Pacific-New', 'Mars/Olympus_Mons', 'posixrules', 'localtime']) {
      const res = await t.call('POST', '/v1/therapists', {
        key: adminKey,
        body: { name: 'Dr. Zone', email: 'zone@example.com', time_zone },
      })
      expect(res.status, `${time_zone}: ${res.text}`).toBe(400)
      expect(res.body.error.details.fields).toHaveProperty('time_zone')
    }
  })

  it('documents the time-zone format in /openapi.json', async () => {
    const doc = (await t.call('GET', '/openapi.json')).body
    const schema = doc.paths['/v1/clients'].post.requestBody.content['application/json'].schema
    expect(schema.properties.time_zone.format).toBe('time-zone')
  })
})
