import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../testing/app'
import { fixtures } from '../testing/fixtures'

let t: TestContext
let adminKey: string
let f: ReturnType<typeof fixtures>

beforeAll(async () => {
  t = await startTestApp()
  adminKey = (await t.createPractice('whoami')).adminKey
  f = fixtures(t, adminKey)
})
afterAll(() => t.stop())

describe('GET /v1/whoami', () => {
  it('names an admin key’s role and practice, and a therapist key’s therapist', async () => {
    const admin = await t.call('GET', '/v1/whoami', { key: adminKey })
    expect(admin.status).toBe(200)
    expect(admin.body).toMatchObject({ role: 'admin', practice: { slug: 'whoami', name: 'Practice whoami' } })
    expect(admin.body.therapist).toBeUndefined()

    const rivera = await f.therapist({ name: 'Dr. Maya Rivera', time_zone: 'America/Chicago' })
    const key = await f.therapistKey(rivera.id)
    const therapist = await t.call('GET', '/v1/whoami', { key })
    expect(therapist.body).toMatchObject({
      role: 'therapist',
      therapist: { id: rivera.id, name: 'Dr. Maya Rivera', time_zone: 'America/Chicago' },
    })
  })

  it('answers 401 without a key, with a wrong one, and with a revoked one', async () => {
    expect((await t.call('GET', '/v1/whoami')).status).toBe(401)
    expect((await t.call('GET', '/v1/whoami', { key: 'hearth_nope' })).status).toBe(401)
    const created = await t.call('POST', '/v1/api-keys', { key: adminKey, body: { role: 'admin', name: 'temp' } })
    await t.call('DELETE', `/v1/api-keys/${created.body.id}`, { key: adminKey })
    expect((await t.call('GET', '/v1/whoami', { key: created.body.key })).status).toBe(401)
  })
})
