import { therapistScope as sharedTherapistScope } from '../../shared/policy/access'
import type { MiddlewareHandler } from 'hono'
import type { AppEnv, Deps } from '../deps'
import { randomToken, sha256Hex } from '../crypto/web-crypto'
import { findPrincipalByHash, type Principal } from './queries'
import { asSystem } from '../db/tenant'
import { ApiError, forbidden } from '../http/errors'
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

/** Resolves the Bearer API key to its practice and role; every failure is the same 401. */
export function apiKeyAuth(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'))
    const principal = token
      ? await asSystem(deps.sql, async (tx) => findPrincipalByHash(tx, await sha256Hex(token)))
      : null
    if (!principal) throw new ApiError('unauthorized', 'Send a valid practice API key as a Bearer token.')
    c.set('principal', principal)
    await next()
  }
}

export const adminOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.var.principal.role !== 'admin') throw forbidden('This needs an admin API key.')
  await next()
}

/**
 * Which therapist's records a list may show (the shared rule), where an id that cannot exist
 * matches nothing rather than reaching the database.
 */
export function therapistScope(principal: Principal, requested: string | undefined): string | undefined | null {
  if (requested && !isUuid(requested)) return null
  return sharedTherapistScope(principal, requested)
}
