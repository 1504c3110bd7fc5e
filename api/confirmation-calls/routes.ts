import { maySee } from '../../shared/policy/access'
import { Hono, type MiddlewareHandler } from 'hono'
import { appointmentChanged } from '../appointments/changed'
import { permit, practiceAuth } from '../auth/practice-auth'
import type { AppEnv, Deps } from '../deps'
import type { Principal } from '../auth/practice-auth'
import { findAppointment, toAppointment, updateAppointment } from '../appointments/queries'
import { audit, type Actor } from '../audit/queries'
import { callListCandidates, remindersBySession, type CallListRow, type ReminderRow } from './call-list-queries'
import { callsBySession, insertConfirmationCall } from './queries'
import { findPractice } from '../practice/queries'
import { compact, iso } from '../db/rows'
import { findTherapist } from '../therapists/queries'
import { inPractice } from '../db/tenant'
import { ApiError, fieldError, notFound } from '../http/errors'
import { describe, input } from '../http/openapi/describe'
import { toE164 } from '../../shared/phone'
import { callListReason, decideCallOutcome, type CallListReason } from '../../shared/policy/confirmation-calls'
import type { Locale } from '../../shared/schemas/policies'
import {
  CallList,
  CallListQuery,
  ConfirmationCallCreate,
  ConfirmationCallResult,
  type CallListEntry,
  type ConfirmationCall,
} from '../../shared/schemas/practice-tools'
import { addBusinessDays, addDays, formatInstant, instantAt, localDate } from '../../shared/time'
import { isoInZone } from '../../shared/time/offset-iso'
import { pathId } from '../http/params'

/** An admin key names the therapist; a therapist key lists its own, and anyone else's is not found. */
function callListTherapist(principal: Principal, requested: string | undefined): string {
  if (principal.role === 'therapist') {
    if (requested && requested.toLowerCase() !== principal.therapistId) throw notFound('That therapist')
    return principal.therapistId!
  }
  if (!requested) {
    throw fieldError('therapist_id', "Choose whose call list to show with an admin key (the therapist's id).")
  }
  return pathId(requested, 'That therapist')
}

function callListEntry(
  row: CallListRow,
  reason: CallListReason,
  context: { zone: string; locale: Locale; country: string },
  reminders: ReminderRow[],
  calls: ConfirmationCall[],
): CallListEntry {
  const phone = row.client_phone ? toE164(row.client_phone, context.country) : null
  return {
    appointment_id: row.id,
    starts_at: isoInZone(row.starts_at, context.zone),
    ends_at: isoInZone(row.ends_at, context.zone),
    time_label: formatInstant(row.starts_at, context.zone, context.locale, 'long'),
    type: row.type,
    telehealth: row.telehealth_url !== null,
    status: row.status,
    reason,
    client: compact({
      id: row.client_id,
      name: row.client_name,
      phone,
      phone_as_entered: phone ? null : row.client_phone,
    }),
    reminders: reminders.map((r) =>
      compact({
        kind: r.reminder_kind,
        channel: r.channel,
        status: r.status,
        send_at: iso(r.send_at),
        sent_at: r.sent_at ? iso(r.sent_at) : null,
        delivery_status: r.delivery_status,
        reason: r.closed_reason,
      }),
    ),
    calls,
    ...(row.move_to && {
      move_request: {
        starts_at: isoInZone(row.move_to, context.zone),
        time_label: formatInstant(row.move_to, context.zone, context.locale, 'long'),
      },
    }),
  }
}

export function confirmationCallRoutes(deps: Deps) {
  const app = new Hono<AppEnv>()
  const auth = practiceAuth(deps)
  // Mounted at /v1 beside the appointments routes, whose middleware has already resolved the key
  // for /v1/appointments/*: resolve it once, and only on these routes (not on all of /v1).
  const allowed = permit('confirmation_calls')
  const requireKey: MiddlewareHandler<AppEnv> = async (c, next) => {
    await auth(c, async () => {
      await allowed(c, next)
    })
  }

  app.get(
    '/confirmation-calls',
    describe({
      summary: "A therapist's confirmation call list for one day",
      description:
        "The therapist's sessions on `date` (a day on the therapist's clock; absent: the next working day, " +
        'Monday to Friday, after today on that clock) that have not started and are still unconfirmed ' +
        '(`scheduled`) or whose client asked for a call, in time order, each with its `reason` ' +
        '(`asked_for_call`, `reminder_failed`, `no_reminder_channel`, `unconfirmed`), with the client to call, the reminders so far and earlier call outcomes. ' +
        'A therapist key lists its own sessions; an admin key must name `therapist_id`.',
      tags: ['confirmation calls'],
      auth: 'api_key',
      responses: { 200: { description: 'The call list', schema: CallList } },
    }),
    requireKey,
    input('query', CallListQuery),
    async (c) => {
      const { practiceId } = c.var.principal
      const q = c.req.valid('query')
      const therapistId = callListTherapist(c.var.principal, q.therapist_id)
      const now = deps.clock()
      const list = await inPractice(
        deps.sql,
        practiceId,
        async (tx) => {
          const therapist = await findTherapist(tx, practiceId, therapistId)
          if (!therapist) throw notFound('That therapist')
          const practice = (await findPractice(tx, practiceId))!
          const zone = therapist.time_zone
          const date = q.date ?? addBusinessDays(localDate(now, zone), 1)
          const candidates = await callListCandidates(tx, practiceId, {
            therapistId,
            from: instantAt(date, '00:00', zone),
            to: instantAt(addDays(date, 1), '00:00', zone),
            notBefore: now,
          })
          const candidateIds = candidates.map((s) => s.id)
          const [reminders, calls] = await Promise.all([
            remindersBySession(tx, practiceId, candidateIds),
            callsBySession(tx, practiceId, candidateIds),
          ])
          const sessions = candidates.flatMap((session) => {
            const reason = callListReason({
              status: session.status,
              call_requested_at: session.call_requested_at ? iso(session.call_requested_at) : null,
              called_at: (calls.get(session.id) ?? []).map((call) => call.called_at),
              reminders: reminders.get(session.id) ?? [],
            })
            return reason ? [{ session, reason }] : []
          })
          const ids = sessions.map((s) => s.session.id)
          const context = { zone, locale: q.locale, country: practice.country }
          // The list shows clients' names and phone numbers: who read it is recorded.
          await audit(tx, {
            practiceId,
            actor: c.var.principal.actor,
            action: 'confirmation_calls.read',
            subject: { kind: 'therapist', id: therapistId },
            detail: { date, sessions: ids.length },
          })
          return {
            date,
            time_zone: zone,
            therapist: { id: therapist.id, name: therapist.name },
            data: sessions.map(({ session, reason }) =>
              callListEntry(session, reason, context, reminders.get(session.id) ?? [], calls.get(session.id) ?? []),
            ),
            next_cursor: null,
          }
        },
        { read: true },
      )
      return c.json(list)
    },
  )

  app.post(
    '/appointments/:id/confirmation-calls',
    describe({
      summary: 'Record a confirmation call',
      description:
        '`confirmed` confirms the session; `cancelled` cancels it on the practice side, with no late fee; ' +
        '`voicemail` and `no_answer` leave it as it is. A session that is cancelled, over or already started ' +
        'takes no call outcome (409 `invalid_state`, nothing recorded). A therapist key records calls for its ' +
        "own therapist's sessions only.",
      tags: ['confirmation calls'],
      auth: 'api_key',
      responses: { 201: { description: 'The call, and the session after it', schema: ConfirmationCallResult } },
    }),
    requireKey,
    input('json', ConfirmationCallCreate),
    async (c) => {
      const { practiceId } = c.var.principal
      const id = pathId(c.req.param('id'), 'That appointment')
      const body = c.req.valid('json')
      const now = deps.clock()
      const actor: Actor = c.var.principal.actor
      const result = await inPractice(deps.sql, practiceId, async (tx) => {
        // Locked, so two calls recorded at once are decided one after the other.
        const current = await findAppointment(tx, practiceId, id, { forUpdate: true })
        if (!current || !maySee(c.var.principal, current)) throw notFound('That appointment')
        const decision = decideCallOutcome(
          { status: current.status, starts_at: iso(current.starts_at), ends_at: iso(current.ends_at) },
          body.outcome,
          now,
        )
        if (!decision.ok) throw new ApiError('invalid_state', decision.message)

        let appointment = current
        if (decision.status !== current.status) {
          const changes =
            decision.status === 'confirmed'
              ? { status: 'confirmed', confirmed_at: now }
              : { status: decision.status, cancelled_at: now, cancelled_by: 'practice', late_fee_cents: null }
          appointment = await updateAppointment(tx, practiceId, id, changes, now)
          await appointmentChanged(tx, deps, { before: current, after: appointment, actor })
          await audit(tx, {
            practiceId,
            actor,
            action: `appointment.${decision.status}`,
            subject: { kind: 'appointment', id },
            detail: { fields: Object.keys(changes), via: 'confirmation_call' },
          })
        }
        const call = await insertConfirmationCall(tx, practiceId, {
          appointmentId: id,
          outcome: body.outcome,
          note: body.note || null,
          calledAt: now,
          recordedBy: c.var.principal,
        })
        // The note stays out of the audit log: it is the therapist's words about a client.
        await audit(tx, {
          practiceId,
          actor,
          action: 'confirmation_call.recorded',
          subject: { kind: 'appointment', id },
          detail: { call_id: call.id, outcome: call.outcome },
        })
        return { call, appointment: toAppointment(appointment) }
      })
      return c.json(result, 201)
    },
  )
  return app
}
