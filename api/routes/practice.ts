import { Hono } from 'hono'
import { adminOnly, apiKeyAuth } from '../auth/api-key'
import type { AppEnv, Deps } from '../deps'
import { audit } from '../db/audit'
import { findPractice, updatePractice } from '../db/practices'
import { inPractice } from '../db/tenant'
import { notFound } from '../errors'
import { describe, input } from '../openapi/describe'
import { Practice, PracticePatch } from '../../shared/schemas/practice'

export function practiceRoutes(deps: Deps) {
  const app = new Hono<AppEnv>()
  app.use('*', apiKeyAuth(deps))

  app.get(
    '/',
    describe({
      summary: "The key's practice",
      tags: ['practice'],
      auth: 'api_key',
      responses: { 200: { description: 'The practice', schema: Practice } },
    }),
    async (c) => {
      const { practiceId } = c.var.principal
      const practice = await inPractice(deps.sql, practiceId, (tx) => findPractice(tx, practiceId))
      if (!practice) throw notFound('The practice')
      return c.json(practice)
    },
  )

  app.patch(
    '/',
    describe({
      summary: "Change the practice's settings and policies",
      tags: ['practice'],
      auth: 'admin',
      responses: { 200: { description: 'The updated practice', schema: Practice } },
    }),
    adminOnly,
    input('json', PracticePatch),
    async (c) => {
      const { practiceId, keyId } = c.var.principal
      const patch = c.req.valid('json')
      const practice = await inPractice(deps.sql, practiceId, async (tx) => {
        const updated = await updatePractice(tx, practiceId, patch)
        await audit(tx, {
          practiceId,
          actor: { kind: 'api_key', id: keyId },
          action: 'practice.updated',
          subject: { kind: 'practice', id: practiceId },
          detail: { fields: Object.keys(patch) },
        })
        return updated
      })
      if (!practice) throw notFound('The practice')
      return c.json(practice)
    },
  )
  return app
}
