import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import { clientAddress, type ProxyTrust } from './http/client-address'

/** The caller's address on Node: the socket's peer, or what the trusted proxies said (TRUST_PROXY). */
export function nodeClientIp(trust: ProxyTrust) {
  return (c: Context) =>
    clientAddress(trust, {
      socket: getConnInfo(c).remote.address,
      forwardedFor: c.req.header('x-forwarded-for'),
      cfConnectingIp: c.req.header('cf-connecting-ip'),
    })
}
