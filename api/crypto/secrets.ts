/**
 * Keys derived from HEARTH_SECRET with HKDF (Web Crypto, so Node and Workers alike), one per
 * purpose: a key that signs portal tokens can never decrypt a message, and the other way round.
 */

export type KeyPurpose =
  | 'portal-access-token'
  | 'sign-in-code'
  | 'message-body'
  | 'alert-client-note'
  | 'practice-signing-secret'
  | 'webhook-signing-secret'
  | 'whatsapp-credentials'
  | 'staff-totp-secret'
  | 'staff-recovery-code'
  | 'portal-refresh-successor'

const encoder = new TextEncoder()
const decoder = new TextDecoder()
const derived = new Map<string, Promise<Uint8Array<ArrayBuffer>>>()

/** 32 bytes for `purpose`, the same on every instance that shares the root secret. */
export function derivedKeyBytes(rootSecret: string, purpose: KeyPurpose): Promise<Uint8Array<ArrayBuffer>> {
  const cacheKey = `${purpose}\u0000${rootSecret}`
  let bytes = derived.get(cacheKey)
  if (!bytes) {
    bytes = (async () => {
      const root = await crypto.subtle.importKey('raw', encoder.encode(rootSecret), 'HKDF', false, ['deriveBits'])
      const bits = await crypto.subtle.deriveBits(
        { name: 'HKDF', hash: 'SHA-256', salt: encoder.encode('hearth/v1'), info: encoder.encode(purpose) },
        root,
        256,
      )
      return new Uint8Array(bits)
    })()
    derived.set(cacheKey, bytes)
  }
  return bytes
}

const hmacKeys = new Map<string, Promise<CryptoKey>>()

/** The HMAC-SHA256 key for `purpose`, imported once (jose would import raw bytes on every verify). */
export function derivedHmacKey(rootSecret: string, purpose: KeyPurpose): Promise<CryptoKey> {
  const cacheKey = `${purpose}\u0000${rootSecret}`
  let key = hmacKeys.get(cacheKey)
  if (!key) {
    key = derivedKeyBytes(rootSecret, purpose).then((bytes) =>
      crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']),
    )
    hmacKeys.set(cacheKey, key)
  }
  return key
}

async function aesKey(rootSecret: string, purpose: KeyPurpose): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', await derivedKeyBytes(rootSecret, purpose), 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ])
}

export type Sealed = { ciphertext: Uint8Array; iv: Uint8Array }

/**
 * AES-GCM with a fresh 96-bit IV. `boundTo` (e.g. the row's id) is authenticated but not stored
 * in the ciphertext, so a sealed value copied onto another row no longer opens.
 */
export async function sealText(rootSecret: string, purpose: KeyPurpose, plaintext: string, boundTo: string) {
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(boundTo) },
    await aesKey(rootSecret, purpose),
    encoder.encode(plaintext),
  )
  return { ciphertext: new Uint8Array(ciphertext), iv } satisfies Sealed
}

export async function openText(rootSecret: string, purpose: KeyPurpose, sealed: Sealed, boundTo: string) {
  const plaintext = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: new Uint8Array(sealed.iv), additionalData: encoder.encode(boundTo) },
    await aesKey(rootSecret, purpose),
    new Uint8Array(sealed.ciphertext),
  )
  return decoder.decode(plaintext)
}

/** HMAC-SHA256 as hex under the purpose's key: for values too guessable to store as a plain hash. */
export async function keyedHash(rootSecret: string, purpose: KeyPurpose, value: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    await derivedKeyBytes(rootSecret, purpose),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  const signature = await crypto.subtle.sign('HMAC', key, encoder.encode(value))
  return [...new Uint8Array(signature)].map((b) => b.toString(16).padStart(2, '0')).join('')
}
