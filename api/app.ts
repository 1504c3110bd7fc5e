import { Hono, type MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppEnv, Deps } from './deps'
import { handleError } from './error-handler'
import { ApiError } from './errors'
import { openApiDocument } from './openapi/document'
import { actionRoutes } from './routes/actions'
import { alertRoutes } from './routes/alerts'
import { apiKeyRoutes } from './routes/api-keys'
import { appointmentRoutes } from './routes/appointments'
import { clientRoutes } from './routes/clients'
import { confirmationCallRoutes } from './routes/confirmation-calls'
import { devRoutes } from './routes/dev'
import { healthRoutes } from './routes/health'
import { inboundRoutes } from './routes/inbound'
import { insightRoutes } from './routes/insights'
import { operatorRoutes } from './routes/operator'
import { portalAppointmentRoutes } from './routes/portal-appointments'
import { portalAuthRoutes } from './routes/portal-auth'
import { portalConfigRoutes } from './routes/portal-config'
import { portalMeRoutes } from './routes/portal-me'
import { portalMessageRoutes } from './routes/portal-messages'
import { portalOfferRoutes } from './routes/portal-offers'
import { portalPageRoutes } from './routes/portal-page'
import { portalWaitlistRoutes } from './routes/portal-waitlist'
import { practiceRoutes } from './routes/practice'
import { pushKeyRoutes, pushSubscriptionRoutes, serviceWorkerRoutes } from './routes/push-subscriptions'
import { therapistRoutes } from './routes/therapists'
import { threadRoutes } from './routes/threads'
import { webhookEndpointRoutes } from './routes/webhook-endpoints'
import { whoamiRoutes } from './routes/whoami'

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

/** The whole HTTP API, built from its dependencies; Node, Workers and tests compose it alike. */
export function createApp(deps: Deps) {
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
