import { Hono } from 'hono'
import { NotificationSettings } from '../../shared/schemas/notifications'
import { PushSubscriptionCreate, PushSubscriptionDelete } from '../../shared/schemas/portal'
import { permit, practiceAuth } from '../auth/practice-auth'
import { auditCaller } from '../audit/queries'
import { inPractice } from '../db/tenant'
import type { AppEnv, Deps } from '../deps'
import { notFound } from '../http/errors'
import { describe, input } from '../http/openapi/describe'
import { refuseDisallowedPushEndpoint } from '../push/routes'
import { DEFAULT_SETTINGS, forgetStaffDevice, saveSettings, saveStaffDevice, settingsOf } from './queries'
import { ownerOf } from './recipients'

/**
 * What the signed-in person wants to hear about (`/v1/staff/me/notifications`), and this console's
 * web push device. "Me" is the person signed in (a therapist: their therapist record, which their
 * key shares), or for an admin key the practice's front desk; `ownerOf` is the one place that says so.
 */
export function staffNotificationRoutes(deps: Deps) {
  const app = new Hono<AppEnv>()
  // Only its own paths: /v1/staff/me's other routes are the staff session's (staff/me-routes.ts).
  app.use('/notifications', practiceAuth(deps), permit('own_account'))
  app.use('/push-subscriptions', practiceAuth(deps), permit('own_account'))

  app.get(
    '/notifications',
    describe({
      summary: 'How urgent alerts and new messages reach me',
      tags: ['staff'],
      auth: 'api_key',
      responses: { 200: { description: 'My notification settings', schema: NotificationSettings } },
    }),
    async (c) => {
      const { practiceId } = c.var.principal
      const owner = ownerOf(c.var.principal)
      const settings = await inPractice(deps.sql, practiceId, (tx) => settingsOf(tx, practiceId, [owner]))
      return c.json(settings.get(owner) ?? DEFAULT_SETTINGS)
    },
  )

  app.put(
    '/notifications',
    describe({
      summary: 'Choose how urgent alerts and new messages reach me',
      description:
        '`urgent` channels are used where I can be reached (an email address, a phone and the practice SMS gateway, a console with notifications on); when none can be used, urgent alerts still come by email.',
      tags: ['staff'],
      auth: 'api_key',
      responses: { 200: { description: 'Saved', schema: NotificationSettings } },
    }),
    input('json', NotificationSettings),
    async (c) => {
      const { practiceId } = c.var.principal
      const body = c.req.valid('json')
      const owner = ownerOf(c.var.principal)
      await inPractice(deps.sql, practiceId, async (tx) => {
        await saveSettings(tx, practiceId, owner, body, deps.clock())
        await auditCaller(tx, c.var.principal, {
          action: 'notifications.updated',
          subject: { kind: 'notification_settings', id: owner },
          detail: body,
        })
      })
      return c.json(body)
    },
  )

  app.post(
    '/push-subscriptions',
    describe({
      summary: "Get urgent pages on this console: store the browser's web push subscription",
      tags: ['staff'],
      auth: 'api_key',
      responses: { 204: { description: 'Stored' } },
    }),
    input('json', PushSubscriptionCreate),
    async (c) => {
      const { practiceId } = c.var.principal
      const body = c.req.valid('json')
      refuseDisallowedPushEndpoint(body.endpoint, deps.publicUrl)
      const owner = ownerOf(c.var.principal)
      await inPractice(deps.sql, practiceId, async (tx) => {
        await saveStaffDevice(
          tx,
          practiceId,
          { owner_key: owner, endpoint: body.endpoint, p256dh: body.keys.p256dh, auth: body.keys.auth },
          deps.clock(),
        )
        await auditCaller(tx, c.var.principal, {
          action: 'staff_push_subscription.saved',
          subject: { kind: 'notification_settings', id: owner },
        })
      })
      return c.body(null, 204)
    },
  )

  app.delete(
    '/push-subscriptions',
    describe({
      summary: "Stop urgent pages on this console: forget the browser's subscription (send `{endpoint}`)",
      tags: ['staff'],
      auth: 'api_key',
      responses: { 204: { description: 'Forgotten' } },
    }),
    input('json', PushSubscriptionDelete),
    async (c) => {
      const { practiceId } = c.var.principal
      const { endpoint } = c.req.valid('json')
      const owner = ownerOf(c.var.principal)
      await inPractice(deps.sql, practiceId, async (tx) => {
        if (!(await forgetStaffDevice(tx, practiceId, owner, endpoint))) throw notFound('That subscription')
        await auditCaller(tx, c.var.principal, {
          action: 'staff_push_subscription.deleted',
          subject: { kind: 'notification_settings', id: owner },
        })
      })
      return c.body(null, 204)
    },
  )
  return app
}
