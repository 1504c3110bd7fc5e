import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshDatabase, type TestDatabase } from '../testing/database'
import { generatePracticeGroup } from '../testing/generate-practices'
import { type HotReadSubjects, hotReadSubjects, hotReads } from '../testing/hot-reads'

/**
 * The hot reads stay index-driven as the data grows: each statement they send, explained on a
 * generated practice group, reads the big tables (sessions, clients, the outbox, alerts) through
 * an index, never a sequential scan. Plans, not timings: `npm run bench scale` times them.
 */

const BIG_TABLES = ['appointments', 'clients', 'outbox', 'alerts', 'audit_log', 'confirmation_calls']
/** The indexes each read is meant to be driven by; a list inside names indexes any one of which will do. */
const DRIVEN_BY: Record<keyof ReturnType<typeof hotReads>, (string | string[])[]> = {
  'portal read': ['appointments_client_starts'],
  'staff day list': ['appointments_practice_starts'],
  // The sessions through whichever index of theirs fits the day best: the planner's pick between
  // the two turns on the generated practices' statistics and on how many of the therapist's
  // sessions fall in the next three days at the hour the test runs.
  'call list': [['appointments_practice_status_starts', 'appointments_practice_starts']],
  'alerts inbox': ['alerts_open'],
  'insights, 12 months': ['appointments_practice_status_starts'],
  // The practice's sent reminders counted once along their own index, not session by session.
  'insights by channel': ['appointments_practice_status_starts', 'outbox_sent_reminders'],
  'insights by reminder timing': ['appointments_practice_status_starts', 'outbox_sent_reminders'],
  "dispatcher's claim": ['outbox_due'],
}
type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: PlanNode[] }

let db: TestDatabase
let subjects: HotReadSubjects
let captured: { query: string; parameters: unknown[] }[] | null = null

beforeAll(async () => {
  db = await freshDatabase({ onQuery: (query, parameters) => captured?.push({ query, parameters }) })
  const group = await generatePracticeGroup(db.sql, {
    practices: 30,
    largest: { therapists: 6, clients: 400, sessionsPerTherapist: 400 },
    typical: { therapists: 2, clients: 30, sessionsPerTherapist: 60 },
    alertsPerPractice: 20,
  })
  subjects = await hotReadSubjects(db.sql, group.largestPracticeId)
}, 120_000)
afterAll(() => db.stop())

/** Each table read, with the indexes it was read through (a bitmap scan's come from its children). */
function scans(node: PlanNode): { table: string; type: string; indexes: string[] }[] {
  const indexesBelow = (n: PlanNode): string[] => [
    ...(n['Index Name'] ? [n['Index Name']] : []),
    ...(n['Relation Name'] && n !== node ? [] : (n.Plans ?? []).flatMap(indexesBelow)),
  ]
  const here = node['Relation Name']
    ? [{ table: node['Relation Name'], type: node['Node Type'], indexes: indexesBelow(node) }]
    : []
  return [...here, ...(node.Plans ?? []).flatMap(scans)]
}

async function statementsOf(read: () => Promise<void>) {
  captured = []
  await read()
  const statements = captured.filter(
    ({ query }) => /\b(from|update)\b/i.test(query) && !/^\s*(begin|commit)/i.test(query),
  )
  captured = null
  return statements
}

describe('the hot reads on a practice group', () => {
  for (const [name, expected] of Object.entries(DRIVEN_BY)) {
    const required = expected.map((index) => (Array.isArray(index) ? index : [index]))
    it(`${name} reads the big tables through ${required.map((anyOf) => anyOf.join(' or ')).join(' and ')}`, async () => {
      const read = hotReads(db.sql, subjects)[name as keyof typeof DRIVEN_BY]
      const statements = await statementsOf(read.run)
      expect(statements.length).toBeGreaterThan(0)
      const used = new Set<string>()
      for (const { query, parameters } of statements) {
        // Explained in the transaction the read runs in: a read its role may not do fails here.
        const [row] = await read.within((tx) => tx.unsafe(`explain (format json) ${query}`, parameters as never[]))
        const plan = (row!['QUERY PLAN'] as { Plan: PlanNode }[])[0]!.Plan
        const onBigTables = scans(plan).filter((node) => BIG_TABLES.includes(node.table))
        expect(onBigTables.length, query).toBeGreaterThan(0)
        for (const node of onBigTables) {
          for (const index of node.indexes) used.add(index)
          expect(node.type, `${node.table} in: ${query}`).not.toBe('Seq Scan')
        }
      }
      for (const anyOf of required) {
        expect(
          anyOf.some((one) => used.has(one)),
          `${anyOf.join(' or ')} among ${[...used].join(', ')}`,
        ).toBe(true)
      }
    })
  }
})

/** Every join in a plan, by its node type, with the tables read below it. */
function joins(node: PlanNode): { type: string; tables: string[] }[] {
  const tables = (n: PlanNode): string[] => [
    ...(n['Relation Name'] ? [n['Relation Name']] : []),
    ...(n.Plans ?? []).flatMap(tables),
  ]
  const here = /Nested Loop|Hash Join|Merge Join/.test(node['Node Type'])
    ? [{ type: node['Node Type'], tables: tables(node) }]
    : []
  return [...here, ...(node.Plans ?? []).flatMap(joins)]
}

describe('the insights joined to the sent reminders, under a generic plan', () => {
  for (const name of ['insights by channel', 'insights by reminder timing'] as const) {
    it(`${name} hashes its due sessions instead of recounting the reminders for each`, async () => {
      const read = hotReads(db.sql, subjects)[name]
      captured = []
      await read.run()
      const sent = captured
      captured = null
      const counting = sent.findIndex(({ query }) => /with due as/.test(query))
      const setsNoLoops = /set_config\('enable_nestloop', 'off', true\)/
      expect(sent.slice(0, counting).some(({ query }) => setsNoLoops.test(query))).toBe(true)

      const { query, parameters } = sent[counting]!
      const plan = async (nestLoops: boolean) => {
        const [row] = await read.within(async (tx) => {
          await tx`select set_config('plan_cache_mode', 'force_generic_plan', true),
                          set_config('enable_nestloop', ${nestLoops ? 'on' : 'off'}, true)`
          const types = parameters.map((value) =>
            value instanceof Date || /^\d{4}-\d\d-\d\d[ T]\d/.test(String(value))
              ? 'timestamptz'
              : /^[0-9a-f-]{36}$/.test(String(value))
                ? 'uuid'
                : 'text',
          )
          // A utility statement takes no bound parameters: the values go in as quoted literals.
          const literals = parameters.map((value, i) => `'${String(value).replaceAll("'", "''")}'::${types[i]}`)
          // Prepared statements outlive the transaction: each explain names its own and drops it.
          const name = `counting_${nestLoops ? 'loops' : 'hashed'}_${Date.now()}`
          await tx.unsafe(`prepare ${name}(${types.join(', ')}) as ${query}`).simple()
          const explained = await tx.unsafe(`explain (format json) execute ${name}(${literals.join(', ')})`).simple()
          await tx.unsafe(`deallocate ${name}`)
          return explained
        })
        return joins((row!['QUERY PLAN'] as { Plan: PlanNode }[])[0]!.Plan).filter((j) => j.tables.includes('outbox'))
      }
      // Left to the planner, the generic plan loops over its guess of one due session.
      expect((await plan(true)).map((j) => j.type)).toContain('Nested Loop')
      expect((await plan(false)).map((j) => j.type)).not.toContain('Nested Loop')
    })
  }
})
