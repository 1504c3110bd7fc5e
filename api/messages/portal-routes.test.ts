import { describe, expect, it } from 'vitest'
import { practiceForFile } from '../testing/fixtures'
import { signIn } from '../testing/portal'

const NOW = '2026-03-02T15:00:00Z'

const RIVERA_POLICY = {
  accepts_messages: true,
  allowed_categories: ['scheduling', 'resource', 'update'],
  reply_expectation: { kind: 'business_days', days: 2 },
  auto_reply: 'Thanks, I read messages on weekdays.',
  crisis_note: 'If you are not safe, call 911 first.',
}
const NO_MESSAGES = { accepts_messages: false, allowed_categories: [], reply_expectation: { kind: 'none' } }

let slot = 0
/** A client with one upcoming session with each therapist (the first one soonest). */
async function clientWith(...therapists: { id: string }[]) {
  const client = await f.client({ name: 'Jordan Lee' })
  const base = Date.parse('2026-03-10T14:00:00Z') + slot++ * 3 * 3_600_000
  for (const [i, therapist] of therapists.entries()) {
    await f.appointment(therapist.id, client.id, new Date(base + i * 24 * 3_600_000).toISOString())
  }
  return { ...client, token: (await signIn(t, 'portal-msgs', client.email)).access_token as string }
}
const send = (token: string, body: Record<string, unknown>) =>
  t.call('POST', '/v1/portal/messages', { key: token, body })

const { t, adminKey, f } = await practiceForFile('portal-msgs', { now: NOW })
const rivera = await f.therapist({ name: 'Dr. Maya Rivera' })
const okafor = await f.therapist({ name: 'Sam Okafor' })
const silent = await f.therapist({ name: 'Dr. Quiet' })
await t.call('PUT', `/v1/therapists/${rivera.id}/contact-policy`, { key: adminKey, body: RIVERA_POLICY })
await t.call('PUT', `/v1/therapists/${silent.id}/contact-policy`, { key: adminKey, body: NO_MESSAGES })
const riveraKey = await f.therapistKey(rivera.id)
const okaforKey = await f.therapistKey(okafor.id)

describe('POST /v1/portal/messages', () => {
  it('refuses every ordinary message to a therapist who takes none, with the reason, and keeps nothing', async () => {
    const client = await clientWith(silent)
    const res = await send(client.token, { category: 'scheduling', body: 'Private words here' })
    expect(res.status).toBe(403)
    expect(res.body.error.code).toBe('contact_policy')
    expect(res.body.error.details).toEqual({ reason: 'not_accepting' })
    expect(res.body.error.message).toContain("Dr. Quiet doesn't take messages between sessions.")
    expect(
      await t.sql`select 1 from messages m join message_threads th on th.id = m.thread_id where th.client_id = ${client.id}`,
    ).toHaveLength(0)
    const [audit] =
      await t.sql`select detail from audit_log where actor_id = ${client.id} and action = 'message.refused'`
    expect(audit!.detail).toEqual({ therapist_id: silent.id, category: 'scheduling', reason: 'not_accepting' })
  })

  it('refuses a category the therapist does not take, naming the ones they do', async () => {
    const client = await clientWith(rivera)
    const res = await send(client.token, { category: 'homework', body: 'My worksheet' })
    expect(res.status).toBe(403)
    expect(res.body.error.details.reason).toBe('category_not_allowed')
    expect(res.body.error.message).toContain('welcomes messages about scheduling')
  })

  it('sends an allowed message, says when to expect a reply, and stores only ciphertext', async () => {
    const client = await clientWith(rivera)
    const body = 'Could we move Thursday to the afternoon? Unique-phrase-7781'
    const res = await send(client.token, { category: 'scheduling', body })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      message: { sender: 'client', category: 'scheduling', body, therapist_id: rivera.id },
      expectation: 'Dr. Maya Rivera usually replies within 2 business days. For anything urgent, see Need help now?',
      auto_reply: RIVERA_POLICY.auto_reply,
    })
    expect(res.body.crisis_resources).toBeUndefined()
    const dump = await t.sql`
      select (select json_agg(m)::text from messages m) as messages, (select json_agg(a)::text from audit_log a) as audit,
             (select json_agg(al)::text from alerts al) as alerts`
    expect(JSON.stringify(dump)).not.toContain('Unique-phrase-7781')
    const [row] = await t.sql`select body_ciphertext from messages where id = ${res.body.message.id}`
    expect(Buffer.from(row!.body_ciphertext).toString('latin1')).not.toContain('Unique-phrase')
  })

  it('never refuses a crisis note: it shows the crisis resources first and alerts the therapist', async () => {
    const client = await clientWith(silent)
    const res = await send(client.token, { category: 'crisis', body: 'I am not okay tonight secret-crisis-words' })
    expect(res.status).toBe(201)
    expect(res.body.crisis_resources[0]).toMatchObject({ kind: 'emergency', phone: '911' })
    expect(res.body.crisis_text).toBe(
      'If you might act on thoughts of harming yourself or someone else, call 911 now. You can call or text 988 any time to talk to someone.',
    )
    expect(res.body.expectation).toContain('may not be read right away')
    const alerts = (await t.call('GET', '/v1/alerts', { key: adminKey })).body.data
    const crisis = alerts.find((a: { client_id: string }) => a.client_id === client.id)
    expect(alerts[0].kind).toBe('crisis_message')
    expect(crisis).toMatchObject({
      kind: 'crisis_message',
      audience: 'therapist',
      therapist_id: silent.id,
      urgent: true,
    })
    // Enough to act on: the session coming up, and the conversation in the console.
    const [next] = await t.sql<{ id: string; starts_at: Date }[]>`
      select id, starts_at from appointments where client_id = ${client.id}`
    expect(crisis.session).toEqual({ id: next!.id, starts_at: next!.starts_at.toISOString().replace('.000', '') })
    expect(crisis.console_url).toMatch(new RegExp(`/staff#inbox/${crisis.thread_id}$`))
    expect(JSON.stringify(alerts)).not.toContain('secret-crisis-words')
  })

  it('needs therapist_id when the client sees two therapists, except for crisis, which goes to the nearest session', async () => {
    const client = await clientWith(rivera, okafor)
    const unsure = await send(client.token, { category: 'scheduling', body: 'Hi' })
    expect(unsure.status).toBe(400)
    expect(unsure.body.error.details.fields.therapist_id).toBeDefined()
    expect((await send(client.token, { therapist_id: silent.id, category: 'scheduling', body: 'Hi' })).status).toBe(400)
    expect((await send(client.token, { therapist_id: rivera.id, category: 'scheduling', body: 'Hi' })).status).toBe(201)
    const crisis = await send(client.token, { category: 'crisis', body: 'Help' })
    expect(crisis.status).toBe(201)
    expect(crisis.body.message.therapist_id).toBe(rivera.id)
  })

  it('rejects an empty or oversized body with a 400', async () => {
    const client = await clientWith(rivera)
    expect((await send(client.token, { category: 'scheduling', body: '   ' })).body.error.details.fields.body).toBe(
      'Write a message first.',
    )
    expect((await send(client.token, { category: 'scheduling', body: 'x'.repeat(4001) })).status).toBe(400)
    expect((await send(client.token, { category: 'gossip', body: 'x' })).status).toBe(400)
  })
})

describe('the therapist inbox and the conversation', () => {
  it('lists crisis threads first, shows only a therapist key its own, and lets the therapist reply', async () => {
    const calm = await clientWith(rivera)
    await send(calm.token, { category: 'update', body: 'Feeling better this week' })
    t.clock.advance(60_000)
    const worried = await clientWith(rivera)
    await send(worried.token, { category: 'crisis', body: 'Rough night' })
    t.clock.advance(60_000)
    const latest = await clientWith(rivera)
    await send(latest.token, { category: 'scheduling', body: 'Running late' })

    const inbox = (await t.call('GET', '/v1/threads', { key: riveraKey })).body.data
    const mine = inbox.filter((th: { client: { id: string } }) =>
      [calm.id, worried.id, latest.id].includes(th.client.id),
    )
    expect(mine.map((th: { client: { id: string } }) => th.client.id)).toEqual([worried.id, latest.id, calm.id])
    expect(mine[0]).toMatchObject({ crisis: true, unread_count: 1 })
    const flags = inbox.map((th: { crisis: boolean }) => th.crisis)
    expect(flags, 'crisis threads come before all others').toEqual([...flags].sort((a, b) => Number(b) - Number(a)))
    expect(inbox.every((th: { therapist_id: string }) => th.therapist_id === rivera.id)).toBe(true)
    expect(
      (await t.call('GET', '/v1/threads', { key: okaforKey })).body.data.map((th: any) => th.client.id),
    ).not.toContain(calm.id)
    expect((await t.call('GET', `/v1/threads?therapist_id=${rivera.id}`, { key: okaforKey })).body.data).toEqual([])

    const thread = inbox.find((th: { client: { id: string } }) => th.client.id === calm.id)
    expect((await t.call('GET', `/v1/threads/${thread.id}/messages`, { key: okaforKey })).status).toBe(404)
    const asAdmin = await t.call('GET', `/v1/threads/${thread.id}/messages`, { key: adminKey })
    expect(asAdmin.body.data[0]).toMatchObject({ body: 'Feeling better this week', sender: 'client' })
    expect(asAdmin.body.data[0].read_at, 'an admin reading does not mark it read').toBeUndefined()
    const asTherapist = await t.call('GET', `/v1/threads/${thread.id}/messages`, { key: riveraKey })
    expect(asTherapist.status).toBe(200)
    const again = await t.call('GET', `/v1/threads/${thread.id}/messages`, { key: riveraKey })
    expect(again.body.data[0].read_at).toBeDefined()

    const reply = await t.call('POST', `/v1/threads/${thread.id}/messages`, {
      key: riveraKey,
      body: { body: 'Glad to hear it. See you Thursday.' },
    })
    expect(reply.status).toBe(201)
    expect(reply.body).toMatchObject({ sender: 'therapist', category: 'other', therapist_id: rivera.id })
    expect(
      (await t.call('POST', `/v1/threads/${thread.id}/messages`, { key: okaforKey, body: { body: 'x' } })).status,
    ).toBe(404)

    const seen = await t.call('GET', '/v1/portal/messages', { key: calm.token })
    expect(seen.body.data.map((m: { body: string }) => m.body)).toEqual([
      'Feeling better this week',
      'Glad to hear it. See you Thursday.',
    ])
    const [replyRow] = await t.sql`select read_at from messages where id = ${reply.body.id}`
    expect(replyRow!.read_at).not.toBeNull()
  })

  it('pages a conversation from the newest, each page oldest to newest', async () => {
    const client = await clientWith(rivera)
    for (let i = 1; i <= 5; i++) {
      t.clock.advance(1000)
      await send(client.token, { category: 'update', body: `note ${i}` })
    }
    const first = await t.call('GET', '/v1/portal/messages?limit=2', { key: client.token })
    expect(first.body.data.map((m: { body: string }) => m.body)).toEqual(['note 4', 'note 5'])
    const second = await t.call('GET', `/v1/portal/messages?limit=2&cursor=${first.body.next_cursor}`, {
      key: client.token,
    })
    expect(second.body.data.map((m: { body: string }) => m.body)).toEqual(['note 2', 'note 3'])
  })
})
