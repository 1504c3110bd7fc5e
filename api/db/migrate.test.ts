import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connect } from './connect'
import { loadMigrations } from './load-migrations'
import { migrate } from './migrate'
import { asSystem, inPractice } from './tenant'
import { freshDatabase, type TestDatabase } from '../testing/database'

let db: TestDatabase
beforeAll(async () => {
  db = await freshDatabase()
})
afterAll(() => db.stop())

const TENANT_TABLES = ['practices', 'therapists', 'api_keys', 'clients', 'appointments', 'audit_log']

async function newPractice(slug: string) {
  const [row] = await asSystem(
    db.sql,
    (tx) => tx<{ id: string }[]>`
    insert into practices (name, slug, time_zone, cancellation_policy, reminder_schedule, crisis_resources)
    values (${slug}, ${slug}, 'UTC', '{}', '{}', '[]') returning id`,
  )
  return row!.id
}

describe('migrations', () => {
  it('apply once: a second run changes nothing', async () => {
    const migrations = await loadMigrations()
    expect(migrations.length).toBeGreaterThan(0)
    expect(await migrate(db.sql, migrations)).toEqual([])
    const rows = await db.sql`select name from schema_migrations order by name`
    expect(rows.map((r) => r.name)).toEqual(migrations.map((m) => m.name).sort())
  })

  it('two migrators starting at once apply each file exactly once', async () => {
    if (db.isEmbedded) return // PGlite is one connection; this race needs a real server
    const fresh = await freshDatabase()
    try {
      await fresh.sql.unsafe('drop schema public cascade; create schema public')
      const others = [connect(fresh.url, { max: 1 }), connect(fresh.url, { max: 1 })]
      const migrations = await loadMigrations()
      const results = await Promise.all(others.map((sql) => migrate(sql, migrations)))
      expect(results.flat().sort()).toEqual(migrations.map((m) => m.name).sort())
      await Promise.all(others.map((sql) => sql.end()))
    } finally {
      await fresh.stop()
    }
  })
})

describe('tenant isolation', () => {
  it('the app role can neither bypass row-level security nor act as superuser', async () => {
    const [role] = await db.sql`select rolsuper, rolbypassrls, rolcanlogin from pg_roles where rolname = 'hearth_app'`
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcanlogin: false })
  })

  it('every tenant table enables and forces row-level security', async () => {
    const rows = await db.sql`
      select relname, relrowsecurity, relforcerowsecurity from pg_class
      where relname in ${db.sql(TENANT_TABLES)} order by relname`
    expect(rows).toHaveLength(TENANT_TABLES.length)
    for (const row of rows) expect(row, row.relname).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true })
  })

  it('a practice transaction sees none of another practice, even without a practice filter', async () => {
    const a = await newPractice('iso-a')
    const b = await newPractice('iso-b')
    await asSystem(
      db.sql,
      (tx) => tx`
      insert into therapists (practice_id, name, email, time_zone, contact_policy)
      values (${a}, 'A', 'a@x.example', 'UTC', '{}'), (${b}, 'B', 'b@x.example', 'UTC', '{}')`,
    )
    const seen = await inPractice(db.sql, a, async (tx) => ({
      therapists: await tx`select name from therapists`,
      practices: await tx`select slug from practices`,
      role: (await tx`select current_user as role`)[0]!.role,
    }))
    expect(seen.therapists.map((r) => r.name)).toEqual(['A'])
    expect(seen.practices.map((r) => r.slug)).toEqual(['iso-a'])
    expect(seen.role).toBe('hearth_app')
  })

  it('refuses to write a row into another practice', async () => {
    const a = await newPractice('iso-c')
    const b = await newPractice('iso-d')
    await expect(
      inPractice(
        db.sql,
        a,
        (tx) => tx`
        insert into therapists (practice_id, name, email, time_zone, contact_policy)
        values (${b}, 'Intruder', 'i@x.example', 'UTC', '{}')`,
      ),
    ).rejects.toThrow(/row-level security/)
  })

  it('the tenant role cannot switch on system mode', async () => {
    const a = await newPractice('iso-e')
    await newPractice('iso-f')
    const slugs = await inPractice(db.sql, a, async (tx) => {
      await tx`select set_config('app.system', 'on', true)`
      return tx`select slug from practices`
    })
    expect(slugs.map((r) => r.slug)).toEqual(['iso-e'])
  })

  it('the tenant role can neither read nor write the email batches, even in its own practice', async () => {
    const practiceId = await newPractice('batches-walled')
    await expect(inPractice(db.sql, practiceId, (tx) => tx`select count(*) from email_batches`)).rejects.toThrow(
      /permission denied/,
    )
    await expect(
      inPractice(
        db.sql,
        practiceId,
        (tx) => tx`insert into email_batches (key, outbox_ids, messages, created_at, retry_at)
          values ('k', '{}', '[]', now(), now())`,
      ),
    ).rejects.toThrow(/permission denied/)
  })

  it("the key check is the system's alone; it scopes its transaction, and its system mode ends with it", async () => {
    const a = await newPractice('iso-g')
    await asSystem(
      db.sql,
      (tx) => tx`
      insert into api_keys (practice_id, role, key_hash, key_prefix) values (${a}, 'admin', 'hash-g', 'hearth_g')`,
    )
    await expect(inPractice(db.sql, a, (tx) => tx`select * from hearth_key_scope('hash-g', null)`)).rejects.toThrow(
      /permission denied/,
    )
    const [after] = await db.sql.begin(async (tx) => {
      await tx`select * from hearth_key_scope('hash-g', null)`
      return tx`
        select coalesce(current_setting('app.system', true), '') as system, hearth_current_practice() as practice`
    })
    expect(after).toEqual({ system: '', practice: a })
    await expect(db.sql.begin((tx) => tx`select * from hearth_key_scope('unknown', null)`)).rejects.toMatchObject({
      code: '28000',
    })
  })
})

describe('audit log', () => {
  it('is append-only, even for the owner', async () => {
    const a = await newPractice('audit-a')
    await asSystem(
      db.sql,
      (tx) => tx`insert into audit_log (practice_id, actor_kind, action) values (${a}, 'system', 'test')`,
    )
    await expect(db.sql`update audit_log set action = 'rewritten'`).rejects.toThrow(/append-only/)
    await expect(db.sql`delete from audit_log`).rejects.toThrow(/append-only/)
  })
})
