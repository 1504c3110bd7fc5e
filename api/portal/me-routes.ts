import { portalRouter } from './token'
import type { Deps } from '../deps'
import { audit } from '../audit/queries'
import { findPractice } from '../practice/queries'
import { clientTherapists, findPortalClient } from './people-queries'
import { listClientWaitlist } from '../offers/waitlist-queries'
import { ApiError } from '../http/errors'
import { describe } from '../http/openapi/describe'
import { PortalMe } from '../../shared/schemas/portal'

export function portalMeRoutes(deps: Deps) {
  const app = portalRouter(deps)

  app.get(
    '/',
    describe({
      summary: "The signed-in client, their therapists with each one's contact policy, and their cancellation lists",
      tags: ['portal'],
      auth: 'portal',
      responses: { 200: { description: 'The client', schema: PortalMe } },
    }),
    async (c) => {
      const { practiceId, clientId } = c.var.client
      const me = await c.var.inSession(
        async (tx) => {
          const [client, practice, therapists, waitlist] = [
            await findPortalClient(tx, practiceId, clientId),
            await findPractice(tx, practiceId),
            await clientTherapists(tx, practiceId, clientId),
            await listClientWaitlist(tx, practiceId, clientId),
          ]
          if (!client || !practice) throw new ApiError('unauthorized', 'Please sign in again to continue.')
          await audit(tx, { practiceId, actor: { kind: 'client', id: clientId }, action: 'portal.viewed_profile' })
          return {
            client,
            practice: {
              name: practice.name,
              slug: practice.slug,
              time_zone: practice.time_zone,
              ...(practice.phone ? { phone: practice.phone } : {}),
            },
            therapists,
            crisis_resources: practice.crisis_resources,
            waitlist,
          } satisfies PortalMe
        },
        { read: true },
      )
      return c.json(me)
    },
  )
  return app
}
