import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../testing/app'
import { fixtures } from '../testing/fixtures'

// Insights compare confirmed with unconfirmed sessions after the fact, so confirmed_at must hold
// whoever changed the status (migration 005 keeps it in step).
let t: TestContext
let adminKey: string
let f: ReturnType<typeof fixtures>
beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-02T15:00:00Z' })
  ;({ adminKey } = await t.createPractice('confirmed-at'))
  f = fixtures(t, adminKey)
})
afterAll(() => t.stop())

const confirmedAt = async (id: string) =>
  (await t.sql`select confirmed_at from appointments where id = ${id}`)[0]!.confirmed_at as Date | null

describe('appointments.confirmed_at', () => {
  it('is set when a writer confirms without a time, and kept when it gives one', async () => {
    const therapist = await f.therapist()
    const client = await f.client()
    const synced = await f.appointment(therapist.id, client.id, '2026-03-10T14:00:00Z', { status: 'confirmed' })
    expect(await confirmedAt(synced.id)).toBeInstanceOf(Date)
    const patched = await f.appointment(therapist.id, client.id, '2026-03-11T14:00:00Z')
    await t.call('PATCH', `/v1/appointments/${patched.id}`, { key: adminKey, body: { status: 'confirmed' } })
    expect(await confirmedAt(patched.id)).toEqual(new Date('2026-03-02T15:00:00Z'))
  })

  it('is cleared when the session goes back to scheduled, and survives attendance', async () => {
    const therapist = await f.therapist()
    const client = await f.client()
    const moved = await f.appointment(therapist.id, client.id, '2026-03-12T14:00:00Z')
    await t.call('PATCH', `/v1/appointments/${moved.id}`, { key: adminKey, body: { status: 'confirmed' } })
    await t.call('PATCH', `/v1/appointments/${moved.id}`, {
      key: adminKey,
      body: { starts_at: '2026-03-12T16:00:00Z', ends_at: '2026-03-12T16:50:00Z' },
    })
    expect(await confirmedAt(moved.id)).toBeNull()

    const held = await f.appointment(therapist.id, client.id, '2026-03-02T16:00:00Z')
    await t.call('PATCH', `/v1/appointments/${held.id}`, { key: adminKey, body: { status: 'confirmed' } })
    t.clock.set('2026-03-02T17:00:00Z')
    const attended = await t.call('PATCH', `/v1/appointments/${held.id}`, {
      key: adminKey,
      body: { status: 'attended' },
    })
    expect(attended.body.status).toBe('attended')
    expect(await confirmedAt(held.id)).toEqual(new Date('2026-03-02T15:00:00Z'))
  })
})
