import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connect } from '../db/connect'
import type { Deps } from '../deps'
import { dispatchDue } from '../outbox/dispatch'
import { outboxHandlers } from '../outbox/handlers'
import { startTestApp, type TestContext } from '../testing/app'
import { fixtures } from '../testing/fixtures'
import { signIn } from '../testing/portal'
import { addStaff, signedInStaff } from '../testing/staff'
import { queueHourlyRoundups, queueMorningDigests } from './rounds'

/**
 * Staff are told, on real Postgres with a fixed clock: a client's new message at once (one email
 * per run of messages, a link to the thread, never the words), in an hourly round-up, or not at
 * all; the morning digest of open alerts once per morning in the practice's zone.
 */

// 10:00 in New York, the practice's zone.
const NOW = '2026-03-04T15:00:00Z'
let t: TestContext
let n = 0

beforeAll(async () => {
  t = await startTestApp({ now: NOW })
})
afterAll(async () => {
  await t.stop()
})

const dispatch = (deps: Deps = t.deps) => dispatchDue(deps, { handlers: outboxHandlers, channels: ['email'] })
const staffEmailsTo = (to: string) =>
  t.deps.mailer.outbox!.list({ to }).filter((e) => e.subject.includes('Hearth') && !e.subject.startsWith('Urgent'))

/** A practice with one therapist and a client of theirs who can write from the portal. */
async function practiceWithClient(overrides: { time_zone?: string } = {}) {
  n += 1
  const slug = `notify-${n}`
  const { adminKey, practice } = await t.createPractice(slug, overrides)
  const f = fixtures(t, adminKey)
  const therapist = await f.therapist({ name: `Dr. Notice ${n}`, email: `notice${n}@calmwaters.example` })
  const client = await f.client({ name: `Robin Quill ${n}` })
  await f.appointment(therapist.id, client.id, new Date(Date.parse(NOW) + 3 * 86_400_000).toISOString())
  // A fresh sign-in for each message: the clock moves past an access token's life.
  const token = () => signIn(t, slug, client.email).then((s) => s.access_token as string)
  const therapistKey = await f.therapistKey(therapist.id)
  const write = async (body: string, category = 'update', as = token) => {
    const sent = await t.call('POST', '/v1/portal/messages', { key: await as(), body: { category, body } })
    expect(sent.status, sent.text).toBe(201)
    return sent.body.message as { thread_id: string }
  }
  const anotherClient = async () => {
    const other = await f.client({ name: `Sky Fern ${n}` })
    await f.appointment(therapist.id, other.id, new Date(Date.parse(NOW) + 4 * 86_400_000).toISOString())
    return () => signIn(t, slug, other.email).then((s) => s.access_token as string)
  }
  const choose = (settings: Record<string, unknown>, key = therapistKey) =>
    t.call('PUT', '/v1/staff/me/notifications', {
      key,
      body: { urgent: ['email'], new_messages: 'immediately', daily_digest: true, ...settings },
    })
  return { practice, adminKey, f, therapist, client, token, therapistKey, write, anotherClient, choose }
}

describe('a new message, immediately', () => {
  it('one email per run of messages, linking to the thread, without the words or the name', async () => {
    const p = await practiceWithClient()
    const first = await p.write('secret words about my week')
    await p.write('and some more secret words')
    await dispatch()
    await p.write('one more, still unread')
    await dispatch()
    const emails = staffEmailsTo(p.therapist.email)
    expect(emails).toHaveLength(1)
    const [email] = emails
    expect(email!.subject).toBe('A new message from a client is waiting in Hearth')
    expect(email!.text).toContain(`http://hearth.test/staff#inbox/${first.thread_id}`)
    expect(JSON.stringify(email)).not.toMatch(/secret|Robin|Quill/)

    // Once the therapist has read the thread, the next message is a new run: a new email.
    const read = await t.call('POST', `/v1/threads/${first.thread_id}/read`, { key: p.therapistKey })
    expect(read.status).toBeLessThan(300)
    t.clock.advance(60_000)
    await p.write('a new message after reading')
    await dispatch()
    expect(staffEmailsTo(p.therapist.email)).toHaveLength(2)
  })

  it('goes to the therapist’s own staff account when there is one, not their record', async () => {
    const p = await practiceWithClient()
    const user = await addStaff(t, p.practice.id, {
      role: 'therapist',
      therapistId: p.therapist.id,
      email: `own${n}@calmwaters.example`,
    })
    // The front desk does not read bodies and is not told of every message.
    const desk = await addStaff(t, p.practice.id, { role: 'front_desk', email: `desk${n}@calmwaters.example` })
    await p.write('hello')
    await dispatch()
    expect(staffEmailsTo(user.email)).toHaveLength(1)
    expect(staffEmailsTo(p.therapist.email)).toEqual([])
    expect(staffEmailsTo(desk.email)).toEqual([])
  })

  it('read before it was sent: nothing; "off": nothing; a crisis note pages instead', async () => {
    const p = await practiceWithClient()
    const message = await p.write('read quickly')
    await t.call('POST', `/v1/threads/${message.thread_id}/read`, { key: p.therapistKey })
    await dispatch()
    expect(staffEmailsTo(p.therapist.email)).toEqual([])

    expect((await p.choose({ new_messages: 'off' })).status).toBe(200)
    await p.write('nobody is told')
    await dispatch()
    expect(staffEmailsTo(p.therapist.email)).toEqual([])

    await p.choose({})
    await t.call('POST', `/v1/threads/${message.thread_id}/read`, { key: p.therapistKey })
    await p.write('I am in crisis', 'crisis')
    await dispatch()
    const everything = t.deps.mailer.outbox!.list({ to: p.therapist.email })
    expect(everything.map((e) => e.subject)).toEqual(["Urgent: a client's message is waiting in Hearth"])
  })

  it('refuses settings it cannot keep, in the one error shape', async () => {
    const p = await practiceWithClient()
    const bad = await p.choose({ new_messages: 'weekly' })
    expect(bad.status).toBe(400)
    expect(bad.body.error.code).toBe('invalid_request')
  })
})

describe('new messages, hourly', () => {
  it('at most one email an hour, counting the threads with new messages', async () => {
    t.clock.set('2026-03-04T15:10:00Z')
    const p = await practiceWithClient()
    expect((await p.choose({ new_messages: 'hourly' })).status).toBe(200)
    await p.write('first')
    await p.write('second')
    await p.write('from someone else', 'update', await p.anotherClient())
    await dispatch()
    expect(staffEmailsTo(p.therapist.email), 'nothing at once').toEqual([])

    t.clock.set('2026-03-04T15:40:00Z')
    await queueHourlyRoundups(t.deps)
    await dispatch()
    expect(staffEmailsTo(p.therapist.email), 'not before the hour is over').toEqual([])

    t.clock.set('2026-03-04T16:00:30Z')
    await queueHourlyRoundups(t.deps)
    await queueHourlyRoundups(t.deps)
    await dispatch()
    const [roundup, ...more] = staffEmailsTo(p.therapist.email)
    expect(more).toEqual([])
    expect(roundup!.subject).toBe('New messages from clients are waiting in Hearth')
    expect(roundup!.text).toContain('2 conversations have new messages from clients since your last update.')
    expect(roundup!.text).toContain('http://hearth.test/staff#inbox')
    expect(roundup!.text).not.toMatch(/first|second|someone/)

    // The next hour counts only what came after the last round-up.
    t.clock.set('2026-03-04T16:20:00Z')
    await p.write('third')
    t.clock.set('2026-03-04T16:50:00Z')
    await queueHourlyRoundups(t.deps)
    await dispatch()
    expect(staffEmailsTo(p.therapist.email)).toHaveLength(1)
    t.clock.set('2026-03-04T17:01:00Z')
    await queueHourlyRoundups(t.deps)
    await dispatch()
    const latest = staffEmailsTo(p.therapist.email)
    expect(latest).toHaveLength(2)
    expect(latest[1]!.text).toContain('1 conversation has a new message from a client since your last update.')

    // An hour with nothing new sends nothing.
    t.clock.set('2026-03-04T18:01:00Z')
    await queueHourlyRoundups(t.deps)
    await dispatch()
    expect(staffEmailsTo(p.therapist.email)).toHaveLength(2)
  })
})

describe('the morning digest', () => {
  /** A practice in Chicago with an open crisis alert for its therapist, a front desk and a second therapist with none. */
  async function morning() {
    t.clock.set('2026-03-05T10:00:00Z') // 4:00 in Chicago
    const p = await practiceWithClient({ time_zone: 'America/Chicago' })
    await p.write('secret crisis words', 'crisis')
    const desk = await addStaff(t, p.practice.id, { role: 'front_desk', email: `digest-desk${n}@calmwaters.example` })
    const idle = await p.f.therapist({ name: 'Dr. Idle', email: `idle${n}@calmwaters.example` })
    const digests = (to: string) => staffEmailsTo(to).filter((e) => e.subject.startsWith('This morning'))
    return { ...p, desk, idle, digests }
  }

  it('once, at about 8:00 in the practice’s zone, to each person who can see open alerts', async () => {
    const p = await morning()
    t.clock.set('2026-03-05T13:59:00Z') // 7:59 in Chicago
    await queueMorningDigests(t.deps)
    await dispatch()
    expect(p.digests(p.therapist.email)).toEqual([])

    t.clock.set('2026-03-05T14:01:00Z') // 8:01
    await queueMorningDigests(t.deps)
    await queueMorningDigests(t.deps)
    await dispatch()
    t.clock.set('2026-03-05T15:30:00Z')
    await queueMorningDigests(t.deps)
    await dispatch()
    const [digest, ...again] = p.digests(p.therapist.email)
    expect(again).toEqual([])
    expect(digest!.subject).toBe('This morning in Hearth: 1 alert is open')
    expect(digest!.text).toContain('- Crisis message: open for 4 hours')
    expect(digest!.text).toContain('http://hearth.test/staff#alerts')
    expect(JSON.stringify(digest)).not.toMatch(/secret|Robin|Quill/)
    expect(p.digests(p.desk.email), 'the front desk sees the practice’s alerts').toHaveLength(1)
    expect(p.digests(p.idle.email), 'nothing open for them: no email').toEqual([])

    // The next morning, again; once the alerts are resolved, nothing.
    t.clock.set('2026-03-06T14:05:00Z')
    await queueMorningDigests(t.deps)
    await dispatch()
    expect(p.digests(p.therapist.email)).toHaveLength(2)
    const open = (await t.call('GET', '/v1/alerts', { key: p.adminKey })).body.data
    for (const alert of open) await t.call('POST', `/v1/alerts/${alert.id}/resolve`, { key: p.adminKey, body: {} })
    t.clock.set('2026-03-07T14:05:00Z')
    await queueMorningDigests(t.deps)
    await dispatch()
    expect(p.digests(p.therapist.email)).toHaveLength(2)
    expect(p.digests(p.desk.email)).toHaveLength(2)
  })

  it('not for someone who turned it off, nor in the afternoon', async () => {
    const p = await morning()
    expect((await p.choose({ daily_digest: false })).status).toBe(200)
    // Each person at the front desk chooses for themselves.
    const quiet = await signedInStaff(t, p.practice.id, { role: 'front_desk', email: `quiet${n}@calmwaters.example` })
    const off = { urgent: ['email'], new_messages: 'off', daily_digest: false }
    expect((await quiet.call('PUT', '/v1/staff/me/notifications', { body: off })).status).toBe(200)
    t.clock.set('2026-03-05T14:01:00Z')
    await queueMorningDigests(t.deps)
    await dispatch()
    expect(p.digests(p.therapist.email)).toEqual([])
    expect(p.digests(quiet.user.email)).toEqual([])
    expect(p.digests(p.desk.email)).toHaveLength(1)

    const late = await practiceWithClient({ time_zone: 'Asia/Tokyo' }) // 23:01 in Tokyo
    await late.write('words', 'crisis')
    await queueMorningDigests(t.deps)
    await dispatch()
    expect(staffEmailsTo(late.therapist.email).filter((e) => e.subject.startsWith('This morning'))).toEqual([])
  })
})

describe.skipIf(!process.env.DATABASE_URL)('two dispatchers at once', () => {
  it('queue each digest and round-up once and send each email once', async () => {
    t.clock.set('2026-03-10T15:10:00Z')
    const hourly = await practiceWithClient()
    await hourly.choose({ new_messages: 'hourly' })
    await hourly.write('for the round-up')
    const now = await practiceWithClient()
    await now.write('at once')
    await now.write('in a row')
    const digest = await practiceWithClient({ time_zone: 'America/Los_Angeles' })
    await digest.write('words', 'crisis')
    t.clock.set('2026-03-10T16:05:00Z') // 8:05 in Los Angeles, after 15:00–16:00 for the round-up

    const pools = [connect(t.db.url, { max: 2 }), connect(t.db.url, { max: 2 })]
    const both = pools.map((sql) => ({ ...t.deps, sql }) as Deps)
    await Promise.all(both.map((deps) => Promise.all([queueHourlyRoundups(deps), queueMorningDigests(deps)])))
    await Promise.all(both.map((deps) => dispatch(deps)))
    await Promise.all(both.map((deps) => dispatch(deps)))
    await Promise.all(pools.map((p) => p.end()))

    expect(staffEmailsTo(hourly.therapist.email).map((e) => e.subject)).toEqual([
      'A new message from a client is waiting in Hearth',
    ])
    expect(staffEmailsTo(now.therapist.email)).toHaveLength(1)
    expect(staffEmailsTo(digest.therapist.email).filter((e) => e.subject.startsWith('This morning'))).toHaveLength(1)
    const [counted] = await t.sql<{ rows: number }[]>`
      select count(*)::int as rows from outbox where topic = 'staff_notice' and status = 'sent'
        and payload->>'to' = any(${[hourly.therapist.email, now.therapist.email, digest.therapist.email]})`
    expect(counted!.rows).toBe(3)
  })
})
