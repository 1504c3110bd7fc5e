import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../testing/app'
import { fixtures } from '../testing/fixtures'

/**
 * A staff read by API key (the day list) checks its key inside the transaction it
 * reads in: BEGIN, the key check, the read and COMMIT are sent together. What must hold anyway:
 * an unknown or revoked key gets nothing and leaves no audit line, a key reads its own practice
 * only, a therapist's key its own therapist's sessions only, and every read is in the audit log.
 */

// Monday 2 March 2026, 10:00 in New York.
const NOW = '2026-03-02T15:00:00Z'
let t: TestContext
let captured: string[] | null = null
let a: { adminKey: string; practiceId: string; f: ReturnType<typeof fixtures> }
let b: { adminKey: string; practiceId: string; f: ReturnType<typeof fixtures> }
let ada: { id: string }
let sam: { id: string }
let adaKey: { id: string; key: string }
let theirs: { therapist: { id: string }; client: { id: string }; appointment: { id: string } }
let adaSession: { id: string }
let samSession: { id: string }

const DAY = 'from=2026-03-03T00:00:00Z&to=2026-03-04T00:00:00Z'

async function practice(slug: string) {
  const created = await t.createPractice(slug)
  return { adminKey: created.adminKey, practiceId: created.practice.id, f: fixtures(t, created.adminKey) }
}

beforeAll(async () => {
  t = await startTestApp({ now: NOW, onQuery: (query) => captured?.push(query) })
  a = await practice('read-a')
  b = await practice('read-b')
  ada = await a.f.therapist({ name: 'Dr. Ada Park' })
  sam = await a.f.therapist({ name: 'Sam Okafor' })
  const client = await a.f.client()
  adaSession = await a.f.appointment(ada.id, client.id, '2026-03-03T15:00:00Z')
  samSession = await a.f.appointment(sam.id, client.id, '2026-03-03T16:00:00Z')
  const made = await t.call('POST', '/v1/api-keys', {
    key: a.adminKey,
    body: { role: 'therapist', therapist_id: ada.id },
  })
  adaKey = { id: made.body.id, key: made.body.key }
  const therapist = await b.f.therapist()
  const theirClient = await b.f.client()
  theirs = {
    therapist,
    client: theirClient,
    appointment: await b.f.appointment(therapist.id, theirClient.id, '2026-03-03T15:30:00Z'),
  }
})
afterAll(() => t.stop())

const dayList = (key: string, query = DAY) => t.call('GET', `/v1/appointments?${query}`, { key })
const ids = (res: { body: { data: ({ id: string } | { appointment_id: string })[] } }) =>
  res.body.data.map((row) => ('id' in row ? row.id : row.appointment_id)).sort()
const auditLines = () => t.sql<{ n: number }[]>`select count(*)::int as n from audit_log`.then(([row]) => row!.n)

async function statementsOf(read: () => Promise<{ status: number }>) {
  captured = []
  const res = await read()
  expect(res.status).toBe(200)
  const statements = captured
  captured = null
  return statements
}

describe('a staff read by API key', () => {
  it('checks the key inside its transaction: nothing is asked before BEGIN', async () => {
    for (const read of [() => dayList(a.adminKey)]) {
      const statements = await statementsOf(read)
      expect(statements.filter((q) => /hearth_key_scope/.test(q))).toHaveLength(1)
      const begin = statements.findIndex((q) => /^\s*begin\b/i.test(q))
      const check = statements.findIndex((q) => /hearth_key_scope/.test(q))
      const commit = statements.findIndex((q) => /^\s*commit\b/i.test(q))
      expect(begin).toBe(0)
      expect(check).toBe(1)
      expect(commit).toBeGreaterThan(check)
      expect(statements.slice(0, commit).filter((q) => /^\s*begin\b/i.test(q))).toHaveLength(1)
    }
  })

  it('is in the audit log, with the key that read and its practice', async () => {
    await dayList(adaKey.key)
    const lines = await t.sql`
      select practice_id, actor_kind, actor_id, action, subject_id from audit_log order by id desc limit 1`
    expect(lines.map((l) => ({ ...l }))).toEqual([
      {
        practice_id: a.practiceId,
        actor_kind: 'api_key',
        actor_id: adaKey.id,
        action: 'appointments.listed',
        subject_id: null,
      },
    ])
  })

  it("reads its own practice only: another practice's sessions, clients and therapists are not there", async () => {
    expect(ids(await dayList(a.adminKey))).toEqual([adaSession.id, samSession.id].sort())
    expect(ids(await dayList(b.adminKey))).toEqual([theirs.appointment.id])
    expect((await dayList(a.adminKey, `${DAY}&client_id=${theirs.client.id}`)).body.data).toEqual([])
    expect((await dayList(a.adminKey, `${DAY}&therapist_id=${theirs.therapist.id}`)).body.data).toEqual([])
  })

  it("of a therapist sees that therapist's sessions only, whatever it asks for", async () => {
    expect(ids(await dayList(adaKey.key))).toEqual([adaSession.id])
    expect((await dayList(adaKey.key, `${DAY}&therapist_id=${sam.id}`)).body.data).toEqual([])
    expect(ids(await dayList(adaKey.key, `${DAY}&therapist_id=${ada.id.toUpperCase()}`))).toEqual([adaSession.id])
  })

  it('writes down when the key was used', async () => {
    const [key] = await t.sql`select last_used_at from api_keys where id = ${adaKey.id}`
    expect(key!.last_used_at).toEqual(new Date(NOW))
  })

  it('with an unknown or revoked key is refused, reads nothing and leaves no audit line', async () => {
    const before = await auditLines()
    for (const key of ['hearth_nonsense', `${a.adminKey}x`]) {
      expect((await dayList(key)).status).toBe(401)
      // Also when the route answers without reading (an id that cannot exist).
      expect((await dayList(key, `${DAY}&client_id=nope`)).status).toBe(401)
    }
    const revoked = await t.call('DELETE', `/v1/api-keys/${adaKey.id}`, { key: a.adminKey })
    expect(revoked.status).toBe(204)
    expect((await dayList(adaKey.key)).status).toBe(401)
    expect(await auditLines()).toBe(before + 1) // the revocation's own line
  })
})

describe('a staff read where reads write their own audit lines', () => {
  it('still checks the key inside its transaction and audits in it', async () => {
    await t.readAudits.stop()
    const before = await auditLines()
    const statements = await statementsOf(() => dayList(a.adminKey))
    const check = statements.findIndex((q) => /hearth_key_scope/.test(q))
    const insert = statements.findIndex((q) => /insert into audit_log/.test(q))
    const commit = statements.findIndex((q) => /^\s*commit\b/i.test(q))
    expect(check).toBe(1)
    expect(insert).toBeGreaterThan(check)
    expect(commit).toBeGreaterThan(insert)
    expect(await auditLines()).toBe(before + 1)
    expect((await dayList('hearth_nonsense')).status).toBe(401)
    expect(await auditLines()).toBe(before + 1)
  })
})
