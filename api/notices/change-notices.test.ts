import { describe, expect, it } from 'vitest'
import { dispatchDue } from '../outbox/dispatch'
import { outboxHandlers } from '../outbox/handlers'
import { practiceForFile } from '../testing/fixtures'
import { signIn } from '../testing/portal'

let slot = 0

const { t, adminKey, f } = await practiceForFile('notices', { now: '2026-12-01T15:00:00Z' })
await t.call('PATCH', '/v1/practice', { key: adminKey, body: { name: 'Calm Waters' } })
const therapist = await f.therapist({ name: 'Dr. Maya Rivera' })

const dispatch = () => dispatchDue(t.deps, { handlers: outboxHandlers, channels: ['email'] })
/** Change notices only (reminders and sign-in codes aside). */
const noticesTo = (email: string) =>
  t.deps.mailer.outbox!.list({ to: email }).filter((e) => /moved|cancelled/.test(e.subject))

/** A client in New York with a session in a week or so, each at its own hour. */
async function session() {
  const client = await f.client({ name: 'Jordan Lee', time_zone: 'America/New_York' })
  const startsAt = new Date(Date.parse('2026-12-08T15:00:00Z') + slot++ * 2 * 3_600_000).toISOString()
  const appointment = await f.appointment(therapist.id, client.id, startsAt, { external_id: `ehr-n-${slot}` })
  return { client, appointment, startsAt }
}
const moveTo = (startsAt: string) => ({
  starts_at: startsAt,
  ends_at: new Date(Date.parse(startsAt) + 50 * 60_000).toISOString(),
})

describe('appointment-change notices', () => {
  it('a move by the practice tells the client once, with the new time in their zone', async () => {
    const { client, appointment } = await session()
    const patch = { key: adminKey, body: moveTo('2026-12-10T20:00:00Z') }
    expect((await t.call('PATCH', `/v1/appointments/${appointment.id}`, patch)).status).toBe(200)
    await t.call('PATCH', `/v1/appointments/${appointment.id}`, patch)
    await dispatch()
    const notices = noticesTo(client.email)
    expect(notices).toHaveLength(1)
    expect(notices[0]!.subject).toBe('Your appointment has moved to Thu 10 Dec at 3:00 pm EST')
    expect(notices[0]!.text).toContain('Your appointment has moved to Thursday 10 December at 3:00 pm EST.')
    expect(notices[0]!.text).toContain(`show=session&id=${appointment.id}`)
    expect(JSON.stringify(notices[0])).not.toMatch(/Rivera|Individual session/)
  })

  it('two moves before the first notice went: only the newest time is told', async () => {
    const { client, appointment } = await session()
    await t.call('PATCH', `/v1/appointments/${appointment.id}`, { key: adminKey, body: moveTo('2026-12-11T14:00:00Z') })
    await t.call('PATCH', `/v1/appointments/${appointment.id}`, { key: adminKey, body: moveTo('2026-12-11T16:00:00Z') })
    await dispatch()
    const notices = noticesTo(client.email)
    expect(notices.map((n) => n.subject)).toEqual(['Your appointment has moved to Fri 11 Dec at 11:00 am EST'])
  })

  it('the EHR moving a session tells the client, and notify_client: false tells nobody', async () => {
    const first = await session()
    const upsert = (s: typeof first, startsAt: string, extra: Record<string, unknown> = {}) =>
      t.call('POST', '/v1/appointments', {
        key: adminKey,
        body: {
          external_id: s.appointment.external_id,
          therapist_id: therapist.id,
          client_id: s.client.id,
          type: 'Individual session',
          ...moveTo(startsAt),
          ...extra,
        },
      })
    expect((await upsert(first, '2026-12-14T15:00:00Z')).status).toBe(200)
    const quiet = await session()
    expect((await upsert(quiet, '2026-12-14T18:00:00Z', { notify_client: false })).status).toBe(200)
    const cancelledQuietly = await session()
    await t.call('PATCH', `/v1/appointments/${cancelledQuietly.appointment.id}`, {
      key: adminKey,
      body: { status: 'cancelled', notify_client: false },
    })
    await dispatch()
    expect(noticesTo(first.client.email)).toHaveLength(1)
    expect(noticesTo(quiet.client.email)).toEqual([])
    expect(noticesTo(cancelledQuietly.client.email)).toEqual([])
  })

  it('a practice cancellation says so and how to find another time; a call outcome too', async () => {
    const byPractice = await session()
    await t.call('PATCH', `/v1/appointments/${byPractice.appointment.id}`, {
      key: adminKey,
      body: { status: 'cancelled', cancel_reason: 'Therapist unwell' },
    })
    const byCall = await session()
    const call = await t.call('POST', `/v1/appointments/${byCall.appointment.id}/confirmation-calls`, {
      key: adminKey,
      body: { outcome: 'cancelled' },
    })
    expect(call.status).toBe(201)
    await dispatch()
    const [notice] = noticesTo(byPractice.client.email)
    expect(notice!.subject).toMatch(/^Your appointment on .* is cancelled$/)
    expect(notice!.text).toContain('The practice has cancelled your appointment on')
    expect(notice!.text).toContain('find another time')
    expect(notice!.text).not.toContain('unwell')
    expect(noticesTo(byCall.client.email)).toHaveLength(1)
  })

  it('the client’s own cancellation and a practice move at night: none for the first, the second waits for morning', async () => {
    const own = await session()
    const token = (await signIn(t, 'notices', own.client.email)).access_token as string
    const cancelled = await t.call('POST', `/v1/portal/appointments/${own.appointment.id}/cancel`, {
      key: token,
      body: {},
    })
    expect(cancelled.status).toBe(200)
    await dispatch()
    // Their own cancellation is confirmed to them as theirs (appointments/cancel-confirmation.ts), not as a change.
    expect(noticesTo(own.client.email).filter((e) => !e.text.includes('as you asked'))).toEqual([])

    const night = await session()
    t.clock.set('2026-12-02T04:00:00Z') // 11 pm in New York
    await t.call('PATCH', `/v1/appointments/${night.appointment.id}`, {
      key: adminKey,
      body: moveTo('2026-12-15T15:00:00Z'),
    })
    const [row] = await t.sql`
      select send_at from outbox where client_id = ${night.client.id} and topic = 'client_notice'`
    expect(new Date(row!.send_at).toISOString()).toBe('2026-12-02T13:00:00.000Z')
  })
})
