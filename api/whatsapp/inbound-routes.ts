import { Hono } from 'hono'
import { z } from 'zod'
import { Slug } from '../../shared/schemas/common'
import { inPractice } from '../db/tenant'
import type { AppEnv, Deps } from '../deps'
import { ApiError } from '../http/errors'
import { describe, input } from '../http/openapi/describe'
import { connectionBySlug } from '../practice/connection-by-slug'
import { handleWhatsappMessage, handleWhatsappStatus, type InboundMessage, type StatusEvent } from './events'
import { findWhatsappConnection } from './queries'
import { openWhatsappSecret } from './settings'
import { sameText, signatureMatches } from './signature'

/**
 * WhatsApp calling in for a practice: `GET` is Meta's subscription handshake (the verify token
 * must match), `POST` carries messages and statuses, signed with the app secret
 * (`X-Hub-Signature-256`, HMAC-SHA256 of the raw body). A request that fails the check is refused
 * before anything is read or written.
 */

const Handshake = z.object({
  practice: Slug,
  'hub.mode': z.string().max(40).optional(),
  'hub.verify_token': z.string().max(200).optional(),
  'hub.challenge': z.string().max(200).optional(),
})

const Webhook = z.object({
  object: z.string().max(100),
  entry: z
    .array(
      z.object({
        changes: z
          .array(
            z.object({
              field: z.string().max(100),
              value: z
                .object({
                  metadata: z
                    .object({ phone_number_id: z.string().max(100) })
                    .loose()
                    .optional(),
                  messages: z
                    .array(
                      z
                        .object({
                          id: z.string().min(1).max(200),
                          from: z.string().min(1).max(40),
                          type: z.string().max(40),
                        })
                        .loose(),
                    )
                    .max(100)
                    .optional(),
                  statuses: z
                    .array(z.object({ id: z.string().min(1).max(200), status: z.string().max(40) }).loose())
                    .max(100)
                    .optional(),
                })
                .loose(),
            }),
          )
          .max(100),
      }),
    )
    .max(100),
})

const Accepted = z.object({ status: z.literal('processed'), messages: z.number().int(), statuses: z.number().int() })

const refused = () => new ApiError('unauthorized', 'The signature on this request is not valid.')

export function whatsappInboundRoutes(deps: Deps) {
  const app = new Hono<AppEnv>()

  app.get(
    '/',
    describe({
      summary: "Meta's webhook handshake: answers `hub.challenge` when `hub.verify_token` is the practice's",
      tags: ['whatsapp'],
      auth: 'signed',
      responses: { 200: { description: 'The challenge, as plain text' } },
    }),
    input('query', Handshake),
    async (c) => {
      const query = c.req.valid('query')
      const target = await connectionBySlug(deps.sql, query.practice, findWhatsappConnection)
      const given = query['hub.verify_token']
      if (!target || query['hub.mode'] !== 'subscribe' || !given || !query['hub.challenge']) throw refused()
      const expected = await openWhatsappSecret(deps.secret, target.connection, 'verify_token')
      if (!sameText(expected, given)) throw refused()
      return c.text(query['hub.challenge'])
    },
  )

  app.post(
    '/',
    describe({
      summary: 'WhatsApp Cloud API webhooks: client messages (handled as text replies) and message statuses',
      tags: ['whatsapp'],
      auth: 'signed',
      description:
        'Signed by Meta with the app secret (`X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>`). Messages are answered like texts (YES, CANCEL, STOP, START, HELP, moving, running late, nerves, distress, questions); statuses `delivered`, `read` and `failed` update the message, and a failure raises an alert.',
      responses: { 200: { description: 'Handled (duplicates are handled once)', schema: Accepted } },
    }),
    input('query', z.object({ practice: Slug })),
    async (c) => {
      const raw = await c.req.text()
      const target = await connectionBySlug(deps.sql, c.req.valid('query').practice, findWhatsappConnection)
      const header = c.req.header('x-hub-signature-256') ?? ''
      if (!target) throw refused()
      const appSecret = await openWhatsappSecret(deps.secret, target.connection, 'app_secret')
      if (!(await signatureMatches(appSecret, header, raw))) throw refused()
      let json: unknown
      try {
        json = JSON.parse(raw)
      } catch {
        throw new ApiError('invalid_request', 'The body is not valid JSON.')
      }
      const body = Webhook.safeParse(json)
      if (!body.success) throw new ApiError('invalid_request', 'This is not a WhatsApp webhook we can read.')
      const practiceId = target.practice.id
      const values = body.data.entry
        .flatMap((e) => e.changes)
        .filter((change) => change.field === 'messages')
        .map((change) => change.value)
        // Another number on the same app is not this practice's.
        .filter((value) => !value.metadata || value.metadata.phone_number_id === target.connection.phone_number_id)
      const counts = await inPractice(deps.sql, practiceId, async (tx) => {
        let messages = 0
        let statuses = 0
        for (const value of values) {
          for (const message of value.messages ?? []) {
            await handleWhatsappMessage(tx, deps, practiceId, message as InboundMessage)
            messages += 1
          }
          for (const status of value.statuses ?? []) {
            await handleWhatsappStatus(tx, deps, practiceId, status as StatusEvent)
            statuses += 1
          }
        }
        return { messages, statuses }
      })
      return c.json({ status: 'processed' as const, ...counts })
    },
  )
  return app
}
