import { Hono, type MiddlewareHandler } from 'hono'
import type { AppEnv, Deps } from '../deps'
import { bearerToken } from '../api-keys/auth'
import { keyUseDue } from '../api-keys/last-used'
import { findPrincipalByHash } from '../api-keys/queries'
import type { StaffActor } from '../audit/queries'
import { sha256HexRecent } from '../crypto/web-crypto'
import { ApiError } from '../http/errors'
import { type Action, permission, type Refusal, type Resource, type StaffRole } from '../../shared/policy/permissions'
import { loadStaffSession, staffActor } from '../staff/session'

/** Who is calling a practice route: a staff member signed in, or an integration's API key. */
export type Principal = {
  practiceId: string
  role: StaffRole
  therapistId: string | null
  actor: { kind: 'api_key'; id: string } | StaffActor
  /** The key's or the staff member's id: who did it, where a record keeps its doer. */
  actorId: string
  /** The staff member's name (null for a key), for records that say who did it. */
  actorName: string | null
}

const unauthorized = () =>
  new ApiError('unauthorized', 'Sign in to Hearth, or send a valid practice API key as a Bearer token.')

/**
 * Every practice route's way in: a Bearer API key (machines, with the key's role), else the
 * staff session cookie (people, with their role; an unsafe method needs Hearth's own Origin).
 * Every failure to identify is the same 401.
 */
export function practiceAuth(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.get('principal')) return next()
    const token = bearerToken(c.req.header('authorization'))
    if (token) {
      const hash = await sha256HexRecent(token)
      const now = deps.clock()
      const key = await findPrincipalByHash(deps.sql, hash, keyUseDue(hash, now) ? now : null)
      if (!key) throw unauthorized()
      c.set('principal', {
        practiceId: key.practiceId,
        role: key.role,
        therapistId: key.therapistId,
        actor: { kind: 'api_key', id: key.keyId },
        actorId: key.keyId,
        actorName: null,
      })
      return next()
    }
    const session = await loadStaffSession(deps, c, ['done'])
    if (!session?.user || !session.practice) throw unauthorized()
    c.set('staff', session)
    c.set('principal', {
      practiceId: session.practice.id,
      role: session.user.role,
      therapistId: session.user.therapist_id,
      actor: staffActor(deps, c, session),
      actorId: session.user.id,
      actorName: session.user.name,
    })
    return next()
  }
}

const REFUSALS: Record<Refusal, string> = {
  admins_only: 'Only the practice’s owners and admins can do that.',
  owners_only: 'Only an owner of the practice can do that.',
  no_message_bodies: 'The front desk sees who wrote and when, not the words.',
  read_only: 'You can look at this, but not change it.',
}

export const refused = (reason: Refusal) => new ApiError('forbidden', REFUSALS[reason], { reason })

/** Refuses with 403 and the reason unless the caller's role may `action` the `resource`. */
export function mustBeAllowed(principal: Pick<Principal, 'role'>, action: Action, resource: Resource): void {
  const decision = permission(principal.role, action, resource)
  if (!decision.allowed) throw refused(decision.reason)
}

/**
 * The route's permission from the one table (shared/policy/permissions.ts): `action` defaults to
 * `read` for GET and HEAD and `change` for anything else.
 */
export function permit(resource: Resource, action?: Action): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const wanted = action ?? (c.req.method === 'GET' || c.req.method === 'HEAD' ? 'read' : 'change')
    mustBeAllowed(c.var.principal, wanted, resource)
    await next()
  }
}

/**
 * A router whose every route is a practice route: `practiceAuth`, then `permit(resource)` when the
 * whole router is one resource (without it, each route says its own permission).
 */
export function practiceRouter(deps: Deps, resource?: Resource): Hono<AppEnv> {
  const app = new Hono<AppEnv>()
  if (resource) app.use('*', practiceAuth(deps), permit(resource))
  else app.use('*', practiceAuth(deps))
  return app
}
