import { Hono, type MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { noShowFollowsChange } from './appointments/no-show'
import type { AppEnv, Deps, EntryDeps } from './deps'
import { offersFollowChange } from './offers/make-offers'
import { remindersFollowChange } from './reminders/replan'
import { webhooksFollowChange } from './webhooks/events'
import { handleError } from './http/error-handler'
import { apiHeaders } from './http/headers'
import { ApiError } from './http/errors'
import { openApiDocument } from './http/openapi/document'
import { actionRoutes } from './reminders/action-routes'
import { alertRoutes } from './alerts/routes'
import { apiKeyRoutes } from './api-keys/routes'
import { appointmentRoutes } from './appointments/routes'
import { clientRoutes } from './clients/routes'
import { confirmationCallRoutes } from './confirmation-calls/routes'
import { devRoutes } from './dev/routes'
import { healthRoutes } from './health/routes'
import { inboundRoutes } from './reminders/inbound-routes'
import { insightRoutes } from './insights/routes'
import { operatorRoutes } from './operator/routes'
import { portalAppointmentRoutes } from './appointments/portal-routes'
import { portalAuthRoutes } from './portal/auth-routes'
import { portalConfigRoutes } from './portal/config-routes'
import { portalMeRoutes } from './portal/me-routes'
import { portalMessageRoutes } from './messages/portal-routes'
import { portalOfferRoutes } from './offers/portal-routes'
import { portalPageRoutes } from './portal/page-routes'
import { portalWaitlistRoutes } from './offers/waitlist-routes'
import { practiceRoutes } from './practice/routes'
import { pushKeyRoutes, pushSubscriptionRoutes, serviceWorkerRoutes } from './push/routes'
import { therapistRoutes } from './therapists/routes'
import { threadRoutes } from './messages/thread-routes'
import { webhookEndpointRoutes } from './webhooks/routes'
import { whoamiRoutes } from './api-keys/whoami-routes'

export const API_VERSION = '1.0.0'

/** Paths that take HTML form posts or a provider's own format instead of JSON. */
const NON_JSON_PATHS = /^\/v1\/(actions|inbound)\//

const requireJsonBody: MiddlewareHandler = async (c, next) => {
  const hasBody = ['POST', 'PUT', 'PATCH'].includes(c.req.method) && c.req.header('content-length') !== '0'
  const type = c.req.header('content-type') ?? ''
  if (hasBody && type && !/^application\/([a-z.+-]*\+)?json\b/i.test(type) && !NON_JSON_PATHS.test(c.req.path)) {
    throw new ApiError('unsupported_media_type', 'Send the body as application/json.')
  }
  await next()
}

/**
 * The entry's dependencies with what the app's features wire together: who hears of an
 * appointment change, in order (the reminder plan first, then webhooks, the missed-session note,
 * the cancellation list). Registered here, so appointments/ imports none of them.
 */
export function composeDeps(entry: EntryDeps): Deps {
  return {
    ...entry,
    appointmentListeners: [remindersFollowChange, webhooksFollowChange, noShowFollowsChange, offersFollowChange],
  }
}

/** The whole HTTP API, built from its dependencies; Node, Workers and tests compose it alike. */
export function createApp(entry: EntryDeps) {
  const deps = composeDeps(entry)
  const app = new Hono<AppEnv>()
  app.onError(handleError)
  app.notFound((c) => c.json(new ApiError('not_found', 'There is nothing at this address.').toBody(), 404))
  app.use(
    '/v1/*',
    bodyLimit({
      maxSize: 64 * 1024,
      onError: () => {
        throw new ApiError('payload_too_large', 'The request body is too large.')
      },
    }),
  )

  app.use('/v1/*', requireJsonBody)
  app.use('/v1/*', apiHeaders)

  app.route('/', healthRoutes(deps))
  app.route('/v1/operator', operatorRoutes(deps))
  app.route('/v1/practice', practiceRoutes(deps))
  app.route('/v1/therapists', therapistRoutes(deps))
  app.route('/v1/clients', clientRoutes(deps))
  app.route('/v1/appointments', appointmentRoutes(deps))
  app.route('/v1/api-keys', apiKeyRoutes(deps))
  app.route('/v1/alerts', alertRoutes(deps))
  app.route('/v1/threads', threadRoutes(deps))
  app.route('/v1/portal/config', portalConfigRoutes(deps))
  app.route('/v1/portal/auth', portalAuthRoutes(deps))
  app.route('/v1/portal/me', portalMeRoutes(deps))
  app.route('/v1/portal/appointments', portalAppointmentRoutes(deps))
  app.route('/v1/portal/messages', portalMessageRoutes(deps))
  app.route('/v1/portal/waitlist', portalWaitlistRoutes(deps))
  app.route('/v1/portal/offers', portalOfferRoutes(deps))
  app.route('/v1/portal/push-subscriptions', pushSubscriptionRoutes(deps))
  app.route('/v1/push', pushKeyRoutes(deps))
  app.route('/v1/actions', actionRoutes(deps))
  app.route('/v1/inbound', inboundRoutes(deps))
  app.route('/', serviceWorkerRoutes())
  app.route('/v1', confirmationCallRoutes(deps))
  app.route('/v1/insights', insightRoutes(deps))
  app.route('/v1/webhook-endpoints', webhookEndpointRoutes(deps))
  app.route('/v1/whoami', whoamiRoutes(deps))
  app.route('/dev', devRoutes(deps))
  app.route('/', portalPageRoutes(deps))

  let document: unknown
  app.get('/openapi.json', (c) => {
    document ??= openApiDocument(app, { title: 'Hearth API', version: API_VERSION, serverUrl: deps.publicUrl })
    return c.json(document)
  })
  return app
}

export type App = ReturnType<typeof createApp>
