import { describe, expect, it } from 'vitest'
import { practiceForFile } from '../testing/fixtures'
import { sessionNow } from '../testing/portal'

/**
 * Six clients race for one free time at once, each moving their own session into it. On real
 * Postgres (DATABASE_URL) the six transactions run side by side and the no-double-booking
 * constraint lets exactly one in; the five others get 409 `slot_taken` with the times still free,
 * and their sessions are untouched. The same holds for six requests holding that time.
 */

const NOW = '2026-03-02T15:00:00Z'
const { t, adminKey, practiceId, f } = await practiceForFile('race', { now: NOW })
const therapistId = (await f.therapist()).id
await f.weekdayHours(therapistId)

async function racers(firstStart: string) {
  return Promise.all(
    Array.from({ length: 6 }, async (_, i) => {
      const client = await f.client({ name: `Racer ${i}` })
      const starts = new Date(Date.parse(firstStart) + i * 3_600_000).toISOString()
      const session = await f.appointment(therapistId, client.id, starts)
      const token = (await sessionNow(t, practiceId, client.id)).access_token
      return { client, session, token, starts }
    }),
  )
}

async function race(people: Awaited<ReturnType<typeof racers>>, slot: string) {
  return Promise.all(
    people.map((p) =>
      t.app.request(`/v1/portal/appointments/${p.session.id}/reschedule`, {
        method: 'POST',
        headers: { authorization: `Bearer ${p.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ starts_at: slot }),
      }),
    ),
  )
}

describe('six clients, one free time', () => {
  it('exactly one moves; the others get slot_taken with fresh times and keep their sessions', async () => {
    await t.call('PATCH', '/v1/practice', {
      key: adminKey,
      body: { reschedule: { mode: 'instant', inside_window: 'allow' } },
    })
    const people = await racers('2026-03-09T13:00:00Z') // Monday 9 March, 09:00–14:00 EDT
    const slot = '2026-03-10T14:00:00.000Z' // Tuesday 10:00 EDT
    const answers = await race(people, slot)
    const statuses = answers.map((a) => a.status).sort()
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409])
    for (const answer of answers.filter((a) => a.status === 409)) {
      const body = (await answer.json()) as any
      expect(body.error.code).toBe('slot_taken')
      expect(body.error.details.slots.length).toBeGreaterThan(0)
      expect(body.error.details.slots.map((s: { starts_at: string }) => s.starts_at)).not.toContain(slot)
    }
    const rows = await t.sql<{ id: string; starts_at: Date; version: number }[]>`
      select id, starts_at, version from appointments where therapist_id = ${therapistId} and status in ('scheduled', 'confirmed')`
    expect(rows.filter((r) => r.starts_at.toISOString() === slot)).toHaveLength(1)
    for (const p of people) {
      const row = rows.find((r) => r.id === p.session.id)!
      if (row.starts_at.toISOString() !== slot) expect(row).toMatchObject({ starts_at: new Date(p.starts), version: 1 })
    }
    const notices = await t.sql`select 1 from outbox where practice_id = ${practiceId} and topic = 'client_notice'
      and payload->>'kind' = 'rescheduled'`
    expect(notices).toHaveLength(1)
  })

  it('six requests for one time: exactly one holds it', async () => {
    await t.call('PATCH', '/v1/practice', {
      key: adminKey,
      body: { reschedule: { mode: 'request', inside_window: 'allow' } },
    })
    const people = await racers('2026-03-16T13:00:00Z')
    const answers = await race(people, '2026-03-17T14:00:00.000Z')
    expect(answers.map((a) => a.status).sort()).toEqual([202, 409, 409, 409, 409, 409])
    const holds =
      await t.sql`select 1 from reschedule_requests where therapist_id = ${therapistId} and status = 'requested'`
    expect(holds).toHaveLength(1)
  })
})
