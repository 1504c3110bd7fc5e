import { Hono, type MiddlewareHandler } from 'hono'
import { generateApiKey, bearerToken } from '../api-keys/auth'
import { timingSafeEqual } from '../crypto/web-crypto'
import type { AppEnv, Deps } from '../deps'
import { insertApiKey } from '../api-keys/queries'
import { audit } from '../audit/queries'
import { findPracticeBySlug, insertPractice } from '../practice/queries'
import { asSystem } from '../db/tenant'
import { ApiError, notFound } from '../http/errors'
import { describe, input } from '../http/openapi/describe'
import { defaultCrisisResources } from '../../shared/crisis'
import { OperatorPracticeCreate, OperatorPracticeCreated } from '../../shared/schemas/practice'
import { OperatorOwnerInvite, OperatorOwnerInvited } from '../../shared/schemas/staff'
import { issueInvitation, toStaffUser } from '../staff/invitation'
import { findStaffUserByEmail, insertStaffUser } from '../staff/queries'
import { sendInBackground } from '../auth/send-in-background'
import { DEFAULT_CANCELLATION_POLICY, DEFAULT_REMINDER_SCHEDULE, LOCALES } from '../../shared/schemas/policies'

function operatorAuth(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!deps.operatorKey) throw new ApiError('not_found', 'The operator API is off on this server.')
    const token = bearerToken(c.req.header('authorization'))
    if (!token || !timingSafeEqual(token, deps.operatorKey)) {
      throw new ApiError('unauthorized', 'Send the operator key as a Bearer token.')
    }
    await next()
  }
}

export function operatorRoutes(deps: Deps) {
  const app = new Hono<AppEnv>()
  app.use('*', operatorAuth(deps))

  app.post(
    '/practices',
    describe({
      summary: 'Create a practice and its first admin API key',
      tags: ['operator'],
      auth: 'operator',
      responses: { 201: { description: 'The practice and its key (shown once)', schema: OperatorPracticeCreated } },
    }),
    input('json', OperatorPracticeCreate),
    async (c) => {
      const body = c.req.valid('json')
      const secret = await generateApiKey()
      const created = await asSystem(deps.sql, async (tx) => {
        if (await findPracticeBySlug(tx, body.slug))
          throw new ApiError('conflict', 'That slug is already taken.', { fields: { slug: 'Choose another slug.' } })
        const practice = await insertPractice(tx, {
          name: body.name,
          slug: body.slug,
          time_zone: body.time_zone,
          country: body.country,
          phone: body.phone,
          allowed_origins: body.allowed_origins,
          locales: [...LOCALES],
          cancellation_policy: DEFAULT_CANCELLATION_POLICY,
          reminder_schedule: DEFAULT_REMINDER_SCHEDULE,
          crisis_resources: defaultCrisisResources(body.country),
          branding: {},
        })
        const key = await insertApiKey(tx, {
          practiceId: practice.id,
          role: 'admin',
          therapistId: null,
          name: 'First admin key',
          hash: secret.hash,
          prefix: secret.prefix,
        })
        await audit(tx, {
          practiceId: practice.id,
          actor: { kind: 'operator' },
          action: 'practice.created',
          subject: { kind: 'practice', id: practice.id },
        })
        return { practice, api_key: { ...key, key: secret.key } }
      })
      return c.json(created, 201)
    },
  )

  app.post(
    '/practices/:slug/owner-invitations',
    describe({
      summary: 'Invite an owner to a practice: the way back in when no owner can sign in',
      tags: ['operator'],
      auth: 'operator',
      description:
        'Emails a single-use link (7 days) and answers it too, for the operator to hand over another way. ' +
        '409 when the email is already staff at the practice.',
      responses: { 201: { description: 'The invited owner and their link', schema: OperatorOwnerInvited } },
    }),
    input('json', OperatorOwnerInvite),
    async (c) => {
      const body = c.req.valid('json')
      const now = deps.clock()
      const { user, invitation, url, message } = await asSystem(deps.sql, async (tx) => {
        const practice = await findPracticeBySlug(tx, c.req.param('slug') ?? '')
        if (!practice) throw notFound('That practice')
        if (await findStaffUserByEmail(tx, practice.id, body.email)) {
          throw new ApiError('conflict', 'That email is already on the team.', {
            fields: { email: 'This person is already on the team.' },
          })
        }
        const user = await insertStaffUser(tx, {
          practiceId: practice.id,
          role: 'owner',
          therapistId: null,
          name: body.name,
          email: body.email,
          phone: body.phone ?? null,
          invited: true,
          now,
        })
        const issued = await issueInvitation(tx, deps, {
          user,
          practiceName: practice.name,
          inviter: 'Hearth',
          invitedBy: 'operator',
        })
        await audit(tx, {
          practiceId: practice.id,
          actor: { kind: 'operator' },
          action: 'staff.invited',
          subject: { kind: 'staff_user', id: user.id },
          detail: { role: 'owner' },
        })
        return { user, ...issued }
      })
      sendInBackground(c, deps, message)
      return c.json({ user: toStaffUser(user, invitation, now), invitation_url: url }, 201)
    },
  )
  return app
}
