import { listOf } from '../../shared/schemas/common'
import { Appointment } from '../../shared/schemas/appointment'
import { RescheduleRequestItem, RescheduleRequestListQuery } from '../../shared/schemas/availability'
import { z } from 'zod'
import { therapistScope } from '../api-keys/auth'
import { practiceRouter } from '../auth/practice-auth'
import { toAppointment } from '../appointments/queries'
import { compact, iso } from '../db/rows'
import { inPractice } from '../db/tenant'
import type { Deps } from '../deps'
import { describe, input } from '../http/openapi/describe'
import { pathId } from '../http/params'
import { listRequests, type RequestListItem, type RescheduleRequestRow } from './queries'
import { approveRequest, declineRequest } from './request'

function toItem(row: RequestListItem, now: Date): z.infer<typeof RescheduleRequestItem> {
  // A hold that ran out without an answer reads as expired even before it is swept.
  const expired = row.status === 'requested' && row.hold_until.getTime() <= now.getTime()
  return compact({
    id: row.id,
    appointment_id: row.appointment_id,
    client: { id: row.client_id, name: row.client_name },
    therapist: { id: row.therapist_id, name: row.therapist_name },
    previous_starts_at: iso(row.previous_starts_at),
    starts_at: iso(row.starts_at),
    ends_at: iso(row.ends_at),
    status: expired ? 'expired' : row.status,
    requested_at: iso(row.requested_at),
    hold_until: iso(row.hold_until),
    late_fee_cents: row.late_fee_cents,
    decided_at: row.decided_at ? iso(row.decided_at) : null,
  }) as z.infer<typeof RescheduleRequestItem>
}

const Decided = z.object({
  id: z.string(),
  status: z.enum(['approved', 'declined']),
  appointment: Appointment.optional(),
})

const decided = (request: RescheduleRequestRow) => ({
  id: request.id,
  status: request.status as 'approved' | 'declined',
})

/** Clients' requests to move a session, for the practice to approve or decline. */
export function rescheduleRequestRoutes(deps: Deps) {
  const app = practiceRouter(deps, 'reschedule_requests')

  app.get(
    '/',
    describe({
      summary: 'Requests to move a session, newest first (a therapist sees their own)',
      description:
        'While `requested`, the asked-for time is held until `hold_until`: 24 hours at most, and never into the therapist’s minimum notice before that time.',
      tags: ['reschedule'],
      auth: 'api_key',
      responses: { 200: { description: 'Requests', schema: listOf(RescheduleRequestItem) } },
    }),
    input('query', RescheduleRequestListQuery),
    async (c) => {
      const { practiceId } = c.var.principal
      const q = c.req.valid('query')
      const only = therapistScope(c.var.principal, q.therapist_id)
      const now = deps.clock()
      const rows =
        only === null
          ? []
          : await inPractice(deps.sql, practiceId, (tx) =>
              listRequests(tx, practiceId, { therapistId: only, status: q.status, limit: q.limit }),
            )
      return c.json({ data: rows.map((row) => toItem(row, now)), next_cursor: null })
    },
  )

  for (const action of ['approve', 'decline'] as const) {
    app.post(
      `/:id/${action}`,
      describe({
        summary:
          action === 'approve'
            ? 'Approve: the session moves to the held time (409 `slot_taken` if it was taken meanwhile)'
            : 'Decline: the session stays at its time; the client is told and can choose another',
        tags: ['reschedule'],
        auth: 'api_key',
        responses: { 200: { description: 'The answer', schema: Decided } },
      }),
      async (c) => {
        const { practiceId, actorId } = c.var.principal
        const id = pathId(c.req.param('id'), 'That request')
        const decision = {
          viewer: c.var.principal,
          practiceId,
          requestId: id,
          actor: c.var.principal.actor,
          by: actorId,
        }
        const body = await inPractice(deps.sql, practiceId, async (tx) => {
          if (action === 'decline') return decided((await declineRequest(tx, deps, decision)).request)
          const { request, appointment } = await approveRequest(tx, deps, decision)
          return { ...decided(request), appointment: toAppointment(appointment) }
        })
        return c.json(body)
      },
    )
  }
  return app
}
