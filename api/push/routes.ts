import { Hono } from 'hono'
import { z } from 'zod'
import { PushSubscriptionCreate, PushSubscriptionDelete } from '../../shared/schemas/portal'
import { portalRouter } from '../portal/token'
import { audit } from '../audit/queries'
import { deletePushSubscription, recordPushConsent, savePushSubscription } from './queries'
import type { AppEnv, Deps } from '../deps'
import { fieldError, notFound } from '../http/errors'
import { fileHeaders } from '../http/headers'
import { describe, input } from '../http/openapi/describe'
import { replanClient } from '../reminders/replan'
import { SERVICE_WORKER_JS } from './service-worker'

/**
 * Web push: a signed-in client's browser subscription (made by the service worker the practice
 * hosts, `hearth-sw.js`) and the VAPID public key it subscribes with. A new device joins the
 * client's upcoming reminders at once.
 */

const PushSubscriptionSaved = z.object({ id: z.string() })
const VapidKey = z.object({ public_key: z.string() })

/**
 * Hearth's server calls this address, so it must be a push service on the public internet: https,
 * a name rather than a bare IP address, never localhost. Development (an http PUBLIC_URL) may use
 * a loopback push service.
 */
export function pushEndpointAllowed(endpoint: string, publicUrl: string): boolean {
  let url: URL
  try {
    url = new URL(endpoint)
  } catch {
    return false
  }
  if (url.protocol !== 'https:' || url.username || url.password) return false
  if (publicUrl.startsWith('http://')) return true
  const host = url.hostname.toLowerCase()
  return (
    host.includes('.') &&
    !/^[\d.]+$/.test(host) &&
    !host.startsWith('[') &&
    !/(^|\.)localhost$|\.internal$|\.local$/.test(host)
  )
}

/** A subscription, a client's or a console's, is stored only with an endpoint Hearth may call. */
export function refuseDisallowedPushEndpoint(endpoint: string, publicUrl: string): void {
  if (!pushEndpointAllowed(endpoint, publicUrl)) {
    throw fieldError('endpoint', 'Use the https address your browser gave for push messages.')
  }
}

export function pushSubscriptionRoutes(deps: Deps) {
  const app = portalRouter(deps)

  app.post(
    '/',
    describe({
      summary: "Store this browser's web push subscription for the signed-in client",
      description:
        'Turning on reminders on a device is the client saying yes to push reminders: `consents.push` becomes true. ' +
        'Removing the device (DELETE) leaves the consent; with no device left, nothing is sent by push.',
      tags: ['portal'],
      auth: 'portal',
      responses: {
        200: { description: 'Already stored', schema: PushSubscriptionSaved },
        201: { description: 'Stored', schema: PushSubscriptionSaved },
      },
    }),
    input('json', PushSubscriptionCreate),
    async (c) => {
      const { practiceId, clientId } = c.var.client
      const body = c.req.valid('json')
      refuseDisallowedPushEndpoint(body.endpoint, deps.publicUrl)
      const saved = await c.var.inSession(async (tx) => {
        const result = await savePushSubscription(tx, {
          practiceId,
          clientId,
          endpoint: body.endpoint,
          p256dh: body.keys.p256dh,
          auth: body.keys.auth,
          now: deps.clock(),
        })
        const consented = await recordPushConsent(tx, practiceId, clientId, deps.clock())
        await replanClient(tx, deps, practiceId, clientId)
        if (consented) {
          await audit(tx, {
            practiceId,
            actor: { kind: 'client', id: clientId },
            action: 'client.consent_given',
            subject: { kind: 'client', id: clientId },
            detail: { channel: 'push', via: 'portal' },
          })
        }
        await audit(tx, {
          practiceId,
          actor: { kind: 'client', id: clientId },
          action: result.created ? 'push_subscription.created' : 'push_subscription.renewed',
          subject: { kind: 'push_subscription', id: result.id },
        })
        return result
      })
      return c.json({ id: saved.id }, saved.created ? 201 : 200)
    },
  )

  app.delete(
    '/',
    describe({
      summary: "Forget this browser's push subscription (send `{endpoint}`)",
      tags: ['portal'],
      auth: 'portal',
      responses: { 204: { description: 'Forgotten' } },
    }),
    input('json', PushSubscriptionDelete),
    async (c) => {
      const { practiceId, clientId } = c.var.client
      const { endpoint } = c.req.valid('json')
      await c.var.inSession(async (tx) => {
        if (!(await deletePushSubscription(tx, practiceId, clientId, endpoint))) throw notFound('That subscription')
        await replanClient(tx, deps, practiceId, clientId)
        await audit(tx, {
          practiceId,
          actor: { kind: 'client', id: clientId },
          action: 'push_subscription.deleted',
          subject: { kind: 'client', id: clientId },
        })
      })
      return c.body(null, 204)
    },
  )
  return app
}

export function pushKeyRoutes(deps: Deps) {
  return new Hono<AppEnv>().get(
    '/vapid-public-key',
    describe({
      summary: 'The VAPID public key a page subscribes to web push with',
      tags: ['portal'],
      auth: 'none',
      responses: { 200: { description: 'The key (base64url)', schema: VapidKey } },
    }),
    (c) => {
      const key = deps.vapidPublicKey ?? deps.push?.publicKey
      if (!key) throw notFound('Web push')
      return c.json({ public_key: key })
    },
  )
}

/** The service worker a practice copies to its own site's root (see api/reminders/service-worker.ts). */
export function serviceWorkerRoutes() {
  return new Hono<AppEnv>().get('/hearth-sw.js', fileHeaders, (c) =>
    c.body(SERVICE_WORKER_JS, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=300',
    }),
  )
}
