import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestContext } from '../testing/app'

describe('the development outbox', () => {
  let dev: TestContext
  let production: TestContext
  beforeAll(async () => {
    dev = await startTestApp()
    // The development mailer by mistake, in production: the outbox must still not exist.
    production = await startTestApp({ deps: { development: false } })
    for (const t of [dev, production]) {
      await t.deps.mailer.send({ from: 'a@hearth.test', to: 'alex@example.com', subject: 'Code', text: '123456' })
    }
  })
  afterAll(async () => {
    await dev.stop()
    await production.stop()
  })

  it('lists what would have been sent in development', async () => {
    const answer = await dev.call('GET', '/dev/outbox')
    expect(answer.status).toBe(200)
    expect(answer.body.data[0].text).toBe('123456')
  })

  it('does not exist in production, and is not in its contract', async () => {
    const answer = await production.call('GET', '/dev/outbox')
    expect(answer.status).toBe(404)
    expect(answer.text).not.toContain('123456')
    const contract = await production.call('GET', '/openapi.json')
    expect(Object.keys(contract.body.paths)).not.toContain('/dev/outbox')
  })
})
