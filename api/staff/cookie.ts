import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { ApiError } from '../http/errors'

/**
 * The staff session cookie holds only a random id (the database keeps its hash). Over https it is
 * `__Host-` prefixed and Secure, so no other host or path can set or shadow it.
 */

const NAME = 'hearth_staff'
export const SESSION_MAX_MS = 12 * 60 * 60_000

const isHttps = (publicUrl: string) => publicUrl.startsWith('https://')
export const staffCookieName = (publicUrl: string) => (isHttps(publicUrl) ? `__Host-${NAME}` : NAME)

export function readStaffCookie(c: Context, publicUrl: string): string | null {
  return getCookie(c, staffCookieName(publicUrl)) || null
}

export function writeStaffCookie(c: Context, publicUrl: string, token: string): void {
  setCookie(c, staffCookieName(publicUrl), token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: isHttps(publicUrl),
    maxAge: SESSION_MAX_MS / 1000,
  })
}

/** The answer once the second factor is done: the session's new cookie, and nothing left to do. */
export function answerSignedIn(c: Context, publicUrl: string, token: string) {
  writeStaffCookie(c, publicUrl, token)
  return c.json({ next: 'done' as const })
}

export function clearStaffCookie(c: Context, publicUrl: string): void {
  deleteCookie(c, staffCookieName(publicUrl), {
    path: '/',
    secure: isHttps(publicUrl),
    httpOnly: true,
    sameSite: 'Strict',
  })
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * A browser sends the cookie with every request to Hearth, so a request that changes something
 * with it must come from Hearth's own pages: `Origin` equal to PUBLIC_URL (SameSite=Strict is the
 * first wall, this the second).
 */
export function refuseForeignOrigin(c: Context, publicUrl: string): void {
  if (SAFE_METHODS.has(c.req.method)) return
  if (c.req.header('origin') !== new URL(publicUrl).origin) {
    throw new ApiError('forbidden', 'This request must come from Hearth’s own pages.')
  }
}
