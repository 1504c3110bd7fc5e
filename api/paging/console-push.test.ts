import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../testing/app'
import { signedInStaff } from '../testing/staff'

/** A console's own web push device: each person adds and forgets only theirs. */

let t: TestContext
let practiceId: string
beforeAll(async () => {
  t = await startTestApp()
  practiceId = (await t.createPractice('console-push')).practice.id
})
afterAll(() => t.stop())

const device = (n: number) => ({
  endpoint: `https://push.example/console-${n}`,
  keys: { p256dh: 'p256dh-key-for-the-console', auth: 'auth-secret' },
})
const devices = (ownerPrefix: string) =>
  t.sql<{ owner_key: string; endpoint: string }[]>`
    select owner_key, endpoint from staff_push_subscriptions
    where practice_id = ${practiceId} and owner_key like ${`${ownerPrefix}%`} order by endpoint`

describe('/v1/staff/me/push-subscriptions', () => {
  it('stores this console for the person signed in, and forgets it when they turn it off', async () => {
    const desk = await signedInStaff(t, practiceId, { role: 'front_desk', name: 'Dee Desk' })
    const saved = await desk.call('POST', '/v1/staff/me/push-subscriptions', { body: device(1) })
    expect(saved.status, saved.text).toBe(204)
    expect(await devices(`staff:${desk.user.id}`)).toEqual([
      { owner_key: `staff:${desk.user.id}`, endpoint: device(1).endpoint },
    ])
    const gone = await desk.call('DELETE', '/v1/staff/me/push-subscriptions', {
      body: { endpoint: device(1).endpoint },
    })
    expect(gone.status, gone.text).toBe(204)
    expect(await devices(`staff:${desk.user.id}`)).toEqual([])
    const again = await desk.call('DELETE', '/v1/staff/me/push-subscriptions', {
      body: { endpoint: device(1).endpoint },
    })
    expect(again.status).toBe(404)
  })

  it("never forgets someone else's console, and needs a session", async () => {
    const owner = await signedInStaff(t, practiceId, { role: 'owner', name: 'Olive Owner' })
    const other = await signedInStaff(t, practiceId, { role: 'admin', name: 'Ada Admin' })
    expect((await owner.call('POST', '/v1/staff/me/push-subscriptions', { body: device(2) })).status).toBe(204)
    const theirs = await other.call('DELETE', '/v1/staff/me/push-subscriptions', {
      body: { endpoint: device(2).endpoint },
    })
    expect(theirs.status).toBe(404)
    expect(await devices(`staff:${owner.user.id}`)).toHaveLength(1)
    const anonymous = await t.call('DELETE', '/v1/staff/me/push-subscriptions', {
      body: { endpoint: device(2).endpoint },
      headers: { origin: new URL(t.deps.publicUrl).origin },
    })
    expect(anonymous.status).toBe(401)
    const shapeless = await owner.call('DELETE', '/v1/staff/me/push-subscriptions', { body: {} })
    expect(shapeless.status).toBe(400)
    expect(shapeless.body.error).toMatchObject({
      code: 'invalid_request',
      details: { fields: { endpoint: expect.any(String) } },
    })
    const foreign = await owner.call('DELETE', '/v1/staff/me/push-subscriptions', {
      body: { endpoint: device(2).endpoint },
      headers: { origin: 'https://elsewhere.example' },
    })
    expect(foreign.status).toBe(403)
    expect(await devices(`staff:${owner.user.id}`)).toHaveLength(1)
  })
})
