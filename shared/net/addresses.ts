/**
 * Which network an IP address belongs to, for refusing webhook targets inside a practice's or
 * Hearth's own network (SSRF). Addresses arrive as `URL` spells them (it already turns decimal,
 * octal and hex IPv4 forms into dotted quads) or as a resolver returns them. Anything not plainly
 * on the public internet is refused: IPv6 is public only inside 2000::/3, minus the special ranges,
 * and an IPv4 address carried inside IPv6 (mapped, NAT64, 6to4) is judged as that IPv4 address.
 */

export type AddressKind = 'public' | 'loopback' | 'private' | 'link_local' | 'reserved'

type Range = [base: number, prefix: number, kind: Exclude<AddressKind, 'public'>]

const IPV4_RANGES: Range[] = [
  [ipv4('0.0.0.0')!, 8, 'reserved'],
  [ipv4('10.0.0.0')!, 8, 'private'],
  [ipv4('100.64.0.0')!, 10, 'private'],
  [ipv4('127.0.0.0')!, 8, 'loopback'],
  [ipv4('169.254.0.0')!, 16, 'link_local'],
  [ipv4('172.16.0.0')!, 12, 'private'],
  [ipv4('192.0.0.0')!, 24, 'reserved'],
  [ipv4('192.0.2.0')!, 24, 'reserved'],
  [ipv4('192.88.99.0')!, 24, 'reserved'],
  [ipv4('192.168.0.0')!, 16, 'private'],
  [ipv4('198.18.0.0')!, 15, 'reserved'],
  [ipv4('198.51.100.0')!, 24, 'reserved'],
  [ipv4('203.0.113.0')!, 24, 'reserved'],
  [ipv4('224.0.0.0')!, 4, 'reserved'],
  [ipv4('240.0.0.0')!, 4, 'reserved'],
]

/** A dotted quad as a 32-bit number, or null. Only the canonical form: `URL` normalises the others. */
function ipv4(text: string): number | null {
  const parts = text.split('.')
  if (parts.length !== 4) return null
  let value = 0
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return null
    value = value * 256 + Number(part)
  }
  return value
}

function classifyIpv4(value: number): AddressKind {
  for (const [base, prefix, kind] of IPV4_RANGES) {
    const size = 2 ** (32 - prefix)
    if (value >= base && value < base + size) return kind
  }
  return 'public'
}

/** Eight 16-bit groups, or null. Accepts `::`, a trailing dotted quad and a `%zone`. */
function ipv6(text: string): number[] | null {
  let rest = text.replace(/%.*$/, '')
  const groups: number[] = []
  const quad = /(?:^|:)(\d+\.\d+\.\d+\.\d+)$/.exec(rest)
  let tail: number[] = []
  if (quad) {
    const v4 = ipv4(quad[1]!)
    if (v4 === null) return null
    tail = [Math.floor(v4 / 65536), v4 % 65536]
    rest = rest.slice(0, rest.length - quad[1]!.length)
    if (rest.endsWith(':') && !rest.endsWith('::')) rest = rest.slice(0, -1)
  }
  const halves = rest.split('::')
  if (halves.length > 2) return null
  const parse = (half: string) => (half === '' ? [] : half.split(':'))
  const head = parse(halves[0]!)
  const after = halves.length === 2 ? parse(halves[1]!) : []
  for (const group of [...head, ...after]) if (!/^[0-9a-f]{1,4}$/i.test(group)) return null
  const known = head.length + after.length + tail.length
  if (halves.length === 1 ? known !== 8 : known > 7) return null
  groups.push(...head.map((g) => Number.parseInt(g, 16)))
  groups.push(...Array(8 - known).fill(0))
  groups.push(...after.map((g) => Number.parseInt(g, 16)), ...tail)
  return groups
}

function classifyIpv6(g: number[]): AddressKind {
  const v4At = (i: number) => classifyIpv4(g[i]! * 65536 + g[i + 1]!)
  const zeros = (n: number) => g.slice(0, n).every((x) => x === 0)
  if (zeros(8)) return 'reserved'
  if (zeros(7) && g[7] === 1) return 'loopback'
  if (zeros(5) && g[5] === 0xffff) return v4At(6) // IPv4-mapped
  if (zeros(6)) return 'reserved' // IPv4-compatible, long deprecated
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return v4At(6) // NAT64
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return 'private' // local NAT64
  if (g[0] === 0x2002) return v4At(1) // 6to4
  if (g[0] === 0x2001 && g[1]! < 0x200) return 'reserved' // IETF protocol assignments, Teredo
  if (g[0] === 0x2001 && g[1] === 0xdb8) return 'reserved' // documentation
  if ((g[0]! & 0xfe00) === 0xfc00) return 'private' // unique local
  if ((g[0]! & 0xffc0) === 0xfe80) return 'link_local'
  if ((g[0]! & 0xffc0) === 0xfec0) return 'private' // site-local, deprecated
  if ((g[0]! & 0xe000) === 0x2000) return 'public'
  return 'reserved' // multicast, discard-only and everything unassigned
}

/** What kind of address this is, or null when it is not an IP address at all (a host name). */
export function classifyAddress(address: string): AddressKind | null {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address
  const v4 = ipv4(bare)
  if (v4 !== null) return classifyIpv4(v4)
  if (!bare.includes(':')) return null
  const v6 = ipv6(bare)
  return v6 ? classifyIpv6(v6) : 'reserved'
}

/**
 * What a URL's host name says before any lookup: the kind of an IP literal, `loopback` for
 * `localhost` and its subdomains (RFC 6761), or null for a name only DNS can answer.
 */
export function classifyHost(hostname: string): AddressKind | null {
  const host = hostname.toLowerCase().replace(/\.+$/, '')
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback'
  return classifyAddress(host)
}
