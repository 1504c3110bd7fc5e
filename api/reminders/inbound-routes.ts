import { firstTimeSeen } from './queries'
import { Hono } from 'hono'
import { Webhook as StandardWebhook } from 'standardwebhooks'
import { Webhook as SvixWebhook } from 'svix'
import { z } from 'zod'
import type { Tx } from '../db/connect'
import { findByProviderMessageId } from '../outbox/queries'
import { connectionBySlug } from '../practice/connection-by-slug'
import { findSmsGateway } from '../practice/sms-gateway-queries'
import { asSystem, inPractice } from '../db/tenant'
import type { AppEnv, Deps } from '../deps'
import { ApiError, invalidRequest } from '../http/errors'
import { describe, input } from '../http/openapi/describe'
import { normaliseSigningSecret } from '../providers/sms'
import { deliveryStatusOf, recordEmailEvent } from './email-events'
import { handleInboundSms } from './sms-replies'
import { Phone, Slug, Text } from '../../shared/schemas/common'

/**
 * Providers calling in: the practice's SMS gateway with a client's text, Resend with what happened
 * to an email. Both are signed (Standard Webhooks / Svix) and checked before anything is read, and
 * both are de-duplicated on their event id, since providers deliver at least once.
 */

const InboundSmsBody = z.object({
  from: Phone,
  text: Text.max(1600),
  message_id: Text.max(200).optional(),
})

const ResendEvent = z.object({
  type: Text.max(100),
  data: z.object({ email_id: Text.max(200) }).loose(),
})

const Accepted = z.object({ status: z.enum(['processed', 'duplicate', 'ignored']), intent: z.string().optional() })

const unsigned = () => new ApiError('unauthorized', 'The signature on this request is not valid.')

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw)
  } catch {
    throw new ApiError('invalid_request', 'The body is not valid JSON.')
  }
}

function headersOf(raw: Headers): Record<string, string> {
  return Object.fromEntries(raw.entries())
}

const firstTime = (tx: Tx, practiceId: string, source: 'sms' | 'resend', id: string, at: Date) =>
  firstTimeSeen(tx, practiceId, { source, id, at })

export function inboundRoutes(deps: Deps) {
  const app = new Hono<AppEnv>()

  app.post(
    '/sms',
    describe({
      summary: "A client's text, posted by the practice's SMS gateway (signed like Standard Webhooks)",
      tags: ['reminders'],
      auth: 'signed',
      description:
        'Body `{from, text, message_id?}`, headers `webhook-id`, `webhook-timestamp`, `webhook-signature` made with the gateway secret set in PATCH /v1/practice. Keywords: YES/C confirm, CANCEL, STOP, START, HELP; anything else reaches a person.',
      responses: { 200: { description: 'Handled (or already handled)', schema: Accepted } },
    }),
    input('query', z.object({ practice: Slug })),
    async (c) => {
      const raw = await c.req.text()
      const { practice: slug } = c.req.valid('query')
      const target = await connectionBySlug(deps.sql, slug, findSmsGateway)
      if (!target) throw unsigned()
      try {
        new StandardWebhook(normaliseSigningSecret(target.connection.signing_secret)).verify(
          raw,
          headersOf(c.req.raw.headers),
        )
      } catch {
        throw unsigned()
      }
      const body = InboundSmsBody.safeParse(parseJson(raw))
      if (!body.success) throw invalidRequest(body.error)
      const eventId = c.req.header('webhook-id')!
      const practiceId = target.practice.id
      const result = await inPractice(deps.sql, practiceId, async (tx) => {
        if (!(await firstTime(tx, practiceId, 'sms', eventId, deps.clock()))) return { status: 'duplicate' as const }
        const intent = await handleInboundSms(tx, deps, {
          practiceId,
          eventId,
          from: body.data.from,
          text: body.data.text,
        })
        return { status: 'processed' as const, intent }
      })
      return c.json(result)
    },
  )

  app.post(
    '/email-events',
    describe({
      summary: 'Resend delivery events (delivered, bounced, complained), verified by their Svix signature',
      tags: ['reminders'],
      auth: 'signed',
      responses: { 200: { description: 'Recorded (or already recorded, or not ours)', schema: Accepted } },
    }),
    async (c) => {
      const raw = await c.req.text()
      if (!deps.resendWebhookSecret) throw unsigned()
      try {
        new SvixWebhook(deps.resendWebhookSecret).verify(raw, headersOf(c.req.raw.headers))
      } catch {
        throw unsigned()
      }
      const event = ResendEvent.safeParse(parseJson(raw))
      if (!event.success) throw invalidRequest(event.error)
      const status = deliveryStatusOf(event.data.type)
      if (!status) return c.json({ status: 'ignored' as const })
      const row = await asSystem(deps.sql, (tx) => findByProviderMessageId(tx, 'email', event.data.data.email_id))
      if (!row) return c.json({ status: 'ignored' as const })
      const eventId = c.req.header('svix-id')!
      const result = await inPractice(deps.sql, row.practice_id, async (tx) => {
        if (!(await firstTime(tx, row.practice_id, 'resend', eventId, deps.clock())))
          return { status: 'duplicate' as const }
        await recordEmailEvent(tx, deps, row, status)
        return { status: 'processed' as const }
      })
      return c.json(result)
    },
  )
  return app
}
