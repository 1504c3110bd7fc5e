/**
 * Meta's `X-Hub-Signature-256`: `sha256=` and the hex HMAC-SHA256 of the raw body under the app
 * secret, compared in constant time (Web Crypto, so Node and Workers alike).
 */

const encoder = new TextEncoder()

/** The header Meta sends for `body` (the fake Cloud API in tests signs with it too). */
export async function hubSignature(appSecret: string, body: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(appSecret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(body)))
  return `sha256=${[...mac].map((b) => b.toString(16).padStart(2, '0')).join('')}`
}

export async function signatureMatches(appSecret: string, header: string, body: string): Promise<boolean> {
  return sameText(await hubSignature(appSecret, body), header.toLowerCase())
}

/** Constant-time equality of two strings (a signature, a verify token). */
export function sameText(expected: string, given: string): boolean {
  const a = encoder.encode(expected)
  const b = encoder.encode(given)
  let difference = a.length ^ b.length
  for (let i = 0; i < Math.max(a.length, b.length); i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0)
  return difference === 0
}
