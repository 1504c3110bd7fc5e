import { type ChildProcess, spawn } from 'node:child_process'
import { afterAll, describe, expect, it } from 'vitest'
import { connect } from '../db/connect'
import type { Deps } from '../deps'
import { dispatchDue } from '../outbox/dispatch'
import { outboxHandlers } from '../outbox/handlers'
import { resendMailer } from '../providers/email'
import { startFakeResend } from '../testing/fakes/resend'
import { practiceForFile } from '../testing/fixtures'
import { wallClock } from '../../shared/time/zone'

/**
 * Exactly once, on real Postgres: two dispatchers racing for the same due rows, and dispatcher
 * processes killed (SIGKILL) while a provider has accepted emails they never got to record.
 */

const SECRET = 'test-secret-with-enough-entropy-0123456789abcdef'

const resend = await startFakeResend()
// Real time: the dispatcher process below runs on the real clock.
afterAll(() => resend.close())
const { t, practiceId, f } = await practiceForFile('exactly-once', {
  now: new Date().toISOString(),
  deps: { mailer: resendMailer('re_test', { baseUrl: resend.url }), secret: SECRET },
})

/** A zone where it is daytime now, so no quiet hours hold the sends back. */
function daytimeZone(): string {
  const zones = [
    'Pacific/Kiritimati',
    'Asia/Tokyo',
    'Asia/Dubai',
    'Europe/London',
    'America/Sao_Paulo',
    'America/New_York',
    'America/Los_Angeles',
    'Pacific/Honolulu',
    'Asia/Kolkata',
    'Asia/Shanghai',
    'Europe/Moscow',
  ]
  return zones.find((zone) => {
    const { hour } = wallClock(t.clock.now(), zone)
    return hour >= 9 && hour < 18
  })!
}

/**
 * `n` sessions 25 to 35 hours out, with ten therapists so none is double-booked: each session is
 * already inside its 48 h window, so its confirmation request is due at once (and nothing else is).
 */
async function dueReminders(n: number): Promise<string[]> {
  const client = await f.client({ time_zone: daytimeZone() })
  const therapists: string[] = []
  for (let i = 0; i < 10; i++) therapists.push((await f.therapist()).id)
  const ids: string[] = []
  for (let i = 0; i < n; i++) {
    const start = new Date(t.clock.now().getTime() + 25 * 3_600_000 + Math.floor(i / 10) * 50 * 60_000)
    ids.push((await f.appointment(therapists[i % 10]!, client.id, start.toISOString())).id)
  }
  return ids
}

const statuses = (ids: string[]) =>
  t.sql<{ status: string; n: number }[]>`
    select status, count(*)::int as n from outbox where appointment_id = any(${ids}::uuid[]) and reminder_kind = 'confirmation' group by status`.then(
    (rows) => Object.fromEntries(rows.map((r) => [r.status, r.n])),
  )
/** `api/dispatcher.ts`, the production entry, sending email to the fake Resend until nothing is due. */
function dispatcherProcess(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'api/dispatcher.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: t.db.url,
      HEARTH_SECRET: SECRET,
      PUBLIC_URL: 'http://hearth.test',
      RESEND_API_KEY: 're_test',
      RESEND_BASE_URL: resend.url,
      EMAIL_FROM: 'Hearth <portal@hearth.test>',
      DISPATCH_CHANNELS: 'email',
      DISPATCH_CONCURRENCY: '4',
      DISPATCH_UNTIL_IDLE: '1',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}
const exited = (child: ChildProcess) => new Promise((resolve) => child.once('exit', resolve))

const keysOf = (ids: string[]) =>
  t.sql<{ idempotency_key: string; provider_message_id: string | null }[]>`
    select idempotency_key, provider_message_id from outbox where appointment_id = any(${ids}::uuid[]) and reminder_kind = 'confirmation'`

describe.skipIf(!process.env.DATABASE_URL)('exactly once on real Postgres', () => {
  it('two dispatchers claiming the same due rows send each reminder once', async () => {
    const ids = await dueReminders(120)
    const pools = [connect(t.db.url, { max: 2 }), connect(t.db.url, { max: 2 })]
    const run = async (sql: (typeof pools)[number]) => {
      const deps: Deps = { ...t.deps, sql, clock: () => new Date() }
      let sent = 0
      for (;;) {
        const report = await dispatchDue(deps, {
          handlers: outboxHandlers,
          channels: ['email'],
          batchSize: 7,
          concurrency: 4,
        })
        sent += report.sent
        if (report.claimed === 0) return sent
      }
    }
    const before = resend.requests.length
    const [a = 0, b = 0] = await Promise.all(pools.map(run))
    await Promise.all(pools.map((p) => p.end()))
    expect(a + b).toBe(120)
    expect(a).toBeGreaterThan(0)
    expect(b).toBeGreaterThan(0)
    expect(await statuses(ids)).toEqual({ sent: 120 })
    // Not one duplicate request reached the provider: SKIP LOCKED kept the dispatchers apart.
    const requests = resend.requests.slice(before)
    expect(requests).toHaveLength(120)
    expect(new Set(requests.map((r) => r.idempotencyKey)).size).toBe(120)
  })

  it('an email sent alone: a dispatcher killed mid-batch loses nothing and sends nothing twice', {
    timeout: 120_000,
  }, async () => {
    const ids = await dueReminders(50)
    const emailsBefore = resend.emails.length
    const requestsBefore = resend.requests.length
    // After 25 emails the provider keeps accepting but never answers, so the third batch of ten
    // is sent (some of it) yet never recorded: then the process dies.
    resend.hangAfter(emailsBefore + 25)
    const child = dispatcherProcess({ DISPATCH_BATCH: '10', DISPATCH_EMAIL_BATCHES: 'off' })
    const deadline = Date.now() + 20_000
    while (resend.emails.length <= emailsBefore + 25 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20))
    await new Promise((r) => setTimeout(r, 200)) // let the in-flight sends of the batch land
    child.kill('SIGKILL')
    await new Promise((r) => child.once('exit', r))

    const halfway = await statuses(ids)
    expect(halfway.sent).toBe(20)
    expect(halfway.pending).toBe(30)
    const acceptedBeforeCrash = resend.emails.length - emailsBefore
    expect(acceptedBeforeCrash).toBeGreaterThan(25)

    // A fresh dispatcher picks up where it left off.
    resend.resume()
    const deps: Deps = { ...t.deps, clock: () => new Date() }
    // Like the killed one, it sends each email alone: dispatchers agree on batching (email-batches.ts).
    const options = { handlers: outboxHandlers, channels: ['email' as const], batchSize: 10, emailBatches: false }
    while ((await dispatchDue(deps, options)).claimed > 0) {}

    expect(await statuses(ids)).toEqual({ sent: 50 })
    const emails = resend.emails.slice(emailsBefore)
    expect(emails).toHaveLength(50)
    expect(new Set(emails.map((e) => e.idempotencyKey)).size).toBe(50)
    // The re-sent rows were answered with the ids of the emails accepted before the crash.
    expect(resend.requests.length - requestsBefore).toBeGreaterThan(50)
    const recorded = new Map((await keysOf(ids)).map((r) => [r.idempotency_key, r.provider_message_id]))
    for (const email of emails) expect(recorded.get(email.idempotencyKey!)).toBe(email.id)
    expect(practiceId).toBeTruthy()
  })

  it('in Resend batches: two dispatchers killed mid-post lose nothing and send nothing twice', {
    timeout: 120_000,
  }, async () => {
    const ids = await dueReminders(200)
    const emailsBefore = resend.emails.length
    const batchesBefore = resend.batches.length
    // After 60 emails Resend keeps accepting batches but never answers: both processes are then
    // waiting on posts it took, with their rows locked and unrecorded, when they are killed.
    resend.hangAfter(emailsBefore + 60)
    const first = [0, 1].map(() => dispatcherProcess({ DISPATCH_BATCH: '20' }))
    const deadline = Date.now() + 30_000
    while (resend.emails.length <= emailsBefore + 60 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20))
    await new Promise((r) => setTimeout(r, 300)) // let the other process's post land too
    for (const child of first) child.kill('SIGKILL')
    await Promise.all(first.map(exited))

    const halfway = await statuses(ids)
    expect(halfway.sent ?? 0).toBeLessThan(200)
    expect(resend.emails.length - emailsBefore).toBeGreaterThan((halfway.sent ?? 0) + 1)
    const [recorded] = await t.sql<{ n: number }[]>`select count(*)::int as n from email_batches`
    expect(recorded!.n).toBeGreaterThan(0)

    // Two fresh dispatchers post the dead ones' batches again, as they were, and send the rest.
    resend.resume()
    const second = [0, 1].map(() => dispatcherProcess({ DISPATCH_BATCH: '20' }))
    await Promise.all(second.map(exited))

    expect(await statuses(ids)).toEqual({ sent: 200 })
    const emails = resend.emails.slice(emailsBefore)
    expect(emails).toHaveLength(200)
    expect(new Set(emails.map((e) => e.idempotencyKey)).size).toBe(200)
    expect(resend.batches.length - batchesBefore).toBeLessThan(40)
    // The batches posted again were answered with the ids of the emails taken before the kill.
    const recordedIds = new Map((await keysOf(ids)).map((r) => [r.idempotency_key, r.provider_message_id]))
    for (const email of emails) expect(recordedIds.get(email.idempotencyKey!)).toBe(email.id)
    const [left] = await t.sql<{ n: number }[]>`select count(*)::int as n from email_batches`
    expect(left!.n).toBe(0)
  })

  it('in Resend batches: a batch taken but answered with a 5xx is posted again as it was and sent once', async () => {
    const run = await batchAnswered500(true)
    const ids = run.ids
    const [recorded] = await t.sql<{ n: number }[]>`select count(*)::int as n from email_batches`
    expect(recorded!.n).toBe(1)
    await run.rounds(5 * 60_000, 6)
    expect(await statuses(ids)).toEqual({ sent: 30 })
    const emails = run.emails()
    expect(emails).toHaveLength(30)
    expect(new Set(emails.map((e) => e.idempotencyKey)).size).toBe(30)
    // Posted twice under one key: the second was answered with the first's ids, nothing sent again.
    const posts = run.posts()
    expect(posts).toHaveLength(2)
    expect(posts[1]!.idempotencyKey).toBe(posts[0]!.idempotencyKey)
    const recordedIds = new Map((await keysOf(ids)).map((r) => [r.idempotency_key, r.provider_message_id]))
    for (const email of emails) expect(recordedIds.get(email.idempotencyKey!)).toBe(email.id)
  })

  /** 30 due reminders whose one Resend batch gets a 500, then the dispatcher's next rounds. */
  async function batchAnswered500(taken: boolean) {
    const ids = await dueReminders(30)
    const emailsBefore = resend.emails.length
    const batchesBefore = resend.batches.length
    if (taken) resend.failNextAfterTaking(1)
    else resend.failNext(1)
    const sql = connect(t.db.url, { max: 2 })
    let now = Date.now()
    const deps: Deps = { ...t.deps, sql, clock: () => new Date(now) }
    const options = { handlers: outboxHandlers, channels: ['email' as const], batchSize: 50 }
    await dispatchDue(deps, options)
    expect(await statuses(ids)).toEqual({ pending: 30 })
    return {
      ids,
      emails: () => resend.emails.slice(emailsBefore),
      posts: () => resend.batches.slice(batchesBefore),
      async rounds(stepMs: number, n: number) {
        for (let i = 0; i < n; i++) {
          now += stepMs
          await dispatchDue(deps, options)
        }
        await sql.end()
      },
    }
  }
  const cancel = (ids: string[]) =>
    t.sql`update outbox set status = 'cancelled' where appointment_id = any(${ids}::uuid[]) and reminder_kind = 'confirmation'`

  it('in Resend batches: rows cancelled before the batch went are left out when it is posted again', async () => {
    const run = await batchAnswered500(false)
    await cancel(run.ids.slice(0, 3))
    await run.rounds(5 * 60_000, 6)
    expect(await statuses(run.ids)).toEqual({ sent: 27, cancelled: 3 })
    const emails = run.emails()
    expect(emails).toHaveLength(27)
    const cancelledKeys = new Set((await keysOf(run.ids.slice(0, 3))).map((r) => r.idempotency_key))
    for (const email of emails) expect(cancelledKeys.has(email.idempotencyKey!)).toBe(false)
    expect(run.posts().map((p) => p.size)).toEqual([30, 27])
  })

  it('in Resend batches: a smaller batch refused with 409 (the first was taken) is recorded as sent, not sent again', async () => {
    const run = await batchAnswered500(true)
    await cancel(run.ids.slice(0, 3))
    await run.rounds(5 * 60_000, 6)
    expect(await statuses(run.ids)).toEqual({ sent: 27, cancelled: 3 })
    expect(run.emails()).toHaveLength(30) // all taken by the first post, none after
    expect(run.posts().map((p) => p.size)).toEqual([30, 27])
  })

  it('in Resend batches: a batch unanswered for more than 23 hours is not posted again', async () => {
    const run = await batchAnswered500(true)
    // Only the batch is in question: the morning-of reminders of these sessions and of the file's
    // earlier ones would fall due within the 23 hours too, and go out in a batch of their own.
    await t.sql`update outbox set status = 'cancelled' where status = 'pending' and reminder_kind <> 'confirmation'`
    await run.rounds(23.5 * 3_600_000, 1)
    expect(await statuses(run.ids)).toEqual({ failed: 30 })
    expect(run.emails()).toHaveLength(30)
    expect(run.posts()).toHaveLength(1)
    const [left] = await t.sql<{ n: number }[]>`select count(*)::int as n from email_batches`
    expect(left!.n).toBe(0)
  })
})
