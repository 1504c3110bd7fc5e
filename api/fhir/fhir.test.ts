import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../testing/app'
import { fakeFhirServer } from '../testing/fakes/fhir-server'
import { fixtures } from '../testing/fixtures'
import { syncDueFhirPractices } from './sync'

const NOW = '2026-03-02T15:00:00Z'
const TOKEN = 'fhir-token-123'
let t: TestContext
let fhir: Awaited<ReturnType<typeof fakeFhirServer>>
let adminKey: string
let practiceId: string
beforeAll(async () => {
  t = await startTestApp({ now: NOW })
  fhir = await fakeFhirServer({ token: TOKEN, pageSize: 2 })
  const made = await t.createPractice('fhir-a')
  adminKey = made.adminKey
  practiceId = made.practice.id
  const set = await t.call('PATCH', '/v1/practice', {
    key: adminKey,
    body: { fhir: { base_url: `${fhir.url}/fhir/r4/`, token: TOKEN } },
  })
  expect(set.status, set.text).toBe(200)
})
afterAll(async () => {
  await fhir.close()
  await t.stop()
})

const at = (minutes: number) => new Date(Date.parse(NOW) - 60 * 60_000 + minutes * 60_000).toISOString()

function practitioner(id: string, name: string, email: string | null, updated: string) {
  return {
    resourceType: 'Practitioner',
    id,
    meta: { lastUpdated: updated },
    name: [{ use: 'official', given: [name.split(' ')[0]], family: name.split(' ')[1] }],
    telecom: email ? [{ system: 'email', value: email, use: 'work' }] : [],
  }
}
function patient(id: string, name: string, email: string | null, updated: string) {
  return {
    resourceType: 'Patient',
    id,
    meta: { lastUpdated: updated },
    name: [{ text: name }],
    telecom: [...(email ? [{ system: 'email', value: email }] : []), { system: 'phone', value: '+1 555 010 4000' }],
    communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'fr-CA' }] } }],
  }
}
function appointment(
  id: string,
  status: string,
  start: string,
  who: { practitioner: string; patient: string },
  updated: string,
) {
  return {
    resourceType: 'Appointment',
    id,
    meta: { lastUpdated: updated },
    status,
    appointmentType: {
      coding: [
        { system: 'http://terminology.hl7.org/CodeSystem/v2-0276', code: 'ROUTINE', display: 'Routine session' },
      ],
    },
    start,
    end: new Date(Date.parse(start) + 50 * 60_000).toISOString(),
    participant: [
      { actor: { reference: `Practitioner/${who.practitioner}` }, status: 'accepted' },
      { actor: { reference: `Patient/${who.patient}`, display: 'A patient' }, status: 'accepted' },
    ],
  }
}

const session = async (id: string) =>
  (await t.sql`select * from appointments where practice_id = ${practiceId} and external_id = ${`fhir:${id}`}`)[0]

describe('FHIR R4 pull sync', () => {
  it('pulls practitioners, patients and appointments, page by page, with the token', async () => {
    fhir.put(practitioner('pr-1', 'Maya Rivera', 'maya@fhir.example', at(1)))
    fhir.put(practitioner('pr-2', 'Sam Okafor', 'sam@fhir.example', at(2)))
    fhir.put(practitioner('pr-3', 'No Email', null, at(3)))
    fhir.put(patient('pa-1', 'Jamie Park', 'jamie@fhir.example', at(4)))
    fhir.put(patient('pa-2', 'Ari Chen', 'ari@fhir.example', at(5)))
    fhir.put(appointment('ap-1', 'booked', '2026-03-10T15:00:00Z', { practitioner: 'pr-1', patient: 'pa-1' }, at(6)))
    fhir.put(appointment('ap-2', 'booked', '2026-03-11T15:00:00Z', { practitioner: 'pr-2', patient: 'pa-2' }, at(7)))
    fhir.put(appointment('ap-3', 'proposed', '2026-03-12T15:00:00Z', { practitioner: 'pr-2', patient: 'pa-2' }, at(8)))
    fhir.put(appointment('ap-4', 'booked', '2026-03-12T15:00:00Z', { practitioner: 'pr-3', patient: 'pa-2' }, at(9)))

    const res = await t.call('POST', '/v1/fhir/sync', { key: adminKey })
    expect(res.status, res.text).toBe(200)
    expect(res.body).toMatchObject({
      base_url: `${fhir.url}/fhir/r4`,
      has_token: true,
      last_result: { therapists: 2, clients: 2, sessions: 2 },
      last_errors: [
        { resource: 'Practitioner/pr-3', message: 'Has no email address, so Hearth cannot add them.' },
        { resource: 'Appointment/ap-4', message: 'Its practitioner is not a therapist in Hearth yet.' },
      ],
      last_attempt_at: NOW.replace('Z', '.000Z'),
      synced_through: null, // not everything came in, so the next sync asks again
    })
    expect(res.text).not.toContain(TOKEN)
    // Pages: two resources a page, following `next`.
    const practitionerPages = fhir.requests.filter((r) => r.path.startsWith('/fhir/r4/Practitioner'))
    expect(practitionerPages).toHaveLength(2)
    expect(practitionerPages[1]!.path).toContain('_page_offset=2')
    expect(fhir.requests.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true)

    const ap1 = await session('ap-1')
    expect(ap1).toMatchObject({ type: 'Routine session', status: 'scheduled' })
    const [client] = await t.sql`select * from clients where id = ${ap1!.client_id}`
    expect(client).toMatchObject({
      external_id: 'fhir:pa-1',
      email: 'jamie@fhir.example',
      locale: 'fr',
      phone: '+15550104000',
    })
    const [planned] =
      await t.sql`select count(*)::int as n from outbox where appointment_id = ${ap1!.id} and status = 'pending'`
    expect(planned!.n).toBeGreaterThan(0)
    expect(await session('ap-3')).toBeUndefined()
  })

  it('once everything comes in, asks only for what changed since; maps moves and statuses', async () => {
    fhir.put({ ...practitioner('pr-3', 'Lee Grant', 'lee@fhir.example', at(10)) })
    t.clock.advance(60_000)
    const second = await t.call('POST', '/v1/fhir/sync', { key: adminKey })
    expect(second.body.last_errors).toEqual([])
    expect(second.body.last_result).toEqual({ therapists: 1, clients: 0, sessions: 1 })
    expect(second.body.synced_through).toBe(at(10))

    const before = await session('ap-1')
    fhir.put(appointment('ap-1', 'booked', '2026-03-10T17:00:00Z', { practitioner: 'pr-1', patient: 'pa-1' }, at(20)))
    fhir.put(
      appointment('ap-2', 'cancelled', '2026-03-11T15:00:00Z', { practitioner: 'pr-2', patient: 'pa-2' }, at(21)),
    )
    fhir.requests.length = 0
    t.clock.advance(60_000)
    const third = await t.call('POST', '/v1/fhir/sync', { key: adminKey })
    expect(third.body.last_result).toEqual({ therapists: 0, clients: 0, sessions: 2 })
    expect(fhir.requests[0]!.path).toContain(`_lastUpdated=ge${encodeURIComponent(at(10))}`)
    const moved = await session('ap-1')
    expect(moved!.id).toBe(before!.id)
    expect(moved!.version).toBe(before!.version + 1)
    expect((await session('ap-2'))!.status).toBe('cancelled')

    fhir.put(
      appointment('ap-1', 'fulfilled', '2026-03-10T17:00:00Z', { practitioner: 'pr-1', patient: 'pa-1' }, at(30)),
    )
    fhir.put(appointment('ap-4', 'noshow', '2026-03-12T15:00:00Z', { practitioner: 'pr-3', patient: 'pa-2' }, at(31)))
    t.clock.advance(60_000)
    await t.call('POST', '/v1/fhir/sync', { key: adminKey })
    expect((await session('ap-1'))!.status).toBe('attended')
    expect((await session('ap-4'))!.status).toBe('no_show')
  })

  it('a server error is shown and nothing is lost: the next sync asks again from the same point', async () => {
    const before = (await t.call('GET', '/v1/practice', { key: adminKey })).body.fhir.synced_through
    fhir.failNextWith(503)
    t.clock.advance(60_000)
    const res = await t.call('POST', '/v1/fhir/sync', { key: adminKey })
    expect(res.status).toBe(200)
    expect(res.body.last_errors).toEqual([
      { resource: `${fhir.url}/fhir/r4`, message: 'The FHIR server answered 503.' },
    ])
    expect(res.body.synced_through).toBe(before)
  })

  it('the dispatcher syncs each connected practice every few minutes, never twice at once', async () => {
    fhir.requests.length = 0
    // Synced a minute ago: not due yet.
    expect(await syncDueFhirPractices(t.deps)).toBe(0)
    expect(fhir.requests).toHaveLength(0)
    t.clock.advance(6 * 60_000)
    const [a, b] = await Promise.all([syncDueFhirPractices(t.deps), syncDueFhirPractices(t.deps)])
    expect(a + b).toBe(1)
  })

  it('only an admin syncs; without a server it says what to do', async () => {
    const other = await t.createPractice('fhir-b')
    const none = await t.call('POST', '/v1/fhir/sync', { key: other.adminKey })
    expect(none.status).toBe(409)
    expect(none.body.error.message).toMatch(/FHIR server/)
    const therapist = await fixtures(t, other.adminKey).therapist()
    const therapistKey = await fixtures(t, other.adminKey).therapistKey(therapist.id)
    expect((await t.call('POST', '/v1/fhir/sync', { key: therapistKey })).status).toBe(403)
    expect((await t.call('POST', '/v1/fhir/sync', {})).status).toBe(401)
    const insecure = await t.call('PATCH', '/v1/practice', {
      key: other.adminKey,
      body: { fhir: { base_url: 'http://ehr.example/fhir' } },
    })
    expect(insecure.status).toBe(400)
  })
})
