import { Webhook as StandardWebhook } from 'standardwebhooks'
import { Webhook as SvixWebhook } from 'svix'
import { afterAll, describe, expect, it } from 'vitest'
import { dispatchDue } from '../outbox/dispatch'
import { outboxHandlers } from '../outbox/handlers'
import { normaliseSigningSecret } from '../providers/sms'
import { startTestApp } from '../testing/app'
import { startFakeSmsGateway } from '../testing/fakes/sms-gateway'
import { practiceForFile } from '../testing/fixtures'

const GATEWAY_SECRET = 'gateway-secret-for-inbound-tests-0123456789'
const RESEND_SECRET = `whsec_${Buffer.from('resend-webhook-secret-for-tests!').toString('base64')}`
let eventCounter = 0

const gateway = await startFakeSmsGateway(GATEWAY_SECRET)
afterAll(() => gateway.close())
const {
  t,
  adminKey: key,
  f,
} = await practiceForFile('texts', {
  now: '2026-03-02T15:00:00Z',
  deps: { resendWebhookSecret: RESEND_SECRET },
})
await t.call('PATCH', '/v1/practice', {
  key,
  body: { sms_gateway: { url: gateway.url, signing_secret: GATEWAY_SECRET } },
})
await t.createPractice('texts-other')
const therapistId = (await f.therapist()).id

const dispatch = (channels: ('email' | 'sms')[] = ['sms']) =>
  dispatchDue(t.deps, { handlers: outboxHandlers, channels })

/** Posts a text as the practice's gateway would: signed with its secret. */
async function text(from: string, body: string, options: { secret?: string; id?: string; practice?: string } = {}) {
  const payload = JSON.stringify({ from, text: body })
  const id = options.id ?? `msg_${++eventCounter}`
  const signer = new StandardWebhook(normaliseSigningSecret(options.secret ?? GATEWAY_SECRET))
  return t.call('POST', `/v1/inbound/sms?practice=${options.practice ?? 'texts'}`, {
    body: payload,
    headers: {
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
      'webhook-signature': signer.sign(id, new Date(), payload),
    },
  })
}
/** Hearth's answers to this number (not its reminders). */
const repliesTo = (phone: string) =>
  gateway.texts.filter((m) => m.to === phone && m.idempotency_key.startsWith('sms_reply/')).map((m) => m.text)
const status = async (id: string) => (await t.call('GET', `/v1/appointments/${id}`, { key })).body.status
let slot = 0
const nextSlot = (days: number) =>
  new Date(Date.parse('2026-03-02T16:00:00Z') + days * 86_400_000 + slot++ * 3_600_000).toISOString()

describe('inbound SMS', () => {
  it('refuses a bad signature, an unknown practice and a practice without a gateway, and checks the body', async () => {
    expect((await text('+15550100100', 'YES', { secret: 'not-the-gateway-secret-0123456789' })).status).toBe(401)
    expect((await text('+15550100100', 'YES', { practice: 'nope' })).status).toBe(401)
    expect((await text('+15550100100', 'YES', { practice: 'texts-other' })).status).toBe(401)
    const unsigned = await t.call('POST', '/v1/inbound/sms?practice=texts', {
      body: { from: '+15550100100', text: 'YES' },
    })
    expect(unsigned.status).toBe(401)
    expect((await text('not a phone', 'YES')).status).toBe(400)
  })

  it('YES confirms the next session and replies; the same message delivered twice acts once', async () => {
    const client = await f.client({ phone: '+1 (555) 010-2001', consents: { email: true, sms: true } })
    const apt = await f.appointment(therapistId, client.id, nextSlot(5))
    const first = await text('+15550102001', 'Yes please', { id: 'msg_dup' })
    expect(first.body).toEqual({ status: 'processed', intent: 'confirm' })
    expect((await text('+15550102001', 'Yes please', { id: 'msg_dup' })).body).toEqual({ status: 'duplicate' })
    expect(await status(apt.id)).toBe('confirmed')
    await dispatch()
    expect(repliesTo('+15550102001')).toEqual([
      expect.stringMatching(/^Practice texts: thank you, your appointment on .* is confirmed\.$/),
    ])
  })

  it('CANCEL cancels in good time, and inside the window sends the cancel page instead of charging by text', async () => {
    const client = await f.client({ phone: '+15550102002', consents: { sms: true } })
    const later = await f.appointment(therapistId, client.id, nextSlot(6))
    expect((await text('+15550102002', 'CANCEL')).body.intent).toBe('cancel')
    expect(await status(later.id)).toBe('cancelled')

    const soon = await f.appointment(therapistId, client.id, nextSlot(1)) // ~25 h away: $75 late fee
    await text('+15550102002', 'cancel')
    expect(await status(soon.id)).toBe('scheduled')
    await dispatch()
    const [cancelled, late] = repliesTo('+15550102002')
    expect(cancelled).toMatch(/is cancelled\./)
    expect(late).toMatch(
      /\$75\.00 late-cancellation fee.* To see the details and cancel, open http:\/\/hearth\.test\/v1\/actions\/[\w-]+$/,
    )
    const page = await t.call('GET', new URL(/(http\S+)$/.exec(late!)![1]!).pathname)
    expect(page.status).toBe(200)
    expect(page.text).toContain('name="acknowledge_late"')
  })

  it('STOP opts out from then on: pending texts are cancelled and no reminder is texted again', async () => {
    const client = await f.client({ phone: '+15550102003', consents: { email: true, sms: true } })
    const apt = await f.appointment(therapistId, client.id, nextSlot(7))
    const planned = await t.call('GET', `/v1/appointments/${apt.id}`, { key })
    expect(planned.body.reminders.filter((r: { channel: string }) => r.channel === 'sms')).toHaveLength(2)

    expect((await text('+15550102003', 'STOP')).body.intent).toBe('stop')
    const after = await t.call('GET', `/v1/appointments/${apt.id}`, { key })
    expect(
      after.body.reminders
        .filter((r: { channel: string }) => r.channel === 'sms')
        .map((r: { status: string; reason: string }) => [r.status, r.reason]),
    ).toEqual([
      ['cancelled', 'opted_out'],
      ['cancelled', 'opted_out'],
    ])
    expect((await t.call('GET', `/v1/clients/${client.id}`, { key })).body.reminder_channels.sms).toMatchObject({
      receives: false,
      reason: 'opted_out',
      detail: 'sms_stop',
    })
    // Even a change that re-plans the session keeps texts off.
    await t.call('PATCH', `/v1/clients/${client.id}`, { key, body: { consents: { sms: true } } })
    const morning = planned.body.reminders.find((r: { kind: string }) => r.kind === 'morning_of').send_at
    t.clock.set(morning)
    await dispatch(['sms', 'email'])
    t.clock.set('2026-03-02T15:00:00Z')
    const sent = (await t.call('GET', `/v1/appointments/${apt.id}`, { key })).body.reminders
    expect(sent.map((r: { kind: string; channel: string; status: string }) => [r.kind, r.channel, r.status])).toEqual([
      ['confirmation', 'email', 'skipped'], // days overdue, hours before the session: too late to ask
      ['confirmation', 'sms', 'cancelled'],
      ['morning_of', 'email', 'sent'],
      ['morning_of', 'sms', 'cancelled'],
    ])
    // Everything ever texted to this number: the answer to STOP, and no reminder.
    expect(gateway.texts.filter((m) => m.to === '+15550102003').map((m) => m.text)).toEqual([
      "Practice texts: you won't get any more texts from us. Reply START if you change your mind.",
    ])
    // A YES after STOP acts on nothing by text, but a person sees it.
    expect((await text('+15550102003', 'YES')).body.intent).toBe('unclear')
    expect(await status(apt.id)).toBe('scheduled')
  })

  it('on a phone two clients share, YES touches nobody (a person reads it) but STOP holds for both', async () => {
    const parent = await f.client({ phone: '+15550102009', consents: { sms: true } })
    const teen = await f.client({ phone: '+15550102009', consents: { sms: true } })
    const apt = await f.appointment(therapistId, teen.id, nextSlot(11))
    expect((await text('+15550102009', 'YES')).body.intent).toBe('unclear')
    expect(await status(apt.id)).toBe('scheduled')
    expect((await text('+15550102009', 'STOP')).body.intent).toBe('stop')
    for (const client of [parent, teen]) {
      const channels = (await t.call('GET', `/v1/clients/${client.id}`, { key })).body.reminder_channels
      expect(channels.sms).toMatchObject({ receives: false, reason: 'opted_out' })
    }
  })

  it('distress reaches the therapist with the words, and gets a gentle reply with the crisis numbers', async () => {
    const client = await f.client({ name: 'Sam Reyes', phone: '+15550102004', consents: { sms: true } })
    const apt = await f.appointment(therapistId, client.id, nextSlot(9))
    expect((await text('+15550102004', "I can't do this. Hard morning.")).body.intent).toBe('distress')
    const alerts = (await t.call('GET', '/v1/alerts?status=open', { key })).body.data
    const alert = alerts.find((a: { client_id?: string }) => a.client_id === client.id)
    expect(alert).toMatchObject({
      kind: 'distress_reply',
      audience: 'therapist',
      urgent: true,
      therapist_id: therapistId,
      appointment_id: apt.id,
      client_note: "I can't do this. Hard morning.",
    })
    expect(alert.summary).not.toContain("can't do this")
    await dispatch()
    expect(repliesTo('+15550102004')).toEqual([
      expect.stringMatching(
        /^Practice texts: If you might act on thoughts of harming yourself.* call 911 now\. You can call or text 988 any time.* Thank you for telling us\./,
      ),
    ])
  })

  it('text it cannot understand lands in the thread, raises an alert that links it, and a kind reply; HELP explains the keywords', async () => {
    const client = await f.client({ phone: '+15550102005', consents: { sms: true } })
    await f.appointment(therapistId, client.id, nextSlot(10))
    expect((await text('+15550102005', 'My daughter has the flu')).body.intent).toBe('unclear')
    expect((await text('+15550102005', 'HELP')).body.intent).toBe('help')
    const alerts = (await t.call('GET', '/v1/alerts?status=open', { key })).body.data
    const alert = alerts.find((a: { client_id?: string }) => a.client_id === client.id)
    expect(alert).toMatchObject({
      kind: 'unclear_reply',
      client_note: 'My daughter has the flu',
      therapist_id: therapistId,
      thread_id: expect.any(String),
    })
    const thread = await t.call('GET', `/v1/threads/${alert.thread_id}/messages`, { key })
    expect(thread.body.data).toEqual([
      expect.objectContaining({ sender: 'client', channel: 'sms', body: 'My daughter has the flu' }),
    ])
    await dispatch()
    expect(repliesTo('+15550102005')).toEqual([
      "Practice texts: thank you for your message. It's with your therapist, who usually replies within 2 business days. For anything urgent, call +15550102000.",
      'Practice texts: appointment reminders. Reply YES to confirm, CANCEL to cancel, STOP to stop texts. To reach the practice, call +15550102000.',
    ])
  })

  it('a number nobody at the practice has is still read by a person', async () => {
    expect((await text('+15550109876', 'YES')).body.intent).toBe('unclear')
    const alerts = (await t.call('GET', '/v1/alerts?status=open', { key })).body.data
    expect(alerts.find((a: { summary: string }) => a.summary.includes('+15550109876'))).toMatchObject({
      kind: 'unclear_reply',
      audience: 'front_desk',
      client_note: 'YES',
    })
  })
})

describe('replies understood beyond keywords', () => {
  const threadOf = async (clientId: string, therapist = therapistId) => {
    const threads = (await t.call('GET', `/v1/threads?therapist_id=${therapist}`, { key })).body.data
    const thread = threads.find((th: { client: { id: string } }) => th.client.id === clientId)
    if (!thread) return []
    const messages = (await t.call('GET', `/v1/threads/${thread.id}/messages`, { key })).body.data
    return messages.map((m: { sender: string; body: string }) => ({ sender: m.sender, body: m.body }))
  }
  const callList = async (date: string) =>
    (await t.call('GET', `/v1/confirmation-calls?therapist_id=${therapistId}&date=${date}`, { key })).body.data

  it.each([
    [
      'en',
      '+15550103001',
      "I'm nervous about today",
      /feeling nervous before a session is very common\. We've let your therapist know.*988/,
    ],
    [
      'es',
      '+15550103002',
      'Estoy nerviosa por hoy, la verdad',
      /sentir nervios antes de una sesión es muy común\. Se lo hemos dicho a tu terapeuta.*988/,
    ],
    [
      'fr',
      '+15550103003',
      'Je suis nerveuse pour demain',
      /très courant d'être nerveux avant une séance\. Nous avons prévenu votre thérapeute.*988/,
    ],
  ])(
    '%s: nervousness gets a warm answer and puts the session on the call list (asked for a call)',
    async (locale, phone, words, answer) => {
      const client = await f.client({ phone, locale, consents: { sms: true } })
      const startsAt = `2026-03-20T${{ en: 14, es: 15, fr: 16 }[locale]}:00:00Z`
      const apt = await f.appointment(therapistId, client.id, startsAt)
      await t.call('PATCH', `/v1/appointments/${apt.id}`, { key, body: { status: 'confirmed' } })
      const date = startsAt.slice(0, 10)
      expect((await callList(date)).map((e: { appointment_id: string }) => e.appointment_id)).not.toContain(apt.id)

      expect((await text(phone, words)).body).toEqual({ status: 'processed', intent: 'nervous' })
      expect(await text(phone, words)).toMatchObject({ status: 200 }) // a second telling adds no second entry
      const entries = (await callList(date)).filter((e: { appointment_id: string }) => e.appointment_id === apt.id)
      expect(entries).toMatchObject([{ reason: 'asked_for_call', status: 'confirmed' }])
      expect(await status(apt.id)).toBe('confirmed')
      expect(await threadOf(client.id)).toEqual([
        { sender: 'client', body: words },
        { sender: 'client', body: words },
      ])
      await dispatch()
      expect(repliesTo(phone)[0]).toMatch(answer)

      // The therapist calls: the request is answered, and the confirmed session leaves the list.
      await t.call('POST', `/v1/appointments/${apt.id}/confirmation-calls`, { key, body: { outcome: 'confirmed' } })
      expect((await callList(date)).map((e: { appointment_id: string }) => e.appointment_id)).not.toContain(apt.id)
    },
  )

  it('asking to move gets the link to find another time; the session stays as it is', async () => {
    const client = await f.client({ phone: '+15550103004', consents: { sms: true } })
    const withHours = (await f.therapist()).id
    await f.weekdayHours(withHours)
    const apt = await f.appointment(withHours, client.id, nextSlot(6))
    expect((await text('+15550103004', 'yes but can we do Thursday instead?')).body.intent).toBe('move')
    await dispatch()
    const [answer] = repliesTo('+15550103004')
    expect(answer).toMatch(
      /^Practice texts: of course\. To find another time, open http\S+\/v1\/actions\/\S+ Your appointment on /,
    )
    expect(await status(apt.id)).toBe('scheduled')
    const link = new URL(answer!.match(/http\S+/)![0])
    const page = await t.call('GET', link.pathname)
    expect(page.status).toBe(200)
    expect(page.text).toContain('<legend class="times">Choose a new time</legend>')
    expect(page.text).toContain('name="starts_at"')
    expect(await threadOf(client.id, withHours)).toEqual([
      { sender: 'client', body: 'yes but can we do Thursday instead?' },
    ])
  })

  it('running late and a question reach the therapist in the thread, and each gets its answer', async () => {
    const client = await f.client({ phone: '+15550103005', consents: { sms: true } })
    // Began ten minutes ago: running late is about this session.
    const apt = await f.appointment(
      therapistId,
      client.id,
      new Date(Date.parse('2026-03-02T15:00:00Z') - 600_000).toISOString(),
    )
    expect((await text('+15550103005', 'Running 10 min late sorry!')).body.intent).toBe('late')
    expect((await text('+15550103005', 'Is there parking?')).body.intent).toBe('question')
    // Both arrive at the same instant on the test clock: their order is not the point.
    expect(await threadOf(client.id)).toEqual(
      expect.arrayContaining([
        { sender: 'client', body: 'Running 10 min late sorry!' },
        { sender: 'client', body: 'Is there parking?' },
      ]),
    )
    expect(await status(apt.id)).toBe('scheduled')
    await dispatch()
    expect(repliesTo('+15550103005')).toEqual([
      "Practice texts: thank you for letting us know. We've told your therapist you're on your way.",
      "Practice texts: thank you for your message. It's with your therapist, who usually replies within 2 business days. For anything urgent, call +15550102000.",
    ])
  })

  it('without a session to speak of, the words still reach a person', async () => {
    const client = await f.client({ phone: '+15550103006', consents: { sms: true } })
    expect((await text('+15550103006', 'not sure I can face it')).body.intent).toBe('nervous')
    const alerts = (await t.call('GET', '/v1/alerts?status=open', { key })).body.data
    expect(alerts.find((a: { client_id?: string }) => a.client_id === client.id)).toMatchObject({
      kind: 'unclear_reply',
      client_note: 'not sure I can face it',
    })
    await dispatch()
    expect(repliesTo('+15550103006')).toEqual([expect.stringMatching(/feeling nervous is very common.*988/)])
  })
})

describe('Resend delivery events', () => {
  const event = (type: string, emailId: string, options: { id?: string; secret?: string } = {}) => {
    const payload = JSON.stringify({
      type,
      created_at: new Date().toISOString(),
      data: { email_id: emailId, to: ['x@example.com'] },
    })
    const id = options.id ?? `msg_${++eventCounter}`
    const signature = new SvixWebhook(options.secret ?? RESEND_SECRET).sign(id, new Date(), payload)
    return t.call('POST', '/v1/inbound/email-events', {
      body: payload,
      headers: { 'svix-id': id, 'svix-timestamp': String(Math.floor(Date.now() / 1000)), 'svix-signature': signature },
    })
  }

  it('a bounce with a bad signature is refused; a good one marks email failing and raises an alert', async () => {
    const client = await f.client({ name: 'Jo Bounce' })
    const apt = await f.appointment(therapistId, client.id, nextSlot(1)) // due now
    await dispatch(['email'])
    const [sent] = await t.sql<{ provider_message_id: string }[]>`
      select provider_message_id from outbox where appointment_id = ${apt.id} and status = 'sent'`
    const emailId = sent!.provider_message_id

    const forged = await event('email.bounced', emailId, {
      secret: `whsec_${Buffer.from('someone-else-entirely!!').toString('base64')}`,
    })
    expect(forged.status).toBe(401)
    expect((await t.call('GET', `/v1/clients/${client.id}`, { key })).body.reminder_channels.email.receives).toBe(true)

    expect((await event('email.delivered', emailId)).body).toEqual({ status: 'processed' })
    const bounced = await event('email.bounced', emailId, { id: 'evt_bounce' })
    expect(bounced.body).toEqual({ status: 'processed' })
    expect((await event('email.bounced', emailId, { id: 'evt_bounce' })).body).toEqual({ status: 'duplicate' })

    const audit = await t.call('GET', `/v1/appointments/${apt.id}`, { key })
    expect(audit.body.reminders[0]).toMatchObject({ channel: 'email', status: 'sent', delivery_status: 'bounced' })
    expect(audit.body.reminders[1]).toMatchObject({ kind: 'morning_of', status: 'cancelled', reason: 'failing' })
    expect((await t.call('GET', `/v1/clients/${client.id}`, { key })).body.reminder_channels.email).toMatchObject({
      receives: false,
      reason: 'failing',
      detail: 'bounced',
    })
    const alerts = (await t.call('GET', '/v1/alerts?status=open', { key })).body.data
    expect(alerts.filter((a: { client_id?: string }) => a.client_id === client.id)).toMatchObject([
      { kind: 'delivery_failed', audience: 'front_desk', appointment_id: apt.id },
    ])

    // A new address is a fresh start.
    await t.call('PATCH', `/v1/clients/${client.id}`, { key, body: { email: 'jo.new@example.com' } })
    expect((await t.call('GET', `/v1/clients/${client.id}`, { key })).body.reminder_channels.email.receives).toBe(true)
  })

  it('ignores events about emails that are not ours, and refuses everything without the secret configured', async () => {
    expect((await event('email.bounced', 'not-ours')).body).toEqual({ status: 'ignored' })
    expect((await event('email.opened', 'not-ours')).body).toEqual({ status: 'ignored' })
    const bare = await startTestApp()
    try {
      const payload = JSON.stringify({ type: 'email.bounced', data: { email_id: 'x' } })
      const res = await bare.call('POST', '/v1/inbound/email-events', { body: payload })
      expect(res.status).toBe(401)
    } finally {
      await bare.stop()
    }
  })
})
