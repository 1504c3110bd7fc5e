import { z } from 'zod'
import { generateApiKey } from './auth'
import { practiceRouter } from '../auth/practice-auth'
import type { Deps } from '../deps'
import { insertApiKey, listApiKeys, revokeApiKey } from './queries'
import { auditCaller } from '../audit/queries'
import { refuseUnknownTherapist } from '../therapists/queries'
import { inPractice } from '../db/tenant'
import { ApiError, notFound } from '../http/errors'
import { describe, input } from '../http/openapi/describe'
import { ApiKey, ApiKeyCreate, ApiKeyCreated } from '../../shared/schemas/practice'
import { pathId } from '../http/params'

export function apiKeyRoutes(deps: Deps) {
  const app = practiceRouter(deps, 'api_keys')

  app.post(
    '/',
    describe({
      summary: 'Create an API key (the secret is shown once, as `key`)',
      tags: ['api keys'],
      auth: 'admin',
      responses: { 201: { description: 'The key, with its secret', schema: ApiKeyCreated } },
    }),
    input('json', ApiKeyCreate),
    async (c) => {
      const { practiceId } = c.var.principal
      const body = c.req.valid('json')
      const secret = await generateApiKey()
      const created = await inPractice(deps.sql, practiceId, async (tx) => {
        if (body.therapist_id) await refuseUnknownTherapist(tx, practiceId, body.therapist_id)
        const key = await insertApiKey(tx, {
          practiceId,
          role: body.role,
          therapistId: body.therapist_id ?? null,
          name: body.name,
          hash: secret.hash,
          prefix: secret.prefix,
        })
        await auditCaller(tx, c.var.principal, {
          action: 'api_key.created',
          subject: { kind: 'api_key', id: key.id },
          detail: { role: key.role },
        })
        return key
      })
      return c.json({ ...created, key: secret.key }, 201)
    },
  )

  app.get(
    '/',
    describe({
      summary: "The practice's active API keys (never their secrets)",
      tags: ['api keys'],
      auth: 'admin',
      responses: { 200: { description: 'Keys', schema: z.object({ data: z.array(ApiKey), next_cursor: z.null() }) } },
    }),
    async (c) => {
      const { practiceId } = c.var.principal
      const keys = await inPractice(deps.sql, practiceId, (tx) => listApiKeys(tx, practiceId))
      return c.json({ data: keys, next_cursor: null })
    },
  )

  app.delete(
    '/:id',
    describe({
      summary: 'Revoke an API key',
      tags: ['api keys'],
      auth: 'admin',
      responses: { 204: { description: 'Revoked' } },
    }),
    async (c) => {
      const { practiceId } = c.var.principal
      const id = pathId(c.req.param('id'), 'That API key')
      await inPractice(deps.sql, practiceId, async (tx) => {
        const keys = await listApiKeys(tx, practiceId, { forUpdate: true })
        const target = keys.find((k) => k.id === id)
        if (!target) throw notFound('That API key')
        if (target.role === 'admin' && keys.filter((k) => k.role === 'admin').length === 1) {
          throw new ApiError('invalid_state', "This is the practice's last admin key. Create another admin key first.")
        }
        await revokeApiKey(tx, practiceId, id)
        await auditCaller(tx, c.var.principal, {
          action: 'api_key.revoked',
          subject: { kind: 'api_key', id },
        })
      })
      return c.body(null, 204)
    },
  )
  return app
}
