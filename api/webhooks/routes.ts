import { Hono } from 'hono'
import { adminOnly, apiKeyAuth } from '../api-keys/auth'
import type { AppEnv, Deps } from '../deps'
import { audit } from '../audit/queries'
import { compact, iso } from '../db/rows'
import { inPractice } from '../db/tenant'
import {
  deleteWebhookEndpoint,
  findWebhookEndpoint,
  insertWebhookEndpoint,
  listDeliveries,
  listWebhookEndpoints,
  toWebhookEndpoint,
} from './queries'
import { notFound } from '../http/errors'
import { describe, input } from '../http/openapi/describe'
import { newWebhookSecret } from '../providers/webhook'
import { sealText } from '../crypto/secrets'
import { webhookSecretBinding } from './send-webhook'
import { listOf } from '../../shared/schemas/common'
import {
  WEBHOOK_EVENTS,
  WebhookDelivery,
  WebhookDeliveryListQuery,
  WebhookEndpoint,
  WebhookEndpointCreate,
  WebhookEndpointCreated,
} from '../../shared/schemas/webhooks'
import { pathId } from '../http/params'

const EVENTS_DESCRIPTION = `Each delivery is a POST of \`{"type", "timestamp", "data"}\` where \`data\` holds ids only (no message text or clinical detail; fetch details through the API). Events: ${WEBHOOK_EVENTS.map((e) => `\`${e}\``).join(', ')}.

Signed per [Standard Webhooks](https://www.standardwebhooks.com/): \`webhook-id\` (the same on every retry), \`webhook-timestamp\` and \`webhook-signature\`; verify with the \`standardwebhooks\` library and the endpoint's secret. Answer 2xx within 10 seconds; anything else is retried after 30 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h, then given up. The URL must be https (http only for 127.0.0.1 and localhost).`

/** Where a practice's own systems hear about what clients and staff did (admin keys). */
export function webhookEndpointRoutes(deps: Deps) {
  const app = new Hono<AppEnv>()
  app.use('*', apiKeyAuth(deps), adminOnly)

  app.post(
    '/',
    describe({
      summary: 'Register a webhook endpoint (its signing secret is shown once, as `secret`)',
      description: EVENTS_DESCRIPTION,
      tags: ['webhooks'],
      auth: 'admin',
      responses: { 201: { description: 'The endpoint, with its secret', schema: WebhookEndpointCreated } },
    }),
    input('json', WebhookEndpointCreate),
    async (c) => {
      const { practiceId, keyId } = c.var.principal
      const body = c.req.valid('json')
      const id = crypto.randomUUID()
      const secret = newWebhookSecret()
      const sealed = await sealText(
        deps.secret,
        'webhook-signing-secret',
        secret,
        webhookSecretBinding({ practice_id: practiceId, id }),
      )
      const row = await inPractice(deps.sql, practiceId, async (tx) => {
        const row = await insertWebhookEndpoint(tx, {
          id,
          practice_id: practiceId,
          url: body.url,
          description: body.description || null,
          events: body.events ? [...new Set(body.events)] : [...WEBHOOK_EVENTS],
          secret_ciphertext: sealed.ciphertext,
          secret_iv: sealed.iv,
          created_at: deps.clock(),
        })
        await audit(tx, {
          practiceId,
          actor: { kind: 'api_key', id: keyId },
          action: 'webhook_endpoint.created',
          subject: { kind: 'webhook_endpoint', id },
          detail: { events: row.events },
        })
        return row
      })
      return c.json({ ...toWebhookEndpoint(row), secret }, 201)
    },
  )

  app.get(
    '/',
    describe({
      summary: "The practice's webhook endpoints (never their secrets)",
      tags: ['webhooks'],
      auth: 'admin',
      responses: { 200: { description: 'Every live endpoint', schema: listOf(WebhookEndpoint) } },
    }),
    async (c) => {
      const { practiceId } = c.var.principal
      const rows = await inPractice(deps.sql, practiceId, (tx) => listWebhookEndpoints(tx, practiceId))
      return c.json({ data: rows.map(toWebhookEndpoint), next_cursor: null })
    },
  )

  app.get(
    '/:id/deliveries',
    describe({
      summary: 'Every attempt to deliver to this endpoint, newest first',
      tags: ['webhooks'],
      auth: 'admin',
      responses: { 200: { description: 'A page of delivery attempts', schema: listOf(WebhookDelivery) } },
    }),
    input('query', WebhookDeliveryListQuery),
    async (c) => {
      const { practiceId } = c.var.principal
      const id = pathId(c.req.param('id'), 'That webhook endpoint')
      const q = c.req.valid('query')
      const result = await inPractice(deps.sql, practiceId, async (tx) => {
        if (!(await findWebhookEndpoint(tx, practiceId, id))) throw notFound('That webhook endpoint')
        return listDeliveries(tx, practiceId, id, q)
      })
      return c.json({
        data: result.data.map((d) =>
          compact({
            message_id: d.message_id,
            event_type: d.event_type,
            attempt: d.attempt,
            attempted_at: iso(d.attempted_at),
            outcome: d.outcome,
            status_code: d.status_code,
            error: d.error,
            duration_ms: d.duration_ms,
          }),
        ),
        next_cursor: result.next_cursor,
      })
    },
  )

  app.delete(
    '/:id',
    describe({
      summary: 'Remove a webhook endpoint: nothing more is sent to it, including messages still waiting',
      tags: ['webhooks'],
      auth: 'admin',
      responses: { 204: { description: 'Removed' } },
    }),
    async (c) => {
      const { practiceId, keyId } = c.var.principal
      const id = pathId(c.req.param('id'), 'That webhook endpoint')
      await inPractice(deps.sql, practiceId, async (tx) => {
        if (!(await deleteWebhookEndpoint(tx, practiceId, id, deps.clock()))) throw notFound('That webhook endpoint')
        await audit(tx, {
          practiceId,
          actor: { kind: 'api_key', id: keyId },
          action: 'webhook_endpoint.deleted',
          subject: { kind: 'webhook_endpoint', id },
        })
      })
      return c.body(null, 204)
    },
  )
  return app
}
