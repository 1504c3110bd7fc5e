import { portalRouter } from '../portal/token'
import type { Deps } from '../deps'
import { audit } from '../audit/queries'
import { chooseClientTherapist } from '../portal/people-queries'
import { deleteWaitlistEntry, upsertWaitlistEntry } from './waitlist-queries'
import { describe, input } from '../http/openapi/describe'
import { WaitlistEntry, WaitlistJoin, WaitlistLeave } from '../../shared/schemas/portal'

export function portalWaitlistRoutes(deps: Deps) {
  const app = portalRouter(deps)

  app.post(
    '/',
    describe({
      summary: "Join a therapist's cancellation list (or change the preferred days and times)",
      tags: ['portal'],
      auth: 'portal',
      description: '`therapist_id` is needed when the client sees more than one therapist.',
      responses: {
        200: { description: 'Preferences updated; the place on the list is kept', schema: WaitlistEntry },
        201: { description: 'On the list', schema: WaitlistEntry },
      },
    }),
    input('json', WaitlistJoin),
    async (c) => {
      const { practiceId, clientId } = c.var.client
      const body = c.req.valid('json')
      const { created, ...entry } = await c.var.inSession(async (tx) => {
        const therapist = await chooseClientTherapist(tx, practiceId, clientId, body.therapist_id)
        const saved = await upsertWaitlistEntry(tx, {
          practiceId,
          clientId,
          therapistId: therapist.id,
          preferredDays: body.preferred_days,
          preferredTimes: body.preferred_times,
          now: deps.clock(),
        })
        await audit(tx, {
          practiceId,
          actor: { kind: 'client', id: clientId },
          action: saved.created ? 'waitlist.joined' : 'waitlist.updated',
          subject: { kind: 'waitlist_entry', id: saved.id },
          detail: { therapist_id: therapist.id },
        })
        return saved
      })
      return c.json(entry, created ? 201 : 200)
    },
  )

  app.delete(
    '/',
    describe({
      summary: "Leave a therapist's cancellation list",
      tags: ['portal'],
      auth: 'portal',
      description: 'Send `{therapist_id}` in the body (needed when the client sees more than one therapist).',
      responses: { 204: { description: 'Not on the list (any more)' } },
    }),
    input('json', WaitlistLeave),
    async (c) => {
      const { practiceId, clientId } = c.var.client
      const body = c.req.valid('json')
      await c.var.inSession(async (tx) => {
        const therapist = await chooseClientTherapist(tx, practiceId, clientId, body.therapist_id)
        const removed = await deleteWaitlistEntry(tx, practiceId, clientId, therapist.id)
        if (removed) {
          await audit(tx, {
            practiceId,
            actor: { kind: 'client', id: clientId },
            action: 'waitlist.left',
            subject: { kind: 'waitlist_entry', id: removed },
            detail: { therapist_id: therapist.id },
          })
        }
      })
      return c.body(null, 204)
    },
  )
  return app
}
