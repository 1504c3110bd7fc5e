import { Hono, type MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { clientCancellationConfirmed } from './appointments/cancel-confirmation'
import { noShowFollowsChange } from './appointments/no-show'
import { changeNoticesFollowChange } from './notices/change-notices'
import type { AppEnv, Deps, EntryDeps } from './deps'
import { offersFollowChange } from './offers/make-offers'
import { remindersFollowChange } from './reminders/replan'
import { webhooksFollowChange } from './webhooks/events'
import { handleError } from './http/error-handler'
import { apiHeaders, transportSecurity } from './http/headers'
import { ApiError } from './http/errors'
import { methodNotAllowed } from './http/method-not-allowed'
import { openApiDocument } from './http/openapi/document'
import { actionRoutes } from './reminders/action-routes'
import { alertRoutes } from './alerts/routes'
import { apiKeyRoutes } from './api-keys/routes'
import { availabilityRoutes } from './availability/routes'
import { appointmentRoutes } from './appointments/routes'
import { clientRoutes } from './clients/routes'
import { confirmationCallRoutes } from './confirmation-calls/routes'
import { devRoutes } from './dev/routes'
import { calcomRoutes } from './calcom/routes'
import { fhirRoutes } from './fhir/routes'
import { healthRoutes } from './health/routes'
import { homeRoutes } from './home/routes'
import { importRoutes } from './imports/routes'
import { inboundRoutes } from './reminders/inbound-routes'
import { whatsappInboundRoutes } from './whatsapp/inbound-routes'
import { insightRoutes } from './insights/routes'
import { operatorRoutes } from './operator/routes'
import { portalAppointmentRoutes } from './appointments/portal-routes'
import { portalRescheduleRoutes } from './reschedule/portal-routes'
import { rescheduleRequestRoutes } from './reschedule/routes'
import { portalAuthRoutes } from './portal/auth-routes'
import { portalConfigRoutes } from './portal/config-routes'
import { portalMeRoutes } from './portal/me-routes'
import { portalPreferencesRoutes } from './portal/preferences-routes'
import { portalMessageRoutes } from './messages/portal-routes'
import { portalOfferRoutes } from './offers/portal-routes'
import { portalPageRoutes } from './portal/page-routes'
import { portalWaitlistRoutes } from './offers/waitlist-routes'
import { practiceRoutes } from './practice/routes'
import { pushKeyRoutes, pushSubscriptionRoutes, serviceWorkerRoutes } from './push/routes'
import { therapistRoutes } from './therapists/routes'
import { staffNotificationRoutes } from './paging/settings-routes'
import { staffAuthRoutes } from './staff/auth-routes'
import { staffMeRoutes } from './staff/me-routes'
import { staffPasskeyRoutes, staffPasskeySignInRoutes } from './staff/passkey-routes'
import { staffInvitationRoutes } from './staff/invitation-routes'
import { staffUserRoutes } from './staff/user-routes'
import { auditRoutes } from './audit/routes'
import { threadRoutes } from './messages/thread-routes'
import { webhookEndpointRoutes } from './webhooks/routes'
import { whoamiRoutes } from './api-keys/whoami-routes'

export const API_VERSION = '1.0.0'

/** Paths that take HTML form posts, a provider's own format or a CSV file instead of JSON. */
const NON_JSON_PATHS = /^\/v1\/(actions|inbound|imports)(\/|$)/

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
 * the cancellation list, the client's notice of a practice-side move or cancellation). Registered here, so appointments/ imports none of them.
 */
export function composeDeps(entry: EntryDeps): Deps {
  return {
    ...entry,
    appointmentListeners: [
      remindersFollowChange,
      webhooksFollowChange,
      noShowFollowsChange,
      offersFollowChange,
      changeNoticesFollowChange,
      clientCancellationConfirmed,
    ],
  }
}

/** The whole HTTP API, built from its dependencies; Node, Workers and tests compose it alike. */
export function createApp(entry: EntryDeps) {
  const deps = composeDeps(entry)
  const app = new Hono<AppEnv>()
  app.onError(handleError)
  app.notFound(methodNotAllowed(app))
  app.use('*', transportSecurity(deps.publicUrl))
  app.use('/v1/*', apiHeaders)
  const jsonBodyLimit = bodyLimit({
    maxSize: 64 * 1024,
    onError: () => {
      throw new ApiError('payload_too_large', 'The request body is too large.')
    },
  })
  // Imports carry whole spreadsheets and set their own, larger limit (imports/routes.ts). A GET or
  // HEAD carries no body and skips the check: asking Node's request for its body builds a whole
  // web Request, a measurable share of a read's CPU (README: the read path).
  app.use('/v1/*', (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.path === '/v1/imports' ? next() : jsonBodyLimit(c, next),
  )

  app.use('/v1/*', requireJsonBody)

  app.route('/', healthRoutes(deps))
  app.route('/', homeRoutes(deps))
  app.route('/v1/operator', operatorRoutes(deps))
  app.route('/v1/practice', practiceRoutes(deps))
  app.route('/v1/therapists', availabilityRoutes(deps))
  app.route('/v1/therapists', therapistRoutes(deps))
  app.route('/v1/clients', clientRoutes(deps))
  app.route('/v1/appointments', appointmentRoutes(deps))
  app.route('/v1/api-keys', apiKeyRoutes(deps))
  app.route('/v1/imports', importRoutes(deps))
  app.route('/v1/fhir', fhirRoutes(deps))
  app.route('/v1/alerts', alertRoutes(deps))
  app.route('/v1/threads', threadRoutes(deps))
  app.route('/v1/staff/auth', staffAuthRoutes(deps))
  app.route('/v1/staff/auth/passkey', staffPasskeySignInRoutes(deps))
  app.route('/v1/staff/me', staffMeRoutes(deps))
  app.route('/v1/staff/me/passkeys', staffPasskeyRoutes(deps))
  app.route('/v1/staff/users', staffUserRoutes(deps))
  app.route('/v1/staff/invitations', staffInvitationRoutes(deps))
  app.route('/v1/audit-log', auditRoutes(deps))
  app.route('/v1/staff/me', staffNotificationRoutes(deps))
  app.route('/v1/portal/config', portalConfigRoutes(deps))
  app.route('/v1/portal/auth', portalAuthRoutes(deps))
  app.route('/v1/portal/me/preferences', portalPreferencesRoutes(deps))
  app.route('/v1/portal/me', portalMeRoutes(deps))
  app.route('/v1/portal/appointments', portalRescheduleRoutes(deps))
  app.route('/v1/portal/appointments', portalAppointmentRoutes(deps))
  app.route('/v1/reschedule-requests', rescheduleRequestRoutes(deps))
  app.route('/v1/portal/messages', portalMessageRoutes(deps))
  app.route('/v1/portal/waitlist', portalWaitlistRoutes(deps))
  app.route('/v1/portal/offers', portalOfferRoutes(deps))
  app.route('/v1/portal/push-subscriptions', pushSubscriptionRoutes(deps))
  app.route('/v1/push', pushKeyRoutes(deps))
  app.route('/v1/actions', actionRoutes(deps))
  app.route('/v1/inbound/calcom', calcomRoutes(deps))
  app.route('/v1/inbound/whatsapp', whatsappInboundRoutes(deps))
  app.route('/v1/inbound', inboundRoutes(deps))
  app.route('/', serviceWorkerRoutes())
  app.route('/v1', confirmationCallRoutes(deps))
  app.route('/v1/insights', insightRoutes(deps))
  app.route('/v1/webhook-endpoints', webhookEndpointRoutes(deps))
  app.route('/v1/whoami', whoamiRoutes(deps))
  if (deps.development && deps.mailer.outbox) app.route('/dev', devRoutes(deps))
  app.route('/', portalPageRoutes(deps))

  let document: unknown
  app.get('/openapi.json', (c) => {
    document ??= openApiDocument(app, { title: 'Hearth API', version: API_VERSION, serverUrl: deps.publicUrl })
    return c.json(document)
  })
  return app
}

export type App = ReturnType<typeof createApp>
