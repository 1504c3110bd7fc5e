import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TestContext } from '../testing/app'
import { appWithPractice, type fixtures } from '../testing/fixtures'
import { sessionNow, signIn } from '../testing/portal'

const NOW = '2026-03-02T15:00:00Z'
const HOUR = 3_600_000
let t: TestContext
let adminKey: string
let practiceId: string
let f: ReturnType<typeof fixtures>
let rivera: { id: string }
let okafor: { id: string }
let client: { id: string; email: string }
let token: string
let day = 0

beforeAll(async () => {
  ;({ t, adminKey, practiceId, f } = await appWithPractice('portal-appts', { now: NOW }))
  rivera = await f.therapist({ name: 'Dr. Maya Rivera' })
  okafor = await f.therapist({
    name: 'Sam Okafor',
    cancellation_policy: { window_hours: 24, late_action: 'contact_required', fee_cents: 0, currency: 'USD' },
  })
  client = await f.client({ name: 'Alex Morgan', time_zone: 'America/Chicago' })
  token = (await signIn(t, 'portal-appts', client.email)).access_token
})
afterAll(() => t.stop())

/** A session `daysAway` from now (each on its own hour so none overlap). */
function session(startsAt: string | number, extra: Record<string, unknown> = {}, therapistId = rivera.id) {
  const at =
    typeof startsAt === 'number' ? new Date(Date.parse(NOW) + startsAt * HOUR + day++ * 60_000 * 60 * 2) : startsAt
  return f.appointment(therapistId, client.id, new Date(at).toISOString(), extra)
}
const call = (method: string, path: string, body?: unknown) => t.call(method, path, { key: token, body })

/** Moves the clock and signs in again there (an access token lasts 15 minutes). */
async function setClock(to: Date | string) {
  t.clock.set(to)
  token = (await sessionNow(t, practiceId, client.id)).access_token
}
const list = async () => (await call('GET', '/v1/portal/appointments')).body.data as any[]

describe('GET /v1/portal/appointments', () => {
  it('lists upcoming sessions and recently missed ones, oldest first, with the rule for each', async () => {
    const missed = await session('2026-02-27T15:00:00Z')
    await t.call('PATCH', `/v1/appointments/${missed.id}`, { key: adminKey, body: { status: 'no_show' } })
    const longAgo = await session('2026-02-10T15:00:00Z')
    await t.call('PATCH', `/v1/appointments/${longAgo.id}`, { key: adminKey, body: { status: 'no_show' } })
    const attended = await session('2026-02-28T15:00:00Z')
    await t.call('PATCH', `/v1/appointments/${attended.id}`, { key: adminKey, body: { status: 'attended' } })
    const upcoming = await session('2026-03-09T15:00:00Z')

    const data = await list()
    const ids = data.map((a) => a.id)
    expect(ids).toContain(missed.id)
    expect(ids).toContain(upcoming.id)
    expect(ids).not.toContain(longAgo.id)
    expect(ids).not.toContain(attended.id)
    expect(ids.indexOf(missed.id)).toBeLessThan(ids.indexOf(upcoming.id))
    const shown = data.find((a) => a.id === upcoming.id)
    expect(shown).toMatchObject({
      therapist: { id: rivera.id, name: 'Dr. Maya Rivera' },
      status: 'scheduled',
      can_confirm: true,
      location: '12 Harbor Street',
      cancellation: { state: 'free', free_until: '2026-03-07T15:00:00.000Z', fee_cents: 0 },
    })
    // The deadline reads in the client's own zone (Chicago): 9:00 am, not 10:00 am New York time.
    expect(shown.cancellation.policy_text).toBe(
      "You can cancel free of charge until Saturday 7 March at 9:00 am CST. After that, cancelling carries the practice's $75.00 late-cancellation fee.",
    )
    const missedShown = data.find((a) => a.id === missed.id)
    expect(missedShown).toMatchObject({ status: 'no_show', can_confirm: false })
    expect(missedShown.cancellation).toBeUndefined()
  })

  it('says, on the missed session, that the client already asked for another time', async () => {
    const missed = await session('2026-02-26T15:00:00Z')
    await t.call('PATCH', `/v1/appointments/${missed.id}`, { key: adminKey, body: { status: 'no_show' } })
    expect((await list()).find((a) => a.id === missed.id).reschedule_requested_at).toBeUndefined()
    const asked = await call('POST', `/v1/portal/appointments/${missed.id}/reschedule-request`, {})
    expect(asked.status).toBeLessThan(300)
    expect((await list()).find((a) => a.id === missed.id).reschedule_requested_at).toBe(NOW.replace('Z', '.000Z'))
  })

  it("carries each session's own cancellation policy: the therapist's override, else the practice's", async () => {
    const lee = await f.therapist({
      name: 'Dr. Jin Lee',
      cancellation_policy: { window_hours: 36, late_action: 'fee', fee_cents: 4000, currency: 'USD' },
    })
    const practice = await session(200)
    const overridden = await session(200, {}, lee.id)
    const callFirst = await session(200, {}, okafor.id)
    const byId = new Map((await list()).map((a) => [a.id, a]))

    expect(byId.get(practice.id).cancellation_policy).toEqual({
      window_hours: 48,
      late_action: 'fee',
      fee_cents: 7500,
      currency: 'USD',
    })
    // Before the deadline the quote's fee is 0, so the policy is what says the fee that comes after it.
    const lees = byId.get(overridden.id)
    expect(lees.cancellation).toMatchObject({ state: 'free', fee_cents: 0 })
    expect(lees.cancellation_policy).toEqual({ window_hours: 36, late_action: 'fee', fee_cents: 4000, currency: 'USD' })
    expect(lees.cancellation.free_until).toBe(new Date(Date.parse(overridden.starts_at) - 36 * HOUR).toISOString())
    expect(lees.cancellation.policy_text).toMatch(/After that, cancelling carries the practice's \$40\.00 late/)
    const okafors = byId.get(callFirst.id)
    expect(okafors.cancellation_policy).toEqual({
      window_hours: 24,
      late_action: 'contact_required',
      fee_cents: 0,
      currency: 'USD',
    })
    expect(okafors.cancellation.policy_text).toMatch(/After that, you'll need to contact the practice to cancel\.$/)

    // Confirming answers the same shape; a missed session has no rule and no policy.
    const confirmed = await call('POST', `/v1/portal/appointments/${overridden.id}/confirm`, {})
    expect(confirmed.body.cancellation_policy).toEqual(lees.cancellation_policy)
    const missed = (await list()).find((a) => a.status === 'no_show')
    expect(missed).toMatchObject({ status: 'no_show' })
    expect(missed.cancellation_policy).toBeUndefined()
  })

  it('leaves out a session already marked attended, even before it ends', async () => {
    const inProgress = await session(new Date(Date.parse(NOW) - 10 * 60_000).toISOString())
    expect((await list()).map((a) => a.id)).toContain(inProgress.id)
    await t.call('PATCH', `/v1/appointments/${inProgress.id}`, { key: adminKey, body: { status: 'attended' } })
    expect((await list()).map((a) => a.id)).not.toContain(inProgress.id)
  })

  it('pages with a cursor without repeating or skipping', async () => {
    const all = await list()
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const res: any = await call('GET', `/v1/portal/appointments?limit=1${cursor ? `&cursor=${cursor}` : ''}`)
      seen.push(...res.body.data.map((a: { id: string }) => a.id))
      cursor = res.body.next_cursor
    } while (cursor)
    expect(seen).toEqual(all.map((a) => a.id))
  })

  it('shows the video link only from 15 minutes before the start until the end', async () => {
    const video = await session(200, { location: undefined, telehealth_url: 'https://video.example/room/42' })
    const at = (offsetMs: number) => setClock(new Date(Date.parse(video.starts_at) + offsetMs))
    const find = async () => (await list()).find((a) => a.id === video.id)

    await at(-15 * 60_000 - 1000)
    const early = await find()
    expect(early.telehealth_url).toBeUndefined()
    expect(early.telehealth_opens_at).toBe(new Date(Date.parse(video.starts_at) - 15 * 60_000).toISOString())
    await at(-15 * 60_000)
    expect((await find()).telehealth_url).toBe('https://video.example/room/42')
    await at(50 * 60_000 - 1000)
    expect((await find()).telehealth_url).toBe('https://video.example/room/42')
    await at(50 * 60_000)
    expect(await find()).toBeUndefined()
    await setClock(NOW)
  })
})

describe('confirm and cancel', () => {
  it('confirms once; confirming again changes nothing', async () => {
    const appointment = await session(100)
    const first = await call('POST', `/v1/portal/appointments/${appointment.id}/confirm`, {})
    expect(first.body).toMatchObject({ status: 'confirmed', can_confirm: false })
    expect((await call('POST', `/v1/portal/appointments/${appointment.id}/confirm`)).status).toBe(200)
  })

  it('cancels free exactly at the deadline, and asks for acknowledgement one second later', async () => {
    const atEdge = await session(100)
    await setClock(new Date(Date.parse(atEdge.starts_at) - 48 * HOUR))
    const quote = await call('GET', `/v1/portal/appointments/${atEdge.id}/cancellation`)
    expect(quote.body).toMatchObject({ state: 'free', is_late: false, fee_cents: 0 })
    expect((await call('POST', `/v1/portal/appointments/${atEdge.id}/cancel`, {})).body.status).toBe('cancelled')

    const late = await session(100)
    await setClock(new Date(Date.parse(late.starts_at) - 48 * HOUR + 1000))
    expect((await call('GET', `/v1/portal/appointments/${late.id}/cancellation`)).body).toMatchObject({
      state: 'late',
      is_late: true,
      fee_cents: 7500,
      can_cancel: true,
    })
    const refused = await call('POST', `/v1/portal/appointments/${late.id}/cancel`, {})
    expect(refused.status).toBe(409)
    expect(refused.body.error.code).toBe('late_cancellation_unacknowledged')
    expect(refused.body.error.details.quote.fee_cents).toBe(7500)
    const done = await call('POST', `/v1/portal/appointments/${late.id}/cancel`, { acknowledge_late: true })
    expect(done.body.status).toBe('late_cancelled')
    const alerts = await t.call('GET', '/v1/alerts', { key: adminKey })
    expect(alerts.body.data.find((a: { appointment_id: string }) => a.appointment_id === late.id)).toMatchObject({
      kind: 'late_cancellation',
      audience: 'front_desk',
    })
    await setClock(NOW)
  })

  it('takes an optional reason: a code from the list and a note; an unknown code is a 400 and changes nothing', async () => {
    const appointment = await session(100)
    const wrong = await call('POST', `/v1/portal/appointments/${appointment.id}/cancel`, { reason_code: 'bored' })
    expect(wrong.status).toBe(400)
    expect(wrong.body.error.code).toBe('invalid_request')
    expect((await t.call('GET', `/v1/appointments/${appointment.id}`, { key: adminKey })).body).toMatchObject({
      status: 'scheduled',
    })
    const done = await call('POST', `/v1/portal/appointments/${appointment.id}/cancel`, {
      reason_code: 'other',
      reason: '  Moving house  ',
    })
    expect(done.body.status).toBe('cancelled')
    const read = await t.call('GET', `/v1/appointments/${appointment.id}`, { key: adminKey })
    expect(read.body.cancellation).toEqual({
      by: 'client',
      at: t.clock.now().toISOString(),
      reason_code: 'other',
      reason: 'Moving house',
    })
    // An open session has no cancellation to show.
    const open = await session(120)
    expect((await t.call('GET', `/v1/appointments/${open.id}`, { key: adminKey })).body.cancellation).toBeUndefined()
  })

  it('asks the client to call under a contact-required policy', async () => {
    const appointment = await session(100, {}, okafor.id)
    await setClock(new Date(Date.parse(appointment.starts_at) - 23 * HOUR))
    const quote = (await call('GET', `/v1/portal/appointments/${appointment.id}/cancellation`)).body
    expect(quote).toMatchObject({ state: 'late', late_action: 'contact_required', can_cancel: false })
    const refused = await call('POST', `/v1/portal/appointments/${appointment.id}/cancel`, { acknowledge_late: true })
    expect(refused.status).toBe(409)
    expect(refused.body.error).toMatchObject({ code: 'contact_practice', message: quote.policy_text })
    await setClock(NOW)
  })

  it('two cancels of one session at once: one change, one alert, one audit row (real Postgres)', async (context) => {
    if (t.db.isEmbedded) context.skip()
    const appointment = await session(100)
    await setClock(new Date(Date.parse(appointment.starts_at) - 10 * HOUR))
    const both = await Promise.all(
      [1, 2].map(() => call('POST', `/v1/portal/appointments/${appointment.id}/cancel`, { acknowledge_late: true })),
    )
    expect(both.map((r) => r.status)).toEqual([200, 200])
    expect(await t.sql`select 1 from alerts where appointment_id = ${appointment.id}`).toHaveLength(1)
    const audits =
      await t.sql`select 1 from audit_log where subject_id = ${appointment.id} and action like 'appointment.%cancel%'`
    expect(audits).toHaveLength(1)
    await setClock(NOW)
  })
})

describe('after a missed session', () => {
  it('takes a reschedule request with or without a note, once while it waits', async () => {
    const missed = await session(-30)
    await t.call('PATCH', `/v1/appointments/${missed.id}`, { key: adminKey, body: { status: 'no_show' } })
    const first = await call('POST', `/v1/portal/appointments/${missed.id}/reschedule-request`)
    expect(first.status).toBe(202)
    expect(first.body).toEqual({
      created: true,
      message: 'Thanks. The practice will be in touch to find another time that works for you.',
    })
    const again = await call('POST', `/v1/portal/appointments/${missed.id}/reschedule-request`, { note: 'Sorry!' })
    expect(again.body.created).toBe(false)
    const alerts = (await t.call('GET', '/v1/alerts?kind=reschedule_request', { key: adminKey })).body.data
    const alert = alerts.find((a: { appointment_id: string }) => a.appointment_id === missed.id)
    expect(alerts.filter((a: { appointment_id: string }) => a.appointment_id === missed.id)).toHaveLength(1)
    expect(alert).toMatchObject({ audience: 'front_desk', appointment_id: missed.id, context: { status: 'no_show' } })
    expect(alert.client_note).toBeUndefined()
  })
})

describe('GET /v1/portal/appointments/{id}/calendar.ics', () => {
  it('is one valid event that a real calendar parser reads back', async () => {
    const appointment = await session('2026-03-12T20:00:00Z')
    const res = await call('GET', `/v1/portal/appointments/${appointment.id}/calendar.ics`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/calendar')
    const calendar = new ICAL.Component(ICAL.parse(res.text))
    const events = calendar.getAllSubcomponents('vevent')
    expect(events).toHaveLength(1)
    const event = new ICAL.Event(events[0]!)
    expect(event.uid).toBe(`${appointment.id}@hearth`)
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-03-12T20:00:00.000Z')
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-03-12T20:50:00.000Z')
    expect(event.summary).toBe('Appointment at Practice portal-appts')
    expect(event.location).toBe('12 Harbor Street')
    expect(event.description).toBe('With Dr. Maya Rivera.')
    expect(events[0]!.getFirstPropertyValue('status')).toBe('TENTATIVE')
    expect(res.text).toMatch(/\r\n/)
  })
})
