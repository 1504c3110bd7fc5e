import { Webhook as StandardWebhook } from 'standardwebhooks'
import { Webhook as SvixWebhook } from 'svix'
import { afterAll, describe, expect, it } from 'vitest'
import { dispatchDue } from '../outbox/dispatch'
import { outboxHandlers } from '../outbox/handlers'
import { resendMailer } from '../providers/email'
import { normaliseSigningSecret } from '../providers/sms'
import { startFakeResend } from '../testing/fakes/resend'
import { startFakeSmsGateway } from '../testing/fakes/sms-gateway'
import { practiceForFile } from '../testing/fixtures'
import { sessionNow } from '../testing/portal'

/**
 * Every cause of an alert, raised where it really happens (the dispatcher, Resend's webhook, the
 * SMS gateway, the portal, the practice API), each checked for who it is for, its context, that
 * the same cause never raises a second alert, and that a person can resolve it with a note.
 */

const NOW = '2026-03-02T15:00:00Z'
const HOUR = 3_600_000
const GATEWAY_SECRET = 'gateway-secret-for-alert-causes-0123456789'
const RESEND_SECRET = `whsec_${Buffer.from('resend-secret-for-alert-causes!!').toString('base64')}`
let slot = 0
const at = (hoursAway: number) => new Date(Date.parse(NOW) + hoursAway * HOUR + slot++ * 2 * HOUR).toISOString()

const resend = await startFakeResend()
const gateway = await startFakeSmsGateway(GATEWAY_SECRET)
afterAll(() => Promise.all([resend.close(), gateway.close()]))
const { t, adminKey, practiceId, f } = await practiceForFile('causes', {
  now: NOW,
  deps: { mailer: resendMailer('re_test', { baseUrl: resend.url }), resendWebhookSecret: RESEND_SECRET },
})
await t.call('PATCH', '/v1/practice', {
  key: adminKey,
  body: { sms_gateway: { url: gateway.url, signing_secret: GATEWAY_SECRET } },
})
const rivera = await f.therapist({ name: 'Dr. Maya Rivera' })

const dispatch = () => dispatchDue(t.deps, { handlers: outboxHandlers, channels: ['email', 'sms'] })
const portal = async (clientId: string, method: string, path: string, body?: unknown) =>
  t.call(method, path, { key: (await sessionNow(t, practiceId, clientId)).access_token, body })
const alertsAbout = async (filter: { kind: string; client_id?: string; appointment_id?: string }) => {
  const open = (await t.call('GET', `/v1/alerts?kind=${filter.kind}&limit=200`, { key: adminKey })).body.data
  return open.filter(
    (a: { client_id?: string; appointment_id?: string }) =>
      (!filter.client_id || a.client_id === filter.client_id) &&
      (!filter.appointment_id || a.appointment_id === filter.appointment_id),
  )
}

describe('each cause, where it is raised', () => {
  it('a reminder that could not be sent: once, for the front desk', async () => {
    const client = await f.client({ email: 'refused@causes.example' })
    resend.reject('refused@causes.example')
    const apt = await f.appointment(rivera.id, client.id, at(30)) // the confirmation request is due now
    await dispatch()
    await dispatch()
    const alerts = await alertsAbout({ kind: 'reminder_failed', appointment_id: apt.id })
    expect(alerts).toHaveLength(1)
    expect(alerts[0]).toMatchObject({ audience: 'front_desk', therapist_id: rivera.id, context: { channel: 'email' } })
  })

  it('a bounced reminder: once, however many times Resend tells us', async () => {
    const client = await f.client({ name: 'Jo Bounce' })
    const apt = await f.appointment(rivera.id, client.id, at(30))
    await dispatch()
    const [sent] = await t.sql<{ provider_message_id: string }[]>`
      select provider_message_id from outbox where appointment_id = ${apt.id} and status = 'sent'`
    for (const id of ['evt_1', 'evt_2']) {
      const payload = JSON.stringify({
        type: 'email.bounced',
        created_at: new Date().toISOString(),
        data: { email_id: sent!.provider_message_id },
      })
      const signature = new SvixWebhook(RESEND_SECRET).sign(id, new Date(), payload)
      const res = await t.call('POST', '/v1/inbound/email-events', {
        body: payload,
        headers: {
          'svix-id': id,
          'svix-timestamp': String(Math.floor(Date.now() / 1000)),
          'svix-signature': signature,
        },
      })
      expect(res.status).toBe(200)
    }
    const alerts = await alertsAbout({ kind: 'delivery_failed', client_id: client.id })
    expect(alerts).toHaveLength(1)
    expect(alerts[0]).toMatchObject({ audience: 'front_desk', context: { channel: 'email', event: 'bounced' } })
    expect(alerts[0].summary).toContain('Jo Bounce')
  })

  it('a client cancelling a series: once for the pair and what follows, for the therapist', async () => {
    const client = await f.client({ name: 'Sam Series' })
    const series = await Promise.all(
      [100, 268, 436].map((h) => f.appointment(rivera.id, client.id, at(h), { series_id: 'weekly-sam' })),
    )
    for (const apt of series) {
      expect((await portal(client.id, 'POST', `/v1/portal/appointments/${apt.id}/cancel`, {})).status).toBe(200)
    }
    const alerts = await alertsAbout({ kind: 'series_cancellation', client_id: client.id })
    expect(alerts).toHaveLength(1)
    expect(alerts[0]).toMatchObject({ audience: 'therapist', context: { series_id: 'weekly-sam' } })
  })

  it('a crisis message: urgent, first in the inbox, for the therapist, without the message text', async () => {
    const client = await f.client({ name: 'Casey Crisis' })
    await f.appointment(rivera.id, client.id, at(50))
    const sent = await portal(client.id, 'POST', '/v1/portal/messages', { category: 'crisis', body: 'I feel unsafe' })
    expect(sent.status).toBe(201)
    const [alert] = await alertsAbout({ kind: 'crisis_message', client_id: client.id })
    expect(alert).toMatchObject({ audience: 'therapist', urgent: true, therapist_id: rivera.id })
    expect(JSON.stringify(alert)).not.toContain('unsafe')
    const inbox = (await t.call('GET', '/v1/alerts', { key: adminKey })).body.data
    expect(inbox[0].kind).toBe('crisis_message')
  })

  it('a text the system could not understand: once per message, with the words for staff', async () => {
    const client = await f.client({ name: 'Una Clear', phone: '+15550107777', consents: { email: true, sms: true } })
    await f.appointment(rivera.id, client.id, at(70))
    const text = () => {
      const payload = JSON.stringify({ from: '+15550107777', text: 'The door code did not work last week' })
      const signer = new StandardWebhook(normaliseSigningSecret(GATEWAY_SECRET))
      return t.call('POST', '/v1/inbound/sms?practice=causes', {
        body: payload,
        headers: {
          'webhook-id': 'sms_evt_unclear',
          'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
          'webhook-signature': signer.sign('sms_evt_unclear', new Date(), payload),
        },
      })
    }
    expect((await text()).status).toBe(200)
    expect((await text()).body).toEqual({ status: 'duplicate' })
    const alerts = await alertsAbout({ kind: 'unclear_reply', client_id: client.id })
    expect(alerts).toHaveLength(1)
    expect(alerts[0]).toMatchObject({ audience: 'therapist', client_note: 'The door code did not work last week' })
  })

  it('a late cancellation: once, for the front desk, with the fee', async () => {
    const client = await f.client({ name: 'Lee Late' })
    const apt = await f.appointment(rivera.id, client.id, at(20))
    const body = { acknowledge_late: true }
    expect((await portal(client.id, 'POST', `/v1/portal/appointments/${apt.id}/cancel`, body)).status).toBe(200)
    expect((await portal(client.id, 'POST', `/v1/portal/appointments/${apt.id}/cancel`, body)).status).toBe(200)
    const alerts = await alertsAbout({ kind: 'late_cancellation', appointment_id: apt.id })
    expect(alerts).toHaveLength(1)
    expect(alerts[0]).toMatchObject({ audience: 'front_desk', context: { fee_cents: 7500, currency: 'USD' } })
  })
})

describe('a missed session', () => {
  it('sends one warm note with a way back, and alerts the therapist once, even if marked twice', async () => {
    const client = await f.client({ name: 'Jordan Missed', email: 'jordan@causes.example' })
    const apt = await f.appointment(rivera.id, client.id, '2026-03-02T13:00:00Z')
    const mark = (status: string) => t.call('PATCH', `/v1/appointments/${apt.id}`, { key: adminKey, body: { status } })
    expect((await mark('no_show')).status).toBe(200)
    expect((await mark('attended')).status).toBe(200)
    expect((await mark('no_show')).status).toBe(200)

    const alerts = await alertsAbout({ kind: 'no_show', appointment_id: apt.id })
    expect(alerts).toHaveLength(1)
    expect(alerts[0]).toMatchObject({ audience: 'therapist', context: { note_sent_on: ['email'] } })
    expect(alerts[0].summary).toMatch(
      /Jordan Missed missed the session on Mon 2 Mar at 8:00 am EST with Dr\. Maya Rivera\./,
    )

    await dispatch()
    const notes = resend.emails.filter((e) => e.to === 'jordan@causes.example')
    expect(notes).toHaveLength(1)
    expect(notes[0]!.subject).toBe("We missed you on Monday 2 March, and that's okay")
    expect(notes[0]!.text).toContain("There's no need to explain.")
    expect(notes[0]!.text).toContain(`Find another time: http://hearth.test/portal/causes?show=missed&id=${apt.id}`)
    for (const word of ['Rivera', 'therapy', 'no-show', 'fee']) expect(JSON.stringify(notes[0])).not.toContain(word)
  })

  it('sends nothing when it was corrected to attended before the note went', async () => {
    const client = await f.client({ email: 'corrected@causes.example' })
    const apt = await f.appointment(rivera.id, client.id, '2026-03-02T11:00:00Z')
    await t.call('PATCH', `/v1/appointments/${apt.id}`, { key: adminKey, body: { status: 'no_show' } })
    await t.call('PATCH', `/v1/appointments/${apt.id}`, { key: adminKey, body: { status: 'attended' } })
    await dispatch()
    expect(resend.emails.filter((e) => e.to === 'corrected@causes.example')).toEqual([])
    const [row] =
      await t.sql`select status, closed_reason from outbox where topic = 'client_notice' and appointment_id = ${apt.id}`
    expect(row).toMatchObject({ status: 'skipped', closed_reason: 'no_longer_missed' })
  })
})

describe('a fee waiver request', () => {
  async function lateCancelled(name: string, email: string) {
    const client = await f.client({ name, email })
    // Each on a therapist of their own, so the sessions a day away never overlap.
    const therapist = await f.therapist({ name: 'Dr. Ada Lane' })
    const apt = await f.appointment(therapist.id, client.id, '2026-03-03T17:00:00Z')
    await portal(client.id, 'POST', `/v1/portal/appointments/${apt.id}/cancel`, { acknowledge_late: true })
    return { client, apt }
  }

  it('goes to the front desk with the reason; granting sets the fee to nothing and the client hears kindly', async () => {
    const { client, apt } = await lateCancelled('Wren Waiver', 'wren@causes.example')
    const asked = await portal(client.id, 'POST', `/v1/portal/appointments/${apt.id}/fee-waiver`, {
      reason: 'My daughter was taken ill that morning.',
    })
    expect(asked.status, asked.text).toBe(201)
    expect(asked.body).toMatchObject({
      status: 'requested',
      message: expect.stringContaining('let you know either way'),
    })
    const again = await portal(client.id, 'POST', `/v1/portal/appointments/${apt.id}/fee-waiver`, { reason: 'Again' })
    expect(again.status).toBe(409)

    const [alert] = await alertsAbout({ kind: 'fee_waiver_request', appointment_id: apt.id })
    expect(alert).toMatchObject({
      audience: 'front_desk',
      client_note: 'My daughter was taken ill that morning.',
      context: { fee_cents: 7500, currency: 'USD' },
    })
    expect(alert.summary).toMatch(
      /^Wren Waiver asks for the \$75\.00 late-cancellation fee for Tue 3 Mar at .+ with Dr\. Ada Lane to be waived\.$/,
    )
    const listed = (await portal(client.id, 'GET', '/v1/portal/appointments')).body.data.find(
      (a: { id: string }) => a.id === apt.id,
    )
    expect(listed.late_fee).toEqual({ fee_cents: 7500, currency: 'USD', waiver: 'requested', can_ask_waiver: false })

    const noDecision = await t.call('POST', `/v1/alerts/${alert.id}/resolve`, { key: adminKey, body: { note: 'ok' } })
    expect(noDecision.status).toBe(400)
    expect(noDecision.body.error.details.fields.decision).toMatch(/grant or decline/)
    const granted = await t.call('POST', `/v1/alerts/${alert.id}/resolve`, {
      key: adminKey,
      body: { decision: 'grant', note: 'Family emergency, waived.' },
    })
    expect(granted.status, granted.text).toBe(200)
    expect(granted.body).toMatchObject({
      status: 'resolved',
      resolution_note: 'Family emergency, waived.',
      context: { decision: 'granted' },
    })
    const after = (await portal(client.id, 'GET', '/v1/portal/appointments')).body.data.find(
      (a: { id: string }) => a.id === apt.id,
    )
    expect(after.late_fee).toEqual({ fee_cents: 0, currency: 'USD', waiver: 'granted', can_ask_waiver: false })

    await dispatch()
    const [note] = resend.emails.filter((e) => e.to === 'wren@causes.example' && e.subject.startsWith('About the fee'))
    expect(note!.text).toContain('Good news: the practice has waived the $75.00 late-cancellation fee')
    expect(note!.text).not.toContain('Family emergency') // the staff's note stays with the staff
  })

  it('declining keeps the fee and tells the client how to talk it over', async () => {
    const { client, apt } = await lateCancelled('Dale Decline', 'dale@causes.example')
    await portal(client.id, 'POST', `/v1/portal/appointments/${apt.id}/fee-waiver`, { reason: 'Overslept' })
    const [alert] = await alertsAbout({ kind: 'fee_waiver_request', appointment_id: apt.id })
    const declined = await t.call('POST', `/v1/alerts/${alert.id}/resolve`, {
      key: adminKey,
      body: { decision: 'decline' },
    })
    expect(declined.status).toBe(200)
    const [fee] = await t.sql`select late_fee_cents from appointments where id = ${apt.id}`
    expect(fee!.late_fee_cents).toBe(7500)
    await dispatch()
    const [note] = resend.emails.filter((e) => e.to === 'dale@causes.example' && e.subject.startsWith('About the fee'))
    expect(note!.text).toContain("isn't able to waive it this time")
    expect(note!.text).toContain('call the practice at +15550102000')
  })

  it('is only for the client’s own late-cancelled session with a fee; a decision only for a waiver', async () => {
    const { client, apt } = await lateCancelled('Other Person', 'other@causes.example')
    const stranger = await f.client()
    const theirs = await portal(stranger.id, 'POST', `/v1/portal/appointments/${apt.id}/fee-waiver`, { reason: 'x' })
    expect(theirs.status).toBe(404)
    const upcoming = await f.appointment(rivera.id, client.id, at(300))
    const notLate = await portal(client.id, 'POST', `/v1/portal/appointments/${upcoming.id}/fee-waiver`, {
      reason: 'x',
    })
    expect(notLate.status).toBe(409)
    expect(notLate.body.error.code).toBe('invalid_state')
    const empty = await portal(client.id, 'POST', `/v1/portal/appointments/${apt.id}/fee-waiver`, { reason: '  ' })
    expect(empty.status).toBe(400)

    const [late] = await alertsAbout({ kind: 'late_cancellation', appointment_id: apt.id })
    const wrong = await t.call('POST', `/v1/alerts/${late.id}/resolve`, { key: adminKey, body: { decision: 'grant' } })
    expect(wrong.status).toBe(400)
    const resolved = await t.call('POST', `/v1/alerts/${late.id}/resolve`, { key: adminKey, body: { note: 'Charged' } })
    expect(resolved.body).toMatchObject({ status: 'resolved', resolution_note: 'Charged' })
  })

  it('shows up for the front desk when they ask for their own alerts', async () => {
    const frontDesk = (await t.call('GET', '/v1/alerts?audience=front_desk&limit=200', { key: adminKey })).body.data
    expect(frontDesk.length).toBeGreaterThan(0)
    expect(frontDesk.every((a: { audience: string }) => a.audience === 'front_desk')).toBe(true)
  })
})
