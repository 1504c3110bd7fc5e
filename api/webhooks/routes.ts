import { practiceRouter } from '../auth/practice-auth'
import type { Deps } from '../deps'
import { auditCaller } from '../audit/queries'
import { compact, iso } from '../db/rows'
import { inPractice } from '../db/tenant'
import {
  deleteWebhookEndpoint,
  findWebhookEndpoint,
  insertWebhookEndpoint,
  listDeliveries,
  listWebhookEndpoints,
  toWebhookEndpoint,
  updateWebhookEndpoint,
} from './queries'
import { disableEndpoint, enableEndpoint } from './health-queries'
import { checkWebhookTarget } from './target'
import { fieldError, notFound } from '../http/errors'
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
  WebhookEndpointUpdate,
} from '../../shared/schemas/webhooks'
import { WEBHOOK_DISABLE_AFTER } from '../../shared/policy/webhook-health'
import { pathId } from '../http/params'

const EVENTS_DESCRIPTION = `Each delivery is a POST of \`{"type", "timestamp", "data"}\` where \`data\` holds ids only (no message text or clinical detail; fetch details through the API). Events: ${WEBHOOK_EVENTS.map((e) => `\`${e}\``).join(', ')}.

Signed per [Standard Webhooks](https://www.standardwebhooks.com/): \`webhook-id\` (the same on every retry), \`webhook-timestamp\` and \`webhook-signature\`; verify with the \`standardwebhooks\` library and the endpoint's secret. Answer 2xx within 10 seconds; anything else is retried after 30 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h, then given up. Redirects are not followed (a 3xx counts as a failure).

The URL must be https and on the public internet: a host that is, or resolves to, a loopback, private, link-local or reserved address (IPv4 or IPv6, in any spelling) is refused with 400 naming \`url\`, and checked again before every send. Only a development server may post to this machine (and over plain http, to 127.0.0.1 and localhost).

When every attempt has failed for ${WEBHOOK_DISABLE_AFTER.hours} hours and at least ${WEBHOOK_DISABLE_AFTER.failures} times in a row, Hearth turns the endpoint off (\`enabled: false\`, \`disabled_reason: "failing"\`) and raises a \`webhook_failing\` alert. Events keep being recorded for it while it is off, as deliveries with outcome \`skipped\`; \`PATCH\` with \`{"enabled": true}\` turns it back on and sends everything it missed (while off, and in the run of failures before), each under its original \`webhook-id\`. Messages are kept 30 days.`

/** A 400 naming `url` when Hearth may not post there (a private address, or a host that does not resolve). */
async function refuseUnsafeTarget(url: string, deps: Deps) {
  const target = await checkWebhookTarget(url, deps)
  if (!target.ok) throw fieldError('url', target.problem)
}

/** Where a practice's own systems hear about what clients and staff did (admin keys). */
export function webhookEndpointRoutes(deps: Deps) {
  const app = practiceRouter(deps, 'webhooks')

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
      const { practiceId } = c.var.principal
      const body = c.req.valid('json')
      await refuseUnsafeTarget(body.url, deps)
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
        await auditCaller(tx, c.var.principal, {
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

  app.patch(
    '/:id',
    describe({
      summary: 'Change an endpoint, or turn it off and on (`enabled`; turning it on sends what it missed)',
      description: EVENTS_DESCRIPTION,
      tags: ['webhooks'],
      auth: 'admin',
      responses: { 200: { description: 'The endpoint as it is now', schema: WebhookEndpoint } },
    }),
    input('json', WebhookEndpointUpdate),
    async (c) => {
      const { practiceId } = c.var.principal
      const id = pathId(c.req.param('id'), 'That webhook endpoint')
      const { enabled, ...body } = c.req.valid('json')
      if (body.url !== undefined) await refuseUnsafeTarget(body.url, deps)
      const now = deps.clock()
      const row = await inPractice(deps.sql, practiceId, async (tx) => {
        const changed = await updateWebhookEndpoint(tx, practiceId, id, {
          ...(body.url !== undefined ? { url: body.url } : {}),
          ...(body.description !== undefined ? { description: body.description || null } : {}),
          ...(body.events !== undefined ? { events: [...new Set(body.events)] } : {}),
        })
        if (!changed) throw notFound('That webhook endpoint')
        const resent =
          enabled === true
            ? await enableEndpoint(tx, { practiceId, id }, now)
            : enabled === false
              ? (await disableEndpoint(tx, { practiceId, id }, 'practice', now, now)) && null
              : null
        const action =
          enabled === true && resent !== null
            ? 'webhook_endpoint.enabled'
            : enabled === false && !changed.disabled_at
              ? 'webhook_endpoint.disabled'
              : 'webhook_endpoint.updated'
        await auditCaller(tx, c.var.principal, {
          action,
          subject: { kind: 'webhook_endpoint', id },
          detail: { fields: Object.keys(body), ...(resent !== null ? { resent } : {}) },
        })
        return (await findWebhookEndpoint(tx, practiceId, id))!
      })
      return c.json(toWebhookEndpoint(row))
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
      const { practiceId } = c.var.principal
      const id = pathId(c.req.param('id'), 'That webhook endpoint')
      await inPractice(deps.sql, practiceId, async (tx) => {
        if (!(await deleteWebhookEndpoint(tx, practiceId, id, deps.clock()))) throw notFound('That webhook endpoint')
        await auditCaller(tx, c.var.principal, {
          action: 'webhook_endpoint.deleted',
          subject: { kind: 'webhook_endpoint', id },
        })
      })
      return c.body(null, 204)
    },
  )
  return app
}
