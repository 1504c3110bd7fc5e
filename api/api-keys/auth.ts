import { therapistScope as sharedTherapistScope } from '../../shared/policy/access'
import { randomToken, sha256Hex } from '../crypto/web-crypto'
import type { Principal } from '../auth/practice-auth'
import { isUuid } from '../http/params'

/** A new practice API key: the secret to show once, and what is stored (its hash and a prefix). */
export async function generateApiKey(): Promise<{ key: string; hash: string; prefix: string }> {
  const key = `hearth_${randomToken(32)}`
  return { key, hash: await sha256Hex(key), prefix: key.slice(0, 14) }
}

export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')
  return match ? match[1]! : null
}

/**
 * Which therapist's records a list may show (the shared rule), where an id that cannot exist
 * matches nothing rather than reaching the database.
 */
export function therapistScope(principal: Principal, requested: string | undefined): string | undefined | null {
  if (requested && !isUuid(requested)) return null
  return sharedTherapistScope(principal, requested)
}
