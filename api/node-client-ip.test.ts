import type { Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LIMITS } from './auth/rate-limit'
import { nodeClientIp } from './node-client-ip'
import { serveOnNode } from './node-serve'
import { startTestApp, type TestContext } from './testing/app'

/**
 * Per-address sign-in limits on a real Node server behind one trusted proxy (TRUST_PROXY=1): the
 * address is the one the proxy appended, so a client cannot spread itself over made-up addresses,
 * and clients behind the same proxy are not counted as one.
 */

let t: TestContext
let server: Server
let base: string
let email = 0

beforeAll(async () => {
  t = await startTestApp({ deps: { clientIp: nodeClientIp({ kind: 'hops', hops: 1 }) } })
  await t.createPractice('proxied')
  await new Promise<void>((resolve) => {
    server = serveOnNode(t.app.fetch, { port: 0, hostname: '127.0.0.1' }, (address) => {
      base = `http://127.0.0.1:${address.port}`
      resolve()
    })
  })
})
afterAll(async () => {
  server.close()
  await t.stop()
})

const start = (forwardedFor: string) =>
  fetch(`${base}/v1/portal/auth/start`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ practice: 'proxied', email: `someone${email++}@example.com` }),
  }).then((r) => r.status)

describe('behind a trusted proxy', () => {
  it('limits the address the proxy saw, whatever the client put before it', async () => {
    const max = LIMITS.codePerIp.max
    const statuses = await Promise.all(
      Array.from({ length: max + 1 }, (_, i) => start(`192.0.2.${i % 250}, 198.51.100.${i % 250}, 203.0.113.50`)),
    )
    expect(statuses.filter((s) => s === 202)).toHaveLength(max)
    expect(statuses.filter((s) => s === 429)).toHaveLength(1)
    // Another client behind the same proxy (the socket is the proxy's in both cases) still gets in.
    expect(await start('203.0.113.51')).toBe(202)
  }, 30_000)
})
