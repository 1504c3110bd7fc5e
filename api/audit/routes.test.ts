import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../testing/app'
import { fixtures } from '../testing/fixtures'
import { signedInStaff } from '../testing/staff'
import { inPractice } from '../db/tenant'
import { raiseAlert } from '../alerts/raise'

let t: TestContext
let practiceId: string
let adminKey: string

beforeAll(async () => {
  t = await startTestApp({ deps: { clientIp: () => '198.51.100.7' } })
  const created = await t.createPractice('audited')
  practiceId = created.practice.id
  adminKey = created.adminKey
})
afterAll(() => t.stop())

describe('GET /v1/audit-log', () => {
  it('names the staff member behind every read and change, with their address and browser', async () => {
    const f = fixtures(t, adminKey)
    const client = await f.client({ name: 'Audited Client' })
    const desk = await signedInStaff(t, practiceId, { role: 'front_desk', name: 'Dee Desk' })
    const owner = await signedInStaff(t, practiceId, { role: 'owner', name: 'Priya Shah' })

    const read = await desk.call('GET', `/v1/clients/${client.id}`, { headers: { 'user-agent': 'DeskBrowser/1.0' } })
    expect(read.status).toBe(200)
    const schedule = await desk.call('GET', '/v1/appointments?from=2026-03-02T00:00:00Z&to=2026-03-09T00:00:00Z')
    expect(schedule.status, schedule.text).toBe(200)
    const alert = await inPractice(t.sql, practiceId, (tx) =>
      raiseAlert(
        tx,
        { practiceId, kind: 'unclear_reply', audience: 'front_desk', dedupeKey: 'audit-1', summary: 'A reply' },
        t.clock.now(),
      ),
    )
    const resolved = await desk.call('POST', `/v1/alerts/${alert!.id}/resolve`, { body: {} })
    expect(resolved.status, resolved.text).toBe(200)
    expect(resolved.body).toMatchObject({ resolved_by: desk.user.id, resolved_by_name: 'Dee Desk' })

    const log = await owner.call('GET', `/v1/audit-log?actor_id=${desk.user.id}`)
    expect(log.status, log.text).toBe(200)
    const actions = log.body.data.map((line: { action: string }) => line.action)
    expect(actions).toEqual(expect.arrayContaining(['client.read', 'appointments.listed', 'alert.resolved']))
    for (const line of log.body.data) {
      expect(line.actor).toEqual({ kind: 'staff', id: desk.user.id, name: 'Dee Desk' })
      expect(line.ip).toBe('198.51.100.7')
    }
    const clientRead = log.body.data.find((line: { action: string }) => line.action === 'client.read')
    expect(clientRead.user_agent).toBe('DeskBrowser/1.0')
    expect(clientRead.subject).toEqual({ kind: 'client', id: client.id })

    const bySubject = await owner.call('GET', `/v1/audit-log?subject_id=${client.id}`)
    expect(bySubject.body.data.every((line: { subject: { id: string } }) => line.subject.id === client.id)).toBe(true)
    // The log's times are the database's own (not the test clock's): a day from now holds nothing yet.
    const future = await owner.call('GET', `/v1/audit-log?from=${new Date(Date.now() + 86_400_000).toISOString()}`)
    expect(future.body.data).toEqual([])
  })

  it("audits the console's Schedule and Clients changes under the name of the person who made them", async () => {
    const f = fixtures(t, adminKey)
    const therapist = await f.therapist()
    const client = await f.client({ name: 'Changed Client' })
    const ahead = await f.appointment(therapist.id, client.id, '2026-03-05T15:00:00Z')
    const past = await f.appointment(therapist.id, client.id, '2026-03-01T15:00:00Z')
    const desk = await signedInStaff(t, practiceId, { role: 'front_desk', name: 'Fran Frontdesk' })
    const owner = await signedInStaff(t, practiceId, { role: 'owner', name: 'Priya Shah' })

    // What the Schedule and Clients screens send (staff/api.ts), with the person's own session.
    const cancelled = await desk.call('PATCH', `/v1/appointments/${ahead.id}`, {
      body: { status: 'cancelled', cancel_reason: 'The therapist is unwell' },
    })
    expect(cancelled.status, cancelled.text).toBe(200)
    const attended = await desk.call('PATCH', `/v1/appointments/${past.id}`, { body: { status: 'attended' } })
    expect(attended.status, attended.text).toBe(200)
    const edited = await desk.call('PATCH', `/v1/clients/${client.id}`, { body: { phone: '+15550109003' } })
    expect(edited.status, edited.text).toBe(200)

    const log = await owner.call('GET', `/v1/audit-log?actor_id=${desk.user.id}`)
    expect(log.status, log.text).toBe(200)
    const lines = log.body.data as { action: string; actor: unknown; subject: { id: string } }[]
    const named = { kind: 'staff', id: desk.user.id, name: 'Fran Frontdesk' }
    for (const [action, subject] of [
      ['appointment.cancelled', ahead.id],
      ['appointment.attended', past.id],
      ['client.updated', client.id],
    ]) {
      expect(lines, action).toContainEqual(
        expect.objectContaining({ action, actor: named, subject: expect.objectContaining({ id: subject }) }),
      )
    }
    const csv = await owner.call('GET', `/v1/audit-log?actor_id=${desk.user.id}`, { headers: { accept: 'text/csv' } })
    const changes = csv.text
      .split('\r\n')
      .filter((row) => /,(appointment\.cancelled|appointment\.attended|client\.updated),/.test(row))
    expect(changes).toHaveLength(3)
    for (const row of changes) expect(row).toContain(`,staff,${desk.user.id},Fran Frontdesk,`)
  })

  it('answers CSV when asked, and pages by cursor', async () => {
    const owner = await signedInStaff(t, practiceId, { role: 'owner', name: 'Csv, "Owner"' })
    const csv = await owner.call('GET', '/v1/audit-log', { headers: { accept: 'text/csv' } })
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/)
    const [header, ...lines] = csv.text.trim().split('\r\n')
    expect(header).toBe('at,actor_kind,actor_id,actor_name,action,subject_kind,subject_id,ip,user_agent')
    expect(lines.length).toBeGreaterThan(3)
    const first = await owner.call('GET', '/v1/audit-log?limit=2')
    expect(first.body.data).toHaveLength(2)
    const next = await owner.call('GET', `/v1/audit-log?limit=2&cursor=${first.body.next_cursor}`)
    expect(Number(next.body.data[0].id)).toBeLessThan(Number(first.body.data[1].id))
    const named = await owner.call('GET', `/v1/audit-log?actor_id=${owner.user.id}`, {
      headers: { accept: 'text/csv' },
    })
    expect(named.text).toContain('"Csv, ""Owner"""')
  })

  it('is for owners and admins only', async () => {
    for (const role of ['front_desk', 'therapist'] as const) {
      const therapistId = role === 'therapist' ? (await fixtures(t, adminKey).therapist()).id : null
      const person = await signedInStaff(t, practiceId, { role, therapistId })
      const res = await person.call('GET', '/v1/audit-log')
      expect(res.status).toBe(403)
    }
    expect((await t.call('GET', '/v1/audit-log', { key: adminKey })).status).toBe(200)
  })
})
