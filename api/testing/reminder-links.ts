import { expect } from 'vitest'
import { dispatchDue } from '../outbox/dispatch'
import { outboxHandlers } from '../outbox/handlers'
import type { TestContext } from './app'
import type { fixtures } from './fixtures'

/** Sends what is due by email now, as the dispatcher does. */
export const dispatchEmail = (t: TestContext) => dispatchDue(t.deps, { handlers: outboxHandlers, channels: ['email'] })

/**
 * Books a session, sends its confirmation request, and returns the links in the email (as paths),
 * with the clock left where it was.
 */
export async function reminderLinks(
  t: TestContext,
  f: ReturnType<typeof fixtures>,
  therapistId: string,
  startsAt: string,
  clientOverrides: Record<string, unknown> = {},
) {
  const client = await f.client(clientOverrides)
  const apt = await f.appointment(therapistId, client.id, startsAt)
  const [due] = await t.sql<{ send_at: Date }[]>`
    select send_at from outbox where appointment_id = ${apt.id} and reminder_kind = 'confirmation'`
  const now = t.clock.now()
  if (due!.send_at > now) t.clock.set(due!.send_at)
  await dispatchEmail(t)
  t.clock.set(now)
  const email = (await t.call('GET', `/dev/outbox?to=${encodeURIComponent(client.email)}`)).body.data[0]
  const link = (label: string) => {
    const url = new RegExp(`^${label}: (\\S+)$`, 'm').exec(email.text)?.[1]
    expect(url, `${label} link in\n${email.text}`).toBeDefined()
    return new URL(url!).pathname
  }
  return {
    apt,
    client,
    email,
    confirm: link("Yes, I'll be there"),
    cancel: link('Cancel'),
    reschedule: link('Find another time'),
  }
}
