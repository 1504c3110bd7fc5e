import type { Context } from 'hono'
import type { Deps } from '../deps'
import type { EmailMessage } from '../providers/email'

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
