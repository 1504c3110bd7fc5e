import type { Context } from 'hono'
import type { Deps } from '../deps'
import type { EmailMessage } from '../providers/email'
import { CODE_TTL_MS } from './sign-in-code'

/** Asking for a sign-in code is answered no sooner than this, whether or not the email is known. */
const START_FLOOR_MS = 200

/** Sends after answering where the runtime allows, so a slow provider cannot reveal a known email. */
export function sendInBackground(c: Context, deps: Deps, message: EmailMessage) {
  const sending = deps.mailer.send({ ...message, from: deps.emailFrom }).catch((error: unknown) => {
    console.error('sign-in email was not sent:', error instanceof Error ? error.name : 'unknown error')
  })
  try {
    c.executionCtx.waitUntil(sending)
  } catch {
    // Node has no execution context; the promise simply runs on.
  }
}

/** Waits out what is left of `floorMs` since `started` (performance.now()), so every answer takes as long. */
export const answerNoSoonerThan = (started: number, floorMs: number) =>
  new Promise((resolve) => setTimeout(resolve, floorMs - (performance.now() - started)))

/**
 * The one answer to asking for a sign-in code: 202 with how long a code lasts, no sooner than the
 * floor after `started`, and the email (when the address is known) sent after answering.
 */
export async function answerCodeRequested(c: Context, deps: Deps, started: number, message: EmailMessage | null) {
  if (message) sendInBackground(c, deps, message)
  await answerNoSoonerThan(started, START_FLOOR_MS)
  return c.json({ expires_in: CODE_TTL_MS / 1000 }, 202)
}
