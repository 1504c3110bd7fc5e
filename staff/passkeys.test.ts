import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../api/testing/app'
import { softwareAuthenticator } from '../api/testing/authenticator'
import { signedInStaff } from '../api/testing/staff'
import type { Fetch } from '../ui/api-client'
import { ApiError } from '../ui/api-client'
import { type Ceremonies, PasskeyCeremonyError, passkeyClient } from './passkeys'

/** The console's passkey calls against the real API, a software authenticator in the browser's place. */

let t: TestContext
let practiceId: string
const ORIGIN = 'http://hearth.test'

beforeAll(async () => {
  t = await startTestApp()
  practiceId = (await t.createPractice('console-passkeys')).practice.id
})
afterAll(() => t.stop())

/** A browser tab on Hearth's origin: it keeps the session cookie and sends its Origin. */
function tab(cookie: string | null = null) {
  const jar = { cookie }
  const fetch: Fetch = async (url, init) => {
    expect(init.credentials).toBe('same-origin')
    const headers = new Headers(init.headers)
    headers.set('origin', ORIGIN)
    if (jar.cookie) headers.set('cookie', jar.cookie)
    const response = await t.app.request(url, { ...init, headers })
    const set = response.headers.get('set-cookie')
    if (set) jar.cookie = set.split(';')[0]!
    return response
  }
  return { jar, fetch }
}

const ceremoniesOf = (authenticator: ReturnType<typeof softwareAuthenticator>): Ceremonies => ({
  supported: () => true,
  get: (options) => authenticator.assert(options),
  create: (options) => authenticator.register(options),
})

describe('the console’s passkey client', () => {
  it('adds a passkey, signs in with it from a fresh tab, lists and removes it', async () => {
    const { cookie } = await signedInStaff(t, practiceId, { role: 'admin' })
    const authenticator = softwareAuthenticator(ORIGIN)
    const account = passkeyClient({ fetch: tab(cookie).fetch, ceremonies: ceremoniesOf(authenticator) })
    const added = await account.add('  My phone ')
    expect(added.name).toBe('My phone')
    expect(await account.list()).toEqual([added])

    const fresh = tab()
    const signIn = passkeyClient({ fetch: fresh.fetch, ceremonies: ceremoniesOf(authenticator) })
    expect(await signIn.signIn()).toEqual({ next: 'done' })
    expect(fresh.jar.cookie).toMatch(/^hearth_staff=/)
    expect((await passkeyClient({ fetch: fresh.fetch }).list()).map((p) => p.id)).toEqual([added.id])

    await account.remove(added.id)
    expect(await account.list()).toEqual([])
    await expect(
      passkeyClient({ fetch: tab().fetch, ceremonies: ceremoniesOf(authenticator) }).signIn(),
    ).rejects.toMatchObject({ status: 400, code: 'passkey_rejected' })
  })

  it('says when the person closed the prompt, and when the API refused', async () => {
    const closed: Ceremonies = {
      supported: () => true,
      get: () =>
        Promise.reject(new DOMException('The operation either timed out or was not allowed.', 'NotAllowedError')),
      create: () => Promise.reject(new DOMException('Already registered', 'InvalidStateError')),
    }
    const client = passkeyClient({ fetch: tab().fetch, ceremonies: closed })
    await expect(client.signIn()).rejects.toEqual(new PasskeyCeremonyError('cancelled'))
    const refused = await client.list().catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(ApiError)
    expect(refused).toMatchObject({ status: 401 })
    const { cookie } = await signedInStaff(t, practiceId, { role: 'front_desk' })
    await expect(passkeyClient({ fetch: tab(cookie).fetch, ceremonies: closed }).add('x')).rejects.toMatchObject({
      reason: 'already_added',
    })
  })
})
