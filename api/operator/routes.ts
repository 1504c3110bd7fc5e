import { Hono, type MiddlewareHandler } from 'hono'
import { generateApiKey, bearerToken } from '../api-keys/auth'
import { timingSafeEqual } from '../crypto/web-crypto'
import type { AppEnv, Deps } from '../deps'
import { insertApiKey } from '../api-keys/queries'
import { audit } from '../audit/queries'
import { findPracticeBySlug, insertPractice } from '../practice/queries'
import { asSystem } from '../db/tenant'
import { ApiError } from '../http/errors'
import { describe, input } from '../http/openapi/describe'
import { defaultCrisisResources } from '../../shared/crisis'
import { OperatorPracticeCreate, OperatorPracticeCreated } from '../../shared/schemas/practice'
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
  return app
}
