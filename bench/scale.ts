import { freshDatabase } from '../api/testing/database'
import { type GroupShape, generatePracticeGroup, PRACTICE_GROUP } from '../api/testing/generate-practices'
import { hotReadSubjects, hotReads } from '../api/testing/hot-reads'

/**
 * The hot reads as the data grows. The same largest practice (30 therapists, 10,000 clients,
 * ~100,000 sessions) is generated alone with 9 typical practices, then within a group of 1,000
 * practices (~100,000 clients, ~1,000,000 sessions, ~3,000,000 outbox rows); each read runs one
 * after another and prints p50 and p99 for both, with the ceiling: within 2x of the small
 * database, insights under 300 ms. Whether the plans use their indexes is a test
 * (api/db/plans.test.ts), not a timing.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench scale
 *   BENCH_QUICK=1: a group of 20 small practices, for CI to see that it still runs.
 */

const QUICK = Boolean(process.env.BENCH_QUICK)
const RUNS = QUICK ? 10 : 200
const QUICK_GROUP: GroupShape = {
  practices: 20,
  largest: { therapists: 4, clients: 200, sessionsPerTherapist: 200 },
  typical: { therapists: 2, clients: 20, sessionsPerTherapist: 40 },
  alertsPerPractice: 10,
}
const INSIGHTS_CEILING_MS = 300

type Timing = { p50: number; p99: number }

async function time(run: () => Promise<void>): Promise<Timing> {
  for (let i = 0; i < Math.min(20, RUNS); i++) await run()
  const samples: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now()
    await run()
    samples.push(performance.now() - started)
  }
  samples.sort((a, b) => a - b)
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!
  return { p50: at(0.5), p99: at(0.99) }
}

async function measure(shape: GroupShape) {
  const db = await freshDatabase()
  try {
    const started = performance.now()
    const group = await generatePracticeGroup(db.sql, shape)
    const seconds = (performance.now() - started) / 1000
    const c = group.counts
    console.log(
      `generated ${c.practices} practices, ${c.clients} clients, ${c.appointments} sessions, ${c.outbox} outbox rows, ${c.alerts} alerts in ${seconds.toFixed(0)} s`,
    )
    const reads = hotReads(db.sql, await hotReadSubjects(db.sql, group.largestPracticeId))
    const timings = new Map<string, Timing>()
    for (const [name, read] of Object.entries(reads)) timings.set(name, await time(read.run))
    return timings
  } finally {
    await db.stop()
  }
}

const ms = (n: number) => `${n.toFixed(1)} ms`

export default async function scaleBench() {
  if (!process.env.DATABASE_URL) {
    console.log('Set DATABASE_URL to a Postgres server: the scale is measured there.')
    return
  }
  const group = QUICK ? QUICK_GROUP : PRACTICE_GROUP
  const small = await measure({ ...group, practices: QUICK ? 2 : 10 })
  const large = await measure(group)
  console.log(`\n${RUNS} runs each, one after another, on the largest practice`)
  const row = (cells: string[]) => console.log(cells.map((c, i) => (i ? c.padStart(12) : c.padEnd(28))).join(''))
  row(['read', 'small p50', 'p99', 'group p50', 'p99', 'ratio p50', 'ceiling'])
  for (const [name, s] of small) {
    const l = large.get(name)!
    const ceiling = name.startsWith('insights') ? `2x, <${INSIGHTS_CEILING_MS}ms` : '2x'
    row([name, ms(s.p50), ms(s.p99), ms(l.p50), ms(l.p99), (l.p50 / s.p50).toFixed(2), ceiling])
  }
}
