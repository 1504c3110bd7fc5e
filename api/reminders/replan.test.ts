import { describe, expect, it } from 'vitest'
import { practiceForFile } from '../testing/fixtures'

// Monday 2 March 2026, 10:00 in New York; the US clocks spring forward on Sunday 8 March.
const { t, adminKey: key, f } = await practiceForFile('replan', { now: '2026-03-02T15:00:00Z' })
const therapistId = (await f.therapist()).id

const outbox = (appointmentId: string) =>
  t.sql<{ kind: string; channel: string; send_at: Date; status: string; closed_reason: string | null; key: string }[]>`
    select reminder_kind as kind, channel, send_at, status, closed_reason, idempotency_key as key
    from outbox where appointment_id = ${appointmentId} and topic = 'reminder' order by send_at, channel, status`.then(
    (rows) => rows.map((r) => ({ ...r, send_at: r.send_at.toISOString() })),
  )

describe('reminders follow their appointment', () => {
  it('a new session across the DST change gets its confirmation and morning-of reminder', async () => {
    const client = await f.client()
    // Tuesday 10 March, 3:00 pm EDT. Free until Sunday 3:00 pm EDT; confirm 24 h before: Saturday 2:00 pm EST.
    const apt = await f.appointment(therapistId, client.id, '2026-03-10T19:00:00Z')
    expect(await outbox(apt.id)).toEqual([
      {
        kind: 'confirmation',
        channel: 'email',
        send_at: '2026-03-07T19:00:00.000Z',
        status: 'pending',
        closed_reason: null,
        key: `reminder/${apt.id}/confirmation/email/1`,
      },
      {
        kind: 'morning_of',
        channel: 'email',
        send_at: '2026-03-10T12:00:00.000Z',
        status: 'pending',
        closed_reason: null,
        key: `reminder/${apt.id}/morning_of/email/1`,
      },
    ])
  })

  it('moving a session replaces its reminders; confirming drops the confirmation request; cancelling drops all', async () => {
    const client = await f.client({ phone: '+15550100001', consents: { email: true, sms: true } })
    const apt = await f.appointment(therapistId, client.id, '2026-03-10T21:00:00Z')
    // SMS needs a gateway: without one the client gets email only.
    expect((await outbox(apt.id)).map((r) => r.channel)).toEqual(['email', 'email'])

    const moved = await t.call('PATCH', `/v1/appointments/${apt.id}`, {
      key,
      body: { starts_at: '2026-03-12T14:00:00Z', ends_at: '2026-03-12T14:50:00Z' },
    })
    expect(moved.status).toBe(200)
    const afterMove = await outbox(apt.id)
    expect(afterMove.filter((r) => r.status === 'cancelled').map((r) => [r.kind, r.closed_reason])).toEqual([
      ['confirmation', 'moved'],
      ['morning_of', 'moved'],
    ])
    expect(afterMove.filter((r) => r.status === 'pending').map((r) => [r.kind, r.send_at, r.key])).toEqual([
      // Thursday 10:00 EDT: free until Tuesday 10:00, confirm Monday 10:00 EDT
      ['confirmation', '2026-03-09T14:00:00.000Z', `reminder/${apt.id}/confirmation/email/2`],
      ['morning_of', '2026-03-12T12:00:00.000Z', `reminder/${apt.id}/morning_of/email/2`],
    ])

    await t.call('PATCH', `/v1/appointments/${apt.id}`, { key, body: { status: 'confirmed' } })
    const afterConfirm = await outbox(apt.id)
    expect(afterConfirm.filter((r) => r.status === 'pending').map((r) => r.kind)).toEqual(['morning_of'])
    expect(afterConfirm.find((r) => r.key.endsWith('confirmation/email/2'))?.closed_reason).toBe('confirmed')

    await t.call('PATCH', `/v1/appointments/${apt.id}`, { key, body: { status: 'cancelled' } })
    const afterCancel = await outbox(apt.id)
    expect(afterCancel.filter((r) => r.status === 'pending')).toEqual([])
    expect(afterCancel.find((r) => r.key.endsWith('morning_of/email/2'))?.closed_reason).toBe('cancelled')
  })

  it('a session booked inside the window at night waits for 8:00, and an unchanged EHR upsert changes nothing', async () => {
    t.clock.set('2026-03-03T03:30:00Z') // Monday 22:30 EST
    const client = await f.client()
    const body = {
      external_id: 'ehr-night',
      therapist_id: therapistId,
      client_id: client.id,
      starts_at: '2026-03-05T04:00:00Z', // Wednesday 23:00 EST, 48.5 h away: already inside the window
      ends_at: '2026-03-05T04:50:00Z',
      type: 'Individual session',
    }
    const created = await t.call('POST', '/v1/appointments', { key, body })
    expect(created.status).toBe(201)
    const plan = await outbox(created.body.id)
    expect(plan.map((r) => [r.kind, r.send_at])).toEqual([
      ['confirmation', '2026-03-03T13:00:00.000Z'], // Tuesday 8:00 EST
      ['morning_of', '2026-03-04T13:00:00.000Z'],
    ])
    t.clock.advance(60_000)
    expect((await t.call('POST', '/v1/appointments', { key, body })).status).toBe(200)
    expect(await outbox(created.body.id)).toEqual(plan)
    t.clock.set('2026-03-02T15:00:00Z')
  })
})
