import { Hono } from 'hono'
import { apiKeyAuth } from './auth'
import type { AppEnv, Deps } from '../deps'
import { findPractice } from '../practice/queries'
import { findTherapist } from '../therapists/queries'
import { inPractice } from '../db/tenant'
import { notFound } from '../http/errors'
import { describe } from '../http/openapi/describe'
import { KeyIdentity } from '../../shared/schemas/practice-tools'

/** What the presented key is: its role, practice and therapist (the staff console's first call). */
export function whoamiRoutes(deps: Deps) {
  const app = new Hono<AppEnv>()
  app.use('*', apiKeyAuth(deps))

  app.get(
    '/',
    describe({
      summary: 'The API key in use: its role, its practice and (for a therapist key) its therapist',
      tags: ['practice'],
      auth: 'api_key',
      responses: { 200: { description: 'The key', schema: KeyIdentity } },
    }),
    async (c) => {
      const { keyId, practiceId, role, therapistId } = c.var.principal
      const found = await inPractice(deps.sql, practiceId, async (tx) => ({
        practice: await findPractice(tx, practiceId),
        therapist: therapistId ? await findTherapist(tx, practiceId, therapistId) : null,
      }))
      if (!found.practice) throw notFound('The practice')
      const { practice, therapist } = found
      return c.json({
        key_id: keyId,
        role,
        practice: { id: practice.id, name: practice.name, slug: practice.slug, time_zone: practice.time_zone },
        ...(therapist ? { therapist: { id: therapist.id, name: therapist.name, time_zone: therapist.time_zone } } : {}),
      })
    },
  )
  return app
}
