import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asSystem } from '../db/tenant'
import { startTestApp, type TestContext } from '../testing/app'
import { softwareAuthenticator } from '../testing/authenticator'
import { addStaff, asStaff, cookieFrom, signedInStaff, signInWithCode } from '../testing/staff'
import { setStaffSecondFactor } from './queries'

let t: TestContext
let practiceId: string
let address = 0
const ORIGIN = 'http://hearth.test'

beforeAll(async () => {
  t = await startTestApp({ deps: { clientIp: () => `198.51.100.${address++ % 250}` } })
  practiceId = (await t.createPractice('passkeys')).practice.id
  await asSystem(t.sql, (tx) => setStaffSecondFactor(tx, practiceId, 'optional'))
})
afterAll(() => t.stop())

type Call = ReturnType<typeof asStaff>

/** Adds a passkey through the routes, the way the Account screen does. */
async function addPasskey(call: Call, authenticator = softwareAuthenticator(ORIGIN), name = 'Work laptop') {
  const options = await call('POST', '/v1/staff/me/passkeys/options')
  expect(options.status, options.text).toBe(200)
  const response = await authenticator.register(options.body)
  const added = await call('POST', '/v1/staff/me/passkeys', { body: { response, name } })
  expect(added.status, added.text).toBe(201)
  return { authenticator, passkey: added.body, options: options.body, headers: added.headers }
}

/** Signing in from nothing: options without a cookie, then the authenticator's answer. */
async function passkeySignIn(authenticator: ReturnType<typeof softwareAuthenticator>, ceremony = {}) {
  const options = await t.call('POST', '/v1/staff/auth/passkey/options', { headers: { origin: ORIGIN } })
  expect(options.status, options.text).toBe(200)
  const response = await authenticator.assert(options.body, ceremony)
  const res = await t.call('POST', '/v1/staff/auth/passkey', { body: { response }, headers: { origin: ORIGIN } })
  return { ...res, options: options.body, response }
}

const lastAudit = async (action: string) => {
  const [row] =
    await t.sql`select actor_id, actor_name, detail from audit_log where action = ${action} order by id desc limit 1`
  return row
}

describe('adding a passkey', () => {
  it('registers one for the signed-in person, lists it, counts it as a factor, and excludes it next time', async () => {
    const { call, user } = await signedInStaff(t, practiceId, { role: 'admin', name: 'Rosa Reyes' })
    const { passkey, options, authenticator } = await addPasskey(call)
    expect(options.rp).toEqual({ id: 'hearth.test', name: 'Hearth' })
    expect(options.authenticatorSelection).toMatchObject({ residentKey: 'required', userVerification: 'required' })
    expect(options.attestation).toBe('none')
    expect(options.excludeCredentials).toEqual([])
    expect(passkey).toMatchObject({ name: 'Work laptop', transports: ['internal'], last_used_at: null })

    const list = await call('GET', '/v1/staff/me/passkeys')
    expect(list.body).toEqual({ data: [passkey], next_cursor: null })
    expect((await call('GET', '/v1/staff/me')).body.second_factors).toEqual(['passkey'])
    expect(await lastAudit('staff.passkey_added')).toMatchObject({ actor_id: user.id })

    const again = await call('POST', '/v1/staff/me/passkeys/options')
    expect(again.body.excludeCredentials).toEqual([
      { id: passkeyIdOf(authenticator), type: 'public-key', transports: ['internal'] },
    ])
  })

  it('refuses an answer to another challenge, one from another site, and a name too long', async () => {
    const { call } = await signedInStaff(t, practiceId, { role: 'front_desk' })
    const authenticator = softwareAuthenticator(ORIGIN)
    const options = (await call('POST', '/v1/staff/me/passkeys/options')).body
    const phished = await authenticator.register(options, { origin: 'https://hearth.test.evil.example' })
    const refused = await call('POST', '/v1/staff/me/passkeys', { body: { response: phished } })
    expect(refused.status).toBe(400)
    expect(refused.body.error.code).toBe('passkey_rejected')
    // The challenge died with the refusal.
    const retried = await call('POST', '/v1/staff/me/passkeys', {
      body: { response: await authenticator.register(options) },
    })
    expect(retried.status).toBe(400)

    const fresh = (await call('POST', '/v1/staff/me/passkeys/options')).body
    const long = await call('POST', '/v1/staff/me/passkeys', {
      body: { response: await authenticator.register(fresh), name: 'x'.repeat(61) },
    })
    expect(long.status).toBe(400)
    expect(long.body.error.code).toBe('invalid_request')
    const garbage = await call('POST', '/v1/staff/me/passkeys', { body: { response: { id: 'nope' } } })
    expect(garbage.status).toBe(400)
    expect(garbage.body.error.code).toBe('invalid_request')
  })

  it('needs a signed-in session and the console’s Origin', async () => {
    expect((await t.call('POST', '/v1/staff/me/passkeys/options')).status).toBe(401)
    expect((await t.call('GET', '/v1/staff/me/passkeys')).status).toBe(401)
    const { cookie } = await signedInStaff(t, practiceId, { role: 'admin' })
    const foreign = await asStaff(t, cookie, 'https://evil.example')('POST', '/v1/staff/me/passkeys/options')
    expect(foreign.status).toBe(403)
  })
})

const passkeyIdOf = (authenticator: ReturnType<typeof softwareAuthenticator>) =>
  Buffer.from(authenticator.credentials[0]!.id).toString('base64url')

describe('signing in with a passkey from nothing', () => {
  it('asks for any discoverable passkey with user verification, and signs the person in completely', async () => {
    const { call, user } = await signedInStaff(t, practiceId, { role: 'admin', name: 'Noor Haddad' })
    const { authenticator, passkey } = await addPasskey(call)
    const signIn = await passkeySignIn(authenticator)
    expect(signIn.options.allowCredentials).toBeUndefined()
    expect(signIn.options.userVerification).toBe('required')
    expect(signIn.options.rpId).toBe('hearth.test')
    expect(signIn.status, signIn.text).toBe(200)
    expect(signIn.body).toEqual({ next: 'done' })
    const cookie = cookieFrom(signIn.headers)!
    const me = await asStaff(t, cookie)('GET', '/v1/staff/me')
    expect(me.status).toBe(200)
    expect(me.body.user.id).toBe(user.id)
    expect(await lastAudit('staff.signed_in')).toMatchObject({
      actor_id: user.id,
      actor_name: 'Noor Haddad',
      detail: { method: 'passkey', passkey_id: passkey.id },
    })
    const [byPasskey] = await t.sql`
      select count(*)::int as n from staff_sessions where user_id = ${user.id} and second_factor_method = 'passkey'`
    expect(byPasskey!.n).toBe(1)
    const listed = (await call('GET', '/v1/staff/me/passkeys')).body.data[0]
    expect(listed.last_used_at).toBe(t.clock.now().toISOString())
  })

  it('refuses without user verification, from another origin, or with the same answer twice', async () => {
    const { call } = await signedInStaff(t, practiceId, { role: 'admin' })
    const { authenticator } = await addPasskey(call)
    const unverified = await passkeySignIn(authenticator, { userVerified: false })
    expect(unverified.status).toBe(400)
    expect(unverified.body.error.code).toBe('passkey_rejected')
    expect(unverified.headers.get('set-cookie')).toBeNull()

    const phished = await passkeySignIn(authenticator, { origin: 'https://hearth-test.example' })
    expect(phished.status).toBe(400)
    expect((await lastAudit('staff.passkey_rejected'))!.detail).toMatchObject({ reason: 'origin' })

    const good = await passkeySignIn(authenticator)
    expect(good.status).toBe(200)
    const replayed = await t.call('POST', '/v1/staff/auth/passkey', {
      body: { response: good.response },
      headers: { origin: ORIGIN },
    })
    expect(replayed.status).toBe(400)
    expect(replayed.body).toEqual(unverified.body)
  })

  it('refuses a counter that did not move on (a cloned passkey), and a challenge older than five minutes', async () => {
    const { call } = await signedInStaff(t, practiceId, { role: 'admin' })
    const { authenticator } = await addPasskey(call)
    expect((await passkeySignIn(authenticator)).status).toBe(200)
    expect((await passkeySignIn(authenticator)).status).toBe(200) // the counter is now 2
    const clone = await passkeySignIn(authenticator, { counter: 2 })
    expect(clone.status).toBe(400)
    expect((await lastAudit('staff.passkey_rejected'))!.detail).toMatchObject({ reason: 'counter' })

    const options = await t.call('POST', '/v1/staff/auth/passkey/options', { headers: { origin: ORIGIN } })
    const response = await authenticator.assert(options.body)
    t.clock.advance(5 * 60_000 + 1)
    const late = await t.call('POST', '/v1/staff/auth/passkey', { body: { response }, headers: { origin: ORIGIN } })
    expect(late.status).toBe(400)
  })

  it('answers a passkey Hearth does not know exactly as a wrong one', async () => {
    const stranger = softwareAuthenticator(ORIGIN)
    await stranger.register({
      challenge: 'AAAA',
      rp: { id: 'hearth.test', name: 'Hearth' },
      user: { id: 'dW5rbm93bg', name: 'x', displayName: 'x' },
      pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
    })
    const unknown = await passkeySignIn(stranger)
    expect(unknown.status).toBe(400)
    const { call } = await signedInStaff(t, practiceId, { role: 'admin' })
    const { authenticator } = await addPasskey(call)
    const wrong = await passkeySignIn(authenticator, { userVerified: false })
    expect(unknown.body).toEqual(wrong.body)
  })

  it('no longer signs in someone removed from the practice', async () => {
    const { call, user } = await signedInStaff(t, practiceId, { role: 'front_desk' })
    const { authenticator } = await addPasskey(call)
    await t.sql`update staff_users set removed_at = now() where id = ${user.id}`
    const res = await passkeySignIn(authenticator)
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('passkey_rejected')
  })

  it('asks which practice when the email is staff at several; the passkey’s own needs nothing more', async () => {
    const other = (await t.createPractice('passkeys-two')).practice.id // second factor required there
    const email = 'two.places@example.com'
    const { call } = await signedInStaff(t, practiceId, { role: 'admin', email })
    await addStaff(t, other, { role: 'admin', email })
    const { authenticator } = await addPasskey(call)
    const signIn = await passkeySignIn(authenticator)
    expect(signIn.status, signIn.text).toBe(200)
    expect(signIn.body.next).toBe('choose_practice')
    expect(signIn.body.practices.map((p: { id: string }) => p.id).sort()).toEqual([practiceId, other].sort())
    const choosing = asStaff(t, cookieFrom(signIn.headers)!)
    const chosen = await choosing('POST', '/v1/staff/auth/practice', { body: { practice_id: practiceId } })
    expect(chosen.status, chosen.text).toBe(200)
    expect(chosen.body).toEqual({ next: 'done' })
    expect((await asStaff(t, cookieFrom(chosen.headers)!)('GET', '/v1/staff/me')).status).toBe(200)

    const again = await passkeySignIn(authenticator)
    const elsewhere = await asStaff(t, cookieFrom(again.headers)!)('POST', '/v1/staff/auth/practice', {
      body: { practice_id: other },
    })
    expect(elsewhere.body).toEqual({ next: 'enroll_second_factor' })
  })
})

describe('a passkey as the second factor', () => {
  it('follows the emailed code with the person’s own passkeys only, and gives a new session id', async () => {
    const { call, user } = await signedInStaff(t, practiceId, { role: 'admin' })
    const { authenticator } = await addPasskey(call)
    const first = await signInWithCode(t, user.email)
    expect(first.state).toEqual({ next: 'second_factor', second_factors: ['passkey'] })
    const step = asStaff(t, first.cookie)
    expect((await step('GET', '/v1/staff/me')).status).toBe(401)
    const options = await step('POST', '/v1/staff/auth/passkey/options')
    expect(options.body.allowCredentials).toEqual([
      { id: passkeyIdOf(authenticator), type: 'public-key', transports: ['internal'] },
    ])
    // Without user verification: the code was the first factor, the passkey is the second.
    const response = await authenticator.assert(options.body, { userVerified: false })
    const done = await step('POST', '/v1/staff/auth/passkey', { body: { response } })
    expect(done.status, done.text).toBe(200)
    expect(done.body).toEqual({ next: 'done' })
    const signedIn = cookieFrom(done.headers)!
    expect(signedIn).not.toBe(first.cookie)
    expect((await step('GET', '/v1/staff/me')).status).toBe(401)
    expect((await asStaff(t, signedIn)('GET', '/v1/staff/me')).status).toBe(200)
  })

  it('refuses another person’s passkey, and a challenge asked for by another session', async () => {
    const alice = await signedInStaff(t, practiceId, { role: 'admin' })
    const bob = await signedInStaff(t, practiceId, { role: 'admin' })
    const alicesKey = (await addPasskey(alice.call)).authenticator
    await addPasskey(bob.call)
    const bobStep = asStaff(t, (await signInWithCode(t, bob.user.email)).cookie)
    const options = await bobStep('POST', '/v1/staff/auth/passkey/options')
    const withAlices = await alicesKey.assert(options.body, { credential: alicesKey.credentials[0]! })
    const refused = await bobStep('POST', '/v1/staff/auth/passkey', { body: { response: withAlices } })
    expect(refused.status).toBe(400)
    expect(refused.body.error.code).toBe('passkey_rejected')
    expect(await lastAudit('staff.second_factor_rejected')).toMatchObject({ actor_id: bob.user.id })

    // Alice's own second-factor challenge, answered in Bob's session, is not Bob's.
    const aliceStep = asStaff(t, (await signInWithCode(t, alice.user.email)).cookie)
    const alicesOptions = await aliceStep('POST', '/v1/staff/auth/passkey/options')
    const answer = await alicesKey.assert(alicesOptions.body)
    expect((await bobStep('POST', '/v1/staff/auth/passkey', { body: { response: answer } })).status).toBe(400)
    // Nor is a sign-in-from-nothing challenge a second-factor one.
    const loose = await t.call('POST', '/v1/staff/auth/passkey/options', { headers: { origin: ORIGIN } })
    const looseAnswer = await alicesKey.assert(loose.body, { credential: alicesKey.credentials[0]! })
    expect((await aliceStep('POST', '/v1/staff/auth/passkey', { body: { response: looseAnswer } })).status).toBe(400)
  })

  it('enrols a passkey as the required second factor, finishing sign-in', async () => {
    const required = (await t.createPractice('passkeys-required')).practice.id
    const user = await addStaff(t, required, { role: 'front_desk' })
    const first = await signInWithCode(t, user.email)
    expect(first.state).toEqual({ next: 'enroll_second_factor' })
    const pending = asStaff(t, first.cookie)
    expect((await pending('GET', '/v1/staff/me/passkeys')).status).toBe(401)
    const { headers, authenticator } = await addPasskey(pending)
    const signedIn = asStaff(t, cookieFrom(headers)!)
    expect((await signedIn('GET', '/v1/staff/me')).body.second_factors).toEqual(['passkey'])
    expect((await pending('GET', '/v1/staff/me')).status).toBe(401)

    // The only factor of a practice that requires one stays until another is added.
    const [only] = (await signedIn('GET', '/v1/staff/me/passkeys')).body.data
    const kept = await signedIn('DELETE', `/v1/staff/me/passkeys/${only.id}`)
    expect(kept.status).toBe(409)
    expect(kept.body.error.code).toBe('conflict')
    await addPasskey(signedIn, authenticator, 'Phone')
    expect((await signedIn('DELETE', `/v1/staff/me/passkeys/${only.id}`)).status).toBe(204)
  })
})

describe('removing a passkey', () => {
  it('removes the person’s own, answers 404 for another’s, and the removed one no longer signs in', async () => {
    const alice = await signedInStaff(t, practiceId, { role: 'admin' })
    const bob = await signedInStaff(t, practiceId, { role: 'front_desk' })
    const { passkey, authenticator } = await addPasskey(alice.call)
    const notBobs = await bob.call('DELETE', `/v1/staff/me/passkeys/${passkey.id}`)
    expect(notBobs.status).toBe(404)
    expect(notBobs.body.error.code).toBe('not_found')
    expect((await bob.call('DELETE', '/v1/staff/me/passkeys/not-an-id')).status).toBe(404)
    const removed = await alice.call('DELETE', `/v1/staff/me/passkeys/${passkey.id}`)
    expect(removed.status).toBe(204)
    expect((await alice.call('GET', '/v1/staff/me/passkeys')).body.data).toEqual([])
    expect((await alice.call('GET', '/v1/staff/me')).body.second_factors).toEqual([])
    expect(await lastAudit('staff.passkey_removed')).toMatchObject({ actor_id: alice.user.id })
    expect((await passkeySignIn(authenticator)).status).toBe(400)
  })
})
