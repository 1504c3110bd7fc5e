import { beforeAll, describe, expect, it } from 'vitest'
import { dispatchDue } from '../outbox/dispatch'
import { outboxHandlers } from '../outbox/handlers'
import { practiceForFile } from '../testing/fixtures'
import { sessionNow } from '../testing/portal'

/**
 * The cancellation list end to end: a cancelled session (by any path) is offered to the clients
 * whose days and times fit on their own clock; the first claim books it, the others hear kindly
 * that it was taken; offers expire; and under real concurrency exactly one claim wins.
 */

const NOW = '2026-03-02T15:00:00Z' // Monday 10:00 in New York
const HOUR = 3_600_000

const { t, adminKey, practiceId, f } = await practiceForFile('offers', { now: NOW })
const rivera = await f.therapist({ name: 'Dr. Maya Rivera' })
const okafor = await f.therapist({ name: 'Sam Okafor' })

const dispatch = () => dispatchDue(t.deps, { handlers: outboxHandlers, channels: ['email', 'sms', 'push', 'webhook'] })
const tokenOf = async (clientId: string) => (await sessionNow(t, practiceId, clientId)).access_token
const portal = async (clientId: string, method: string, path: string, body?: unknown) =>
  t.call(method, path, { key: await tokenOf(clientId), body })

let pastSlot = 0
async function onList(name: string, prefs: { days?: string[]; times?: string[]; zone?: string } = {}) {
  const client = await f.client({ name, time_zone: prefs.zone ?? 'America/New_York' })
  // Everyone on Dr. Rivera's list has seen her before (that is how the portal knows the therapist).
  await f.appointment(
    rivera.id,
    client.id,
    new Date(Date.parse('2026-01-05T15:00:00Z') + pastSlot++ * HOUR).toISOString(),
  )
  const joined = await portal(client.id, 'POST', '/v1/portal/waitlist', {
    therapist_id: rivera.id,
    preferred_days: prefs.days ?? [],
    preferred_times: prefs.times ?? [],
  })
  expect(joined.status, joined.text).toBe(201)
  return client as { id: string; email: string; name: string }
}

const offersOf = (clientId: string) =>
  t.sql<{ id: string; status: string; offered_at: Date; expires_at: Date; client_id: string }[]>`
    select id, status, offered_at, expires_at, client_id from waitlist_offers where client_id = ${clientId}
    order by offered_at`

describe('offering a freed session', () => {
  let holder: { id: string }
  let apt: { id: string }
  let wednesdayAfternoons: { id: string; email: string }
  let anyTime: { id: string; email: string }
  let mondaysOnly: { id: string }
  let tokyo: { id: string }
  let busy: { id: string }

  beforeAll(async () => {
    holder = await f.client({ name: 'Holder' })
    wednesdayAfternoons = await onList('Wednesday Afternoons', { days: ['wed'], times: ['afternoon'] })
    anyTime = await onList('Any Time')
    mondaysOnly = await onList('Mondays Only', { days: ['mon'] })
    // 19:00 UTC is 04:00 on Thursday in Tokyo: not an afternoon there.
    tokyo = await onList('Tokyo Afternoons', { times: ['afternoon'], zone: 'Asia/Tokyo' })
    busy = await onList('Already Booked Then')
    await f.appointment(okafor.id, busy.id, '2026-03-04T19:30:00Z')
    // Wednesday 4 March, 14:00 in New York.
    apt = await f.appointment(rivera.id, holder.id, '2026-03-04T19:00:00Z')
  })

  it('goes to the clients whose days and times fit, on their own clock, when the holder cancels in the portal', async () => {
    const cancelled = await portal(holder.id, 'POST', `/v1/portal/appointments/${apt.id}/cancel`, {})
    expect(cancelled.status, cancelled.text).toBe(200)

    const [offer] = await offersOf(wednesdayAfternoons.id)
    expect(offer).toMatchObject({ status: 'open' })
    expect(offer!.offered_at).toEqual(new Date(NOW))
    expect(offer!.expires_at.toISOString()).toBe('2026-03-02T19:00:00.000Z') // open 4 hours
    expect(await offersOf(anyTime.id)).toHaveLength(1)
    for (const other of [mondaysOnly, tokyo, busy, holder]) expect(await offersOf(other.id)).toHaveLength(0)

    await dispatch()
    const notes =
      await t.sql`select client_id, channel, status from outbox where topic = 'client_notice' and payload->>'kind' <> 'cancelled_by_client' order by client_id`
    expect(notes).toHaveLength(2)
    expect(notes.every((n) => n.status === 'sent' && n.channel === 'email')).toBe(true)
    const outbox = (await t.call('GET', `/dev/outbox?to=${wednesdayAfternoons.email}`)).body.data
    const email = outbox.find((e: { subject: string }) => e.subject.startsWith('A time opened up'))
    expect(email.subject).toBe('A time opened up: Wed 4 Mar at 2:00 pm EST')
    expect(email.text).toContain(`http://hearth.test/portal/offers?show=offer&id=${offer!.id}`)
    expect(email.text).toContain('the first to take it gets it')
    expect(email.text).not.toContain('Rivera')
  })

  it('lists the open offer in the portal, without the other client’s details', async () => {
    const listed = await portal(anyTime.id, 'GET', '/v1/portal/offers')
    expect(listed.status).toBe(200)
    expect(listed.body.data).toEqual([
      expect.objectContaining({
        therapist: { id: rivera.id, name: 'Dr. Maya Rivera' },
        starts_at: '2026-03-04T19:00:00.000Z',
        state: 'open',
      }),
    ])
    expect(JSON.stringify(listed.body)).not.toMatch(/Holder|Harbor|type/)
  })

  it('the first claim books the time; the second is told kindly it was taken, and hears so by email', async () => {
    const [mine] = await offersOf(wednesdayAfternoons.id)
    const [theirs] = await offersOf(anyTime.id)
    const won = await portal(wednesdayAfternoons.id, 'POST', `/v1/portal/offers/${mine!.id}/claim`)
    expect(won.status, won.text).toBe(201)
    expect(won.body.appointment).toMatchObject({
      starts_at: '2026-03-04T19:00:00.000Z',
      status: 'confirmed',
      therapist: { id: rivera.id },
    })
    const again = await portal(wednesdayAfternoons.id, 'POST', `/v1/portal/offers/${mine!.id}/claim`)
    expect(again.status).toBe(200)
    expect(again.body.appointment.id).toBe(won.body.appointment.id)

    const lost = await portal(anyTime.id, 'POST', `/v1/portal/offers/${theirs!.id}/claim`)
    expect(lost.status).toBe(409)
    expect(lost.body.error.code).toBe('offer_taken')
    expect(lost.body.error.message).toMatch(/still on the cancellation list/)
    expect((await portal(anyTime.id, 'GET', '/v1/portal/offers')).body.data[0].state).toBe('taken')

    await dispatch()
    const outbox = (await t.call('GET', `/dev/outbox?to=${anyTime.email}`)).body.data
    expect(outbox.map((e: { subject: string }) => e.subject)).toContain(
      'The time on Wed 4 Mar at 2:00 pm EST has been taken',
    )
    const booked = await t.sql`
      select client_id, status from appointments where therapist_id = ${rivera.id}
        and starts_at = '2026-03-04T19:00:00Z' and status not in ('cancelled', 'late_cancelled')`
    expect(booked).toEqual([{ client_id: wednesdayAfternoons.id, status: 'confirmed' }])
  })

  it('belongs to one client: anyone else gets 404, a practice key 401', async () => {
    const [offer] = await offersOf(anyTime.id)
    expect((await portal(mondaysOnly.id, 'POST', `/v1/portal/offers/${offer!.id}/claim`)).status).toBe(404)
    expect((await t.call('POST', `/v1/portal/offers/${offer!.id}/claim`, { key: adminKey })).status).toBe(401)
    expect((await t.call('POST', `/v1/portal/offers/${offer!.id}/claim`)).status).toBe(401)
    expect((await portal(mondaysOnly.id, 'POST', '/v1/portal/offers/not-an-id/claim')).status).toBe(404)
  })
})

describe('when offers are made and how long they last', () => {
  it('a session cancelled by the practice is offered too; an offer past its time is refused kindly', async () => {
    const waiting = await onList('Patient Waiter')
    const holder = await f.client({ name: 'Second Holder' })
    const apt = await f.appointment(rivera.id, holder.id, '2026-03-05T15:00:00Z')
    const patched = await t.call('PATCH', `/v1/appointments/${apt.id}`, {
      key: adminKey,
      body: { status: 'cancelled' },
    })
    expect(patched.status).toBe(200)
    const [offer] = await offersOf(waiting.id)
    expect(offer).toBeDefined()

    t.clock.set(offer!.expires_at)
    const late = await portal(waiting.id, 'POST', `/v1/portal/offers/${offer!.id}/claim`)
    expect(late.status).toBe(410)
    expect(late.body.error.code).toBe('offer_expired')
    expect((await portal(waiting.id, 'GET', '/v1/portal/offers')).body.data[0].state).toBe('expired')
    t.clock.set(NOW)
    await t.sql`delete from waitlist_entries where client_id = ${waiting.id}`
  })

  it('closes two hours before the session, and a session under three hours away is not offered at all', async () => {
    const waiting = await onList('Short Notice')
    const soon = await f.appointment(
      rivera.id,
      (await f.client()).id,
      new Date(Date.parse(NOW) + 5 * HOUR).toISOString(),
    )
    await t.call('PATCH', `/v1/appointments/${soon.id}`, { key: adminKey, body: { status: 'cancelled' } })
    const [offer] = await offersOf(waiting.id)
    expect(offer!.expires_at.toISOString()).toBe(new Date(Date.parse(NOW) + 3 * HOUR).toISOString())

    const tooSoon = await f.appointment(
      rivera.id,
      (await f.client()).id,
      new Date(Date.parse(NOW) + 2.5 * HOUR).toISOString(),
    )
    await t.call('PATCH', `/v1/appointments/${tooSoon.id}`, { key: adminKey, body: { status: 'cancelled' } })
    expect(await offersOf(waiting.id)).toHaveLength(1)
    await t.sql`delete from waitlist_entries where client_id = ${waiting.id}`
  })

  it('a cancellation in the night is offered from 08:00 on the client’s clock, and the note waits until then', async () => {
    t.clock.set('2026-03-03T07:00:00Z') // 02:00 in New York
    const sleeper = await onList('Night Sleeper')
    const apt = await f.appointment(rivera.id, (await f.client()).id, '2026-03-06T20:00:00Z')
    await t.call('PATCH', `/v1/appointments/${apt.id}`, { key: adminKey, body: { status: 'cancelled' } })
    const [offer] = await offersOf(sleeper.id)
    expect(offer!.offered_at.toISOString()).toBe('2026-03-03T13:00:00.000Z') // 08:00 in New York
    expect(offer!.expires_at.toISOString()).toBe('2026-03-03T17:00:00.000Z')
    const [notice] = await t.sql`
      select send_at, status from outbox where topic = 'client_notice' and payload->>'offer_id' = ${offer!.id}`
    expect(notice).toMatchObject({ status: 'pending', send_at: new Date('2026-03-03T13:00:00Z') })
    // Not listed before it is offered.
    expect((await portal(sleeper.id, 'GET', '/v1/portal/offers')).body.data).toEqual([])
    t.clock.set(NOW)
    await t.sql`delete from waitlist_entries where client_id = ${sleeper.id}`
  })
})

describe('claims at the same moment', () => {
  it('several waitlisted clients claim one slot at once: exactly one appointment, one winner', async () => {
    if (t.db.isEmbedded) return // PGlite is one connection; this race needs a real server
    await t.sql`delete from waitlist_entries`
    const racers = []
    for (let i = 0; i < 6; i++) racers.push(await onList(`Racer ${i}`))
    const holder = await f.client({ name: 'Race Holder' })
    const apt = await f.appointment(rivera.id, holder.id, '2026-03-10T16:00:00Z')
    await t.call('PATCH', `/v1/appointments/${apt.id}`, { key: adminKey, body: { status: 'cancelled' } })
    const offers = await Promise.all(racers.map(async (r) => (await offersOf(r.id))[0]!))
    const tokens = await Promise.all(racers.map((r) => tokenOf(r.id)))

    const answers = await Promise.all(
      offers.map((offer, i) => t.call('POST', `/v1/portal/offers/${offer.id}/claim`, { key: tokens[i]! })),
    )
    const statuses = answers.map((a) => a.status).sort()
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409])
    for (const lost of answers.filter((a) => a.status === 409)) expect(lost.body.error.code).toBe('offer_taken')

    const booked = await t.sql<{ client_id: string }[]>`
      select client_id from appointments where therapist_id = ${rivera.id} and starts_at = '2026-03-10T16:00:00Z'
        and status not in ('cancelled', 'late_cancelled')`
    expect(booked).toHaveLength(1)
    const winner = racers[answers.findIndex((a) => a.status === 201)]!
    expect(booked[0]!.client_id).toBe(winner.id)
    const states = await t.sql<{ status: string }[]>`
      select status from waitlist_offers where freed_appointment_id = ${apt.id} order by status`
    expect(states.map((s) => s.status)).toEqual(['claimed', 'taken', 'taken', 'taken', 'taken', 'taken'])
  })
})
