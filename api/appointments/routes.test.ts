import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../testing/app'
import { fixtures } from '../testing/fixtures'

const NOW = '2026-03-02T15:00:00Z'
let t: TestContext
let adminKey: string
let f: ReturnType<typeof fixtures>
let therapist: { id: string }
let client: { id: string }
beforeAll(async () => {
  t = await startTestApp({ now: NOW })
  ;({ adminKey } = await t.createPractice('appointments-a'))
  f = fixtures(t, adminKey)
  therapist = await f.therapist()
  client = await f.client()
})
afterAll(() => t.stop())

const upsert = (body: Record<string, unknown>) => t.call('POST', '/v1/appointments', { key: adminKey, body })

function session(externalId: string, startsAt: string, extra: Record<string, unknown> = {}) {
  return {
    external_id: externalId,
    therapist_id: therapist.id,
    client_id: client.id,
    starts_at: startsAt,
    ends_at: new Date(Date.parse(startsAt) + 50 * 60_000).toISOString(),
    type: 'Individual session',
    location: '12 Harbor Street',
    ...extra,
  }
}

describe('POST /v1/appointments (upsert by external_id)', () => {
  it('creates once; the same body again changes nothing and returns the same id', async () => {
    const body = session('ehr-1', '2026-03-10T14:00:00-05:00', { series_id: 'weekly-1' })
    const first = await upsert(body)
    expect(first.status).toBe(201)
    expect(first.body).toMatchObject({
      external_id: 'ehr-1',
      status: 'scheduled',
      starts_at: '2026-03-10T19:00:00.000Z',
      series_id: 'weekly-1',
    })
    const [before] = await t.sql`select updated_at, version from appointments where id = ${first.body.id}`
    const second = await upsert(body)
    expect(second.status).toBe(200)
    expect(second.body).toEqual(first.body)
    const [after] = await t.sql`select updated_at, version from appointments where id = ${first.body.id}`
    expect(after).toEqual(before)
    const audits = await t.sql`select action from audit_log where subject_id = ${first.body.id}`
    expect(audits.map((a) => a.action)).toEqual(['appointment.created'])
  })

  it('moves a session: same id, new version, confirmation asked again', async () => {
    const created = (await upsert(session('ehr-2', '2026-03-11T14:00:00Z'))).body
    await t.call('PATCH', `/v1/appointments/${created.id}`, { key: adminKey, body: { status: 'confirmed' } })
    const moved = await upsert(session('ehr-2', '2026-03-11T16:00:00Z'))
    expect(moved.status).toBe(200)
    expect(moved.body).toMatchObject({ id: created.id, starts_at: '2026-03-11T16:00:00.000Z', status: 'scheduled' })
    const [row] = await t.sql`select version from appointments where id = ${created.id}`
    expect(row!.version).toBe(2)
  })

  it('refuses a double booking with a clear 409 and writes nothing', async () => {
    await upsert(session('ehr-3', '2026-03-12T14:00:00Z'))
    const overlap = await upsert(session('ehr-4', '2026-03-12T14:30:00Z'))
    expect(overlap.status).toBe(409)
    expect(overlap.body.error.code).toBe('double_booking')
    expect(await t.sql`select 1 from appointments where external_id = 'ehr-4'`).toHaveLength(0)
  })

  it('lets a cancelled slot be booked again, and back-to-back sessions fit', async () => {
    const first = (await upsert(session('ehr-5', '2026-03-13T14:00:00Z'))).body
    expect((await upsert(session('ehr-6', '2026-03-13T14:50:00Z'))).status).toBe(201)
    await t.call('PATCH', `/v1/appointments/${first.id}`, { key: adminKey, body: { status: 'cancelled' } })
    expect((await upsert(session('ehr-7', '2026-03-13T14:00:00Z'))).status).toBe(201)
  })

  it('accepts a cancellation from the EHR', async () => {
    await upsert(session('ehr-8', '2026-03-14T14:00:00Z'))
    const res = await upsert(session('ehr-8', '2026-03-14T14:00:00Z', { status: 'cancelled' }))
    expect(res.body.status).toBe('cancelled')
    const [row] = await t.sql`select cancelled_by from appointments where external_id = 'ehr-8'`
    expect(row!.cancelled_by).toBe('practice')
  })

  it('refuses a therapist or client from another practice as a 400', async () => {
    const other = await t.createPractice('appointments-b')
    const g = fixtures(t, other.adminKey)
    const foreignClient = await g.client()
    const res = await upsert(session('ehr-9', '2026-03-15T14:00:00Z', { client_id: foreignClient.id }))
    expect(res.status).toBe(400)
    expect(res.body.error.details.fields).toEqual({ client_id: expect.any(String) })
  })

  it('validates times and links', async () => {
    const res = await upsert(
      session('ehr-10', '2026-03-16T14:00:00', {
        ends_at: '2026-03-16T13:00:00Z',
        telehealth_url: 'http://insecure.example',
      }),
    )
    expect(res.status).toBe(400)
    expect(Object.keys(res.body.error.details.fields)).toEqual(expect.arrayContaining(['starts_at', 'telehealth_url']))
    const backwards = await upsert(session('ehr-11', '2026-03-16T14:00:00Z', { ends_at: '2026-03-16T13:00:00Z' }))
    expect(backwards.status).toBe(400)
    expect(backwards.body.error.details.fields).toHaveProperty('ends_at')
  })
})

describe('GET /v1/appointments', () => {
  it('filters by time range, therapist and status, ordered by start', async () => {
    const res = await t.call(
      'GET',
      `/v1/appointments?from=2026-03-12T00:00:00Z&to=2026-03-14T00:00:00Z&therapist_id=${therapist.id}`,
      { key: adminKey },
    )
    expect(res.status).toBe(200)
    const starts = res.body.data.map((a: { starts_at: string }) => a.starts_at)
    expect(starts.length).toBeGreaterThan(0)
    expect([...starts].sort()).toEqual(starts)
    for (const s of starts) expect(s >= '2026-03-11T23' && s < '2026-03-14').toBe(true)
    const cancelled = await t.call('GET', '/v1/appointments?status=cancelled', { key: adminKey })
    expect(cancelled.body.data.every((a: { status: string }) => a.status === 'cancelled')).toBe(true)
  })

  it('rejects a bad status filter', async () => {
    expect((await t.call('GET', '/v1/appointments?status=maybe', { key: adminKey })).status).toBe(400)
  })
})

describe('PATCH /v1/appointments/{id}', () => {
  it('records attendance only once the session has started', async () => {
    const appt = (await upsert(session('ehr-20', '2026-03-02T14:30:00Z'))).body
    const future = (await upsert(session('ehr-21', '2026-03-20T14:30:00Z'))).body
    const early = await t.call('PATCH', `/v1/appointments/${future.id}`, { key: adminKey, body: { status: 'no_show' } })
    expect(early.status).toBe(409)
    expect(early.body.error.code).toBe('invalid_state')
    const res = await t.call('PATCH', `/v1/appointments/${appt.id}`, { key: adminKey, body: { status: 'no_show' } })
    expect(res.status).toBe(200)
    expect(res.body.status).toBe('no_show')
  })

  it('moves a session and refuses to move a cancelled one', async () => {
    const appt = (await upsert(session('ehr-22', '2026-03-21T14:00:00Z'))).body
    const moved = await t.call('PATCH', `/v1/appointments/${appt.id}`, {
      key: adminKey,
      body: { starts_at: '2026-03-21T15:00:00Z', ends_at: '2026-03-21T15:50:00Z' },
    })
    expect(moved.body.starts_at).toBe('2026-03-21T15:00:00.000Z')
    await t.call('PATCH', `/v1/appointments/${appt.id}`, {
      key: adminKey,
      body: { status: 'cancelled', cancel_reason: 'Therapist unwell' },
    })
    const again = await t.call('PATCH', `/v1/appointments/${appt.id}`, {
      key: adminKey,
      body: { starts_at: '2026-03-22T15:00:00Z', ends_at: '2026-03-22T15:50:00Z' },
    })
    expect(again.status).toBe(409)
  })

  it('moving onto another session is a double booking', async () => {
    await upsert(session('ehr-23', '2026-03-23T14:00:00Z'))
    const b = (await upsert(session('ehr-24', '2026-03-23T16:00:00Z'))).body
    const res = await t.call('PATCH', `/v1/appointments/${b.id}`, {
      key: adminKey,
      body: { starts_at: '2026-03-23T14:10:00Z', ends_at: '2026-03-23T15:00:00Z' },
    })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('double_booking')
  })
})

describe('therapist keys on appointments', () => {
  it("see and change only their own therapist's sessions", async () => {
    const own = await f.therapist()
    const key = await f.therapistKey(own.id)
    const mine = (await upsert(session('ehr-30', '2026-03-25T14:00:00Z', { therapist_id: own.id }))).body
    const theirs = (await upsert(session('ehr-31', '2026-03-25T18:00:00Z'))).body

    const list = await t.call('GET', '/v1/appointments', { key })
    expect(list.body.data.map((a: { id: string }) => a.id)).toEqual([mine.id])
    expect((await t.call('GET', `/v1/appointments?therapist_id=${therapist.id}`, { key })).body.data).toEqual([])
    expect((await t.call('GET', `/v1/appointments/${theirs.id}`, { key })).status).toBe(404)
    expect(
      (await t.call('PATCH', `/v1/appointments/${theirs.id}`, { key, body: { status: 'confirmed' } })).status,
    ).toBe(404)
    expect(
      (await t.call('PATCH', `/v1/appointments/${mine.id}`, { key, body: { status: 'confirmed' } })).body.status,
    ).toBe('confirmed')
    expect(
      (await t.call('POST', '/v1/appointments', { key, body: session('ehr-32', '2026-03-26T14:00:00Z') })).status,
    ).toBe(403)
  })
})
