import { afterAll, describe, expect, it } from 'vitest'
import { dispatchDue } from '../outbox/dispatch'
import { outboxHandlers } from '../outbox/handlers'
import { resendMailer } from '../providers/email'
import { generateVapidKeys, webPushSender } from '../providers/push'
import { startFakePushService } from '../testing/fakes/push-service'
import { startFakeResend } from '../testing/fakes/resend'
import { startFakeSmsGateway } from '../testing/fakes/sms-gateway'
import { practiceForFile } from '../testing/fixtures'

const GATEWAY_SECRET = 'gateway-signing-secret-for-tests-0123456789'

const resend = await startFakeResend()
const pushService = await startFakePushService()
const gateway = await startFakeSmsGateway(GATEWAY_SECRET)
afterAll(() => Promise.all([resend.close(), pushService.close(), gateway.close()]))
const { t, practiceId, f } = await practiceForFile('dispatch', {
  now: '2026-03-02T15:00:00Z',
  deps: {
    mailer: resendMailer('re_test_key', { baseUrl: resend.url }),
    push: webPushSender({ ...generateVapidKeys(), subject: 'mailto:push@hearth.test', agent: pushService.agent }),
  },
})
await t.sql`insert into sms_gateways (practice_id, url, signing_secret) values (${practiceId}, ${gateway.url}, ${GATEWAY_SECRET})`
const therapistId = (await f.therapist({ name: 'Dr. Rivera' })).id

const dispatch = () => dispatchDue(t.deps, { handlers: outboxHandlers, channels: ['email', 'sms', 'push'] })
const rows = (appointmentId: string) =>
  t.sql<
    {
      id: string
      channel: string
      kind: string
      status: string
      attempts: number
      closed_reason: string | null
      provider_message_id: string | null
    }[]
  >`
    select id, channel, reminder_kind as kind, status, attempts, closed_reason, provider_message_id
    from outbox where appointment_id = ${appointmentId} order by send_at, channel`
let slot = 0
/** A session a few days out at a free hour, so tests never double-book the therapist. */
const session = (days = 7) =>
  new Date(Date.parse('2026-03-02T19:00:00Z') + days * 86_400_000 + slot++ * 3_600_000).toISOString()

describe('the dispatcher', () => {
  it('emails a due confirmation request once, through Resend, with private words and signed links', async () => {
    const client = await f.client({ name: 'Robin Hale' })
    const apt = await f.appointment(therapistId, client.id, session(), { type: 'Couples psychotherapy' })
    expect(await dispatch()).toMatchObject({ claimed: 0 })

    t.clock.set('2026-03-06T19:30:00Z') // the confirmation request is now due
    const report = await dispatch()
    expect(report).toMatchObject({ sent: 1 })
    const email = resend.emails.find((e) => e.to === client.email)!
    expect(email.subject).toMatch(/^Please confirm your appointment on Monday 9 March at /)
    expect(email.from).toBe('"Practice dispatch" <portal@hearth.test>')
    for (const secret of ['Rivera', 'psychotherapy', 'Couples', 'therapy'])
      expect(JSON.stringify(email)).not.toContain(secret)
    expect(email.text).toMatch(/Yes, I'll be there: http:\/\/hearth\.test\/v1\/actions\/[\w-]+/)
    expect(email.html).toContain('href="http://hearth.test/v1/actions/')
    const [confirmation] = await rows(apt.id)
    expect(confirmation).toMatchObject({ status: 'sent', attempts: 1, provider_message_id: email.id })

    expect(await dispatch()).toMatchObject({ claimed: 0 })
    expect(resend.requests.filter((r) => r.to === client.email)).toHaveLength(1)
    t.clock.set('2026-03-02T15:00:00Z')
  })

  it('retries with back-off, then succeeds under the same idempotency key', async () => {
    const client = await f.client()
    const apt = await f.appointment(therapistId, client.id, session(1)) // inside the window: due now
    resend.failNext(2)
    expect(await dispatch()).toMatchObject({ retried: 1 })
    let [row] = await rows(apt.id)
    expect(row).toMatchObject({ status: 'pending', attempts: 1 })
    expect(await dispatch()).toMatchObject({ claimed: 0 }) // waiting out the back-off
    t.clock.advance(30_000)
    expect(await dispatch()).toMatchObject({ retried: 1 })
    t.clock.advance(60_000)
    expect(await dispatch()).toMatchObject({ sent: 1 })
    ;[row] = await rows(apt.id)
    expect(row).toMatchObject({ status: 'sent', attempts: 3 })
    const keys = resend.requests.filter((r) => r.to === client.email).map((r) => r.idempotencyKey)
    expect(keys).toEqual([keys[0], keys[0], keys[0]])
    expect(resend.emails.filter((e) => e.to === client.email)).toHaveLength(1)
    t.clock.set('2026-03-02T15:00:00Z')
  })

  it('a provider that accepts but never answers does not hold the batch; the retry gets the same email back', async () => {
    const client = await f.client()
    const apt = await f.appointment(therapistId, client.id, session(1))
    resend.hangAfter(resend.emails.length)
    const report = await dispatchDue(t.deps, {
      handlers: outboxHandlers,
      channels: ['email'],
      sendTimeoutMs: 200,
    })
    expect(report).toMatchObject({ retried: 1 })
    expect((await rows(apt.id))[0]).toMatchObject({ status: 'pending', attempts: 1 })
    resend.resume()
    t.clock.advance(30_000)
    expect(await dispatch()).toMatchObject({ sent: 1 })
    const emails = resend.emails.filter((e) => e.to === client.email)
    expect(emails).toHaveLength(1)
    expect((await rows(apt.id))[0]).toMatchObject({ status: 'sent', provider_message_id: emails[0]!.id })
    t.clock.set('2026-03-02T15:00:00Z')
  })

  it('a refused address fails at once, marks email as failing and tells the front desk', async () => {
    const client = await f.client({ email: 'nobody@invalid.example' })
    resend.reject('nobody@invalid.example')
    const apt = await f.appointment(therapistId, client.id, session(1))
    expect(await dispatch()).toMatchObject({ failed: 1 })
    expect((await rows(apt.id))[0]).toMatchObject({ status: 'failed', closed_reason: 'rejected' })
    const [alert] = await t.sql`select kind, audience, summary from alerts where appointment_id = ${apt.id}`
    expect(alert).toMatchObject({ kind: 'reminder_failed', audience: 'front_desk' })
    const [state] =
      await t.sql`select failing_reason from client_channels where client_id = ${client.id} and channel = 'email'`
    expect(state).toMatchObject({ failing_reason: 'rejected' })
  })

  it('gives up after repeated failures and raises one alert', async () => {
    const client = await f.client()
    const apt = await f.appointment(therapistId, client.id, session(1))
    resend.failNext(100)
    for (let i = 0; i < 6; i++) {
      await dispatch()
      t.clock.advance(30 * 60_000)
    }
    resend.failNext(0)
    expect((await rows(apt.id))[0]).toMatchObject({ status: 'failed', attempts: 6, closed_reason: 'gave_up' })
    expect(
      await t.sql`select 1 from alerts where appointment_id = ${apt.id} and kind = 'reminder_failed'`,
    ).toHaveLength(1)
    t.clock.set('2026-03-02T15:00:00Z')
  })

  it('texts through the practice gateway, signed, with the idempotency key in the payload', async () => {
    const client = await f.client({ phone: '+1 555 010 7777', consents: { email: false, sms: true } })
    const apt = await f.appointment(therapistId, client.id, session(1))
    expect(await dispatch()).toMatchObject({ sent: 1 })
    const text = gateway.texts.find((m) => m.to === '+15550107777')!
    expect(text.idempotency_key).toBe(`reminder/${apt.id}/confirmation/sms/1`)
    expect(text.text).toMatch(
      /^Practice dispatch: please confirm your appointment on .* Reply YES to confirm or CANCEL to cancel\. http:\/\/hearth\.test\/portal\/[a-z-]+\?show=session&id=[0-9a-f-]+$/,
    )
    expect(gateway.refused()).toBe(0)
  })

  it('pushes an encrypted notification with Confirm and Cancel, and forgets a subscription the service calls gone', async () => {
    const client = await f.client({ consents: { email: false, push: true } })
    const phone = pushService.subscribe()
    const laptop = pushService.subscribe()
    for (const sub of [phone, laptop]) {
      await t.sql`insert into push_subscriptions (practice_id, client_id, endpoint, p256dh, auth)
                  values (${practiceId}, ${client.id}, ${sub.endpoint}, ${sub.keys.p256dh}, ${sub.keys.auth})`
    }
    const apt = await f.appointment(therapistId, client.id, session(1))
    pushService.expire(laptop.endpoint)
    expect(await dispatch()).toMatchObject({ sent: 1 })
    const push = pushService.received.find((p) => p.endpoint === phone.endpoint)!
    expect(push.vapid).toBe(true)
    expect(push.topic).toMatch(/^[0-9a-f]{32}$/)
    expect(push.payload).toMatchObject({
      title: 'Please confirm your appointment',
      body: expect.stringMatching(/^Your appointment on .* with Practice dispatch\.$/),
      actions: [
        { action: 'confirm', title: 'Confirm', url: expect.stringMatching(/^http:\/\/hearth\.test\/v1\/actions\//) },
        { action: 'cancel', title: 'Cancel', url: expect.stringMatching(/^http:\/\/hearth\.test\/v1\/actions\//) },
      ],
    })
    expect(JSON.stringify(push.payload).length).toBeLessThan(1024)
    const left = await t.sql`select endpoint from push_subscriptions where client_id = ${client.id}`
    expect(left.map((r) => r.endpoint)).toEqual([phone.endpoint])

    // Once the phone is gone too, push has nowhere to go: the reminder is skipped, not retried forever.
    pushService.expire(phone.endpoint)
    t.clock.set('2026-03-03T13:00:00Z')
    await dispatch()
    expect((await rows(apt.id)).map((r) => [r.kind, r.status, r.closed_reason])).toContainEqual([
      'morning_of',
      'skipped',
      'no_device',
    ])
    expect(await t.sql`select 1 from push_subscriptions where client_id = ${client.id}`).toHaveLength(0)
    t.clock.set('2026-03-02T15:00:00Z')
  })

  it('does not send a reminder whose session was cancelled after it was claimed for planning', async () => {
    const client = await f.client()
    const apt = await f.appointment(therapistId, client.id, session(1))
    // Cancelled behind the planner's back (as a direct database fix would): the dispatcher still checks.
    await t.sql`update appointments set status = 'cancelled' where id = ${apt.id}`
    expect(await dispatch()).toMatchObject({ skipped: 1 })
    expect((await rows(apt.id))[0]).toMatchObject({ status: 'skipped', closed_reason: 'cancelled' })
    expect(resend.requests.filter((r) => r.to === client.email)).toHaveLength(0)
  })
})
