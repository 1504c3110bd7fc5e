import { practiceRouter } from '../auth/practice-auth'
import type { Deps } from '../deps'
import { findPractice } from '../practice/queries'
import { findTherapist } from '../therapists/queries'
import { inPractice } from '../db/tenant'
import { forbidden, notFound } from '../http/errors'
import { describe } from '../http/openapi/describe'
import { KeyIdentity } from '../../shared/schemas/practice-tools'

/** What the presented key is: its role, practice and therapist (the staff console's first call). */
export function whoamiRoutes(deps: Deps) {
  const app = practiceRouter(deps)

  app.get(
    '/',
    describe({
      summary: 'The API key in use: its role, its practice and (for a therapist key) its therapist',
      tags: ['practice'],
      auth: 'api_key',
      responses: { 200: { description: 'The key', schema: KeyIdentity } },
    }),
    async (c) => {
      const { actor, practiceId, role, therapistId } = c.var.principal
      if (actor.kind !== 'api_key') throw forbidden('A staff session is described by GET /v1/staff/me.')
      const found = await inPractice(deps.sql, practiceId, async (tx) => ({
        practice: await findPractice(tx, practiceId),
        therapist: therapistId ? await findTherapist(tx, practiceId, therapistId) : null,
      }))
      if (!found.practice) throw notFound('The practice')
      const { practice, therapist } = found
      return c.json({
        key_id: actor.id,
        role,
        practice: { id: practice.id, name: practice.name, slug: practice.slug, time_zone: practice.time_zone },
        ...(therapist ? { therapist: { id: therapist.id, name: therapist.name, time_zone: therapist.time_zone } } : {}),
      })
    },
  )
  return app
}
