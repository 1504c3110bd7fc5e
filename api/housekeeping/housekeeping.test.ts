import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { housekeeping, RETENTION } from './housekeeping'
import { startDispatcher } from '../outbox/dispatch'
import { outboxHandlers } from '../outbox/handlers'
import { startTestApp, type TestContext } from '../testing/app'
import { fixtures } from '../testing/fixtures'

const NOW = new Date('2026-03-02T15:00:00Z')
const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE
let t: TestContext

type Place = { practiceId: string; clientId: string; therapistId: string }
const places: Place[] = []

/** Just past a retention (deleted) or just inside it (kept). */
const past = (retention: number) => new Date(NOW.getTime() - retention - MINUTE)
const inside = (retention: number) => new Date(NOW.getTime() - retention + MINUTE)
const ago = (ms: number) => new Date(NOW.getTime() - ms)

beforeAll(async () => {
  t = await startTestApp({ now: NOW.toISOString() })
  // Two practices: housekeeping works across every practice, as the system.
  for (const slug of ['keep-a', 'keep-b']) {
    const { practice, adminKey } = await t.createPractice(slug)
    const f = fixtures(t, adminKey)
    places.push({ practiceId: practice.id, clientId: (await f.client()).id, therapistId: (await f.therapist()).id })
  }
})
afterAll(() => t.stop())

let slot = 0
/** A session of `place` that ended at `endedAt` (or starts later, when in the future). */
async function appointment(place: Place, endedAt: Date): Promise<string> {
  const starts = new Date(endedAt.getTime() - 50 * MINUTE + slot++ * 1000)
  const [row] = await t.sql`
    insert into appointments (practice_id, therapist_id, client_id, starts_at, ends_at, type)
    values (${place.practiceId}, ${place.therapistId}, ${place.clientId}, ${starts}, ${new Date(starts.getTime() + 50 * MINUTE)}, 'Session')
    returning id`
  return row!.id
}

async function outbox(
  place: Place,
  row: { topic: string; status: string; updatedAt: Date; appointmentId?: string; channel?: string },
): Promise<string> {
  const reminder = row.topic === 'reminder'
  const [inserted] = await t.sql`
    insert into outbox (practice_id, topic, channel, idempotency_key, appointment_id, client_id, reminder_kind,
                        status, send_at, due_at, created_at, updated_at)
    values (${place.practiceId}, ${row.topic}, ${row.channel ?? (row.topic === 'webhook' ? 'webhook' : 'email')},
            ${crypto.randomUUID()}, ${row.appointmentId ?? null}, ${place.clientId},
            ${reminder ? 'confirmation' : null}, ${row.status}, ${row.updatedAt}, ${row.updatedAt},
            ${row.updatedAt}, ${row.updatedAt})
    returning id`
  return inserted!.id
}

const remaining = async (table: string, column: string, values: string[]) =>
  (
    await t.sql`select ${t.sql(column)}::text as v from ${t.sql(table)} where ${t.sql(column)}::text in ${t.sql(values)}`
  )
    .map((r) => r.v as string)
    .sort()

describe('housekeeping', () => {
  it('deletes exactly the rows past their retention, in every practice, and keeps the rest', async () => {
    const [a, b] = places as [Place, Place]
    const ids: Record<string, { gone: string[]; kept: string[] }> = {}
    const track = (kind: string, gone: string[], kept: string[]) => (ids[kind] = { gone, kept })

    // Rate-limit windows.
    await t.sql`insert into rate_limits (bucket, window_started_at, hits) values
      ('code-email:old', ${past(RETENTION.rateLimitWindows)}, 3),
      ('code-email:recent', ${inside(RETENTION.rateLimitWindows)}, 3),
      ('code-ip:now', ${NOW}, 1)`
    track('rate_limits', ['code-email:old'], ['code-email:recent', 'code-ip:now'])

    // Sign-in codes: expired (used or not) a day ago go; a fresh one and a just-expired one stay.
    const code = async (place: Place, expiresAt: Date, usedAt: Date | null) => {
      const [row] = await t.sql`
        insert into portal_sign_in_codes (practice_id, client_id, code_hash, created_at, expires_at, used_at)
        values (${place.practiceId}, ${place.clientId}, 'hash', ${new Date(expiresAt.getTime() - 10 * MINUTE)},
                ${expiresAt}, ${usedAt})
        returning id`
      return row!.id as string
    }
    track(
      'portal_sign_in_codes',
      [await code(a, past(RETENTION.signInCodes), null), await code(b, past(RETENTION.signInCodes), ago(2 * DAY))],
      [
        await code(a, inside(RETENTION.signInCodes), ago(DAY)),
        await code(b, new Date(NOW.getTime() + 5 * MINUTE), null),
      ],
    )

    // Spent silent sign-in token ids.
    await t.sql`insert into portal_exchange_tokens (practice_id, jti, expires_at) values
      (${a.practiceId}, 'jti-old', ${past(RETENTION.exchangeTokens)}),
      (${b.practiceId}, 'jti-recent', ${inside(RETENTION.exchangeTokens)}),
      (${a.practiceId}, 'jti-live', ${new Date(NOW.getTime() + 5 * MINUTE)})`
    track('portal_exchange_tokens', ['jti-old'], ['jti-recent', 'jti-live'])

    // Passkey challenges: expired a day ago go (spent or not); a live one stays.
    const challenge = async (name: string, expiresAt: Date, usedAt: Date | null = null) => {
      await t.sql`
        insert into staff_passkey_challenges (challenge, purpose, created_at, expires_at, used_at)
        values (${name}, 'sign_in', ${new Date(expiresAt.getTime() - 5 * MINUTE)}, ${expiresAt}, ${usedAt})`
      return name
    }
    track(
      'staff_passkey_challenges',
      [await challenge('ch-old', past(RETENTION.passkeyChallenges), ago(2 * DAY))],
      [
        await challenge('ch-recent', inside(RETENTION.passkeyChallenges)),
        await challenge('ch-live', new Date(NOW.getTime() + MINUTE)),
      ],
    )

    // Portal sessions: ended (expired or revoked) more than 30 days ago go, with their refresh tokens.
    const session = async (place: Place, expiresAt: Date, revokedAt: Date | null = null) => {
      const created = new Date(expiresAt.getTime() - 12 * 60 * MINUTE)
      const [row] = await t.sql`
        insert into portal_sessions (practice_id, client_id, method, created_at, last_active_at, expires_at,
                                     revoked_at, revoked_reason)
        values (${place.practiceId}, ${place.clientId}, 'code', ${created}, ${created}, ${expiresAt},
                ${revokedAt}, ${revokedAt ? 'logout' : null})
        returning id`
      await t.sql`
        insert into portal_refresh_tokens (token_hash, practice_id, session_id, issued_at)
        values (${`rt-${row!.id}`}, ${place.practiceId}, ${row!.id}, ${created})`
      return row!.id as string
    }
    const oldRevoked = past(RETENTION.portalSessions)
    const sessions = {
      gone: [
        await session(a, past(RETENTION.portalSessions)),
        // Signed out 30 days and a minute ago; its absolute end came a few hours later.
        await session(b, new Date(oldRevoked.getTime() + 6 * 60 * MINUTE), oldRevoked),
      ],
      kept: [
        await session(a, inside(RETENTION.portalSessions)),
        await session(b, ago(DAY), ago(2 * DAY)),
        await session(a, new Date(NOW.getTime() + 60 * MINUTE)),
      ],
    }
    track('portal_sessions', sessions.gone, sessions.kept)
    track(
      'portal_refresh_tokens',
      sessions.gone.map((id) => `rt-${id}`),
      sessions.kept.map((id) => `rt-${id}`),
    )

    // Provider event ids.
    await t.sql`insert into inbound_events (practice_id, source, event_id, received_at) values
      (${a.practiceId}, 'resend', 'msg_old', ${past(RETENTION.inboundEvents)}),
      (${b.practiceId}, 'sms', 'sms_old', ${past(RETENTION.inboundEvents)}),
      (${a.practiceId}, 'resend', 'msg_recent', ${inside(RETENTION.inboundEvents)})`
    track('inbound_events', ['msg_old', 'sms_old'], ['msg_recent'])

    // The outbox.
    const longAgo = ago(90 * DAY)
    const endedLongAgo = await appointment(a, longAgo)
    const endedRecently = await appointment(b, ago(6 * DAY))
    const endedJustPast = await appointment(b, past(RETENTION.unsentReminders))
    const upcoming = await appointment(a, new Date(NOW.getTime() + 10 * DAY))
    const webhookOld = await outbox(b, {
      topic: 'webhook',
      status: 'sent',
      updatedAt: past(RETENTION.finishedWebhooks),
    })
    const [endpoint] = await t.sql`
      insert into webhook_endpoints (id, practice_id, url, events, secret_ciphertext, secret_iv, created_at)
      values (${crypto.randomUUID()}, ${b.practiceId}, 'https://practice.example/hooks', ${['alert.created']},
              ${new Uint8Array([1])}, ${new Uint8Array([2])}, ${longAgo})
      returning id`
    await t.sql`
      insert into webhook_deliveries (practice_id, endpoint_id, outbox_id, message_id, event_type, attempt,
                                      attempted_at, outcome, status_code)
      values (${b.practiceId}, ${endpoint!.id}, ${webhookOld}, 'msg_1', 'alert.created', 1, ${longAgo}, 'delivered', 200)`
    track(
      'outbox',
      [
        await outbox(a, { topic: 'sms_reply', status: 'sent', updatedAt: past(RETENTION.finishedMessages) }),
        await outbox(b, { topic: 'client_notice', status: 'failed', updatedAt: past(RETENTION.finishedMessages) }),
        webhookOld,
        await outbox(a, {
          topic: 'reminder',
          status: 'cancelled',
          updatedAt: longAgo,
          appointmentId: endedLongAgo,
        }),
        await outbox(b, {
          topic: 'reminder',
          status: 'skipped',
          updatedAt: ago(20 * DAY),
          appointmentId: endedJustPast,
        }),
      ],
      [
        await outbox(a, { topic: 'client_notice', status: 'sent', updatedAt: inside(RETENTION.finishedMessages) }),
        // Still waiting to go out, however old: never deleted.
        await outbox(b, { topic: 'sms_reply', status: 'pending', updatedAt: longAgo }),
        await outbox(a, { topic: 'webhook', status: 'failed', updatedAt: inside(RETENTION.finishedWebhooks) }),
        // Sent and failed reminders are the history insights read.
        await outbox(a, { topic: 'reminder', status: 'sent', updatedAt: longAgo, appointmentId: endedLongAgo }),
        await outbox(a, {
          topic: 'reminder',
          status: 'failed',
          updatedAt: longAgo,
          appointmentId: endedLongAgo,
          channel: 'sms',
        }),
        // Unsent, but the session ended too recently, or is still to come.
        await outbox(b, {
          topic: 'reminder',
          status: 'cancelled',
          updatedAt: ago(20 * DAY),
          appointmentId: endedRecently,
        }),
        await outbox(a, { topic: 'reminder', status: 'cancelled', updatedAt: ago(20 * DAY), appointmentId: upcoming }),
      ],
    )

    const report = await housekeeping(t.sql, NOW)
    expect(report).toEqual({
      rateLimitWindows: 1,
      signInCodes: 2,
      exchangeTokens: 1,
      passkeyChallenges: 1,
      portalSessions: 2,
      inboundEvents: 2,
      finishedMessages: 2,
      finishedWebhooks: 1,
      unsentReminders: 2,
    })
    const columns: Record<string, string> = {
      rate_limits: 'bucket',
      portal_sign_in_codes: 'id',
      portal_exchange_tokens: 'jti',
      staff_passkey_challenges: 'challenge',
      portal_sessions: 'id',
      portal_refresh_tokens: 'token_hash',
      inbound_events: 'event_id',
      outbox: 'id',
    }
    for (const [table, { gone, kept }] of Object.entries(ids)) {
      expect(await remaining(table, columns[table]!, [...gone, ...kept]), table).toEqual([...kept].sort())
    }
    expect(await t.sql`select 1 from webhook_deliveries where outbox_id = ${webhookOld}`).toHaveLength(0)

    // Nothing left to do: a second run deletes nothing.
    expect(Object.values(await housekeeping(t.sql, NOW)).every((n) => n === 0)).toBe(true)
  })

  it('works in bounded batches: a long backlog goes over several runs', async () => {
    const old = past(RETENTION.rateLimitWindows)
    for (let i = 0; i < 7; i++) {
      await t.sql`insert into rate_limits (bucket, window_started_at, hits) values (${`backlog:${i}`}, ${old}, 1)`
    }
    const left = async () => (await t.sql`select 1 from rate_limits where bucket like 'backlog:%'`).length
    expect((await housekeeping(t.sql, NOW, { batchSize: 2, maxBatches: 2 })).rateLimitWindows).toBe(4)
    expect(await left()).toBe(3)
    expect((await housekeeping(t.sql, NOW, { batchSize: 2, maxBatches: 2 })).rateLimitWindows).toBe(3)
    expect(await left()).toBe(0)
  })

  it('runs from the Node dispatcher loop: on its first tick, then again once an hour has passed', async () => {
    const bucket = async (name: string) =>
      t.sql`insert into rate_limits (bucket, window_started_at, hits) values (${name}, ${past(RETENTION.rateLimitWindows)}, 1)`
    const there = async (name: string) => (await t.sql`select 1 from rate_limits where bucket = ${name}`).length > 0
    await bucket('loop:first')
    // Only push, of which there is nothing to send: this loop is here for its housekeeping.
    const dispatcher = startDispatcher(t.deps, {
      handlers: outboxHandlers,
      channels: ['push'],
      intervalMs: 20,
      housekeepingEveryMs: 60 * MINUTE,
    })
    try {
      await expect.poll(() => there('loop:first')).toBe(false)
      await bucket('loop:later')
      await new Promise((done) => setTimeout(done, 200)) // many ticks, all within the hour
      expect(await there('loop:later')).toBe(true)
      t.clock.advance(60 * MINUTE)
      await expect.poll(() => there('loop:later')).toBe(false)
    } finally {
      await dispatcher.stop()
      t.clock.set(NOW)
    }
  })

  it('two runs at once delete each row once and wait for nothing (real Postgres)', async (context) => {
    if (t.db.isEmbedded) context.skip()
    const old = past(RETENTION.inboundEvents)
    const place = places[0]!
    await t.sql`
      insert into inbound_events (practice_id, source, event_id, received_at)
      select ${place.practiceId}, 'resend', 'race-' || n, ${old} from generate_series(1, 60) as n`
    const reports = await Promise.all([1, 2].map(() => housekeeping(t.sql, NOW, { batchSize: 7, maxBatches: 20 })))
    expect(reports[0]!.inboundEvents + reports[1]!.inboundEvents).toBe(60)
    expect(await t.sql`select 1 from inbound_events where event_id like 'race-%'`).toHaveLength(0)
  })
})
