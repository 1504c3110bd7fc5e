import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../audit/queries'
import { inPractice } from '../db/tenant'
import { ApiError } from '../http/errors'
import { startTestApp, type TestContext } from '../testing/app'
import { fixtures } from '../testing/fixtures'
import { openClientNote } from '../alerts/raise'
import type { AlertRow } from '../alerts/queries'
import { cancelAsClient, confirmAsClient, requestReschedule, type RescheduleInput } from './client-actions'

const NOW = '2026-03-02T15:00:00Z'
const HOUR = 3_600_000
let t: TestContext
let practiceId: string
let f: ReturnType<typeof fixtures>
let therapist: { id: string }
let contactTherapist: { id: string }
let client: { id: string }
let otherClient: { id: string }
let slot = 0

beforeAll(async () => {
  t = await startTestApp({ now: NOW })
  const a = await t.createPractice('actions-a')
  practiceId = a.practice.id
  f = fixtures(t, a.adminKey)
  therapist = await f.therapist({ name: 'Dr. Maya Rivera' })
  contactTherapist = await f.therapist({
    cancellation_policy: { window_hours: 24, late_action: 'contact_required', fee_cents: 0, currency: 'USD' },
  })
  client = await f.client({ name: 'Alex Morgan' })
  otherClient = await f.client()
})
afterAll(() => t.stop())

/** A session starting `hoursAway` from now; each gets its own day so none overlap. */
async function session(hoursAway: number, extra: { therapistId?: string; series_id?: string } = {}) {
  const startsAt = new Date(t.clock.now().getTime() + hoursAway * HOUR + slot++ * 7 * 24 * HOUR)
  return f.appointment(extra.therapistId ?? therapist.id, client.id, startsAt.toISOString(), {
    ...(extra.series_id ? { series_id: extra.series_id } : {}),
  })
}

const actor = (): Actor => ({ kind: 'client', id: client.id })
const cancel = (appointmentId: string, acknowledgeLate = false, clientId = client.id) =>
  inPractice(t.sql, practiceId, (tx) =>
    cancelAsClient(tx, t.deps, { practiceId, clientId, appointmentId, acknowledgeLate, actor: actor() }),
  )
const confirm = (appointmentId: string, clientId = client.id) =>
  inPractice(t.sql, practiceId, (tx) =>
    confirmAsClient(tx, t.deps, { practiceId, clientId, appointmentId, actor: actor() }),
  )

async function refusal(work: Promise<unknown>): Promise<ApiError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ApiError)
  return error as ApiError
}

/** Sets the clock so the session's free-cancellation deadline is `offsetMs` away (negative: passed). */
async function atDeadline(appointment: { starts_at: string }, offsetMs: number, windowHours = 48) {
  t.clock.set(new Date(Date.parse(appointment.starts_at) - windowHours * HOUR - offsetMs))
}

describe('cancelAsClient at the edge of the window', () => {
  it('is free exactly at the deadline and just before it', async () => {
    for (const offset of [0, 1000]) {
      t.clock.set(NOW)
      const appointment = await session(100)
      await atDeadline(appointment, offset)
      const result = await cancel(appointment.id)
      expect(result).toMatchObject({ changed: true, appointment: { status: 'cancelled', late_fee_cents: null } })
      expect(result.quote.is_late).toBe(false)
    }
    t.clock.set(NOW)
  })

  it('is late one second after: refused without acknowledgement, then recorded with the fee and one alert', async () => {
    const appointment = await session(100)
    await atDeadline(appointment, -1000)
    const refused = await refusal(cancel(appointment.id))
    expect(refused.code).toBe('late_cancellation_unacknowledged')
    expect(refused.message).toContain('$75.00')
    expect(refused.details?.quote).toMatchObject({ is_late: true, fee_cents: 7500 })
    const [untouched] = await t.sql`select status from appointments where id = ${appointment.id}`
    expect(untouched!.status).toBe('scheduled')

    const result = await cancel(appointment.id, true)
    expect(result.appointment).toMatchObject({ status: 'late_cancelled', late_fee_cents: 7500 })
    const [row] = await t.sql`select late_fee_currency, cancelled_by from appointments where id = ${appointment.id}`
    expect(row).toEqual({ late_fee_currency: 'USD', cancelled_by: 'client' })
    const alerts = await t.sql`select kind, audience, summary from alerts where appointment_id = ${appointment.id}`
    expect(alerts).toEqual([
      expect.objectContaining({
        kind: 'late_cancellation',
        audience: 'front_desk',
        summary: expect.stringContaining('Alex Morgan'),
      }),
    ])
    const audits =
      await t.sql`select action, detail from audit_log where subject_id = ${appointment.id} and actor_kind = 'client'`
    expect(audits).toEqual([
      { action: 'appointment.late_cancelled', detail: { by: 'client', fee_cents: 7500, currency: 'USD' } },
    ])
    t.clock.set(NOW)
  })

  it('asks the client to contact the practice under a contact-required policy, and after the start', async () => {
    const contact = await session(100, { therapistId: contactTherapist.id })
    await atDeadline(contact, -1000, 24)
    const refused = await refusal(cancel(contact.id, true))
    expect(refused.code).toBe('contact_practice')
    expect(refused.message).toContain('+15550102000')
    t.clock.set(NOW)

    const started = await session(100)
    t.clock.set(new Date(Date.parse(started.starts_at) + 60_000))
    expect((await refusal(cancel(started.id, true))).code).toBe('contact_practice')
    t.clock.set(NOW)
  })
})

describe('cancelAsClient and confirmAsClient', () => {
  it("treat another client's session as not found", async () => {
    const appointment = await session(100)
    expect((await refusal(cancel(appointment.id, true, otherClient.id))).code).toBe('not_found')
    expect((await refusal(confirm(appointment.id, otherClient.id))).code).toBe('not_found')
  })

  it('are idempotent: a second cancel or confirm changes nothing and audits nothing', async () => {
    const toCancel = await session(100)
    expect((await cancel(toCancel.id)).changed).toBe(true)
    expect((await cancel(toCancel.id)).changed).toBe(false)
    const toConfirm = await session(100)
    expect((await confirm(toConfirm.id)).appointment.status).toBe('confirmed')
    expect((await confirm(toConfirm.id)).changed).toBe(false)
    const audits =
      await t.sql`select action from audit_log where subject_id in ${t.sql([toCancel.id, toConfirm.id])} and actor_kind = 'client'`
    expect(audits.map((a) => a.action).sort()).toEqual(['appointment.cancelled', 'appointment.confirmed'])
    expect((await refusal(confirm(toCancel.id))).code).toBe('invalid_state')
  })

  it('raise one series alert when a client cancels two or more sessions of a series within a day', async () => {
    const series = 'weekly-alex'
    const sessions = [await session(100, { series_id: series }), await session(100, { series_id: series })]
    const third = await session(100, { series_id: series })
    await cancel(sessions[0]!.id)
    expect(await t.sql`select 1 from alerts where kind = 'series_cancellation'`).toHaveLength(0)
    await cancel(sessions[1]!.id)
    await cancel(third.id)
    const alerts = await t.sql`select audience, therapist_id, context from alerts where kind = 'series_cancellation'`
    expect(alerts).toHaveLength(1)
    expect(alerts[0]).toMatchObject({ audience: 'therapist', therapist_id: therapist.id })
    expect(alerts[0]!.context.appointment_ids).toEqual([sessions[0]!.id, sessions[1]!.id])
  })
})

const reschedule = (appointmentId: string, via: RescheduleInput['via'], note?: string, clientId = client.id) =>
  inPractice(t.sql, practiceId, (tx) =>
    requestReschedule(tx, t.deps, {
      practiceId,
      clientId,
      appointmentId,
      note,
      via,
      actor: via.kind === 'portal' ? actor() : { kind: 'link', id: via.outboxId },
    }),
  )
const rescheduleAlerts = (appointmentId: string) =>
  t.sql<AlertRow[]>`select * from alerts where kind = 'reschedule_request' and appointment_id = ${appointmentId}
                    order by created_at, id`
const portal = { kind: 'portal' } as const

describe('requestReschedule', () => {
  it('from the portal: one alert for the front desk with the note sealed, then nothing more while it waits', async () => {
    const appointment = await session(100)
    const first = await reschedule(appointment.id, portal, '  Mornings suit me  ')
    expect(first).toMatchObject({ created: true, appointment: { id: appointment.id, client_locale: 'en' } })
    const [alert] = await rescheduleAlerts(appointment.id)
    expect(alert).toMatchObject({
      audience: 'front_desk',
      therapist_id: therapist.id,
      client_id: client.id,
      context: { status: 'scheduled', has_note: true, via: 'portal' },
    })
    expect(alert!.summary).toMatch(
      /^Alex Morgan would like another time for the scheduled session on .+ with Dr\. Maya Rivera\.$/,
    )
    // Sealed at rest, opened only for staff.
    expect(Buffer.from(alert!.client_note_ciphertext!).toString('utf8')).not.toContain('Mornings')
    expect(await openClientNote(t.deps.secret, alert!)).toBe('Mornings suit me')

    t.clock.set(new Date(Date.parse(NOW) + 60_000))
    expect((await reschedule(appointment.id, portal, 'Sorry!')).created).toBe(false)
    expect(await rescheduleAlerts(appointment.id)).toHaveLength(1)
    // Once the practice has dealt with it, asking again is a new request.
    await t.sql`update alerts set status = 'resolved', resolved_at = ${t.clock.now()} where id = ${alert!.id}`
    expect((await reschedule(appointment.id, portal)).created).toBe(true)
    const both = await rescheduleAlerts(appointment.id)
    expect(both).toHaveLength(2)
    expect(both[1]).toMatchObject({ context: { has_note: false }, client_note_ciphertext: null })
    const audits = await t.sql`
      select actor_kind, detail from audit_log where subject_id = ${appointment.id} and action = 'appointment.reschedule_requested'`
    expect(audits).toEqual([
      { actor_kind: 'client', detail: { has_note: true, via: 'portal' } },
      { actor_kind: 'client', detail: { has_note: false, via: 'portal' } },
    ])
    t.clock.set(NOW)
  })

  it('from a reminder link: one alert per link, keyed by the link, even while another request waits', async () => {
    const appointment = await session(100)
    const linkA = { kind: 'reminder_link', outboxId: crypto.randomUUID() } as const
    const linkB = { kind: 'reminder_link', outboxId: crypto.randomUUID() } as const
    expect((await reschedule(appointment.id, linkA, 'Any evening')).created).toBe(true)
    expect((await reschedule(appointment.id, linkA)).created).toBe(false) // the same link again: nothing new
    expect((await reschedule(appointment.id, linkB)).created).toBe(true)
    const alerts = await rescheduleAlerts(appointment.id)
    expect(alerts.map((a) => a.dedupe_key).sort()).toEqual(
      [
        `reschedule_request:${appointment.id}:link:${linkA.outboxId}`,
        `reschedule_request:${appointment.id}:link:${linkB.outboxId}`,
      ].sort(),
    )
    const fromA = alerts.find((a) => a.dedupe_key.endsWith(linkA.outboxId))!
    expect(fromA.summary).toMatch(/ with Dr\. Maya Rivera \(from a reminder\)\.$/)
    expect(fromA.context).toEqual({ status: 'scheduled', has_note: true, via: 'reminder_link' })
    expect(await openClientNote(t.deps.secret, fromA)).toBe('Any evening')
    const [audit] = await t.sql`
      select actor_kind, actor_id from audit_log where subject_id = ${appointment.id} and action = 'appointment.reschedule_requested'
      order by at limit 1`
    expect(audit).toEqual({ actor_kind: 'link', actor_id: linkA.outboxId })
  })

  it("treats another client's session as not found and writes nothing", async () => {
    const appointment = await session(100)
    expect((await refusal(reschedule(appointment.id, portal, 'hi', otherClient.id))).code).toBe('not_found')
    expect(await rescheduleAlerts(appointment.id)).toHaveLength(0)
  })
})

describe('two requests at once (real Postgres)', () => {
  it('two late cancels of one session: one wins, one alert, one audit row', async (context) => {
    if (t.db.isEmbedded) context.skip()
    const appointment = await session(100)
    await atDeadline(appointment, -HOUR)
    const results = await Promise.all([cancel(appointment.id, true), cancel(appointment.id, true)])
    expect(results.map((r) => r.changed).sort()).toEqual([false, true])
    expect(await t.sql`select 1 from alerts where appointment_id = ${appointment.id}`).toHaveLength(1)
    const audits = await t.sql`select 1 from audit_log where subject_id = ${appointment.id} and actor_kind = 'client'`
    expect(audits).toHaveLength(1)
    t.clock.set(NOW)
  })

  it('two sessions of one series cancelled at once still raise exactly one series alert', async (context) => {
    if (t.db.isEmbedded) context.skip()
    const series = 'weekly-concurrent'
    const a = await session(100, { series_id: series })
    const b = await session(100, { series_id: series })
    await Promise.all([cancel(a.id), cancel(b.id)])
    const alerts =
      await t.sql`select 1 from alerts where kind = 'series_cancellation' and context->>'series_id' = ${series}`
    expect(alerts).toHaveLength(1)
  })

  it('two portal reschedule requests for one session at once: one alert', async (context) => {
    if (t.db.isEmbedded) context.skip()
    const appointment = await session(100)
    const results = await Promise.all([reschedule(appointment.id, portal), reschedule(appointment.id, portal)])
    expect(results.map((r) => r.created).sort()).toEqual([false, true])
    expect(await rescheduleAlerts(appointment.id)).toHaveLength(1)
  })
})
