import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../testing/app'
import { fixtures } from '../testing/fixtures'

let t: TestContext
let adminKey: string
let f: ReturnType<typeof fixtures>
beforeAll(async () => {
  t = await startTestApp()
  ;({ adminKey } = await t.createPractice('keys-a'))
  f = fixtures(t, adminKey)
})
afterAll(() => t.stop())

describe('API keys', () => {
  it('shows a new secret once, stores only its hash, and lists without secrets', async () => {
    const res = await t.call('POST', '/v1/api-keys', { key: adminKey, body: { role: 'admin', name: 'EHR sync' } })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ role: 'admin', name: 'EHR sync', key: expect.stringMatching(/^hearth_/) })
    const stored = await t.sql`select key_hash from api_keys where id = ${res.body.id}`
    expect(stored[0]!.key_hash).not.toContain(res.body.key)
    const list = await t.call('GET', '/v1/api-keys', { key: adminKey })
    expect(list.text).not.toContain(res.body.key)
    expect(list.body.data.map((k: { id: string }) => k.id)).toContain(res.body.id)
    expect((await t.call('GET', '/v1/practice', { key: res.body.key })).status).toBe(200)
  })

  it('says when each key was last used, to the minute, without a write per request', async () => {
    const created = (await t.call('POST', '/v1/api-keys', { key: adminKey, body: { role: 'admin', name: 'Script' } }))
      .body
    expect(created.last_used_at).toBeNull()
    const lastUsed = async () =>
      (await t.call('GET', '/v1/api-keys', { key: adminKey })).body.data.find(
        (k: { id: string }) => k.id === created.id,
      ).last_used_at
    expect(await lastUsed()).toBeNull()
    const first = t.clock.now().toISOString()
    await t.call('GET', '/v1/practice', { key: created.key })
    expect(await lastUsed()).toBe(first)
    t.clock.advance(30_000)
    await t.call('GET', '/v1/practice', { key: created.key })
    expect(await lastUsed()).toBe(first)
    t.clock.advance(31_000)
    const later = t.clock.now().toISOString()
    await t.call('GET', '/v1/practice', { key: created.key })
    expect(await lastUsed()).toBe(later)
  })

  it('binds therapist keys to a therapist of this practice', async () => {
    expect((await t.call('POST', '/v1/api-keys', { key: adminKey, body: { role: 'therapist' } })).status).toBe(400)
    const unknown = await t.call('POST', '/v1/api-keys', {
      key: adminKey,
      body: { role: 'therapist', therapist_id: '00000000-0000-4000-8000-000000000000' },
    })
    expect(unknown.status).toBe(400)
    expect(unknown.body.error.details.fields).toHaveProperty('therapist_id')
  })

  it('revokes a key so it stops working at once', async () => {
    const created = (await t.call('POST', '/v1/api-keys', { key: adminKey, body: { role: 'admin' } })).body
    expect((await t.call('DELETE', `/v1/api-keys/${created.id}`, { key: adminKey })).status).toBe(204)
    const res = await t.call('GET', '/v1/practice', { key: created.key })
    expect(res.status).toBe(401)
    expect((await t.call('DELETE', `/v1/api-keys/${created.id}`, { key: adminKey })).status).toBe(404)
  })

  it("will not revoke the practice's last admin key", async () => {
    const solo = await t.createPractice('keys-solo')
    const [key] = (await t.call('GET', '/v1/api-keys', { key: solo.adminKey })).body.data
    const res = await t.call('DELETE', `/v1/api-keys/${key.id}`, { key: solo.adminKey })
    expect(res.status).toBe(409)
    expect((await t.call('GET', '/v1/practice', { key: solo.adminKey })).status).toBe(200)
  })

  it('are managed by admin keys only', async () => {
    const key = await f.therapistKey((await f.therapist()).id)
    expect((await t.call('GET', '/v1/api-keys', { key })).status).toBe(403)
    expect((await t.call('POST', '/v1/api-keys', { key, body: { role: 'admin' } })).status).toBe(403)
  })
})
