import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'

/**
 * Serving on Node, keeping connections whole. An answer given before the body was read (a 413 for
 * a body over the limit, a 401 before a big POST) leaves the rest of that body on the connection;
 * the next request on a keep-alive connection sits behind it. @hono/node-server closes such a
 * connection when the rest takes over half a second, which under load drops the next request.
 * Here the rest is read and thrown away, up to a bound; past it, or when the body announced is
 * already past it, the answer says `Connection: close` and the connection ends cleanly after it.
 */

/** The most of an unread body Hearth reads and discards to keep its connection. */
export const DRAIN_MAX_BYTES = 8 * 1024 * 1024
/** How long the rest of a body may take to arrive before the connection is closed instead. */
export const DRAIN_TIMEOUT_MS = 30_000

function discardRest(incoming: IncomingMessage) {
  let bytes = 0
  const close = () => {
    clearTimeout(timer)
    incoming.socket?.destroySoon()
  }
  const timer = setTimeout(close, DRAIN_TIMEOUT_MS)
  timer.unref()
  // Nobody reads this body any more: whatever stream was reading it is dropped with it.
  incoming.removeAllListeners('data')
  incoming.on('data', (chunk: Buffer) => {
    bytes += chunk.length
    if (bytes > DRAIN_MAX_BYTES) close()
  })
  incoming.once('end', () => clearTimeout(timer))
  incoming.once('close', () => clearTimeout(timer))
  incoming.resume()
}

function keepConnectionsWhole(incoming: IncomingMessage, outgoing: ServerResponse) {
  if (Number(incoming.headers['content-length'] ?? 0) > DRAIN_MAX_BYTES) outgoing.setHeader('Connection', 'close')
  outgoing.once('finish', () => {
    if (!incoming.readableEnded && !incoming.destroyed) discardRest(incoming)
  })
}

export function serveOnNode(
  fetch: (request: Request) => Response | Promise<Response>,
  options: { port: number; hostname: string },
  onListening?: (address: AddressInfo) => void,
): Server {
  const server = serve({ fetch, ...options, autoCleanupIncoming: false }, onListening) as Server
  server.on('request', keepConnectionsWhole)
  return server
}
