import { describe, expect, it } from 'vitest'
import { clientAddress, parseTrustProxy, type ProxyTrust } from './client-address'

const PROXY = '10.0.0.2'
const from = (trust: ProxyTrust, forwardedFor?: string, cfConnectingIp?: string) =>
  clientAddress(trust, { socket: PROXY, forwardedFor, cfConnectingIp })

describe('TRUST_PROXY', () => {
  it.each([
    [undefined, { kind: 'none' }],
    ['', { kind: 'none' }],
    ['0', { kind: 'none' }],
    ['false', { kind: 'none' }],
    ['1', { kind: 'hops', hops: 1 }],
    [' 2 ', { kind: 'hops', hops: 2 }],
    ['Cloudflare', { kind: 'cloudflare' }],
    ['true', null],
    ['yes', null],
    ['-1', null],
    ['10', null],
    ['1.5', null],
  ])('%s reads as %o', (value, trust) => {
    expect(parseTrustProxy(value)).toEqual(trust)
  })
})

describe('the client address', () => {
  it('is the socket when no proxy is trusted, whatever the headers claim', () => {
    expect(from({ kind: 'none' }, '198.51.100.9', '198.51.100.8')).toBe(PROXY)
  })

  it('behind one proxy, is the right-most X-Forwarded-For entry: what that proxy saw', () => {
    const one = { kind: 'hops', hops: 1 } as const
    expect(from(one, '203.0.113.7')).toBe('203.0.113.7')
    // The client sent its own X-Forwarded-For to spread itself over many addresses: it stays one.
    expect(from(one, '1.1.1.1, 2.2.2.2, 203.0.113.7')).toBe('203.0.113.7')
    expect(from(one, '1.1.1.1,203.0.113.7')).toBe('203.0.113.7')
    expect(from(one)).toBe(PROXY)
  })

  it('behind two proxies, skips the nearer one', () => {
    const two = { kind: 'hops', hops: 2 } as const
    expect(from(two, 'spoofed, 203.0.113.7, 10.0.0.1')).toBe('203.0.113.7')
    expect(from(two, '203.0.113.7')).toBe('203.0.113.7')
  })

  it('reads ports and IPv6 as proxies write them, and ignores an entry that is no address', () => {
    const one = { kind: 'hops', hops: 1 } as const
    expect(from(one, '203.0.113.7:51234')).toBe('203.0.113.7')
    expect(from(one, '[2001:db8::7]:443')).toBe('2001:db8::7')
    expect(from(one, '2001:db8::7')).toBe('2001:db8::7')
    expect(from(one, '1.1.1.1, unknown')).toBe(PROXY)
    expect(from(one, ' , ')).toBe(PROXY)
  })

  it('behind Cloudflare, is CF-Connecting-IP (never X-Forwarded-For)', () => {
    const cf = { kind: 'cloudflare' } as const
    expect(from(cf, '1.1.1.1', '203.0.113.7')).toBe('203.0.113.7')
    expect(from(cf, '1.1.1.1')).toBe(PROXY)
  })
})
