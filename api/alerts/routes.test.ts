import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { raiseAlert, sealClientNote } from './raise'
import { inPractice } from '../db/tenant'
import { startTestApp, type TestContext } from '../testing/app'
import { fixtures } from '../testing/fixtures'

let t: TestContext
let practiceId: string
let adminKey: string
let rivera: { id: string }
let okafor: { id: string }
let riveraKey: string
let client: { id: string }

beforeAll(async () => {
  t = await startTestApp()
  const a = await t.createPractice('alerts-a')
  practiceId = a.practice.id
  adminKey = a.adminKey
  const f = fixtures(t, adminKey)
  rivera = await f.therapist()
  okafor = await f.therapist()
  riveraKey = await f.therapistKey(rivera.id)
  client = await f.client()
})
afterAll(() => t.stop())

const raise = (overrides: Partial<Parameters<typeof raiseAlert>[1]> = {}, at = t.clock.now()) =>
  inPractice(t.sql, practiceId, (tx) =>
    raiseAlert(
      tx,
      {
        practiceId,
        kind: 'unclear_reply',
        audience: 'front_desk',
        dedupeKey: `k-${Math.random()}`,
        summary: 'A reply needs a look',
        ...overrides,
      },
      at,
    ),
  )

describe('raiseAlert', () => {
  it('creates an alert once per dedupe key', async () => {
    const first = await raise({ dedupeKey: 'same-cause', therapistId: rivera.id, clientId: client.id })
    expect(first).toMatchObject({ kind: 'unclear_reply', status: 'open', therapist_id: rivera.id })
    expect(await raise({ dedupeKey: 'same-cause' })).toBeNull()
    expect(await t.sql`select 1 from alerts where dedupe_key = 'same-cause'`).toHaveLength(1)
  })

  it('keeps a client note sealed in the database and opens it for staff', async () => {
    const note = 'Please call me after 5, I am at work'
    const dedupeKey = 'reschedule:note'
    await raise({
      kind: 'reschedule_request',
      dedupeKey,
      therapistId: okafor.id,
      clientNote: await sealClientNote(t.deps.secret, practiceId, dedupeKey, note),
    })
    const [stored] = await t.sql`select * from alerts where dedupe_key = ${dedupeKey}`
    expect(JSON.stringify(stored)).not.toContain('after 5')
    expect(Buffer.from(stored!.client_note_ciphertext).toString('utf8')).not.toContain('after 5')
    const list = await t.call('GET', '/v1/alerts?kind=reschedule_request', { key: adminKey })
    expect(list.body.data[0].client_note).toBe(note)
  })
})

describe('GET /v1/alerts', () => {
  it("carries the client's phone for a call and the link into the console", async () => {
    const f = fixtures(t, adminKey)
    const caller = await f.client({ phone: '+15550107001' })
    const alert = (await raise({ dedupeKey: 'with-phone', therapistId: rivera.id, clientId: caller.id }))!
    const one = await t.call('GET', `/v1/alerts/${alert.id}`, { key: adminKey })
    expect(one.body).toMatchObject({
      client_id: caller.id,
      client_phone: '+15550107001',
      console_url: `http://hearth.test/staff#alerts/${alert.id}`,
    })
    // An alert about something a client wrote links to their thread instead.
    const [thread] = await t.sql<{ id: string }[]>`
      insert into message_threads (practice_id, client_id, therapist_id, created_at, last_message_at)
      values (${practiceId}, ${caller.id}, ${rivera.id}, now(), now()) returning id`
    const wrote = (await raise({
      dedupeKey: 'with-thread',
      therapistId: rivera.id,
      clientId: caller.id,
      threadId: thread!.id,
    }))!
    const list = (await t.call('GET', '/v1/alerts?status=open&limit=200', { key: adminKey })).body.data
    expect(list.find((a: { id: string }) => a.id === wrote.id)).toMatchObject({
      thread_id: thread!.id,
      client_phone: '+15550107001',
      console_url: `http://hearth.test/staff#inbox/${thread!.id}`,
    })
  })

  it('lists crisis alerts first, then newest, and pages without repeats', async () => {
    t.clock.advance(60_000)
    await raise({ dedupeKey: 'older-crisis', kind: 'crisis_message', audience: 'therapist', therapistId: rivera.id })
    t.clock.advance(60_000)
    await raise({ dedupeKey: 'newest-ordinary', therapistId: rivera.id })
    const all = await t.call('GET', '/v1/alerts?status=open', { key: adminKey })
    expect(all.status).toBe(200)
    expect(all.body.data[0]).toMatchObject({ kind: 'crisis_message', urgent: true })
    expect(all.body.data[1].summary).toBe('A reply needs a look')
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const res: any = await t.call('GET', `/v1/alerts?limit=1${cursor ? `&cursor=${cursor}` : ''}`, { key: adminKey })
      seen.push(...res.body.data.map((a: { id: string }) => a.id))
      cursor = res.body.next_cursor
    } while (cursor)
    expect(seen).toEqual(all.body.data.map((a: { id: string }) => a.id))
  })

  it("shows a therapist key only its own therapist's alerts", async () => {
    const mine = await t.call('GET', '/v1/alerts', { key: riveraKey })
    expect(mine.body.data.length).toBeGreaterThan(0)
    expect(mine.body.data.every((a: { therapist_id: string }) => a.therapist_id === rivera.id)).toBe(true)
    const asking = await t.call('GET', `/v1/alerts?therapist_id=${okafor.id}`, { key: riveraKey })
    expect(asking.body.data).toEqual([])
  })

  it('rejects a bad status with a 400', async () => {
    const res = await t.call('GET', '/v1/alerts?status=closed', { key: adminKey })
    expect(res.status).toBe(400)
    expect(res.body.error.details.fields.status).toBeDefined()
  })
})

describe('POST /v1/alerts/{id}/resolve', () => {
  it('resolves once with a note, audits it, and a second resolve changes nothing', async () => {
    const alert = (await raise({ therapistId: rivera.id }))!
    const res = await t.call('POST', `/v1/alerts/${alert.id}/resolve`, {
      key: riveraKey,
      body: { note: 'Called back' },
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ status: 'resolved', resolution_note: 'Called back' })
    const again = await t.call('POST', `/v1/alerts/${alert.id}/resolve`, { key: adminKey })
    expect(again.body.resolved_at).toBe(res.body.resolved_at)
    const audits = await t.sql`select action from audit_log where subject_id = ${alert.id}`
    expect(audits.map((a) => a.action)).toEqual(['alert.resolved'])
    const open = await t.call('GET', '/v1/alerts', { key: adminKey })
    expect(open.body.data.map((a: { id: string }) => a.id)).not.toContain(alert.id)
  })

  it("answers 404 for another therapist's alert, a made-up id and another practice", async () => {
    const alert = (await raise({ therapistId: okafor.id }))!
    expect((await t.call('POST', `/v1/alerts/${alert.id}/resolve`, { key: riveraKey })).status).toBe(404)
    expect((await t.call('POST', '/v1/alerts/nope/resolve', { key: adminKey })).status).toBe(404)
    const other = await t.createPractice('alerts-b')
    expect((await t.call('POST', `/v1/alerts/${alert.id}/resolve`, { key: other.adminKey })).status).toBe(404)
    expect((await t.call('GET', '/v1/alerts', { key: other.adminKey })).body.data).toEqual([])
  })
})
