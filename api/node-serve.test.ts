import type { Server } from 'node:http'
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveOnNode } from './node-serve'
import { startTestApp, type TestContext } from './testing/app'

/** Writes each part in turn, a little apart (a slow client on a busy network), and collects the answers. */
function onOneConnection(port: number, parts: string[]): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    let received = ''
    socket.on('data', (data) => {
      received += data.toString()
      if ((received.match(/HTTP\/1\.1 \d{3}/g) ?? []).length === 2 && received.endsWith('}')) socket.end()
    })
    socket.on('close', () => resolve(received))
    socket.on('error', () => resolve(received))
    socket.on('connect', async () => {
      for (const part of parts) {
        if (socket.destroyed) break
        socket.write(part)
        await new Promise((r) => setTimeout(r, 80))
      }
      setTimeout(() => socket.end(), 2000)
    })
  })
}

const statuses = (raw: string) => [...raw.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]))
const slices = (text: string, size: number) => text.match(new RegExp(`[^]{1,${size}}`, 'g'))!
const post = (headers: string) =>
  `POST /v1/clients HTTP/1.1\r\nHost: hearth.test\r\ncontent-type: application/json\r\n${headers}\r\n\r\n`
const nextRequest = 'GET /healthz HTTP/1.1\r\nHost: hearth.test\r\n\r\n'

describe('a refused body on a keep-alive connection', () => {
  let t: TestContext
  let server: Server
  let port: number
  beforeAll(async () => {
    t = await startTestApp()
    await new Promise<void>((resolve) => {
      server = serveOnNode(t.app.fetch, { port: 0, hostname: '127.0.0.1' }, (address) => {
        port = address.port
        resolve()
      })
    })
  })
  afterAll(async () => {
    server.close()
    await t.stop()
  })

  const body = 'x'.repeat(100_000)

  it('answers 413 and then the next request, however slowly the body arrives', async () => {
    const raw = await onOneConnection(port, [
      post(`content-length: ${body.length}`),
      ...slices(body, 8000),
      nextRequest,
    ])
    expect(statuses(raw)).toEqual([413, 200])
  }, 20_000)

  it('does the same for a chunked body', async () => {
    const chunked = `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`
    const raw = await onOneConnection(port, [post('transfer-encoding: chunked'), ...slices(chunked, 8000), nextRequest])
    expect(statuses(raw)).toEqual([413, 200])
  }, 20_000)

  it('closes cleanly after the 413 when the body announced is too big to read through', async () => {
    const raw = await onOneConnection(port, [post('content-length: 900000000'), body])
    expect(statuses(raw)).toEqual([413])
    expect(raw).toMatch(/connection: close/i)
  }, 20_000)
})
