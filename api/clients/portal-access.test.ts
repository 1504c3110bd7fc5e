import { describe, expect, it } from 'vitest'
import { practiceForFile } from '../testing/fixtures'
import { signIn } from '../testing/portal'

/**
 * The practice switching a client's portal access off and on again, seen from the client's side:
 * off ends their session at once and sign-in answers as it would for a stranger; on, they sign in
 * afresh.
 */

const SLUG = 'harbor'

const { t, adminKey, f } = await practiceForFile(SLUG)

const outbox = async (email: string) => (await t.call('GET', `/dev/outbox?to=${encodeURIComponent(email)}`)).body.data
const me = (token: string) => t.call('GET', '/v1/portal/me', { key: token })
const access = (id: string, change: 'end' | 'restore', key = adminKey) =>
  t.call('POST', `/v1/clients/${id}/${change}-portal-access`, { key })

describe("a client's portal access", () => {
  it('off: the open session ends at once, and signing in looks like it would for a stranger', async () => {
    const client = await f.client()
    const tokens = await signIn(t, SLUG, client.email)
    expect((await me(tokens.access_token)).status).toBe(200)

    const off = await access(client.id, 'end')
    expect(off.status).toBe(200)
    expect(off.body.portal_access).toBe(false)
    expect((await me(tokens.access_token)).status).toBe(401)
    const refreshed = await t.call('POST', '/v1/portal/auth/refresh', { body: { refresh_token: tokens.refresh_token } })
    expect(refreshed.status).toBe(401)

    const emailsBefore = (await outbox(client.email)).length
    const stranger = await t.call('POST', '/v1/portal/auth/start', {
      body: { practice: SLUG, email: 'stranger@example.com' },
    })
    const started = await t.call('POST', '/v1/portal/auth/start', { body: { practice: SLUG, email: client.email } })
    expect({ status: started.status, body: started.body }).toEqual({ status: stranger.status, body: stranger.body })
    expect((await outbox(client.email)).length).toBe(emailsBefore)
    const verified = await t.call('POST', '/v1/portal/auth/verify', {
      body: { practice: SLUG, email: client.email, code: '123456' },
    })
    expect(verified.status).toBe(400)
    expect(verified.body.error.code).toBe('invalid_code')
    expect(verified.body.error.message).not.toMatch(/access|disabled|ended/i)
  })

  it('on again: they sign in afresh; the session that ended stays ended', async () => {
    const client = await f.client()
    const old = await signIn(t, SLUG, client.email)
    await access(client.id, 'end')
    const on = await access(client.id, 'restore')
    expect(on.status).toBe(200)
    expect(on.body.portal_access).toBe(true)
    expect((await me(old.access_token)).status).toBe(401)
    const fresh = await signIn(t, SLUG, client.email)
    expect((await me(fresh.access_token)).status).toBe(200)
    const actions =
      await t.sql`select action from audit_log where subject_id = ${client.id} and action like 'client.portal%' order by id`
    expect(actions.map((a) => a.action)).toEqual(['client.portal_access_ended', 'client.portal_access_restored'])
    // Restoring access that was never ended changes nothing and records nothing.
    expect((await access(client.id, 'restore')).body.portal_access).toBe(true)
    expect(
      await t.sql`select 1 from audit_log where subject_id = ${client.id} and action = 'client.portal_access_restored'`,
    ).toHaveLength(1)
  })

  it('is switched only by an admin of its own practice', async () => {
    const client = await f.client()
    await access(client.id, 'end')
    const therapist = await f.therapist()
    expect((await access(client.id, 'restore', await f.therapistKey(therapist.id))).status).toBe(403)
    const other = await t.createPractice('harbor-other')
    expect((await access(client.id, 'restore', other.adminKey)).status).toBe(404)
    expect((await access('not-an-id', 'restore')).status).toBe(404)
    expect((await t.call('GET', `/v1/clients/${client.id}`, { key: adminKey })).body.portal_access).toBe(false)
  })
})
