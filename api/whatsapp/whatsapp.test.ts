import { afterAll, describe, expect, it } from 'vitest'
import { dispatchDue } from '../outbox/dispatch'
import { outboxHandlers } from '../outbox/handlers'
import { cloudWebhook, startFakeWhatsappCloud } from '../testing/fakes/whatsapp-cloud'
import { practiceForFile } from '../testing/fixtures'
import { hubSignature } from './signature'

/**
 * WhatsApp end to end against a loopback Cloud API: the practice's settings (secrets never shown),
 * reminders as templates outside the 24-hour window and texts inside it, replies understood like
 * texts, signatures, duplicates, statuses and failures, and at most once when a send gets no answer.
 */

const NUMBER_ID = '106540352242922'
const TOKEN = 'EAAG-test-access-token-0123456789'
const APP_SECRET = 'app-secret-for-whatsapp-tests'
const VERIFY = 'verify-token-for-whatsapp-tests'
const TEMPLATES = {
  confirmation: { en: { name: 'hearth_confirm', language: 'en_US' }, es: { name: 'hearth_confirm', language: 'es' } },
  morning_of: { en: { name: 'hearth_today', language: 'en_US' } },
}

let counter = 0
let slot = 0

const cloud = await startFakeWhatsappCloud({ phoneNumberId: NUMBER_ID, accessToken: TOKEN })
afterAll(() => cloud.close())
const { t, adminKey: key, f } = await practiceForFile('wa', { now: '2026-03-02T15:00:00Z' })
await t.createPractice('wa-other')
const therapistId = (await f.therapist()).id

const connect = () =>
  t.call('PATCH', '/v1/practice', {
    key,
    body: {
      whatsapp: {
        phone_number_id: NUMBER_ID,
        access_token: TOKEN,
        app_secret: APP_SECRET,
        verify_token: VERIFY,
        api_base_url: cloud.url,
        templates: TEMPLATES,
      },
    },
  })

const dispatch = (sendTimeoutMs?: number) =>
  dispatchDue(t.deps, {
    handlers: outboxHandlers,
    channels: ['email', 'sms', 'whatsapp'],
    ...(sendTimeoutMs ? { sendTimeoutMs } : {}),
  })

/** Posts a webhook as Meta would, signed with `secret` (the app secret unless told). */
async function webhook(value: Record<string, unknown>, options: { secret?: string; practice?: string } = {}) {
  const body = cloudWebhook(NUMBER_ID, value)
  return t.call('POST', `/v1/inbound/whatsapp?practice=${options.practice ?? 'wa'}`, {
    body,
    headers: { 'x-hub-signature-256': await hubSignature(options.secret ?? APP_SECRET, body) },
  })
}
const message = (from: string, text: string, id = `wamid.in.${++counter}`) => ({
  contacts: [{ profile: { name: 'Client' }, wa_id: from }],
  messages: [{ from, id, timestamp: '1772463600', type: 'text', text: { body: text } }],
})
const statusOf = (id: string, status: string, extra: Record<string, unknown> = {}) => ({
  statuses: [{ id, status, timestamp: '1772463600', recipient_id: '1', ...extra }],
})

/** A client who prefers WhatsApp (email as the fallback), and a session 30 h away: its confirmation is due now. */
async function whatsappClient(phone: string, locale = 'en') {
  const client = await f.client({
    phone,
    locale,
    consents: { email: true, whatsapp: true },
    preferred_channels: ['whatsapp', 'email'],
  })
  const startsAt = new Date(Date.parse('2026-03-03T21:00:00Z') + slot++ * 3_600_000).toISOString()
  const appointment = await f.appointment(therapistId, client.id, startsAt)
  return { client, appointment }
}
const rowsOf = (appointmentId: string) =>
  t.sql<{ channel: string; status: string; provider_message_id: string | null; delivery_status: string | null }[]>`
    select channel, status, provider_message_id, delivery_status, closed_reason from outbox
    where appointment_id = ${appointmentId} and topic = 'reminder' and reminder_kind = 'confirmation'
    order by created_at`

describe('WhatsApp settings', () => {
  it('are saved with the secrets sealed and never shown again; only an admin sets them', async () => {
    const therapistKey = await f.therapistKey(therapistId)
    const denied = await t.call('PATCH', '/v1/practice', { key: therapistKey, body: { whatsapp: null } })
    expect(denied.status).toBe(403)
    const bad = await t.call('PATCH', '/v1/practice', {
      key,
      body: { whatsapp: { phone_number_id: NUMBER_ID, access_token: 'short', app_secret: 'x', verify_token: 'y' } },
    })
    expect(bad.status).toBe(400)

    const saved = await connect()
    expect(saved.status).toBe(200)
    expect(saved.body.whatsapp).toEqual({
      phone_number_id: NUMBER_ID,
      api_base_url: cloud.url,
      webhook_url: 'http://hearth.test/v1/inbound/whatsapp?practice=wa',
      templates: TEMPLATES,
      has_access_token: true,
      has_app_secret: true,
      has_verify_token: true,
    })
    expect(saved.body.reminder_schedule.channels).toContain('whatsapp')
    const read = await t.call('GET', '/v1/practice', { key })
    expect(read.text).not.toContain(TOKEN)
    expect(read.text).not.toContain(APP_SECRET)
    const [stored] = await t.sql<{ raw: string }[]>`select row_to_json(w)::text as raw from whatsapp_connections w`
    expect(stored!.raw).not.toContain(Buffer.from(TOKEN).toString('hex'))
    expect(stored!.raw).not.toContain(TOKEN)
  })

  it('answers the handshake only with the verify token', async () => {
    const ask = (token: string, practice = 'wa') =>
      t.call(
        'GET',
        `/v1/inbound/whatsapp?practice=${practice}&hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=1158201444`,
      )
    const ok = await ask(VERIFY)
    expect(ok.status).toBe(200)
    expect(ok.text).toBe('1158201444')
    expect((await ask('wrong-token-0000')).status).toBe(401)
    expect((await ask(VERIFY, 'wa-other')).status).toBe(401)
    expect((await ask(VERIFY, 'nobody')).status).toBe(401)
  })
})

describe('reminders and replies on WhatsApp', () => {
  it('a client who prefers WhatsApp gets the reminder there as a template, nothing by email, and confirms with "yes"', async () => {
    const { client, appointment } = await whatsappClient('+1 (555) 010-3001')
    expect((await rowsOf(appointment.id)).map((r) => r.channel)).toEqual(['whatsapp'])
    const before = cloud.messages.length
    await dispatch()
    const sent = cloud.messages.slice(before)
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({
      to: '15550103001',
      type: 'template',
      template: {
        name: 'hearth_confirm',
        language: { code: 'en_US' },
        components: [
          {
            type: 'body',
            parameters: [{ text: 'Practice wa' }, { text: expect.any(String) }, { text: '4:00 pm EST' }],
          },
        ],
      },
    })
    const [row] = await rowsOf(appointment.id)
    expect(row).toMatchObject({ status: 'sent', provider_message_id: sent[0]!.id })
    expect(sent[0]!.biz_opaque_callback_data).toMatch(/^[0-9a-f-]{36}$/)
    expect(await t.sql`select 1 from outbox where client_id = ${client.id} and channel = 'email'`).toHaveLength(0)

    // The client answers "yes": confirmed, and the answer goes back as text (the window is open).
    cloud.clientWrote('15550103001')
    const reply = await webhook(message('15550103001', 'yes 👍'))
    expect(reply.status).toBe(200)
    expect(reply.body).toEqual({ status: 'processed', messages: 1, statuses: 0 })
    expect((await t.call('GET', `/v1/appointments/${appointment.id}`, { key })).body.status).toBe('confirmed')
    await dispatch()
    const answer = cloud.messages.at(-1)!
    expect(answer).toMatchObject({ to: '15550103001', type: 'text' })
    expect(answer.text!.body).toMatch(/confirmed|see you/i)
  })

  it('refuses a bad signature and changes nothing; the same message delivered twice acts once', async () => {
    const { appointment } = await whatsappClient('+1 555 010 3002')
    const seen = async () => (await t.sql`select 1 from inbound_events where source = 'whatsapp'`).length
    const seenBefore = await seen()
    const forged = await webhook(message('15550103002', 'yes'), { secret: 'not-the-app-secret' })
    expect(forged.status).toBe(401)
    const unsigned = await t.call('POST', '/v1/inbound/whatsapp?practice=wa', {
      body: cloudWebhook(NUMBER_ID, message('15550103002', 'yes')),
    })
    expect(unsigned.status).toBe(401)
    expect((await webhook(message('15550103002', 'yes'), { practice: 'wa-other' })).status).toBe(401)
    expect((await t.call('GET', `/v1/appointments/${appointment.id}`, { key })).body.status).toBe('scheduled')
    expect(await seen()).toBe(seenBefore)

    const once = message('15550103002', 'Yes!', 'wamid.dup')
    expect((await webhook(once)).status).toBe(200)
    expect((await webhook(once)).status).toBe(200)
    const replies = await t.sql`select 1 from outbox where idempotency_key = 'whatsapp_reply/wamid.dup'`
    expect(replies).toHaveLength(1)
    expect((await t.call('GET', `/v1/appointments/${appointment.id}`, { key })).body.status).toBe('confirmed')
  })

  it('"I\'m nervous about today" puts the session on the call list with a kind answer; STOP stops WhatsApp', async () => {
    const { client, appointment } = await whatsappClient('+1 555 010 3003', 'es')
    cloud.clientWrote('15550103003')
    await webhook(message('15550103003', 'estoy nerviosa por la sesión'))
    const [call] = await t.sql`select reason from call_requests where appointment_id = ${appointment.id}`
    expect(call).toMatchObject({ reason: 'asked_for_call' })
    const [thread] = await t.sql`select channel from messages where thread_id in
      (select id from message_threads where client_id = ${client.id}) order by created_at desc limit 1`
    expect(thread).toMatchObject({ channel: 'whatsapp' })

    await webhook(message('15550103003', 'STOP'))
    const channels = await t.call('GET', `/v1/clients/${client.id}`, { key })
    expect(channels.body.reminder_channels.whatsapp).toMatchObject({ receives: false, reason: 'opted_out' })
    // Fallback: the remaining reminders are planned by email now.
    const pending = await t.sql<{ channel: string }[]>`
      select channel from outbox where appointment_id = ${appointment.id} and status = 'pending' and topic = 'reminder'`
    expect(pending.length).toBeGreaterThan(0)
    expect(pending.every((r) => r.channel === 'email')).toBe(true)
  })
})

describe('statuses and sends without an answer', () => {
  it('delivered and read move the message on; failed marks WhatsApp failing, falls back to email and alerts', async () => {
    const { client, appointment } = await whatsappClient('+1 555 010 3004')
    await dispatch()
    const [row] = await rowsOf(appointment.id)
    const id = row!.provider_message_id!
    await webhook(statusOf(id, 'delivered'))
    await webhook(statusOf(id, 'read'))
    await webhook(statusOf(id, 'delivered')) // late, out of order: read stays
    expect((await rowsOf(appointment.id))[0]!.delivery_status).toBe('read')

    await webhook(statusOf(id, 'failed', { errors: [{ code: 131026, title: 'Message undeliverable' }] }))
    expect((await rowsOf(appointment.id))[0]!.delivery_status).toBe('failed')
    const [alert] = await t.sql`select kind, audience, summary from alerts where appointment_id = ${appointment.id}`
    expect(alert).toMatchObject({ kind: 'delivery_failed', audience: 'front_desk' })
    expect(alert!.summary).toMatch(/WhatsApp/)
    const read = await t.call('GET', `/v1/clients/${client.id}`, { key })
    expect(read.body.reminder_channels.whatsapp).toMatchObject({ receives: false, reason: 'failing' })
    const pending = await t.sql<{ channel: string }[]>`
      select channel from outbox where appointment_id = ${appointment.id} and status = 'pending' and topic = 'reminder'`
    expect(pending.every((r) => r.channel === 'email')).toBe(true)
  })

  it('a send that got no answer is never sent again; a later status names it by its callback data', async () => {
    const { appointment } = await whatsappClient('+1 555 010 3005')
    const before = cloud.messages.length
    cloud.hang()
    try {
      await dispatch(500)
    } finally {
      cloud.hang(false)
    }
    expect(cloud.messages.length).toBe(before + 1)
    const taken = cloud.messages.at(-1)!
    const [row] = await t.sql<{ status: string; closed_reason: string }[]>`
      select status, closed_reason from outbox where appointment_id = ${appointment.id} and channel = 'whatsapp'
        and reminder_kind = 'confirmation'`
    expect(row).toMatchObject({ status: 'failed', closed_reason: 'outcome_unknown' })
    await dispatch()
    expect(cloud.messages.length).toBe(before + 1)
    const [alert] =
      await t.sql`select summary from alerts where appointment_id = ${appointment.id} and kind = 'reminder_failed'`
    expect(alert!.summary).toMatch(/could not tell/)

    await webhook(statusOf(taken.id, 'delivered', { biz_opaque_callback_data: taken.biz_opaque_callback_data }))
    expect((await rowsOf(appointment.id))[0]).toMatchObject({
      status: 'sent',
      provider_message_id: taken.id,
      delivery_status: 'delivered',
    })
  })

  it('outside the window without a template for the language, nothing is sent and the front desk is told', async () => {
    const { appointment } = await whatsappClient('+1 555 010 3006', 'fr')
    const before = cloud.messages.length
    await dispatch()
    expect(cloud.messages.length).toBe(before)
    expect((await rowsOf(appointment.id))[0]).toMatchObject({ status: 'failed' })
    const [alert] = await t.sql`select kind from alerts where appointment_id = ${appointment.id}`
    expect(alert).toMatchObject({ kind: 'reminder_failed' })
  })
})
