import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatchDue } from '../outbox/dispatch'
import { outboxHandlers } from '../outbox/handlers'
import { startTestApp, type TestContext } from '../testing/app'
import { fixtures } from '../testing/fixtures'
import { signIn } from '../testing/portal'

/** A cancellation the client makes is confirmed to them in writing, on their channel. */

let t: TestContext
let adminKey: string
let f: ReturnType<typeof fixtures>
let therapistId: string

beforeAll(async () => {
  t = await startTestApp({ now: '2026-03-02T15:00:00Z' }) // Monday 10:00 in New York
  adminKey = (await t.createPractice('cancel-notes')).adminKey
  f = fixtures(t, adminKey)
  therapistId = (await f.therapist()).id
})
afterAll(() => t.stop())

const dispatch = () => dispatchDue(t.deps, { handlers: outboxHandlers, channels: ['email', 'sms', 'push'] })
const emailsTo = async (email: string) =>
  (await t.call('GET', `/dev/outbox?to=${encodeURIComponent(email)}`)).body.data as {
    subject: string
    text: string
  }[]

async function portalClient() {
  const client = await f.client()
  const token = (await signIn(t, 'cancel-notes', client.email)).access_token
  return { client, call: (method: string, path: string, body?: unknown) => t.call(method, path, { key: token, body }) }
}

describe('the written confirmation of a cancellation', () => {
  it('inside the window: names the session, the $75 fee and how to ask for it to be waived, with a link to it', async () => {
    const { client, call } = await portalClient()
    const apt = await f.appointment(therapistId, client.id, '2026-03-03T21:00:00Z') // tomorrow 4:00 pm
    const cancelled = await call('POST', `/v1/portal/appointments/${apt.id}/cancel`, { acknowledge_late: true })
    expect(cancelled.status).toBe(200)
    await dispatch()
    const note = (await emailsTo(client.email)).find((e) => e.subject.includes('cancelled'))
    expect(note, 'a confirmation email').toBeDefined()
    expect(note!.subject).toBe('Your appointment on Tuesday 3 March is cancelled')
    expect(note!.text).toContain('Your appointment on Tuesday 3 March at 4:00 pm EST is cancelled, as you asked.')
    expect(note!.text).toContain("the practice's $75.00 late-cancellation fee applies")
    expect(note!.text).toContain('you can ask for it to be waived in your portal')
    expect(note!.text).toContain(`/portal/cancel-notes?show=session&id=${apt.id}`)
  })

  it('in good time: no fee, and how to find another time', async () => {
    const { client, call } = await portalClient()
    const apt = await f.appointment(therapistId, client.id, '2026-03-10T19:00:00Z')
    expect((await call('POST', `/v1/portal/appointments/${apt.id}/cancel`, {})).status).toBe(200)
    await dispatch()
    const note = (await emailsTo(client.email)).find((e) => e.subject.includes('cancelled'))!
    expect(note.text).toContain('is cancelled, as you asked.')
    expect(note.text).not.toContain('fee')
    expect(note.text).toContain('find another time in your portal')
  })

  it('is sent once, and not for a cancellation the practice made', async () => {
    const { client, call } = await portalClient()
    const mine = await f.appointment(therapistId, client.id, '2026-03-11T19:00:00Z')
    await call('POST', `/v1/portal/appointments/${mine.id}/cancel`, {})
    await call('POST', `/v1/portal/appointments/${mine.id}/cancel`, {}) // a second tap
    const theirs = await f.appointment(therapistId, client.id, '2026-03-12T19:00:00Z')
    await t.call('PATCH', `/v1/appointments/${theirs.id}`, { key: adminKey, body: { status: 'cancelled' } })
    const rows = await t.sql<{ appointment_id: string }[]>`
      select appointment_id from outbox where topic = 'client_notice' and payload->>'kind' = 'cancelled_by_client'
        and client_id = ${client.id}`
    expect(rows.map((r) => r.appointment_id)).toEqual([mine.id])
  })
})
