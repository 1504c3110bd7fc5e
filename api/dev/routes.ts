import { Hono } from 'hono'
import { z } from 'zod'
import { Text } from '../../shared/schemas/common'
import type { AppEnv, Deps } from '../deps'
import { ApiError } from '../http/errors'
import { describe, input } from '../http/openapi/describe'

const OutboxEntry = z.object({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string().optional(),
  sent_at: z.string(),
})

/** Only with the development mailer: the emails that would have been sent (sign-in codes, reminders). */
export function devRoutes(deps: Deps) {
  return new Hono<AppEnv>().get(
    '/outbox',
    describe({
      summary: 'Development outbox: emails that would have been sent (only without RESEND_API_KEY)',
      tags: ['development'],
      auth: 'none',
      responses: { 200: { description: 'Newest first', schema: z.object({ data: z.array(OutboxEntry) }) } },
    }),
    input('query', z.object({ to: Text.max(254).optional() })),
    (c) => {
      const outbox = deps.mailer.outbox
      if (!outbox) throw new ApiError('not_found', 'There is nothing at this address.')
      const entries = outbox.list({ to: c.req.valid('query').to }).reverse()
      return c.json({
        data: entries.map(({ id, from, to, subject, text, html, sent_at }) => ({
          id,
          from,
          to,
          subject,
          text,
          ...(html ? { html } : {}),
          sent_at,
        })),
      })
    },
  )
}
