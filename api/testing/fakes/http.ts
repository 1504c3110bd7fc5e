import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'

/** Small helpers shared by the fake provider servers: a real server on 127.0.0.1, a random port. */

export type Handler = (
  request: IncomingMessage,
  body: string,
  response: ServerResponse,
  raw: Buffer,
) => void | Promise<void>

export type FakeServer = { url: string; close(): Promise<void> }

export async function listen(handler: Handler, tls?: { key: string; cert: string }): Promise<FakeServer> {
  const onRequest = (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const raw = Buffer.concat(chunks)
      Promise.resolve(handler(request, raw.toString('utf8'), response, raw)).catch((error) => {
        response.writeHead(500, { 'content-type': 'application/json' })
        response.end(JSON.stringify({ message: String(error) }))
      })
    })
  }
  const server: Server = tls ? createHttpsServer(tls, onRequest) : createHttpServer(onRequest)
  server.keepAliveTimeout = 30_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export function json(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json' })
  response.end(JSON.stringify(body))
}
