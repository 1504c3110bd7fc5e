import { createHmac } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../testing/app'
import { fixtures } from '../testing/fixtures'

const NOW = '2026-03-02T15:00:00Z'
const SECRET = 'calcom-test-secret-42'
let t: TestContext
let adminKey: string
let practiceId: string
let maya: { id: string }
beforeAll(async () => {
  t = await startTestApp({ now: NOW })
  const made = await t.createPractice('calcom-a')
  adminKey = made.adminKey
  practiceId = made.practice.id
  maya = await fixtures(t, adminKey).therapist({ name: 'Dr. Maya Rivera', email: 'maya@calcom.example' })
  const set = await t.call('PATCH', '/v1/practice', {
    key: adminKey,
    body: { calcom: { webhook_secret: SECRET, therapists: { 'Maya.Rivera@cal.example': maya.id } } },
  })
  expect(set.status, set.text).toBe(200)
})
afterAll(() => t.stop())

/** A delivery shaped like Cal.com's documented webhook payload (fields Hearth ignores included). */
function booking(trigger: string, uid: string, start: string, extra: Record<string, unknown> = {}) {
  return {
    triggerEvent: trigger,
    createdAt: new Date(t.clock.now()).toISOString(),
    payload: {
      type: 'intake-50',
      title: 'Intake between Dr. Maya Rivera and Jamie Park',
      description: '',
      additionalNotes: '',
      customInputs: {},
      startTime: start,
      endTime: new Date(Date.parse(start) + 50 * 60_000).toISOString(),
      organizer: {
        id: 5,
        name: 'Dr. Maya Rivera',
        email: 'maya.rivera@cal.example',
        username: 'maya',
        timeZone: 'America/New_York',
        language: { locale: 'en' },
        timeFormat: 'h:mma',
      },
      responses: {
        name: { label: 'your_name', value: 'Jamie Park' },
        email: { label: 'email_address', value: 'jamie@example.com' },
      },
      userFieldsResponses: {},
      attendees: [
        { email: 'Jamie@Example.com', name: 'Jamie Park', timeZone: 'America/Chicago', language: { locale: 'es' } },
      ],
      location: 'integrations:daily',
      destinationCalendar: null,
      hideCalendarNotes: false,
      requiresConfirmation: null,
      eventTypeId: 7,
      seatsShowAttendees: true,
      seatsPerTimeSlot: null,
      uid,
      appsStatus: [],
      eventTitle: 'Intake session',
      eventDescription: null,
      price: 0,
      currency: 'usd',
      length: 50,
      bookingId: 91,
      metadata: { videoCallUrl: 'https://app.cal.com/video/abc123' },
      status: 'ACCEPTED',
      ...extra,
    },
  }
}

const sign = (raw: string, secret = SECRET) => createHmac('sha256', secret).update(raw).digest('hex')

async function deliver(body: unknown, options: { signature?: string; slug?: string } = {}) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body)
  return t.call('POST', `/v1/inbound/calcom?practice=${options.slug ?? 'calcom-a'}`, {
    body: raw,
    headers: { 'content-type': 'application/json', 'x-cal-signature-256': options.signature ?? sign(raw) },
  })
}

const session = async (uid: string) =>
  (await t.sql`select * from appointments where practice_id = ${practiceId} and external_id = ${`calcom:${uid}`}`)[0]

describe('POST /v1/inbound/calcom', () => {
  it('a new booking becomes a session, its attendee a client with the default consents, reminders planned', async () => {
    const res = await deliver(booking('BOOKING_CREATED', 'bFJeNb2uX8', '2026-03-10T19:00:00Z'))
    expect(res.status, res.text).toBe(200)
    expect(res.body).toEqual({ status: 'processed', outcome: 'created' })
    const row = await session('bFJeNb2uX8')
    expect(row).toMatchObject({
      therapist_id: maya.id,
      type: 'Intake session',
      telehealth_url: 'https://app.cal.com/video/abc123',
      location: null,
      status: 'scheduled',
    })
    const [client] = await t.sql`select * from clients where id = ${row!.client_id}`
    expect(client).toMatchObject({
      email: 'jamie@example.com',
      name: 'Jamie Park',
      time_zone: 'America/Chicago',
      locale: 'es',
      consent_email: true,
      consent_sms: false,
    })
    const [planned] =
      await t.sql`select count(*)::int as n from outbox where appointment_id = ${row!.id} and status = 'pending'`
    expect(planned!.n).toBeGreaterThan(0)
  })

  it('refuses a forged or replayed delivery, and nothing changes', async () => {
    const before = await t.sql`select count(*)::int as n from appointments`
    const forged = booking('BOOKING_CREATED', 'forged-1', '2026-03-11T19:00:00Z')
    expect((await deliver(forged, { signature: sign(JSON.stringify(forged), 'wrong-secret') })).status).toBe(401)
    expect((await deliver(forged, { signature: 'no-secret-provided' })).status).toBe(401)
    // Signed for this practice, sent to another one: not valid there.
    await t.createPractice('calcom-b')
    expect((await deliver(forged, { slug: 'calcom-b' })).status).toBe(401)
    // The very same signed delivery a second time.
    const first = booking('BOOKING_CREATED', 'replay-1', '2026-03-12T19:00:00Z')
    const raw = JSON.stringify(first)
    expect((await deliver(raw)).body.outcome).toBe('created')
    const again = await deliver(raw)
    expect(again.status).toBe(200)
    expect(again.body).toEqual({ status: 'duplicate' })
    // An old delivery, signed correctly, replayed later.
    t.clock.advance(20 * 60_000)
    const stale = await deliver(raw.replace('replay-1', 'replay-2'))
    expect(stale.status).toBe(401)
    t.clock.set(NOW)
    const after = await t.sql`select count(*)::int as n from appointments`
    expect(after[0]!.n).toBe(before[0]!.n + 1)
    expect(await session('forged-1')).toBeUndefined()
    expect(await session('replay-2')).toBeUndefined()
  })

  it('a rescheduled booking moves the same session under its new uid; a cancelled one cancels it', async () => {
    await deliver(booking('BOOKING_CREATED', 'move-old', '2026-03-16T15:00:00Z'))
    const before = await session('move-old')
    const moved = await deliver(
      booking('BOOKING_RESCHEDULED', 'move-new', '2026-03-17T15:00:00Z', {
        rescheduleUid: 'move-old',
        rescheduleStartTime: '2026-03-16T15:00:00Z',
        rescheduleEndTime: '2026-03-16T15:50:00Z',
      }),
    )
    expect(moved.body).toEqual({ status: 'processed', outcome: 'updated' })
    const after = await session('move-new')
    expect(after!.id).toBe(before!.id)
    expect(after!.version).toBe(before!.version + 1)
    expect(after!.starts_at.toISOString()).toBe('2026-03-17T15:00:00.000Z')
    expect(await session('move-old')).toBeUndefined()

    const cancelled = await deliver(
      booking('BOOKING_CANCELLED', 'move-new', '2026-03-17T15:00:00Z', {
        cancellationReason: 'Sick',
        status: 'CANCELLED',
      }),
    )
    expect(cancelled.body).toEqual({ status: 'processed', outcome: 'cancelled' })
    expect(await session('move-new')).toMatchObject({ status: 'cancelled', cancelled_by: 'practice' })
    const pending =
      await t.sql`select count(*)::int as n from outbox where appointment_id = ${after!.id} and status = 'pending' and topic = 'reminder'`
    expect(pending[0]!.n).toBe(0)
  })

  it('an organizer nobody mapped reaches the front desk instead of being dropped', async () => {
    const res = await deliver(
      booking('BOOKING_CREATED', 'who-1', '2026-03-18T15:00:00Z', {
        organizer: { email: 'newcomer@cal.example', name: 'New Person', timeZone: 'America/New_York' },
      }),
    )
    expect(res.body).toEqual({ status: 'processed', outcome: 'unmatched' })
    expect(await session('who-1')).toBeUndefined()
    const alerts = (await t.call('GET', '/v1/alerts?status=open', { key: adminKey })).body.data
    expect(alerts.find((a: { kind: string }) => a.kind === 'sync_problem').summary).toContain('newcomer@cal.example')
  })

  it('answers a ping and other events without changing anything; bad payloads are a 400', async () => {
    expect(
      (await deliver({ triggerEvent: 'PING', createdAt: new Date(t.clock.now()).toISOString(), payload: {} })).body,
    ).toEqual({
      status: 'ignored',
    })
    const broken = booking('BOOKING_CREATED', 'broken-1', '2026-03-19T15:00:00Z', { startTime: 'not a time' })
    expect((await deliver(broken)).status).toBe(400)
    expect((await deliver('{not json')).status).toBe(400)
  })

  it("only an admin sets the Cal.com settings, therapists must be the practice's, and the secret is never shown", async () => {
    const read = await t.call('GET', '/v1/practice', { key: adminKey })
    expect(read.body.calcom).toEqual({
      webhook_url: 'http://hearth.test/v1/inbound/calcom?practice=calcom-a',
      therapists: { 'maya.rivera@cal.example': maya.id },
      client_consents: { email: true, sms: false, whatsapp: false, push: false },
      has_webhook_secret: true,
    })
    expect(read.text).not.toContain(SECRET)
    const wrong = await t.call('PATCH', '/v1/practice', {
      key: adminKey,
      body: { calcom: { webhook_secret: SECRET, therapists: { 'x@cal.example': crypto.randomUUID() } } },
    })
    expect(wrong.status).toBe(400)
    const therapistKey = await fixtures(t, adminKey).therapistKey(maya.id)
    const denied = await t.call('PATCH', '/v1/practice', {
      key: therapistKey,
      body: { calcom: { webhook_secret: SECRET, therapists: {} } },
    })
    expect(denied.status).toBe(403)
  })
})
