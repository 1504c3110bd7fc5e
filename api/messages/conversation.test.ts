import { Webhook as StandardWebhook } from 'standardwebhooks'
import { afterAll, describe, expect, it } from 'vitest'
import { dispatchDue } from '../outbox/dispatch'
import { outboxHandlers } from '../outbox/handlers'
import { normaliseSigningSecret } from '../providers/sms'
import { startFakeSmsGateway } from '../testing/fakes/sms-gateway'
import { practiceForFile } from '../testing/fixtures'
import { signIn } from '../testing/portal'

const GATEWAY_SECRET = 'gateway-secret-for-conversation-tests-0123'
let phone = 5550103000

const gateway = await startFakeSmsGateway(GATEWAY_SECRET)
afterAll(() => gateway.close())
const { t, adminKey, f } = await practiceForFile('talk', { now: '2026-03-02T15:00:00Z' })
await t.call('PATCH', '/v1/practice', {
  key: adminKey,
  body: { name: 'Calm Waters', sms_gateway: { url: gateway.url, signing_secret: GATEWAY_SECRET } },
})
const rivera = await f.therapist({ name: 'Dr. Maya Rivera' })
const okafor = await f.therapist({ name: 'Sam Okafor' })
await t.call('PUT', `/v1/therapists/${rivera.id}/contact-policy`, {
  key: adminKey,
  body: {
    accepts_messages: true,
    allowed_categories: ['scheduling', 'update'],
    reply_expectation: { kind: 'none' },
  },
})
const riveraKey = await f.therapistKey(rivera.id)

/** The development mailer's record of what was emailed to a client, sign-in codes aside. */
const emailsTo = (email: string) =>
  t.deps.mailer.outbox!.list({ to: email }).filter((e) => !/\b\d{6}\b/.test(e.subject + e.text))
const dispatch = () => dispatchDue(t.deps, { handlers: outboxHandlers, channels: ['email', 'sms'] })
let event = 0
async function text(from: string, body: string) {
  const payload = JSON.stringify({ from, text: body })
  const id = `talk_${++event}`
  const signer = new StandardWebhook(normaliseSigningSecret(GATEWAY_SECRET))
  return t.call('POST', '/v1/inbound/sms?practice=talk', {
    body: payload,
    headers: {
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
      'webhook-signature': signer.sign(id, new Date(), payload),
    },
  })
}

/** A client of Dr. Rivera's who can be texted, signed in to the portal. */
async function client() {
  const number = `+1${phone++}`
  const c = await f.client({ name: 'Jordan Lee', phone: number, consents: { email: true, sms: true } })
  await f.appointment(
    rivera.id,
    c.id,
    new Date(Date.parse('2026-03-12T15:00:00Z') + (phone % 100) * 3_600_000).toISOString(),
  )
  return { ...c, phone: number, token: (await signIn(t, 'talk', c.email)).access_token as string }
}
const threadOf = async (clientId: string, key = riveraKey) =>
  (await t.call('GET', '/v1/threads', { key })).body.data.find((th: any) => th.client.id === clientId)

describe('one thread across channels', () => {
  it('holds the portal message and the text side by side, in order, each with its channel', async () => {
    const jordan = await client()
    await t.call('POST', '/v1/portal/messages', {
      key: jordan.token,
      body: { category: 'update', body: 'Feeling better this week' },
    })
    t.clock.advance(60_000)
    expect((await text(jordan.phone, 'The door code did not work last week')).body.intent).toBe('unclear')

    const thread = await threadOf(jordan.id)
    expect(thread).toMatchObject({ unread_count: 2, last_sender: 'client', urgent: false })
    const messages = (await t.call('GET', `/v1/threads/${thread.id}/messages`, { key: riveraKey })).body.data
    expect(messages.map((m: any) => [m.channel, m.sender, m.body])).toEqual([
      ['portal', 'client', 'Feeling better this week'],
      ['sms', 'client', 'The door code did not work last week'],
    ])
    const [alert] = (await t.call('GET', `/v1/alerts?kind=unclear_reply`, { key: adminKey })).body.data.filter(
      (a: any) => a.client_id === jordan.id,
    )
    expect(alert).toMatchObject({ thread_id: thread.id, therapist_id: rivera.id, audience: 'therapist' })
    // Dr. Rivera does not reply between sessions: the text answer says so, without her name.
    await dispatch()
    const answer = gateway.texts.find((m) => m.to === jordan.phone)!.text
    expect(answer).toBe(
      "Calm Waters: thank you for your message. It's with your therapist, who doesn't reply between sessions but will read it before your next one.",
    )
    expect(answer).not.toContain('Rivera')
  })

  it('a distressed text lands in the thread as urgent, and the thread comes first', async () => {
    const sam = await client()
    await text(sam.phone, "I can't do this anymore")
    const inbox = (await t.call('GET', '/v1/threads', { key: riveraKey })).body.data
    expect(inbox[0]).toMatchObject({ client: { id: sam.id }, urgent: true, crisis: true })
    const messages = (await t.call('GET', `/v1/threads/${inbox[0].id}/messages`, { key: adminKey })).body.data
    expect(messages).toEqual([expect.objectContaining({ channel: 'sms', category: 'crisis' })])
  })
})

describe('a reply is waiting', () => {
  it('replies in a row make one private notice; once read, the next reply makes another', async () => {
    const jordan = await client()
    await t.call('POST', '/v1/portal/messages', {
      key: jordan.token,
      body: { category: 'scheduling', body: 'Can we talk about Thursday?' },
    })
    const thread = await threadOf(jordan.id)
    const reply = (body: string) =>
      t.call('POST', `/v1/threads/${thread.id}/messages`, { key: riveraKey, body: { body } })
    expect((await reply('Of course. secret-reply-words')).status).toBe(201)
    t.clock.advance(60_000)
    await reply('And I can do 4 pm too.')
    await dispatch()
    const notices = () => emailsTo(jordan.email)
    expect(notices()).toHaveLength(1)
    const [notice] = notices()
    expect(notice!.subject).toBe('You have a new message from Calm Waters')
    expect(notice!.text).toContain(`http://hearth.test/portal/talk?show=messages&id=${rivera.id}`)
    expect(JSON.stringify(notice)).not.toMatch(/secret-reply-words|Rivera|4 pm/)
    expect(
      gateway.texts.filter((m) => m.to === jordan.phone),
      'one channel is enough',
    ).toEqual([])

    // The client reads the thread; the next reply is news again.
    await t.call('GET', '/v1/portal/messages', { key: jordan.token })
    t.clock.advance(60_000)
    await reply('See you then.')
    await dispatch()
    expect(notices()).toHaveLength(2)
  })

  it('waits out the client’s night, and goes nowhere if they read it first', async () => {
    t.clock.set('2026-03-03T03:30:00Z') // 10:30 pm in New York
    const jordan = await client()
    await t.call('POST', '/v1/portal/messages', { key: jordan.token, body: { category: 'update', body: 'Late note' } })
    const thread = await threadOf(jordan.id)
    await t.call('POST', `/v1/threads/${thread.id}/messages`, { key: riveraKey, body: { body: 'Thanks, noted.' } })
    const [row] = await t.sql`
      select send_at from outbox where client_id = ${jordan.id} and topic = 'client_notice'`
    expect(new Date(row!.send_at).toISOString()).toBe('2026-03-03T13:00:00.000Z') // 8 am there
    await t.call('GET', '/v1/portal/messages', { key: jordan.token })
    t.clock.set('2026-03-03T13:00:00Z')
    await dispatch()
    expect(emailsTo(jordan.email)).toEqual([])
    const [closed] = await t.sql`
      select status, closed_reason from outbox where client_id = ${jordan.id} and topic = 'client_notice'`
    expect(closed).toEqual({ status: 'skipped', closed_reason: 'already_read' })
  })
})

describe('reading, acknowledging and routing a thread', () => {
  it('marking read clears the unread count and acknowledges its urgent alert', async () => {
    const sam = await client()
    await text(sam.phone, 'I feel hopeless tonight')
    const thread = await threadOf(sam.id, adminKey)
    expect(thread.unread_count).toBe(1)
    expect((await t.call('POST', `/v1/threads/${thread.id}/read`, { key: adminKey })).status).toBe(204)
    expect((await threadOf(sam.id, adminKey)).unread_count).toBe(0)
    const alert = (await t.call('GET', '/v1/alerts?kind=distress_reply', { key: adminKey })).body.data.find(
      (a: any) => a.thread_id === thread.id,
    )
    expect(alert.acknowledged_at).toBe(t.clock.now().toISOString())
    const detail = await t.call('GET', `/v1/alerts/${alert.id}`, { key: adminKey })
    expect(detail.body.history.map((e: any) => e.kind)).toContain('acknowledged')
  })

  it('routes a thread to the right therapist (merging into an existing one); a therapist key cannot', async () => {
    const jordan = await client()
    await f.appointment(okafor.id, jordan.id, '2026-03-20T15:00:00Z')
    await t.call('POST', '/v1/portal/messages', {
      key: jordan.token,
      body: { therapist_id: rivera.id, category: 'update', body: 'For Sam really' },
    })
    const thread = await threadOf(jordan.id)
    expect(
      (await t.call('PATCH', `/v1/threads/${thread.id}`, { key: riveraKey, body: { therapist_id: okafor.id } })).status,
    ).toBe(403)
    const wrong = await t.call('PATCH', `/v1/threads/${thread.id}`, {
      key: adminKey,
      body: { therapist_id: '00000000-0000-4000-8000-000000000000' },
    })
    expect(wrong.status).toBe(400)
    // An id that cannot exist is the same answer, never a database error.
    const impossible = await t.call('PATCH', `/v1/threads/${thread.id}`, {
      key: adminKey,
      body: { therapist_id: '9999-12-31T23:59:59Z' },
    })
    expect(impossible.status, impossible.text).toBe(400)
    expect(impossible.body.error.details.fields.therapist_id).toMatch(/No therapist/)
    const moved = await t.call('PATCH', `/v1/threads/${thread.id}`, {
      key: adminKey,
      body: { therapist_id: okafor.id },
    })
    expect(moved.status).toBe(200)
    expect(moved.body).toMatchObject({ id: thread.id, therapist_id: okafor.id, unread_count: 1 })
    expect(await threadOf(jordan.id)).toBeUndefined()
  })

  it('does not show another practice’s thread', async () => {
    const other = (await t.createPractice('talk-other')).adminKey
    const jordan = await client()
    await t.call('POST', '/v1/portal/messages', { key: jordan.token, body: { category: 'update', body: 'Hi' } })
    const thread = await threadOf(jordan.id)
    for (const [method, path] of [
      ['GET', `/v1/threads/${thread.id}/messages`],
      ['POST', `/v1/threads/${thread.id}/read`],
    ] as const) {
      expect((await t.call(method, path, { key: other })).status).toBe(404)
    }
    expect((await t.call('POST', `/v1/threads/${thread.id}/read`, { key: null })).status).toBe(401)
  })

  it('a text that lands in the thread tells the therapist by email: once for texts in a row, never the words', async () => {
    const casey = await client()
    const notices = () =>
      t.deps.mailer.outbox!.list({ to: rivera.email }).filter((e) => e.subject.startsWith('A new message'))
    await text(casey.phone, 'The parking garage gate code is broken')
    await text(casey.phone, 'Also the garage again')
    await dispatch()
    const thread = await threadOf(casey.id)
    const added = notices().filter((e) => e.text.includes(`http://hearth.test/staff#inbox/${thread.id}`))
    expect(added).toHaveLength(1)
    expect(JSON.stringify(added[0])).not.toMatch(/garage|Jordan Lee/)
  })
})
