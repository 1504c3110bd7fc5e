import { type ChildProcess, spawn } from 'node:child_process'
import { insertPractice } from '../api/practice/queries'
import { asSystem } from '../api/db/tenant'
import { startFakeResend } from '../api/testing/fakes/resend'
import { freshDatabase, type TestDatabase } from '../api/testing/database'
import { defaultCrisisResources } from '../shared/crisis'
import { DEFAULT_CANCELLATION_POLICY, DEFAULT_REMINDER_SCHEDULE } from '../shared/schemas/policies'

/**
 * Reminders dispatched per second to a loopback fake Resend, by 1 and then 2 dispatcher processes
 * (`api/dispatcher.ts`, the production entry) over real Postgres, for 10,000 due reminders: each
 * email alone (POST /emails, DISPATCH_EMAIL_BATCHES=off) and in Resend batches of up to 100
 * (POST /emails/batch, the default), side by side with the goal. Exactly-once is checked as well:
 * 10,000 rows sent, 10,000 emails received, 10,000 distinct emails.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench reminders
 *
 * BENCH_QUICK=1 for 1,000; BENCH_PROFILE=1 writes CPU profiles to /tmp/prof (BENCH_PROFILE_DIR).
 */

const TOTAL = Number(process.env.BENCH_REMINDERS ?? (process.env.BENCH_QUICK ? 1_000 : 10_000))
const SECRET = 'bench-secret-with-enough-entropy-0123456789abcdef'
/** Rows claimed per transaction and sends in flight per process (DISPATCH_BATCH, DISPATCH_CONCURRENCY). */
const BATCH = Number(process.env.BENCH_BATCH ?? 500)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 128)
/** Hearth issue 15: two dispatchers on 10,000 due reminders. */
const GOAL_PER_SECOND = 2_000
const MODES = (process.env.BENCH_MODES ?? 'alone,batches').split(',') as Mode[]
type Mode = 'alone' | 'batches'

let db: TestDatabase
let sql: TestDatabase['sql']

async function seed() {
  const practice = await asSystem(sql, (tx) =>
    insertPractice(tx, {
      name: 'Bench Practice',
      slug: 'bench',
      time_zone: 'UTC',
      country: 'US',
      allowed_origins: [],
      locales: ['en'],
      cancellation_policy: DEFAULT_CANCELLATION_POLICY,
      reminder_schedule: DEFAULT_REMINDER_SCHEDULE,
      crisis_resources: defaultCrisisResources('US'),
      branding: {},
    }),
  )
  await asSystem(sql, async (tx) => {
    await tx`
      insert into therapists (practice_id, name, email, time_zone, contact_policy)
      select ${practice.id}, 'Dr. Bench ' || i, 'bench' || i || '@example.com', 'UTC', '{}'
      from generate_series(1, 100) i`
    await tx`
      insert into clients (practice_id, name, email, time_zone)
      select ${practice.id}, 'Client ' || i, 'client' || i || '@example.com',
             (array['America/New_York', 'Europe/London', 'Asia/Tokyo', 'Australia/Sydney'])[1 + i % 4]
      from generate_series(1, 2000) i`
    // 100 sessions for each of 100 therapists, an hour apart, from two days out.
    await tx`
      insert into appointments (practice_id, therapist_id, client_id, starts_at, ends_at, type)
      select ${practice.id}, t.id, c.id, s.starts_at, s.starts_at + interval '50 minutes', 'Individual session'
      from (select id, row_number() over (order by id) - 1 as n from therapists) t
      cross join generate_series(0, ${TOTAL / 100 - 1}) slot
      cross join lateral (select now() + interval '2 days' + slot * interval '1 hour' as starts_at) s
      join (select id, row_number() over (order by id) - 1 as n from clients) c
        on c.n = (t.n * ${TOTAL / 100} + slot) % 2000`
  })
}

/** Every appointment's confirmation request, due a minute ago. A fresh fake Resend per run forgets the keys. */
async function resetOutbox() {
  await asSystem(sql, async (tx) => {
    await tx`delete from outbox`
    await tx`
      insert into outbox (practice_id, topic, channel, idempotency_key, appointment_id, client_id, reminder_kind,
                          send_at, due_at)
      select practice_id, 'reminder', 'email', 'reminder/' || id || '/confirmation/email/1', id, client_id,
             'confirmation', now() - interval '1 minute', now() - interval '1 minute'
      from appointments`
  })
}

function dispatcher(resendUrl: string, mode: Mode): ChildProcess {
  return spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROFILE
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR ?? '/tmp/prof'}`]
        : []),
      '--import',
      'tsx',
      'api/dispatcher.ts',
    ],
    {
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        HEARTH_SECRET: SECRET,
        PUBLIC_URL: 'https://portal.hearth.example',
        RESEND_API_KEY: 're_bench',
        RESEND_BASE_URL: resendUrl,
        DISPATCH_CHANNELS: 'email',
        DISPATCH_BATCH: String(BATCH),
        DISPATCH_CONCURRENCY: String(CONCURRENCY),
        DISPATCH_UNTIL_IDLE: '1',
        DISPATCH_EMAIL_BATCHES: mode === 'batches' ? 'on' : 'off',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  )
}

async function run(mode: Mode, processes: number) {
  await resetOutbox()
  const resend = await startFakeResend()
  let first = 0
  let last = 0
  const counted = resend.requests.push.bind(resend.requests)
  resend.requests.push = (...items) => {
    const now = performance.now()
    first ||= now
    last = now
    return counted(...items)
  }
  const children = Array.from({ length: processes }, () => dispatcher(resend.url, mode))
  await Promise.all(children.map((child) => new Promise((resolve) => child.once('exit', resolve))))
  const [sent] = await sql<{ n: number }[]>`select count(*)::int as n from outbox where status = 'sent'`
  const seconds = (last - first) / 1000
  const result = {
    mode,
    processes,
    reminders: TOTAL,
    seconds: Number(seconds.toFixed(2)),
    per_second: seconds > 0 ? Math.round(TOTAL / seconds) : 0,
    rows_sent: sent!.n,
    emails_received: resend.requests.length,
    http_requests: resend.requests.length - resend.batches.reduce((n, b) => n + b.size - 1, 0),
    distinct_emails: new Set(resend.emails.map((e) => e.idempotencyKey)).size,
  }
  await resend.close()
  return result
}

export default async function benchReminders(): Promise<void> {
  process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/test'
  db = await freshDatabase({ max: 4 })
  sql = db.sql
  try {
    await seed()
    console.log(
      `Dispatching ${TOTAL} due email reminders to a loopback fake Resend over real Postgres ` +
        `(batches of ${BATCH}, ${CONCURRENCY} sends in flight per process; goal ${GOAL_PER_SECOND}/s with two):`,
    )
    for (const mode of MODES) {
      for (const processes of [1, 2]) {
        const r = await run(mode, processes)
        const label = `${mode === 'batches' ? 'in Resend batches' : 'each email alone'}, ${r.processes} process${r.processes > 1 ? 'es' : ''}`
        console.log(
          `  ${label.padEnd(32)} ${String(r.per_second).padStart(5)} reminders/s` +
            `${processes === 2 ? ` (goal ${GOAL_PER_SECOND})` : ''} ` +
            `(${r.seconds} s; rows sent ${r.rows_sent}, emails received ${r.emails_received}, ` +
            `HTTP requests ${r.http_requests}, distinct emails ${r.distinct_emails})`,
        )
        if (r.rows_sent !== TOTAL || r.distinct_emails !== TOTAL || r.emails_received !== TOTAL) {
          console.error('  exactly-once check FAILED')
          process.exitCode = 1
        }
      }
    }
  } finally {
    await db.stop()
  }
}
