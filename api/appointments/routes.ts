import { maySee } from '../../shared/policy/access'
import { appointmentChanged } from './changed'
import { cancellationColumns, syncAppointment } from './sync'
import { therapistScope } from '../api-keys/auth'
import { permit, practiceRead, practiceRouter } from '../auth/practice-auth'
import { Hono } from 'hono'
import type { AppEnv, Deps } from '../deps'
import { findAppointment, listAppointments, toAppointment, participantsExist, updateAppointment } from './queries'
import { audit, type Actor } from '../audit/queries'
import type { Tx } from '../db/connect'
import { compact, iso } from '../db/rows'
import { inPractice } from '../db/tenant'
import { ApiError, notFound } from '../http/errors'
import { describe, input } from '../http/openapi/describe'
import { decideStaffChange } from '../../shared/policy/appointment-changes'
import {
  Appointment,
  AppointmentListQuery,
  AppointmentPatch,
  AppointmentUpsert,
} from '../../shared/schemas/appointment'
import { listOf } from '../../shared/schemas/common'
import { AppointmentWithReminders } from '../../shared/schemas/reminders'
import { appointmentReminders } from '../reminders/audit'
import { isUuid, pathId } from '../http/params'

/** Both people must belong to this practice; otherwise the body is wrong, not the path. */
async function requireParticipants(tx: Tx, practiceId: string, therapistId: string, clientId: string) {
  const fields: Record<string, string> = {}
  const found = await participantsExist(tx, practiceId, {
    therapistId: isUuid(therapistId) ? therapistId : null,
    clientId: isUuid(clientId) ? clientId : null,
  })
  if (!found?.therapist) fields.therapist_id = 'No therapist with this id in your practice.'
  if (!found?.client) fields.client_id = 'No client with this id in your practice.'
  if (Object.keys(fields).length) throw new ApiError('invalid_request', 'Some fields need attention.', { fields })
}

export function appointmentRoutes(deps: Deps) {
  const app = new Hono<AppEnv>()
  // The day list checks its caller inside the transaction it reads in (`practiceRead`: for a key,
  // one round trip), so it is routed before the middleware the other routes share, which would
  // look the key up on its own first.
  app.get(
    '/',
    describe({
      summary: 'List appointments (a therapist key sees its own)',
      tags: ['appointments'],
      auth: 'api_key',
      responses: { 200: { description: 'A page of appointments', schema: listOf(Appointment) } },
    }),
    practiceRead(deps, 'appointments'),
    input('query', AppointmentListQuery),
    async (c) => {
      const q = c.req.valid('query')
      // Ids that cannot exist match nothing, without reaching the database.
      if ((q.therapist_id && !isUuid(q.therapist_id)) || (q.client_id && !isUuid(q.client_id))) {
        return c.json({ data: [], next_cursor: null })
      }
      const result = await c.var.practiceRead(
        async (tx, caller) => {
          // A therapist sees their own (hearth_own_therapist() in the query); who looked at the
          // schedule is recorded once the caller is known.
          const [principal, list] = await Promise.all([
            caller,
            listAppointments(tx, { ...q, therapistId: q.therapist_id, clientId: q.client_id }),
          ])
          await audit(tx, {
            practiceId: principal.practiceId,
            actor: principal.actor,
            action: 'appointments.listed',
            detail: compact({
              from: q.from,
              to: q.to,
              therapist_id: therapistScope(principal, q.therapist_id),
              client_id: q.client_id,
            }),
          })
          return list
        },
        { oneRoundTrip: true },
      )
      return c.json(result)
    },
  )

  app.route('/', appointmentChanges(deps))
  return app
}

/** Everything else about appointments, each route after the key or session is looked up. */
function appointmentChanges(deps: Deps) {
  const app = practiceRouter(deps)
  app.use('/', permit('appointments'))
  app.use('/:id', permit('appointments'))

  app.post(
    '/',
    describe({
      summary: 'Create or update an appointment by external_id (idempotent EHR sync)',
      tags: ['appointments'],
      auth: 'admin',
      responses: {
        200: { description: 'Updated, or unchanged', schema: Appointment },
        201: { description: 'Created', schema: Appointment },
      },
    }),
    permit('new_appointments'),
    input('json', AppointmentUpsert),
    async (c) => {
      const { practiceId } = c.var.principal
      const body = c.req.valid('json')
      const actor: Actor = c.var.principal.actor
      const { row, outcome } = await inPractice(deps.sql, practiceId, async (tx) => {
        await requireParticipants(tx, practiceId, body.therapist_id, body.client_id)
        return syncAppointment(
          tx,
          deps,
          practiceId,
          {
            external_id: body.external_id,
            therapist_id: body.therapist_id,
            client_id: body.client_id,
            starts_at: body.starts_at,
            ends_at: body.ends_at,
            type: body.type,
            location: body.location ?? null,
            telehealth_url: body.telehealth_url ?? null,
            series_id: body.series_id ?? null,
            status: body.status,
          },
          body.notify_client === false ? { actor, notifyClient: false } : { actor },
        )
      })
      return c.json(toAppointment(row), outcome === 'created' ? 201 : 200)
    },
  )

  app.get(
    '/:id',
    describe({
      summary: 'An appointment',
      tags: ['appointments'],
      auth: 'api_key',
      description: '`reminders` lists every planned and sent reminder with its channel, time and delivery status.',
      responses: { 200: { description: 'The appointment', schema: AppointmentWithReminders } },
    }),
    async (c) => {
      const { practiceId } = c.var.principal
      const id = pathId(c.req.param('id'), 'That appointment')
      const found = await inPractice(deps.sql, practiceId, async (tx) => {
        const row = await findAppointment(tx, practiceId, id)
        return row && maySee(c.var.principal, row) && { row, reminders: await appointmentReminders(tx, practiceId, id) }
      })
      if (!found) throw notFound('That appointment')
      return c.json({ ...toAppointment(found.row), reminders: found.reminders })
    },
  )

  app.patch(
    '/:id',
    describe({
      summary: 'Move, edit, confirm, record attendance, or cancel on the practice side',
      tags: ['appointments'],
      auth: 'api_key',
      responses: { 200: { description: 'The appointment', schema: Appointment } },
    }),
    input('json', AppointmentPatch),
    async (c) => {
      const { practiceId } = c.var.principal
      const id = pathId(c.req.param('id'), 'That appointment')
      const patch = c.req.valid('json')
      const now = deps.clock()
      const row = await inPractice(deps.sql, practiceId, async (tx) => {
        const current = await findAppointment(tx, practiceId, id, { forUpdate: true })
        if (!current || !maySee(c.var.principal, current)) throw notFound('That appointment')
        const decision = decideStaffChange(
          { status: current.status, starts_at: iso(current.starts_at), ends_at: iso(current.ends_at) },
          patch,
          now,
        )
        if (!decision.ok) throw new ApiError('invalid_state', decision.message)
        const { status: _requested, cancel_reason, notify_client, ...fields } = patch
        const changes: Record<string, unknown> = { ...fields }
        if (decision.moved) changes.version = current.version + 1
        if (decision.status !== current.status) {
          Object.assign(changes, { status: decision.status }, cancellationColumns(decision.status, now))
          if (decision.status === 'cancelled') changes.cancel_reason = cancel_reason ?? null
          if (decision.status === 'confirmed') changes.confirmed_at = now
        }
        if (!Object.keys(changes).length) return current
        const updated = await updateAppointment(tx, practiceId, id, changes, now)
        const actor: Actor = c.var.principal.actor
        await appointmentChanged(tx, deps, { before: current, after: updated, actor, notifyClient: notify_client })
        await audit(tx, {
          practiceId,
          actor,
          action: decision.status !== current.status ? `appointment.${decision.status}` : 'appointment.updated',
          subject: { kind: 'appointment', id },
          detail: { fields: Object.keys(changes) },
        })
        return updated
      })
      return c.json(toAppointment(row))
    },
  )
  return app
}
