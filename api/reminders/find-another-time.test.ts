import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appWithPractice, type fixtures } from '../testing/fixtures'
import type { TestContext } from '../testing/app'
import { reminderLinks } from '../testing/reminder-links'

/**
 * The email's "Find another time" link opens the therapist's free times for that session: signed,
 * single use, no sign-in. Choosing one moves the session (or asks for it, as the practice's rule
 * says); a time taken meanwhile shows the times still free; asking the practice stays the way out.
 */
let t: TestContext
let adminKey: string
let f: ReturnType<typeof fixtures>
let therapistId: string

beforeAll(async () => {
  ;({ t, adminKey, f } = await appWithPractice('find-time', { now: '2026-03-02T15:00:00Z' }))
  therapistId = (await f.therapist()).id
  await f.weekdayHours(therapistId)
})
afterAll(() => t.stop())

const form = { 'content-type': 'application/x-www-form-urlencoded' }
const session = async (id: string) => (await t.call('GET', `/v1/appointments/${id}`, { key: adminKey })).body
const offered = (html: string) => [...html.matchAll(/name="starts_at" value="([^"]+)"/g)].map((m) => m[1]!)
const setRule = async (reschedule: Record<string, unknown>) => {
  const res = await t.call('PATCH', '/v1/practice', { key: adminKey, body: { reschedule } })
  expect(res.status, res.text).toBe(200)
}

describe("the email's Find another time", () => {
  it('shows free times by day in the client’s zone, and moves the session to the one chosen, once', async () => {
    await setRule({ mode: 'instant', inside_window: 'request' })
    const { apt, reschedule } = await reminderLinks(t, f, therapistId, '2026-03-13T15:00:00Z')
    const page = await t.call('GET', reschedule)
    expect(page.status).toBe(200)
    // Tomorrow 9:00 am New York is inside the 24 hours' notice; 10:00 am is the first free time.
    const times = offered(page.text)
    expect(times[0]).toBe('2026-03-03T15:00:00.000Z')
    expect(page.text).toContain('<legend>Tuesday 3 March</legend>')
    expect(page.text).toContain('value="2026-03-03T15:00:00.000Z"> <span>10:00 am EST</span>')
    // After the clocks change, the zone says so.
    expect(page.text).toContain('<span>10:00 am EDT</span>')
    expect(page.text).toContain(
      '<button type="submit" name="next" value="move">Move my appointment to this time</button>',
    )
    expect(page.text).toContain('value="ask" class="quiet">Ask for another time</button>')
    expect(page.text).toContain('See more times in my portal')
    expect((await session(apt.id)).starts_at).toBe('2026-03-13T15:00:00.000Z')

    const chosen = '2026-03-03T18:00:00.000Z'
    expect(times).toContain(chosen)
    const moved = await t.call('POST', reschedule, { headers: form, body: `next=move&starts_at=${chosen}` })
    expect(moved.status, moved.text).toBe(200)
    expect(moved.text).toContain('<h1>Done. Your appointment is now on Tuesday 3 March at 1:00 pm EST.</h1>')
    const after = await session(apt.id)
    expect(after).toMatchObject({ id: apt.id, starts_at: chosen, status: 'confirmed' })
    const [audit] = await t.sql<{ actor_kind: string }[]>`
      select actor_kind from audit_log where subject_id = ${apt.id} and action = 'appointment.rescheduled'`
    expect(audit?.actor_kind).toBe('link')
    // The link did its one thing.
    const again = await t.call('POST', reschedule, { headers: form, body: `next=move&starts_at=${times[4]}` })
    expect(again.status).toBe(410)
    expect((await session(apt.id)).starts_at).toBe(chosen)
  })

  it('a time taken meanwhile shows the times still free, and the link still works', async () => {
    const { apt, reschedule } = await reminderLinks(t, f, therapistId, '2026-03-16T15:00:00Z')
    const times = offered((await t.call('GET', reschedule)).text)
    const wanted = times.find((time) => time.startsWith('2026-03-05'))!
    const other = await f.client()
    await f.appointment(therapistId, other.id, wanted)

    const taken = await t.call('POST', reschedule, { headers: form, body: `next=move&starts_at=${wanted}` })
    expect(taken.status).toBe(409)
    expect(taken.text).toContain('Someone else has just taken that time. Here are the times still free.')
    expect(offered(taken.text)).not.toContain(wanted)
    expect((await session(apt.id)).starts_at).toBe('2026-03-16T15:00:00.000Z')

    const nothing = await t.call('POST', reschedule, { headers: form, body: 'next=move' })
    expect(nothing.status).toBe(400)
    expect(nothing.text).toContain('Please choose one of the times, or ask the practice below.')
    const outside = await t.call('POST', reschedule, {
      headers: form,
      body: 'next=move&starts_at=2026-03-07T15:00:00.000Z', // a Saturday
    })
    expect(outside.status).toBe(400)
    expect((await session(apt.id)).starts_at).toBe('2026-03-16T15:00:00.000Z')

    const next = offered(taken.text)[0]!
    const moved = await t.call('POST', reschedule, { headers: form, body: `next=move&starts_at=${next}` })
    expect(moved.status).toBe(200)
    expect((await session(apt.id)).starts_at).toBe(next)
  })

  it('inside the window the chosen time is held as a request the practice answers', async () => {
    await setRule({ mode: 'instant', inside_window: 'request' })
    // Wednesday 9:00 am New York: 47 hours away, inside the 48-hour window.
    const { apt, reschedule } = await reminderLinks(t, f, therapistId, '2026-03-04T14:00:00Z')
    const page = await t.call('GET', reschedule)
    expect(page.text).toContain('<button type="submit" name="next" value="move">Ask for this time</button>')
    const wanted = offered(page.text).find((time) => time.startsWith('2026-03-05'))!
    const asked = await t.call('POST', reschedule, { headers: form, body: `next=move&starts_at=${wanted}` })
    expect(asked.status, asked.text).toBe(200)
    expect(asked.text).toContain('<h1>Thank you. You asked for Thursday 5 March')
    expect(asked.text).toContain('We&#39;re keeping that time for you until')
    expect((await session(apt.id)).starts_at).toBe('2026-03-04T14:00:00.000Z')
    const requests = await t.call('GET', '/v1/reschedule-requests?status=requested', { key: adminKey })
    expect(requests.body.data.find((r: { appointment_id: string }) => r.appointment_id === apt.id)).toMatchObject({
      starts_at: wanted,
    })
  })

  it('a move that counts as a late cancellation needs its fee seen first', async () => {
    await setRule({ mode: 'instant', inside_window: 'as_cancellation' })
    // Tuesday 3:00 pm New York: 29 hours away, inside the window with its $75 fee.
    const { apt, reschedule } = await reminderLinks(t, f, therapistId, '2026-03-03T20:00:00Z')
    const page = await t.call('GET', reschedule)
    expect(page.text).toContain('moving it now carries the practice&#39;s $75.00 late-cancellation fee.')
    const wanted = offered(page.text).find((time) => time.startsWith('2026-03-06'))!
    const unseen = await t.call('POST', reschedule, { headers: form, body: `next=move&starts_at=${wanted}` })
    expect(unseen.status).toBe(409)
    expect(unseen.text).toContain('Please tick the box to show you&#39;ve seen the fee, then choose your time again.')
    expect((await session(apt.id)).starts_at).toBe('2026-03-03T20:00:00.000Z')
    const seen = await t.call('POST', reschedule, {
      headers: form,
      body: `next=move&starts_at=${wanted}&acknowledge_late=yes`,
    })
    expect(seen.status, seen.text).toBe(200)
    expect((await session(apt.id)).starts_at).toBe(wanted)
  })

  it('in the client’s language, and asking the practice stays the way out', async () => {
    await setRule({ mode: 'instant', inside_window: 'allow' })
    const { apt, client, reschedule } = await reminderLinks(t, f, therapistId, '2026-03-18T15:00:00Z')
    const patched = await t.call('PATCH', `/v1/clients/${client.id}`, {
      key: adminKey,
      body: { locale: 'es', time_zone: 'America/Chicago' },
    })
    expect(patched.status, patched.text).toBe(200)
    const page = await t.call('GET', reschedule)
    expect(page.text).toContain('<legend>martes 3 de marzo</legend>')
    expect(page.text).toContain('<span>9:00 CST</span>')
    expect(page.text).toContain('Cambiar mi cita a este horario')
    const asked = await t.call('POST', reschedule, { headers: form, body: 'next=ask&note=Por+la+tarde' })
    expect(asked.status).toBe(200)
    expect((await session(apt.id)).starts_at).toBe('2026-03-18T15:00:00.000Z')
    const alerts = await t.call('GET', '/v1/alerts?status=open', { key: adminKey })
    const alert = alerts.body.data.find((a: { appointment_id?: string }) => a.appointment_id === apt.id)
    expect(alert).toMatchObject({ kind: 'reschedule_request', client_note: 'Por la tarde' })
  })
})
