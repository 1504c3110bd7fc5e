import { afterAll, describe, expect, it } from 'vitest'
import { dispatchDue } from '../outbox/dispatch'
import { outboxHandlers } from '../outbox/handlers'
import { startFakeSmsGateway } from '../testing/fakes/sms-gateway'
import { practiceForFile, fixtures } from '../testing/fixtures'
import { signIn } from '../testing/portal'
import { signedInStaff } from '../testing/staff'

const GATEWAY_SECRET = 'gateway-secret-for-paging-tests-0123456789'
const NIGHT = '2026-03-04T07:00:00Z' // 2 am in New York: urgent words page at any hour
let n = 0

const gateway = await startFakeSmsGateway(GATEWAY_SECRET)
afterAll(() => gateway.close())
const { t, adminKey, practiceId, f } = await practiceForFile('paging', { now: NIGHT })
const patched = await t.call('PATCH', '/v1/practice', {
  key: adminKey,
  body: {
    sms_gateway: { url: gateway.url, signing_secret: GATEWAY_SECRET },
    contact_email: 'frontdesk@calmwaters.example',
  },
})
expect(patched.body).toMatchObject({ urgent_escalation_minutes: 15, contact_email: 'frontdesk@calmwaters.example' })

const dispatch = () => dispatchDue(t.deps, { handlers: outboxHandlers, channels: ['email', 'sms', 'push'] })
const emailsTo = (to: string) => t.deps.mailer.outbox!.list({ to }).filter((e) => e.subject.startsWith('Urgent'))
const textsTo = (to: string) => gateway.texts.filter((m) => m.to === to)

/** A therapist with a phone, and a client of theirs who writes "I'm in crisis" from the portal. */
async function crisis(words = 'I do not want to be here tonight') {
  n += 1
  const phone = `+1555010${4000 + n}`
  const therapist = await f.therapist({ name: `Dr. Page ${n}`, email: `page${n}@calmwaters.example`, phone })
  const client = await f.client({ name: `Robin Quill ${n}` })
  await f.appointment(therapist.id, client.id, new Date(Date.parse(NIGHT) + n * 86_400_000).toISOString())
  const token = (await signIn(t, 'paging', client.email)).access_token as string
  const sent = await t.call('POST', '/v1/portal/messages', { key: token, body: { category: 'crisis', body: words } })
  expect(sent.status).toBe(201)
  const alert = (await t.call('GET', '/v1/alerts?kind=crisis_message', { key: adminKey })).body.data.find(
    (a: { client_id: string }) => a.client_id === client.id,
  )
  return { therapist: { ...therapist, phone }, client, alert, token }
}
const history = async (alertId: string) =>
  (await t.call('GET', `/v1/alerts/${alertId}`, { key: adminKey })).body.history.map(
    (e: { kind: string; recipient: string; channel?: string }) => [e.kind, e.recipient, e.channel ?? null],
  )

describe('urgent paging', () => {
  it('pages the therapist at once at 2 am by email and text, with no client words, and no name by text', async () => {
    const { therapist, client, alert } = await crisis('secret-crisis-words')
    await dispatch()
    const [email] = emailsTo(therapist.email)
    expect(email!.subject).toBe("Urgent: a client's message is waiting in Hearth")
    expect(email!.text).toContain(`http://hearth.test/staff#alerts/${alert.id}`)
    const [text] = textsTo(therapist.phone)
    expect(text!.text).toBe(
      `Urgent: a client's message is waiting in Hearth. Open the console: http://hearth.test/staff#alerts/${alert.id}`,
    )
    const everything = JSON.stringify([email, text])
    expect(everything).not.toContain('secret-crisis-words')
    expect(text!.text).not.toContain(client.name)
    expect(await history(alert.id)).toEqual([
      ['paged', `therapist:${therapist.id}`, 'email'],
      ['paged', `therapist:${therapist.id}`, 'sms'],
    ])
  })

  it('escalates to the front desk after the practice’s window, not before, and only once', async () => {
    const { alert } = await crisis()
    await dispatch()
    t.clock.advance(14 * 60_000 + 59_000)
    await dispatch()
    expect(emailsTo('frontdesk@calmwaters.example').filter((e) => e.text.includes(alert.id))).toEqual([])
    t.clock.advance(1000)
    await dispatch()
    await dispatch()
    const escalations = emailsTo('frontdesk@calmwaters.example').filter((e) => e.text.includes(alert.id))
    expect(escalations).toHaveLength(1)
    expect(escalations[0]!.text).toContain(
      'Nobody has opened an urgent message from a client in 15 minutes. Please check it now.',
    )
    expect((await history(alert.id)).at(-1)).toEqual(['escalated', 'practice', 'email'])
  })

  it('acknowledging stops the escalation, and is in the history', async () => {
    const { alert, therapist } = await crisis()
    await dispatch()
    t.clock.advance(5 * 60_000)
    const acked = await t.call('POST', `/v1/alerts/${alert.id}/acknowledge`, { key: adminKey })
    expect(acked.body.acknowledged_at).toBe(t.clock.now().toISOString())
    const again = await t.call('POST', `/v1/alerts/${alert.id}/acknowledge`, { key: adminKey })
    expect(again.body.acknowledged_at, 'the first acknowledgement is kept').toBe(acked.body.acknowledged_at)
    t.clock.advance(20 * 60_000)
    await dispatch()
    expect(emailsTo('frontdesk@calmwaters.example').filter((e) => e.text.includes(alert.id))).toEqual([])
    expect((await history(alert.id)).map((e: string[]) => e[0])).toEqual(['paged', 'paged', 'acknowledged'])
    const [row] = await t.sql`
      select status, closed_reason from outbox
      where topic = 'staff_page' and payload->>'alert_id' = ${alert.id} and payload->>'stage' = 'escalation'`
    expect(row).toEqual({ status: 'skipped', closed_reason: 'acknowledged' })
    expect(textsTo(therapist.phone)).toHaveLength(1)
  })

  it('the therapist opening the thread acknowledges it', async () => {
    const { alert, therapist } = await crisis()
    const key = await f.therapistKey(therapist.id)
    await t.call('GET', `/v1/threads/${alert.thread_id}/messages`, { key })
    t.clock.advance(16 * 60_000)
    await dispatch()
    expect(emailsTo('frontdesk@calmwaters.example').filter((e) => e.text.includes(alert.id))).toEqual([])
  })

  it('follows each person’s urgent channels, and a window the practice sets', async () => {
    const { therapist } = await crisis()
    await dispatch()
    const key = await f.therapistKey(therapist.id)
    expect((await t.call('GET', '/v1/staff/me/notifications', { key })).body).toEqual({
      urgent: ['email', 'sms', 'push'],
      new_messages: 'immediately',
      daily_digest: true,
    })
    const settings = { urgent: ['sms'], new_messages: 'hourly', daily_digest: false }
    expect((await t.call('PUT', '/v1/staff/me/notifications', { key, body: settings })).status).toBe(200)
    expect((await t.call('GET', '/v1/staff/me/notifications', { key })).body).toEqual(settings)
    const bad = await t.call('PUT', '/v1/staff/me/notifications', { key, body: { ...settings, urgent: ['pager'] } })
    expect(bad.status).toBe(400)
    expect(
      (await t.call('PATCH', '/v1/practice', { key: adminKey, body: { urgent_escalation_minutes: 0 } })).status,
    ).toBe(400)
    await t.call('PATCH', '/v1/practice', { key: adminKey, body: { urgent_escalation_minutes: 2 } })

    // The next crisis for this therapist: a text only; the front desk after two minutes.
    const client = await f.client({ name: 'Ari Moss' })
    await f.appointment(therapist.id, client.id, new Date(Date.parse(NIGHT) + 40 * 86_400_000).toISOString())
    const token = (await signIn(t, 'paging', client.email)).access_token as string
    await t.call('POST', '/v1/portal/messages', { key: token, body: { category: 'crisis', body: 'Help' } })
    const before = emailsTo(therapist.email).length
    await dispatch()
    expect(emailsTo(therapist.email)).toHaveLength(before)
    expect(textsTo(therapist.phone)).toHaveLength(2)
    t.clock.advance(2 * 60_000)
    await dispatch()
    const [latest] = emailsTo('frontdesk@calmwaters.example').slice(-1)
    expect(latest!.text).toContain('in 2 minutes')
    await t.call('PATCH', '/v1/practice', { key: adminKey, body: { urgent_escalation_minutes: 15 } })
  })

  it('a resolved alert pages nobody; another practice cannot see or acknowledge it', async () => {
    const { alert, therapist } = await crisis()
    await t.call('POST', `/v1/alerts/${alert.id}/resolve`, { key: adminKey, body: {} })
    await dispatch()
    expect(emailsTo(therapist.email)).toEqual([])
    const other = (await t.createPractice('paging-other')).adminKey
    expect((await t.call('POST', `/v1/alerts/${alert.id}/acknowledge`, { key: other })).status).toBe(404)
    expect((await t.call('GET', `/v1/alerts/${alert.id}`, { key: other })).status).toBe(404)
    const otherTherapist = await f.therapist()
    const wrongTherapist = await f.therapistKey(otherTherapist.id)
    expect((await t.call('POST', `/v1/alerts/${alert.id}/acknowledge`, { key: wrongTherapist })).status).toBe(404)
    expect((await t.call('POST', `/v1/alerts/${alert.id}/acknowledge`, { key: null })).status).toBe(401)
  })

  it('the history says who was told, when and how, who acknowledged and who resolved it, by name', async () => {
    const { alert, therapist } = await crisis()
    await dispatch()
    t.clock.advance(15 * 60_000)
    await dispatch()
    t.clock.advance(60_000)
    const owner = await signedInStaff(t, practiceId, { role: 'owner', name: 'Priya Shah' })
    expect((await owner.call('POST', `/v1/alerts/${alert.id}/acknowledge`)).status).toBe(200)
    t.clock.advance(60_000)
    expect((await owner.call('POST', `/v1/alerts/${alert.id}/resolve`, { body: { note: 'Called them' } })).status).toBe(
      200,
    )
    const opened = Date.parse(NIGHT)
    const expected = [
      { kind: 'paged', recipient: `therapist:${therapist.id}`, name: therapist.name, channel: 'email', stage: 'first' },
      { kind: 'paged', recipient: `therapist:${therapist.id}`, name: therapist.name, channel: 'sms', stage: 'first' },
      { kind: 'escalated', recipient: 'practice', channel: 'email', stage: 'escalation' },
      { kind: 'acknowledged', recipient: owner.user.id, name: 'Priya Shah' },
      { kind: 'resolved', recipient: owner.user.id, name: 'Priya Shah' },
    ]
    const one = await t.call('GET', `/v1/alerts/${alert.id}`, { key: adminKey })
    expect(one.body.history.map(({ at: _, ...event }: { at: string }) => event)).toEqual(expected)
    expect(one.body.history.map((e: { at: string }) => Date.parse(e.at) >= opened)).not.toContain(false)
    // The list carries the same history, so the console shows it under each alert without asking again.
    const list = await t.call('GET', '/v1/alerts?status=resolved&kind=crisis_message', { key: adminKey })
    const listed = list.body.data.find((a: { id: string }) => a.id === alert.id)
    expect(listed.history).toEqual(one.body.history)
  })

  it('with staff accounts, the front desk and the owner are each told on their own channels', async () => {
    const { adminKey: key, practice } = await t.createPractice('paging-staff')
    const g = fixtures(t, key)
    const desk = await signedInStaff(t, practice.id, { role: 'front_desk', email: 'desk@paging-staff.example' })
    const owner = await signedInStaff(t, practice.id, { role: 'owner', email: 'owner@paging-staff.example' })
    // The owner wants only texts, and has no phone: urgent words still reach them by email.
    const chosen = await owner.call('PUT', '/v1/staff/me/notifications', {
      body: { urgent: ['push'], new_messages: 'off', daily_digest: false },
    })
    expect(chosen.status).toBe(200)
    expect((await desk.call('GET', '/v1/staff/me/notifications')).body, 'each their own').toEqual({
      urgent: ['email', 'sms', 'push'],
      new_messages: 'immediately',
      daily_digest: true,
    })
    const therapist = await g.therapist({ email: 'dr@paging-staff.example' })
    const client = await g.client()
    await g.appointment(therapist.id, client.id, new Date(Date.parse(NIGHT) + 86_400_000).toISOString())
    const token = (await signIn(t, 'paging-staff', client.email)).access_token as string
    await t.call('POST', '/v1/portal/messages', { key: token, body: { category: 'crisis', body: 'Help' } })
    const alert = (await t.call('GET', '/v1/alerts?kind=crisis_message', { key })).body.data[0]
    await dispatch()
    t.clock.advance(15 * 60_000)
    await dispatch()
    expect(emailsTo('desk@paging-staff.example').map((e) => e.subject)).toEqual([
      'Urgent: nobody has opened a client’s message yet',
    ])
    expect(emailsTo('owner@paging-staff.example')).toHaveLength(1)
    const history = (await t.call('GET', `/v1/alerts/${alert.id}`, { key })).body.history
    expect(
      history.filter((e: { kind: string }) => e.kind === 'escalated').map((e: { recipient: string }) => e.recipient),
    ).toEqual(expect.arrayContaining([`staff:${desk.user.id}`, `staff:${owner.user.id}`]))
  })
})
