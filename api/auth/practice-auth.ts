import { type Context, Hono, type MiddlewareHandler } from 'hono'
import type { AppEnv, Deps } from '../deps'
import { bearerToken } from '../api-keys/auth'
import { keyUseDue } from '../api-keys/last-used'
import { checkKey, type KeyPrincipal } from '../api-keys/queries'
import type { StaffActor } from '../audit/queries'
import { sha256HexRecent } from '../crypto/web-crypto'
import type { Tx } from '../db/connect'
import { type KnownScope, readScoped } from '../db/tenant'
import { ownTherapist } from '../../shared/policy/access'
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

/** A key's principal: what a key may do is its role's, and it is the actor of what it does. */
function keyPrincipal(key: KeyPrincipal): Principal {
  return {
    practiceId: key.practiceId,
    role: key.role,
    therapistId: key.therapistId,
    actor: { kind: 'api_key', id: key.keyId },
    actorId: key.keyId,
    actorName: null,
  }
}

/** The staff member signed in with the session cookie (`c.var.staff` set), else the one 401. */
async function sessionPrincipal(deps: Deps, c: Context<AppEnv>): Promise<Principal> {
  const session = await loadStaffSession(deps, c, ['done'])
  if (!session?.user || !session.practice) throw unauthorized()
  c.set('staff', session)
  return {
    practiceId: session.practice.id,
    role: session.user.role,
    therapistId: session.user.therapist_id,
    actor: staffActor(deps, c, session),
    actorId: session.user.id,
    actorName: session.user.name,
  }
}

/** The key's hash, and whether this request should write down its use (at most once a minute). */
async function keyUse(deps: Deps, token: string): Promise<{ hash: string; usedAt: Date | null }> {
  const hash = await sha256HexRecent(token)
  const now = deps.clock()
  return { hash, usedAt: keyUseDue(hash, now) ? now : null }
}

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
      const { hash, usedAt } = await keyUse(deps, token)
      const key = await checkKey(deps.sql, hash, usedAt)
      if (!key) throw unauthorized()
      c.set('principal', keyPrincipal(key))
      return next()
    }
    c.set('principal', await sessionPrincipal(deps, c))
    return next()
  }
}

/**
 * A practice read's one transaction with its caller (`c.var.practiceRead`): the caller comes to
 * the work as a promise, checked and allowed to read `resource`, to await after sending its
 * statements. A staff session is loaded first, as `practiceAuth` does; an API key is checked
 * inside the read's own transaction (`checkKey`), so a one-round-trip read sends the key
 * check, its statements and COMMIT together. What the work reads for the caller's own therapist
 * comes from the transaction (`hearth_own_therapist()`), not from JavaScript. An unknown or
 * revoked key, or a role the permission table refuses, still gets nothing: the rows read beside
 * the check are dropped with the audit line, as a portal read drops them for a closed session.
 */
export function practiceRead(deps: Deps, resource: Resource): MiddlewareHandler<AppEnv> {
  const allowed = (principal: Principal) => {
    mustBeAllowed(principal, 'read', resource)
    return principal
  }
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'))
    let scope: ((tx: Tx) => Promise<Principal>) | KnownScope<Principal>
    if (token) {
      const { hash, usedAt } = await keyUse(deps, token)
      scope = (tx) =>
        checkKey(tx, hash, usedAt).then((key) => {
          if (!key) throw unauthorized()
          return allowed(keyPrincipal(key))
        })
    } else {
      const principal = allowed(await sessionPrincipal(deps, c))
      c.set('principal', principal)
      scope = { practiceId: principal.practiceId, ownTherapistId: ownTherapist(principal), value: principal }
    }
    let read = false
    const practiceRead: PracticeRead = (work, options) => {
      read = true
      return readScoped(
        deps.sql,
        scope,
        async (tx, caller) => {
          // The caller's refusal is the answer, whatever the statements sent after its check did.
          const [who, result] = await Promise.allSettled([caller, work(tx, caller)])
          if (who.status === 'rejected') throw who.reason
          if (result.status === 'rejected') throw result.reason
          return result.value
        },
        options,
      )
    }
    c.set('practiceRead', practiceRead)
    await next()
    // A route that answered without reading (an id that cannot exist) still answers a valid key only.
    if (!read && token) await practiceRead((_tx, caller) => caller)
  }
}

/** Runs a practice read (`practiceRead`), the caller coming with it. */
export type PracticeRead = <T>(
  work: (tx: Tx, caller: Promise<Principal>) => Promise<T>,
  options?: { oneRoundTrip?: boolean },
) => Promise<T>

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
