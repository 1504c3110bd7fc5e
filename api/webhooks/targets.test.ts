import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { classifyAddress } from '../../shared/net/addresses'
import { dispatchDue } from '../outbox/dispatch'
import { outboxHandlers } from '../outbox/handlers'
import { resolveHostOnNode } from '../providers/resolve-host'
import { startTestApp, type TestContext } from '../testing/app'
import { listen, type FakeServer } from '../testing/fakes/http'
import { startWebhookReceiver, type WebhookReceiver } from '../testing/fakes/webhook-receiver'
import { fixtures } from '../testing/fixtures'

/**
 * Where a production server refuses to post webhooks: anything that is, or resolves to, an
 * address off the public internet, when an endpoint is registered or changed and again before
 * each send. DNS answers come from a table here (a test cannot own public names); the system
 * resolver is checked on its own below.
 */

const PUBLIC = '93.184.215.14'
const names: Record<string, string[]> = {
  'ehr.example': [PUBLIC],
  'hooks.example': [PUBLIC],
  'intranet.example': ['10.0.0.7'],
  'mixed.example': [PUBLIC, '::1'],
  'metadata.example': ['169.254.169.254'],
  'mapped.example': ['::ffff:192.168.1.20'],
  'unique-local.example': ['fd00::17'],
}
let t: TestContext
let adminKey: string
let receiver: WebhookReceiver

beforeAll(async () => {
  receiver = await startWebhookReceiver()
  t = await startTestApp({ deps: { development: false, resolveHost: async (name) => names[name] ?? [] } })
  adminKey = (await t.createPractice('targets')).adminKey
})
afterAll(async () => {
  await t.stop()
  await receiver.close()
})

const register = (url: string) => t.call('POST', '/v1/webhook-endpoints', { key: adminKey, body: { url } })

describe('a production server', () => {
  it.each([
    ['https://127.0.0.1/hooks', /Hearth server itself/],
    ['http://127.0.0.1:8787/hooks', /Hearth server itself/],
    ['https://2130706433/hooks', /Hearth server itself/],
    ['https://0x7f.0.0.1/hooks', /Hearth server itself/],
    ['https://0177.1/hooks', /Hearth server itself/],
    ['https://localhost/hooks', /Hearth server itself/],
    ['https://LocalHost./hooks', /Hearth server itself/],
    ['https://api.localhost/hooks', /Hearth server itself/],
    ['https://[::1]/hooks', /Hearth server itself/],
    ['https://[::ffff:127.0.0.1]/hooks', /Hearth server itself/],
    ['https://[0:0:0:0:0:ffff:7f00:1]/hooks', /Hearth server itself/],
    ['https://10.1.2.3/hooks', /private network/],
    ['https://172.20.0.1/hooks', /private network/],
    ['https://192.168.0.10/hooks', /private network/],
    ['https://[fd12::1]/hooks', /private network/],
    ['https://169.254.169.254/latest/meta-data', /link-local/],
    ['https://[fe80::1]/hooks', /link-local/],
    ['https://0.0.0.0/hooks', /reserved/],
    ['https://[::]/hooks', /reserved/],
    ['https://intranet.example/hooks', /private network/],
    ['https://mixed.example/hooks', /Hearth server itself/],
    ['https://metadata.example/hooks', /link-local/],
    ['https://mapped.example/hooks', /private network/],
    ['https://unique-local.example/hooks', /private network/],
    ['https://nowhere.example/hooks', /couldn't find the host nowhere\.example/],
  ])('refuses %s with a 400 naming url', async (url, message) => {
    const res = await register(url)
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('invalid_request')
    expect(Object.keys(res.body.error.details.fields)).toEqual(['url'])
    expect(res.body.error.details.fields.url).toMatch(message)
  })

  it('accepts a public address, and refuses a change of it to a private one', async () => {
    const created = await register('https://ehr.example/hooks')
    expect(created.status).toBe(201)
    const changed = await t.call('PATCH', `/v1/webhook-endpoints/${created.body.id}`, {
      key: adminKey,
      body: { url: 'https://[::ffff:10.0.0.1]/hooks' },
    })
    expect(changed.status).toBe(400)
    expect(changed.body.error.details.fields.url).toMatch(/private network/)
    const moved = await t.call('PATCH', `/v1/webhook-endpoints/${created.body.id}`, {
      key: adminKey,
      body: { url: 'https://hooks.example/v2', description: 'EHR bridge' },
    })
    expect(moved.status).toBe(200)
    expect(moved.body).toMatchObject({ url: 'https://hooks.example/v2', description: 'EHR bridge', enabled: true })
    await t.call('DELETE', `/v1/webhook-endpoints/${created.body.id}`, { key: adminKey })
  })

  it('checks again before sending: a name that now resolves to this machine is not posted to', async () => {
    const port = new URL(receiver.url).port
    const created = await register(`https://hooks.example:${port}/hearth-webhooks`)
    expect(created.status).toBe(201)
    names['hooks.example'] = ['127.0.0.1']
    const f = fixtures(t, adminKey)
    const therapist = await f.therapist()
    const apt = await f.appointment(therapist.id, (await f.client()).id, '2026-03-09T15:00:00Z')
    await t.call('PATCH', `/v1/appointments/${apt.id}`, { key: adminKey, body: { status: 'confirmed' } })
    const report = await dispatchDue(t.deps, { handlers: outboxHandlers, channels: ['webhook'] })
    expect(report).toMatchObject({ claimed: 1, retried: 1, sent: 0 })
    expect(receiver.requests).toEqual([])
    const deliveries = await t.call('GET', `/v1/webhook-endpoints/${created.body.id}/deliveries`, { key: adminKey })
    expect(deliveries.body.data).toEqual([
      expect.objectContaining({
        outcome: 'retrying',
        error: expect.stringMatching(/^Not sent: .*Hearth server itself/),
      }),
    ])
    names['hooks.example'] = [PUBLIC]
  })
})

describe('the system resolver', () => {
  it("answers localhost with this machine's address, which is refused", async () => {
    const addresses = await resolveHostOnNode('localhost')
    expect(addresses.length).toBeGreaterThan(0)
    for (const address of addresses) expect(classifyAddress(address)).toBe('loopback')
  })
})

describe('redirects', () => {
  let elsewhere: FakeServer
  let hits = 0
  let redirecting: FakeServer
  beforeAll(async () => {
    elsewhere = await listen((_req, _body, res) => {
      hits += 1
      res.writeHead(200).end()
    })
    redirecting = await listen((_req, _body, res) => {
      res.writeHead(307, { location: `${elsewhere.url}/internal` }).end()
    })
  })
  afterAll(async () => {
    await elsewhere.close()
    await redirecting.close()
  })

  it('are never followed, even by a development server: a 3xx is a failed delivery', async () => {
    const dev = await startTestApp()
    try {
      const key = (await dev.createPractice('redirects')).adminKey
      const created = await dev.call('POST', '/v1/webhook-endpoints', {
        key,
        body: { url: `${redirecting.url}/hooks` },
      })
      const f = fixtures(dev, key)
      const therapist = await f.therapist()
      const apt = await f.appointment(therapist.id, (await f.client()).id, '2026-03-09T15:00:00Z')
      await dev.call('PATCH', `/v1/appointments/${apt.id}`, { key, body: { status: 'confirmed' } })
      expect(await dispatchDue(dev.deps, { handlers: outboxHandlers, channels: ['webhook'] })).toMatchObject({
        retried: 1,
      })
      expect(hits).toBe(0)
      const deliveries = await dev.call('GET', `/v1/webhook-endpoints/${created.body.id}/deliveries`, { key })
      expect(deliveries.body.data[0]).toMatchObject({
        outcome: 'retrying',
        status_code: 307,
        error: expect.stringMatching(/does not follow redirects/),
      })
    } finally {
      await dev.stop()
    }
  })
})
