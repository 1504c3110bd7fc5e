import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OPERATOR_KEY, startTestApp, type TestContext } from '../testing/app'
import { fixtures } from '../testing/fixtures'
import { addStaff, asStaff, cookieFrom, signedInStaff } from '../testing/staff'

let t: TestContext
let practiceId: string
let adminKey: string
let therapistId: string
let owner: Awaited<ReturnType<typeof signedInStaff>>

beforeAll(async () => {
  t = await startTestApp()
  const created = await t.createPractice('team')
  practiceId = created.practice.id
  adminKey = created.adminKey
  therapistId = (await fixtures(t, adminKey).therapist({ name: 'Dr. Team' })).id
  owner = await signedInStaff(t, practiceId, { role: 'owner', name: 'Olive Owner' })
})
afterAll(() => t.stop())

/** The token in the newest invitation email to `email`. */
async function invitationToken(email: string): Promise<string> {
  const outbox = (await t.call('GET', `/dev/outbox?to=${encodeURIComponent(email)}`)).body.data
  const token = /#invitation=([A-Za-z0-9_-]+)/.exec(outbox[0]?.text ?? '')?.[1]
  expect(token, `no invitation for ${email}`).toBeDefined()
  return token!
}

const accept = (token: string) =>
  t.call('POST', '/v1/staff/invitations/accept', { body: { token }, headers: { origin: 'http://hearth.test' } })

describe('inviting people', () => {
  it('sends a single-use link that signs the therapist in, bound to their record', async () => {
    const invited = await owner.call('POST', '/v1/staff/users', {
      body: { email: 'Theo@Example.com', name: 'Theo Therapist', role: 'therapist', therapist_id: therapistId },
    })
    expect(invited.status, invited.text).toBe(201)
    expect(invited.body).toMatchObject({ email: 'theo@example.com', status: 'invited', role: 'therapist' })
    expect(Date.parse(invited.body.invitation.expires_at) - t.clock.now().getTime()).toBe(7 * 86_400_000)
    const [email] = (await t.call('GET', '/dev/outbox?to=theo@example.com')).body.data
    expect(email.subject).toBe("You're invited to Practice team on Hearth")
    expect(email.text).toContain('Olive Owner invited you')

    const token = await invitationToken('theo@example.com')
    const joined = await accept(token)
    expect(joined.status, joined.text).toBe(200)
    expect(joined.body).toEqual({ next: 'done' })
    const me = await asStaff(t, cookieFrom(joined.headers)!)('GET', '/v1/staff/me')
    expect(me.body.user).toMatchObject({ name: 'Theo Therapist', role: 'therapist', therapist_id: therapistId })

    const again = await accept(token)
    expect(again.status).toBe(410)
    expect(again.body.error.code).toBe('already_used')
    const list = (await owner.call('GET', '/v1/staff/users')).body.data
    expect(list.find((p: { email: string }) => p.email === 'theo@example.com')).toMatchObject({
      status: 'active',
      invitation: null,
    })
  })

  it('lets a link expire after 7 days, replaces it on resend, and withdraws it', async () => {
    const invited = await owner.call('POST', '/v1/staff/users', {
      body: { email: 'late@example.com', name: 'Late Larry', role: 'front_desk' },
    })
    const first = await invitationToken('late@example.com')
    t.clock.advance(7 * 86_400_000 + 1)
    const expired = await accept(first)
    expect(expired.status).toBe(410)
    expect(expired.body.error.code).toBe('link_expired')
    // The owner's own session has idled out meanwhile: sign in again.
    owner = await signedInStaff(t, practiceId, { role: 'owner', name: 'Olive Owner', email: 'olive2@example.com' })

    const resent = await owner.call('POST', `/v1/staff/users/${invited.body.id}/invitation`)
    expect(resent.status, resent.text).toBe(201)
    expect(resent.body.invitation.expired).toBe(false)
    const second = await invitationToken('late@example.com')
    expect(second).not.toBe(first)

    const withdrawn = await owner.call('DELETE', `/v1/staff/users/${invited.body.id}/invitation`)
    expect(withdrawn.status).toBe(204)
    expect((await accept(second)).status).toBe(404)
    const list = (await owner.call('GET', '/v1/staff/users')).body.data
    expect(list.map((p: { email: string }) => p.email)).not.toContain('late@example.com')
  })

  it('checks the therapist binding and refuses a second account for one email', async () => {
    const noTherapist = await owner.call('POST', '/v1/staff/users', {
      body: { email: 'nt@example.com', name: 'No Binding', role: 'therapist' },
    })
    expect(noTherapist.status).toBe(400)
    expect(noTherapist.body.error.details.fields.therapist_id).toBeDefined()
    const deskWithTherapist = await owner.call('POST', '/v1/staff/users', {
      body: { email: 'dt@example.com', name: 'Desk', role: 'front_desk', therapist_id: therapistId },
    })
    expect(deskWithTherapist.status).toBe(400)
    const twice = await owner.call('POST', '/v1/staff/users', {
      body: { email: 'olive2@example.com', name: 'Again', role: 'admin' },
    })
    expect(twice.status).toBe(409)
  })
})

describe('roles and removal', () => {
  it('ends a removed person’s sessions at once', async () => {
    const desk = await signedInStaff(t, practiceId, { role: 'front_desk' })
    expect((await desk.call('GET', '/v1/clients')).status).toBe(200)
    expect((await owner.call('DELETE', `/v1/staff/users/${desk.user.id}`)).status).toBe(204)
    const after = await desk.call('GET', '/v1/clients')
    expect(after.status).toBe(401)
    expect((await owner.call('GET', '/v1/staff/users')).body.data.map((p: { id: string }) => p.id)).not.toContain(
      desk.user.id,
    )
  })

  it('ends their sessions when their role changes', async () => {
    const admin = await signedInStaff(t, practiceId, { role: 'admin' })
    const changed = await owner.call('PATCH', `/v1/staff/users/${admin.user.id}`, { body: { role: 'front_desk' } })
    expect(changed.status, changed.text).toBe(200)
    expect(changed.body.role).toBe('front_desk')
    expect((await admin.call('GET', '/v1/staff/me')).status).toBe(401)
    const renamed = await owner.call('PATCH', `/v1/staff/users/${admin.user.id}`, { body: { name: 'New Name' } })
    expect(renamed.body.name).toBe('New Name')
  })

  it('lets only an owner make, change or remove an owner, and never the last one', async () => {
    const admin = await signedInStaff(t, practiceId, { role: 'admin' })
    const makeOwner = await admin.call('POST', '/v1/staff/users', {
      body: { email: 'o3@example.com', name: 'Would-be Owner', role: 'owner' },
    })
    expect(makeOwner.status).toBe(403)
    expect(makeOwner.body.error.details.reason).toBe('owners_only')
    expect((await admin.call('DELETE', `/v1/staff/users/${owner.user.id}`)).status).toBe(403)
    expect((await admin.call('PATCH', `/v1/staff/users/${owner.user.id}`, { body: { role: 'admin' } })).status).toBe(
      403,
    )
    const keyOwner = await t.call('POST', '/v1/staff/users', {
      key: adminKey,
      body: { email: 'o4@example.com', name: 'Key Owner', role: 'owner' },
    })
    expect(keyOwner.status).toBe(403)

    // Two owners signed up so far (the first and olive2): one may go, the last may not.
    const owners = (await owner.call('GET', '/v1/staff/users')).body.data.filter(
      (p: { role: string }) => p.role === 'owner',
    )
    expect(owners).toHaveLength(2)
    const other = owners.find((p: { id: string }) => p.id !== owner.user.id)
    expect((await owner.call('DELETE', `/v1/staff/users/${other.id}`)).status).toBe(204)
    const demote = await owner.call('PATCH', `/v1/staff/users/${owner.user.id}`, { body: { role: 'admin' } })
    expect(demote.status).toBe(409)
    const leave = await owner.call('DELETE', `/v1/staff/users/${owner.user.id}`)
    expect(leave.status).toBe(409)
    expect(leave.body.error.details.reason).toBe('last_owner')
  })

  it('keeps the team from the front desk and therapists', async () => {
    const desk = await signedInStaff(t, practiceId, { role: 'front_desk' })
    const list = await desk.call('GET', '/v1/staff/users')
    expect(list.status).toBe(403)
    expect(list.body.error.details.reason).toBe('admins_only')
    const therapist = await addStaff(t, practiceId, { role: 'therapist', therapistId })
    expect((await desk.call('DELETE', `/v1/staff/users/${therapist.id}`)).status).toBe(403)
  })
})

describe('the operator', () => {
  it('invites an owner to a practice made through the operator API, which requires a second factor', async () => {
    const made = await t.call('POST', '/v1/operator/practices', {
      key: OPERATOR_KEY,
      body: { name: 'Fresh Start', slug: 'fresh', time_zone: 'America/Chicago', allowed_origins: [] },
    })
    expect(made.status, made.text).toBe(201)
    const invite = await t.call('POST', '/v1/operator/practices/fresh/owner-invitations', {
      key: OPERATOR_KEY,
      body: { email: 'founder@example.com', name: 'Fran Founder' },
    })
    expect(invite.status, invite.text).toBe(201)
    expect(invite.body.user).toMatchObject({ role: 'owner', status: 'invited' })
    const token = /#invitation=(.+)$/.exec(invite.body.invitation_url)![1]!
    expect(await invitationToken('founder@example.com')).toBe(token)
    const joined = await accept(token)
    expect(joined.body).toEqual({ next: 'enroll_second_factor' })
    const missing = await t.call('POST', '/v1/operator/practices/nope/owner-invitations', {
      key: OPERATOR_KEY,
      body: { email: 'x@example.com', name: 'X' },
    })
    expect(missing.status).toBe(404)
    const unauthorized = await t.call('POST', '/v1/operator/practices/fresh/owner-invitations', {
      body: { email: 'x@example.com', name: 'X' },
    })
    expect(unauthorized.status).toBe(401)
  })
})
