import { classifyAddress } from '../../shared/net/addresses'

/**
 * The caller's network address, for per-address rate limits: the socket's peer, unless Hearth
 * runs behind proxies it was told to trust (`TRUST_PROXY`). Then the address comes from what
 * those proxies wrote: `X-Forwarded-For`, read from the right, skipping one entry per trusted
 * proxy after the first (whose address is the socket's), because everything to the left of them
 * is whatever the client chose to send; or Cloudflare's `CF-Connecting-IP`.
 */
export type ProxyTrust = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'cloudflare' }

export const TRUST_PROXY_HELP =
  'TRUST_PROXY is the number of reverse proxies in front of Hearth (1 for one nginx or load balancer) or "cloudflare"; leave it unset when clients connect directly.'

/** TRUST_PROXY as a setting, or null when it is not one (the entry refuses to start). */
export function parseTrustProxy(value: string | undefined): ProxyTrust | null {
  const text = value?.trim().toLowerCase() ?? ''
  if (text === '' || text === '0' || text === 'false') return { kind: 'none' }
  if (text === 'cloudflare') return { kind: 'cloudflare' }
  if (/^[1-9]$/.test(text)) return { kind: 'hops', hops: Number(text) }
  return null
}

/** An entry as proxies write it: `203.0.113.7`, `203.0.113.7:5123`, `[2001:db8::1]:443`, `2001:db8::1`. */
function bareAddress(entry: string): string | null {
  const text = entry.trim()
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text)
  const candidate = bracketed ? bracketed[1]! : /^[\d.]+:\d+$/.test(text) ? text.replace(/:\d+$/, '') : text
  return classifyAddress(candidate) === null ? null : candidate
}

export function clientAddress(
  trust: ProxyTrust,
  request: { socket: string | undefined; forwardedFor: string | undefined; cfConnectingIp: string | undefined },
): string | undefined {
  if (trust.kind === 'cloudflare') return bareAddress(request.cfConnectingIp ?? '') ?? request.socket
  if (trust.kind === 'none' || !request.forwardedFor) return request.socket
  const hops = request.forwardedFor.split(',').filter((entry) => entry.trim() !== '')
  // The socket is the nearest proxy; each further trusted proxy is one entry from the right.
  const index = Math.max(0, hops.length - trust.hops)
  return bareAddress(hops[index] ?? '') ?? request.socket
}
