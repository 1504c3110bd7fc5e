import { lookup } from 'node:dns/promises'

/** Every address the system resolver gives for a name, IPv4 and IPv6 (Node only: entries pass it in). */
export async function resolveHostOnNode(hostname: string): Promise<string[]> {
  const found = await lookup(hostname, { all: true, verbatim: true })
  return found.map((a) => a.address)
}
