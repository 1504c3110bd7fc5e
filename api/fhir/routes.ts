import { FhirSyncReport } from '../../shared/schemas/connectors'
import { permit, practiceRouter } from '../auth/practice-auth'
import { audit } from '../audit/queries'
import { inPractice } from '../db/tenant'
import type { Deps } from '../deps'
import { ApiError } from '../http/errors'
import { describe } from '../http/openapi/describe'
import { findFhirConnection } from './queries'
import { fhirView } from './settings'
import { syncFhirPractice } from './sync'

export function fhirRoutes(deps: Deps) {
  const app = practiceRouter(deps)

  app.post(
    '/sync',
    describe({
      summary: "Sync now from the practice's FHIR R4 server",
      tags: ['connectors'],
      auth: 'admin',
      description:
        'Pulls `Practitioner`, `Patient` and `Appointment` resources changed since the last complete sync (`_lastUpdated`, following `Bundle.link` `next`), as the dispatcher does every few minutes. Practitioners and patients are matched by `fhir:<id>` or email (created when new); sessions are `fhir:<Appointment.id>`; statuses `booked`, `cancelled`, `noshow` and `fulfilled` map to scheduled, cancelled, missed and attended. Answers how the sync went, with any resource that could not come in and why.',
      responses: { 200: { description: 'How the sync went', schema: FhirSyncReport } },
    }),
    permit('integrations'),
    async (c) => {
      const { practiceId } = c.var.principal
      const outcome = await syncFhirPractice(deps, practiceId)
      if (outcome === 'not_connected') {
        throw new ApiError('invalid_state', 'Add your FHIR server in the practice settings first.')
      }
      if (outcome === 'busy') throw new ApiError('conflict', 'A sync is already running. Try again in a minute.')
      const view = await inPractice(deps.sql, practiceId, async (tx) => {
        await audit(tx, { practiceId, actor: c.var.principal.actor, action: 'fhir.synced' })
        return fhirView(await findFhirConnection(tx, practiceId))
      })
      return c.json(view!)
    },
  )
  return app
}
