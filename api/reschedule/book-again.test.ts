import { describe, expect, it } from 'vitest'
import { practiceForFile, fixtures } from '../testing/fixtures'
import { sessionNow } from '../testing/portal'

/**
 * After a missed session, the client books a new one with the same therapist from the free times
 * when the practice allows it (`reschedule.mode` `instant`), or asks: the new session is a session
 * like any (reminders planned, audited), confirmed, once per missed session, and the client gets a
 * receipt; nobody else's session can be used, and a time that is not free is refused.
 */

const NOW = '2026-03-02T15:00:00Z' // Monday 10:00 in New York
const at = (iso: string) => new Date(iso).toISOString()

const { t, adminKey, practiceId, f } = await practiceForFile('again', { now: NOW })
const rivera = await f.therapist({ name: 'Dr. Maya Rivera' })
await f.weekdayHours(rivera.id, { buffer_minutes: 10 })

const setMode = async (mode: string) => {
  const res = await t.call('PATCH', '/v1/practice', {
    key: adminKey,
    body: { reschedule: { mode, inside_window: 'request' } },
  })
  expect(res.status, res.text).toBe(200)
}
const portal = async (clientId: string, method: string, path: string, body?: unknown) =>
  t.call(method, path, { key: (await sessionNow(t, practiceId, clientId)).access_token, body })

let n = 0
/** A client whose 45-minute video session last Friday was marked missed. */
async function missed(startsAt = '2026-02-27T15:00:00Z') {
  const client = await f.client({ name: `Client ${n++}` })
  const session = await f.appointment(rivera.id, client.id, startsAt, {
    ends_at: new Date(Date.parse(startsAt) + 45 * 60_000).toISOString(),
    type: 'Video session',
    location: undefined,
    telehealth_url: 'https://video.example/rivera',
  })
  const marked = await t.call('PATCH', `/v1/appointments/${session.id}`, { key: adminKey, body: { status: 'no_show' } })
  expect(marked.status, marked.text).toBe(200)
  return { client, session }
}

describe('booking again after a missed session', () => {
  it('offers the therapist’s free times as long as the missed session, and books one once', async () => {
    await setMode('instant')
    const { client, session } = await missed()
    const times = await portal(client.id, 'GET', `/v1/portal/appointments/${session.id}/book-again`)
    expect(times.status, times.text).toBe(200)
    expect(times.body.rule).toEqual({
      outcome: 'book',
      text: 'Choose a time that suits you and your new session is booked straight away.',
    })
    expect(times.body.booked).toBeUndefined()
    // After the 24-hour notice: Tuesday 10:00, 45 minutes long, by video as the missed one was.
    expect(times.body.data[0]).toEqual({
      starts_at: at('2026-03-03T15:00:00Z'),
      ends_at: at('2026-03-03T15:45:00Z'),
      modes: ['video'],
    })

    const booked = await portal(client.id, 'POST', `/v1/portal/appointments/${session.id}/book-again`, {
      starts_at: '2026-03-04T10:00:00-05:00',
    })
    expect(booked.status, booked.text).toBe(201)
    expect(booked.body.id).not.toBe(session.id)
    expect(booked.body).toMatchObject({
      starts_at: at('2026-03-04T15:00:00Z'),
      ends_at: at('2026-03-04T15:45:00Z'),
      status: 'confirmed',
      type: 'Video session',
      therapist: { id: rivera.id },
    })
    const outbox = await t.sql<{ topic: string; payload: any }[]>`
      select topic, payload from outbox where appointment_id = ${booked.body.id} order by created_at`
    expect(outbox.some((r) => r.topic === 'reminder')).toBe(true)
    expect(outbox.filter((r) => r.topic === 'client_notice').map((r) => r.payload)).toEqual([
      expect.objectContaining({ kind: 'booked', starts_at: at('2026-03-04T15:00:00Z'), subject_id: booked.body.id }),
    ])
    const [logged] = await t.sql<{ actor_kind: string; detail: any }[]>`
      select actor_kind, detail from audit_log where subject_id = ${booked.body.id} and action = 'appointment.booked_again'`
    expect(logged).toMatchObject({ actor_kind: 'client', detail: { missed_id: session.id } })
    // The missed session itself is untouched.
    const [old] = await t.sql<{ status: string }[]>`select status from appointments where id = ${session.id}`
    expect(old!.status).toBe('no_show')

    // Once: the screen now names the new session, and a second booking is refused.
    const after = await portal(client.id, 'GET', `/v1/portal/appointments/${session.id}/book-again`)
    expect(after.body).toMatchObject({
      data: [],
      booked: { id: booked.body.id, starts_at: at('2026-03-04T15:00:00Z') },
    })
    const twice = await portal(client.id, 'POST', `/v1/portal/appointments/${session.id}/book-again`, {
      starts_at: '2026-03-05T15:00:00Z',
    })
    expect(twice.status).toBe(409)
    expect(twice.body.error.code).toBe('invalid_state')
  })

  it('refuses a time that is not free, and one someone else now has, offering the times still free', async () => {
    await setMode('instant')
    const { client, session } = await missed('2026-02-26T15:00:00Z')
    const book = (startsAt: string) =>
      portal(client.id, 'POST', `/v1/portal/appointments/${session.id}/book-again`, { starts_at: startsAt })
    const outside = await book('2026-03-07T15:00:00Z') // a Saturday
    expect(outside.status).toBe(400)
    expect(outside.body.error.details.fields.starts_at).toBeDefined()
    const other = await f.client({ name: 'Someone else' })
    await f.appointment(rivera.id, other.id, '2026-03-10T15:00:00Z')
    const taken = await book('2026-03-10T15:00:00Z')
    expect(taken.status).toBe(409)
    expect(taken.body.error.code).toBe('slot_taken')
    expect(taken.body.error.details.slots.length).toBeGreaterThan(0)
    expect((await book('not a time')).status).toBe(400)
    const [count] = await t.sql<{ n: number }[]>`
      select count(*)::int as n from appointments where client_id = ${client.id}`
    expect(count!.n).toBe(1)
  })

  it('when the practice books new times itself, the client is asked to ask, and sees no times', async () => {
    await setMode('request')
    const { client, session } = await missed('2026-02-25T15:00:00Z')
    const times = await portal(client.id, 'GET', `/v1/portal/appointments/${session.id}/book-again`)
    expect(times.body).toMatchObject({ data: [], rule: { outcome: 'ask' } })
    expect(times.body.rule.text).toMatch(/Tell the practice what suits you/)
    const refused = await portal(client.id, 'POST', `/v1/portal/appointments/${session.id}/book-again`, {
      starts_at: '2026-03-04T15:00:00Z',
    })
    expect(refused.status).toBe(409)
    expect(refused.body.error.code).toBe('contact_practice')
  })

  it('only a missed session of the client’s own; not without a session', async () => {
    await setMode('instant')
    const { client, session } = await missed('2026-02-24T15:00:00Z')
    const upcoming = await f.appointment(rivera.id, client.id, '2026-03-12T15:00:00Z')
    const notMissed = await portal(client.id, 'GET', `/v1/portal/appointments/${upcoming.id}/book-again`)
    expect(notMissed.body).toMatchObject({ data: [], rule: { outcome: 'not_missed' } })
    const bookUpcoming = await portal(client.id, 'POST', `/v1/portal/appointments/${upcoming.id}/book-again`, {
      starts_at: '2026-03-04T15:00:00Z',
    })
    expect(bookUpcoming.status).toBe(409)
    const stranger = await f.client({ name: 'Stranger' })
    for (const method of ['GET', 'POST']) {
      const body = method === 'POST' ? { starts_at: '2026-03-04T15:00:00Z' } : undefined
      const res = await portal(stranger.id, method, `/v1/portal/appointments/${session.id}/book-again`, body)
      expect(res.status, `${method} as another client`).toBe(404)
    }
    expect((await t.call('GET', `/v1/portal/appointments/${session.id}/book-again`)).status).toBe(401)
    expect((await t.call('GET', `/v1/portal/appointments/${session.id}/book-again`, { key: adminKey })).status).toBe(
      401,
    )
    // Another practice's client cannot reach it either.
    const elsewhere = await t.createPractice('elsewhere')
    const theirs = await fixtures(t, elsewhere.adminKey).client({ name: 'Elsewhere' })
    const res = await t.call('GET', `/v1/portal/appointments/${session.id}/book-again`, {
      key: (await sessionNow(t, elsewhere.practice.id, theirs.id)).access_token,
    })
    expect(res.status).toBe(404)
  })
})
