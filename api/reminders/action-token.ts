import { createHmac } from 'node:crypto'
import { base64url, fromBase64url } from '../crypto/web-crypto'

/**
 * Signed links for a reminder's Confirm / Cancel / Reschedule buttons. A token names the practice,
 * the outbox row it was sent with, the appointment and its version, the action and an expiry, and
 * is signed with a key derived from HEARTH_SECRET. It is derived from the outbox row, not random,
 * so a retried send renders the very same links; single use is recorded in `action_link_uses`.
 */

export const LINK_ACTIONS = ['confirm', 'cancel', 'reschedule'] as const
export type LinkAction = (typeof LINK_ACTIONS)[number]

export type ActionLink = {
  practiceId: string
  outboxId: string
  appointmentId: string
  /** The appointment's version when the reminder went out: a moved session makes old links stale. */
  version: number
  action: LinkAction
  /** Epoch seconds. */
  expiresAt: number
}

const MAC_BYTES = 16
const BODY_BYTES = 16 * 3 + 4 + 1 + 4
const encoder = new TextEncoder()
const keys = new Map<string, Promise<Uint8Array>>()

/**
 * The link key, derived once per secret with HKDF. Signing itself is node:crypto's synchronous
 * HMAC (Workers have it under `nodejs_compat`): the dispatcher signs three links per email, and
 * an asynchronous WebCrypto signature costs ten times as much for 57 bytes.
 */
function signingKey(secret: string): Promise<Uint8Array> {
  let key = keys.get(secret)
  if (!key) {
    key = (async () => {
      const root = await crypto.subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveBits'])
      const bits = await crypto.subtle.deriveBits(
        { name: 'HKDF', hash: 'SHA-256', salt: encoder.encode('hearth/v1'), info: encoder.encode('action-link') },
        root,
        256,
      )
      return new Uint8Array(bits)
    })()
    keys.set(secret, key)
  }
  return key
}

const uuidBytes = (id: string) =>
  Uint8Array.from(
    id
      .replace(/-/g, '')
      .match(/../g)!
      .map((h) => Number.parseInt(h, 16)),
  )
const uuidText = (bytes: Uint8Array) => {
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

async function mac(secret: string, body: Uint8Array): Promise<Uint8Array> {
  return createHmac('sha256', await signingKey(secret))
    .update(body)
    .digest()
    .subarray(0, MAC_BYTES)
}

export async function signActionLink(secret: string, link: ActionLink): Promise<string> {
  const body = new Uint8Array(BODY_BYTES)
  const view = new DataView(body.buffer)
  body.set(uuidBytes(link.practiceId), 0)
  body.set(uuidBytes(link.outboxId), 16)
  body.set(uuidBytes(link.appointmentId), 32)
  view.setUint32(48, link.version)
  view.setUint8(52, LINK_ACTIONS.indexOf(link.action))
  view.setUint32(53, link.expiresAt)
  const token = new Uint8Array(BODY_BYTES + MAC_BYTES)
  token.set(body, 0)
  token.set(await mac(secret, body), BODY_BYTES)
  return base64url(token)
}

/** The link a token stands for, or null when it is malformed, forged or expired. */
export async function verifyActionLink(secret: string, token: string, now: Date): Promise<ActionLink | null> {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(token)) return null
  let bytes: Uint8Array
  try {
    bytes = fromBase64url(token)
  } catch {
    return null
  }
  if (bytes.length !== BODY_BYTES + MAC_BYTES) return null
  const body = new Uint8Array(bytes.slice(0, BODY_BYTES))
  const expected = await mac(secret, body)
  let difference = 0
  for (let i = 0; i < MAC_BYTES; i++) difference |= expected[i]! ^ bytes[BODY_BYTES + i]!
  if (difference !== 0) return null
  const view = new DataView(body.buffer)
  const action = LINK_ACTIONS[view.getUint8(52)]
  const expiresAt = view.getUint32(53)
  if (!action || expiresAt * 1000 < now.getTime()) return null
  return {
    practiceId: uuidText(body.slice(0, 16)),
    outboxId: uuidText(body.slice(16, 32)),
    appointmentId: uuidText(body.slice(32, 48)),
    version: view.getUint32(48),
    action,
    expiresAt,
  }
}

export function actionUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/v1/actions/${token}`
}
