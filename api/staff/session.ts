import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv, Deps } from '../deps'
import { randomToken, sha256Hex } from '../crypto/web-crypto'
import type { Tx } from '../db/connect'
import { asSystem } from '../db/tenant'
import { ApiError } from '../http/errors'
import type { StaffActor } from '../audit/queries'
import type { SignInStep } from '../../shared/schemas/staff'
import { refuseForeignOrigin, readStaffCookie, SESSION_MAX_MS } from './cookie'
import {
  findLiveSession,
  insertStaffSession,
  type LiveSession,
  rekeyStaffSession,
  touchStaffSession,
} from './session-queries'

/**
 * Staff sessions live in the database; the cookie carries a random id whose SHA-256 finds the
 * row. Each request moves the idle deadline on (the practice's `staff_idle_minutes`), never past
 * 12 hours from sign-in. Finishing a step of signing in gives the session a new id.
 */

/** Before a practice is chosen its own idle setting is unknown: the default holds. */
const DEFAULT_IDLE_MINUTES = 15

const idleMs = (session: Pick<LiveSession, 'practice'>) =>
  (session.practice?.staff_idle_minutes ?? DEFAULT_IDLE_MINUTES) * 60_000

export const signInFirst = () => new ApiError('unauthorized', 'Please sign in to Hearth.')
const sessionEnded = () => new ApiError('unauthorized', 'Your session has ended. Please sign in again.')
const finishSigningIn = () => new ApiError('unauthorized', 'Finish signing in first.')

export function requestOrigin(deps: Deps, c: Context) {
  return {
    ip: (deps.clientIp?.(c) || null)?.slice(0, 64) ?? null,
    userAgent: c.req.header('user-agent')?.slice(0, 400) ?? null,
  }
}

async function newSessionId(): Promise<{ token: string; hash: string }> {
  const token = randomToken(32)
  return { token, hash: await sha256Hex(token) }
}

/** Opens a session at `stage` after the first factor; returns the cookie's value. */
export async function openStaffSession(
  tx: Tx,
  deps: Deps,
  values: {
    email: string
    stage: SignInStep
    user: { id: string; practiceId: string; idleMinutes: number } | null
    ip: string | null
    userAgent: string | null
  },
): Promise<{ token: string; sessionId: string }> {
  const now = deps.clock()
  const { token, hash } = await newSessionId()
  const expiresAt = new Date(now.getTime() + SESSION_MAX_MS)
  const idle = (values.user?.idleMinutes ?? DEFAULT_IDLE_MINUTES) * 60_000
  const sessionId = await insertStaffSession(tx, {
    idHash: hash,
    practiceId: values.user?.practiceId ?? null,
    userId: values.user?.id ?? null,
    email: values.email,
    stage: values.stage,
    now,
    idleExpiresAt: new Date(Math.min(now.getTime() + idle, expiresAt.getTime())),
    expiresAt,
    ip: values.ip,
    userAgent: values.userAgent,
  })
  return { token, sessionId }
}

/** Opens a session for one person at their practice (as `findStaffByEmail` finds them), at `stage`. */
export function openPersonSession(
  tx: Tx,
  deps: Deps,
  person: { id: string; practice_id: string; email: string; idle_minutes: number },
  stage: SignInStep,
  origin: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; sessionId: string }> {
  return openStaffSession(tx, deps, {
    email: person.email,
    stage,
    user: { id: person.id, practiceId: person.practice_id, idleMinutes: person.idle_minutes },
    ...origin,
  })
}

/** Binds a session that was choosing among practices to one of them; a new id. */
export async function bindPractice(
  tx: Tx,
  session: LiveSession,
  values: { practiceId: string; userId: string; stage: SignInStep },
): Promise<string> {
  const { token, hash } = await newSessionId()
  await rekeyStaffSession(tx, session.id, { idHash: hash, ...values })
  return token
}

/**
 * Marks the second factor done, by whichever factor (TOTP, a recovery code, a passkey, or
 * confirming a newly enrolled one), and gives the session a new id: whatever saw the old cookie
 * before the second factor cannot use the signed-in one. Returns the cookie's new value.
 */
export async function completeSecondFactor(
  tx: Tx,
  deps: Deps,
  session: Pick<LiveSession, 'id'>,
  method: 'totp' | 'recovery_code' | 'passkey',
): Promise<string> {
  const { token, hash } = await newSessionId()
  await rekeyStaffSession(tx, session.id, {
    idHash: hash,
    stage: 'done',
    secondFactor: { method, at: deps.clock() },
  })
  return token
}

/** The staff member behind a signed-in session, as the audit log names them. */
export function staffActor(deps: Deps, c: Context, session: LiveSession): StaffActor {
  const { ip, userAgent } = requestOrigin(deps, c)
  return { kind: 'staff', id: session.user!.id, name: session.user!.name, ip, userAgent }
}

/**
 * Finds the live session behind the cookie (or ends with 401), refuses an unsafe method from a
 * foreign Origin (403), and moves the idle deadline on. `stages` are where signing in may be for
 * this route: the practice's routes want `done`, the sign-in steps their own.
 */
export async function loadStaffSession(
  deps: Deps,
  c: Context,
  stages: readonly SignInStep[],
): Promise<(LiveSession & { token: string }) | null> {
  const token = readStaffCookie(c, deps.publicUrl)
  if (!token) return null
  refuseForeignOrigin(c, deps.publicUrl)
  const now = deps.clock()
  const hash = await sha256Hex(token)
  const session = await asSystem(deps.sql, async (tx) => {
    const found = await findLiveSession(tx, hash, now)
    if (!found || !stages.includes(found.stage)) return found
    found.idle_expires_at = await touchStaffSession(tx, found.id, now, idleMs(found))
    found.last_seen_at = now
    return found
  })
  if (!session) throw sessionEnded()
  if (!stages.includes(session.stage)) throw finishSigningIn()
  return { ...session, token }
}

/** The staff session middleware for /v1/staff/* routes: `c.var.staff` is the session. */
export function staffSession(deps: Deps, stages: readonly SignInStep[] = ['done']): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const session = await loadStaffSession(deps, c, stages)
    if (!session) throw signInFirst()
    c.set('staff', session)
    await next()
  }
}
