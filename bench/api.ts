import { connect } from '../api/db/connect'
import { freshDatabase } from '../api/testing/database'
import { cpuDuring } from './api/cpu'
import { type Figures, load } from './api/load'
import { type Server, startBare, startHearth } from './api/servers'

/**
 * Hearth's read path against its ceiling. Each of three reads (the client's audited portal list,
 * the staff day list, the call list) runs against Hearth's production Node entry and against a bare
 * Hono route doing the one equivalent query over postgres.js with its defaults, on the same
 * Postgres, interleaved round by round, with autocannon at 50 connections. Then the portal read
 * once more on the embedded default (`npm start` without DATABASE_URL).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench api
 *   BENCH_SECONDS=10 BENCH_ROUNDS=2 (the defaults)
 *   DATABASE_POOL_MAX=20 (both servers' pools; 10 unless set)
 */

const QUICK = Boolean(process.env.BENCH_QUICK)
const SECONDS = Number(process.env.BENCH_SECONDS ?? (QUICK ? 2 : 10))
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (QUICK ? 1 : 2))
const ADMIN_KEY = 'hk_live_benchbenchbench_0123456789abcdefghijklmnop'
const SECRET = 'bench-secret-with-enough-entropy-0123456789abcdef'
/** The targets: at least half the ceiling's throughput, p99 under 50 ms. */
const RATIO_TARGET = 0.5
const P99_TARGET_MS = 50

type Read = { name: string; hearth: { path: string; headers: Record<string, string> }; bare: string }

async function json(url: string, init: RequestInit = {}) {
  const response = await fetch(url, init)
  const body = await response.json()
  if (!response.ok) throw new Error(`${url}: ${response.status} ${JSON.stringify(body)}`)
  return body
}

/** A client signed in the way a client signs in: the code from the development outbox. */
async function portalToken(hearth: string, email: string): Promise<string> {
  const post = (path: string, body: unknown) =>
    json(`${hearth}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  await fetch(`${hearth}/v1/portal/auth/start`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ practice: 'demo', email }),
  })
  const outbox = await json(`${hearth}/dev/outbox?to=${encodeURIComponent(email)}`)
  const code = /\b(\d{6})\b/.exec(outbox.data.find((m: { text: string }) => /\b\d{6}\b/.test(m.text)).text)![1]
  return (await post('/v1/portal/auth/verify', { practice: 'demo', email, code })).access_token
}

async function reads(hearth: string): Promise<Read[]> {
  const admin = { authorization: `Bearer ${ADMIN_KEY}` }
  const me = await json(`${hearth}/v1/whoami`, { headers: admin })
  const practiceId: string = me.practice_id ?? me.practice?.id
  const therapists = (await json(`${hearth}/v1/therapists`, { headers: admin })).data
  const clients = (await json(`${hearth}/v1/clients?limit=200`, { headers: admin })).data
  const alex = clients.find((c: { email: string }) => c.email === 'alex@example.com')
  const from = new Date(Date.now() - 86_400_000).toISOString()
  const to = new Date(Date.now() + 7 * 86_400_000).toISOString()
  const token = await portalToken(hearth, 'alex@example.com')
  return [
    {
      name: 'portal read',
      hearth: { path: '/v1/portal/appointments', headers: { authorization: `Bearer ${token}` } },
      bare: `/portal/${practiceId}/${alex.id}`,
    },
    {
      name: 'staff day list',
      hearth: { path: `/v1/appointments?from=${from}&to=${to}`, headers: admin },
      bare: `/day/${practiceId}?from=${from}&to=${to}`,
    },
    {
      name: 'call list',
      hearth: { path: `/v1/confirmation-calls?therapist_id=${therapists[0].id}`, headers: admin },
      bare: `/calls/${practiceId}/${therapists[0].id}?from=${from}&to=${to}`,
    },
  ]
}

const ms = (n: number) => `${n.toFixed(0)} ms`
const micros = (n: number | null) => (n === null ? 'n/a' : `${n.toFixed(0)} µs`)

/** A round's figures with the CPU each request cost the server's process and the database's backends. */
type Measured = Figures & { serverCpu: number | null; databaseCpu: number | null }
const row = (cells: string[]) => console.log(cells.map((c, i) => (i ? c.padStart(13) : c.padEnd(16))).join(''))

function best(runs: Measured[]): Measured {
  return runs.reduce((a, b) => (b.rps > a.rps ? b : a))
}

export default async function apiBench() {
  if (!process.env.DATABASE_URL) {
    console.log('Set DATABASE_URL to a Postgres server: the ceiling is measured there.')
    return
  }
  const db = await freshDatabase()
  // One connection of its own, so the CPU count can leave out its backend.
  const admin = connect(db.url, { max: 1 })
  let hearth: Server | null = null
  let bare: Server | null = null
  try {
    hearth = await startHearth({ databaseUrl: db.url, adminKey: ADMIN_KEY, secret: SECRET })
    bare = await startBare(db.url)
    const list = await reads(hearth.url)
    const database = new URL(db.url).pathname.slice(1)
    const measured = async (server: Server, path: string, headers: Record<string, string>): Promise<Measured> => {
      const { result: figures, cpu } = await cpuDuring(admin, database, server.pid, () =>
        load(`${server.url}${path}`, headers, SECONDS),
      )
      const each = (total: number | null) => (total === null || !figures.requests ? null : total / figures.requests)
      return { ...figures, serverCpu: each(cpu.server), databaseCpu: each(cpu.database) }
    }
    const results = new Map<string, { hearth: Measured[]; bare: Measured[] }>()
    for (let round = 0; round < ROUNDS; round++) {
      for (const read of list) {
        const entry = results.get(read.name) ?? { hearth: [], bare: [] }
        entry.hearth.push(await measured(hearth, read.hearth.path, read.hearth.headers))
        entry.bare.push(await measured(bare, read.bare, {}))
        results.set(read.name, entry)
      }
    }
    console.log(
      `Real Postgres, 50 connections, pools of ${process.env.DATABASE_POOL_MAX || 10}, ${ROUNDS} interleaved rounds of ${SECONDS} s (best round shown)`,
    )
    row(['read', 'Hearth req/s', 'p50', 'p99', 'non-2xx', 'bare req/s', 'p50', 'p99', 'ratio', 'target'])
    for (const [name, r] of results) {
      const h = best(r.hearth)
      const b = best(r.bare)
      row([
        name,
        h.rps.toFixed(0),
        ms(h.p50),
        ms(h.p99),
        String(h.non2xx + h.errors),
        b.rps.toFixed(0),
        ms(b.p50),
        ms(b.p99),
        (h.rps / b.rps).toFixed(2),
        `≥${RATIO_TARGET} <${P99_TARGET_MS}ms`,
      ])
    }
    console.log('CPU per request, in the best round: the server process, then the database backends serving it')
    row(['read', 'Hearth', 'its Postgres', 'bare', 'its Postgres'])
    for (const [name, r] of results) {
      const h = best(r.hearth)
      const b = best(r.bare)
      row([name, micros(h.serverCpu), micros(h.databaseCpu), micros(b.serverCpu), micros(b.databaseCpu)])
    }
  } finally {
    await admin.end({ timeout: 1 })
    await hearth?.stop()
    await bare?.stop()
    await db.stop()
  }

  const embedded = await startHearth({ databaseUrl: null, adminKey: ADMIN_KEY, secret: SECRET })
  try {
    const [portal] = await reads(embedded.url)
    const figures = await load(`${embedded.url}${portal!.hearth.path}`, portal!.hearth.headers, SECONDS)
    console.log(
      `Embedded default, portal read: ${figures.rps.toFixed(0)} req/s, p50 ${ms(figures.p50)}, p99 ${ms(figures.p99)}, non-2xx ${figures.non2xx + figures.errors}`,
    )
  } finally {
    await embedded.stop()
  }
}
