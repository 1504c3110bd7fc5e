import { portalRouter } from '../portal/token'
import type { Deps } from '../deps'
import { audit } from '../audit/queries'
import { listClientOffers, type OfferRow } from './queries'
import { findClientAppointment } from '../appointments/portal-queries'
import { compact, iso } from '../db/rows'
import { ApiError } from '../http/errors'
import { claimOffer } from './claim'
import { describe } from '../http/openapi/describe'
import { offerState } from '../../shared/policy/waitlist-offers'
import { OfferClaimed, type PortalOffer, PortalOfferList } from '../../shared/schemas/portal'
import { toPortalAppointment } from '../appointments/portal-routes'
import { pathId } from '../http/params'

const TAKEN =
  "Someone else took this time a moment before you. You're still on the cancellation list, and we'll let you know when another time opens up."
const EXPIRED =
  "This offer has closed, so the time can't be taken here any more. You're still on the cancellation list, and we'll let you know about the next one."

function toPortalOffer(row: OfferRow & { therapist_name: string }, now: Date): PortalOffer {
  return compact({
    id: row.id,
    therapist: { id: row.therapist_id, name: row.therapist_name },
    starts_at: iso(row.starts_at),
    ends_at: iso(row.ends_at),
    state: offerState(row, now),
    expires_at: iso(row.expires_at),
    appointment_id: row.claimed_appointment_id,
  }) as PortalOffer
}

/** Freed times offered to the signed-in client from the cancellation list, and taking one. */
export function portalOfferRoutes(deps: Deps) {
  const app = portalRouter(deps)

  app.get(
    '/',
    describe({
      summary: 'Times offered to me from the cancellation list: open ones, and what happened to recent ones',
      tags: ['portal'],
      auth: 'portal',
      responses: { 200: { description: 'Soonest first', schema: PortalOfferList } },
    }),
    async (c) => {
      const { practiceId, clientId } = c.var.client
      const now = deps.clock()
      const rows = await c.var.inSession((tx) => listClientOffers(tx, practiceId, clientId, now), { read: true })
      return c.json({ data: rows.map((row) => toPortalOffer(row, now)), next_cursor: null })
    },
  )

  app.post(
    '/:id/claim',
    describe({
      summary: 'Take an offered time (the first claim wins)',
      description:
        'Books the time for the client, confirmed. When another client took it first: 409 `offer_taken`. ' +
        'When the offer has closed: 410 `offer_expired`. Claiming an offer already claimed by this client answers 200 with the same session.',
      tags: ['portal'],
      auth: 'portal',
      responses: {
        200: { description: 'Already yours', schema: OfferClaimed },
        201: { description: 'Booked', schema: OfferClaimed },
      },
    }),
    async (c) => {
      const client = c.var.client
      const id = pathId(c.req.param('id'), 'That offer')
      const result = await c.var.inSession(async (tx) => {
        const claim = await claimOffer(tx, deps, { ...client, offerId: id })
        if (!claim.ok) {
          await audit(tx, {
            practiceId: client.practiceId,
            actor: { kind: 'client', id: client.clientId },
            action: 'waitlist.offer_refused',
            subject: { kind: 'waitlist_offer', id },
            detail: { reason: claim.reason },
          })
          return { refused: claim.reason }
        }
        const row = await findClientAppointment(tx, client.practiceId, client.clientId, claim.appointment.id)
        return { appointment: row!, created: claim.created }
      })
      if ('refused' in result) {
        throw result.refused === 'taken' ? new ApiError('offer_taken', TAKEN) : new ApiError('offer_expired', EXPIRED)
      }
      return c.json({ appointment: toPortalAppointment(result.appointment, deps.clock()) }, result.created ? 201 : 200)
    },
  )
  return app
}
