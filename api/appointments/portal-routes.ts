import { isOpen } from '../../shared/policy/sessions'
import { telehealthLinkOpensAt, telehealthLinkShown } from '../../shared/policy/telehealth'
import { createEvent } from 'ics'
import { z } from 'zod'
import { cancelAsClient, cancellationPolicyFor, confirmAsClient, quoteFor, requestReschedule } from './client-actions'
import { type PortalClient, portalRouter } from '../portal/token'
import type { Deps } from '../deps'
import { audit, type Actor } from '../audit/queries'
import type { Tx } from '../db/connect'
import { findClientAppointment, listClientAppointments, type ClientAppointment } from './portal-queries'
import { compact, decodeCursor, iso, page } from '../db/rows'
import { ApiError, notFound } from '../http/errors'
import { requestFeeWaiver } from '../fee-waivers/request'
import { describe, input } from '../http/openapi/describe'
import { canAskForWaiver } from '../../shared/policy/fee-waivers'
import { t } from '../i18n'
import {
  CancellationQuote,
  CancelRequest,
  FeeWaiverRequest,
  FeeWaiverRequested,
  PortalAppointment,
  PortalAppointmentList,
  PortalAppointmentListQuery,
  RescheduleRequested,
  RescheduleRequest,
} from '../../shared/schemas/portal'
import { pathId } from '../http/params'

/** Missed sessions stay on the list this long, with a way to find another time. */
export const MISSED_SHOWN_FOR_MS = 14 * 24 * 60 * 60_000

export function toPortalAppointment(row: ClientAppointment, now: Date): PortalAppointment {
  const starts = row.starts_at.getTime()
  const open = isOpen(row.status)
  const opensAt = telehealthLinkOpensAt(row).getTime()
  const linkShown = telehealthLinkShown(row, now)
  const cancellable = open && now.getTime() < row.ends_at.getTime()
  return compact({
    id: row.id,
    therapist: { id: row.therapist_id, name: row.therapist_name },
    starts_at: iso(row.starts_at),
    ends_at: iso(row.ends_at),
    type: row.type,
    location: row.location,
    telehealth_url: row.telehealth_url && linkShown ? row.telehealth_url : null,
    telehealth_opens_at: row.telehealth_url && open && now.getTime() < opensAt ? new Date(opensAt).toISOString() : null,
    series_id: row.series_id,
    status: row.status,
    can_confirm: row.status === 'scheduled' && now.getTime() < starts,
    cancellation: cancellable ? quoteFor(row, now) : null,
    cancellation_policy: cancellable ? cancellationPolicyFor(row) : null,
    late_fee: lateFee(row),
    reschedule_requested_at: row.reschedule_requested_at ? iso(row.reschedule_requested_at) : null,
  }) as PortalAppointment
}

function lateFee(row: ClientAppointment): PortalAppointment['late_fee'] | null {
  if (row.status !== 'late_cancelled' || row.late_fee_cents === null) return null
  if (row.late_fee_cents === 0 && !row.fee_waiver_status) return null
  return {
    fee_cents: row.late_fee_cents,
    currency: row.late_fee_currency ?? row.practice_policy.currency,
    waiver: row.fee_waiver_status ?? 'none',
    can_ask_waiver: canAskForWaiver({
      status: row.status,
      late_fee_cents: row.late_fee_cents,
      waiver: row.fee_waiver_status,
    }).ok,
  }
}

async function ownAppointment(tx: Tx, client: PortalClient, id: string) {
  const row = await findClientAppointment(tx, client.practiceId, client.clientId, id)
  if (!row) throw notFound('That appointment')
  return row
}

const clientActor = (client: PortalClient): Actor => ({ kind: 'client', id: client.clientId })

/** The client's own session, with the read in the audit log. */
async function viewOwnAppointment(tx: Tx, client: PortalClient, id: string, action: string) {
  const row = await ownAppointment(tx, client, id)
  await audit(tx, {
    practiceId: client.practiceId,
    actor: clientActor(client),
    action,
    subject: { kind: 'appointment', id },
  })
  return row
}

export function portalAppointmentRoutes(deps: Deps) {
  const app = portalRouter(deps)

  app.get(
    '/',
    describe({
      summary: 'Upcoming sessions and recently missed ones, each with its cancellation rule now',
      tags: ['portal'],
      auth: 'portal',
      responses: { 200: { description: 'Oldest first', schema: PortalAppointmentList } },
    }),
    input('query', PortalAppointmentListQuery),
    async (c) => {
      const client = c.var.client
      const { limit, cursor } = c.req.valid('query')
      const after = decodeCursor(cursor)
      const now = deps.clock()
      const rows = await c.var.inSession(
        async (tx) => {
          // The audit line does not depend on the rows: both go in one round trip.
          const [rows] = await Promise.all([
            listClientAppointments(tx, client.practiceId, client.clientId, {
              now,
              missedSince: new Date(now.getTime() - MISSED_SHOWN_FOR_MS),
              limit,
              after: after ? { startsAt: String(after[0]), id: String(after[1]) } : null,
            }),
            audit(tx, {
              practiceId: client.practiceId,
              actor: clientActor(client),
              action: 'portal.viewed_appointments',
            }),
          ])
          return rows
        },
        { read: true, oneRoundTrip: true },
      )
      return c.json(
        page(
          rows,
          limit,
          (row) => toPortalAppointment(row, now),
          (row) => [row.sort_key, row.id],
        ),
      )
    },
  )

  app.post(
    '/:id/confirm',
    describe({
      summary: 'Confirm a session (confirming twice changes nothing)',
      tags: ['portal'],
      auth: 'portal',
      responses: { 200: { description: 'The session', schema: PortalAppointment } },
    }),
    async (c) => {
      const client = c.var.client
      const id = pathId(c.req.param('id'), 'That appointment')
      const row = await c.var.inSession(async (tx) => {
        await confirmAsClient(tx, deps, { ...client, appointmentId: id, actor: clientActor(client) })
        return ownAppointment(tx, client, id)
      })
      return c.json(toPortalAppointment(row, deps.clock()))
    },
  )

  app.get(
    '/:id/cancellation',
    describe({
      summary: 'The cancellation rule for this session now: free until when, or the late fee or call instruction',
      tags: ['portal'],
      auth: 'portal',
      responses: {
        200: { description: 'The quote, in the client’s time zone and language', schema: CancellationQuote },
      },
    }),
    async (c) => {
      const client = c.var.client
      const id = pathId(c.req.param('id'), 'That appointment')
      const now = deps.clock()
      const row = await c.var.inSession((tx) => viewOwnAppointment(tx, client, id, 'portal.viewed_cancellation'), {
        read: true,
      })
      return c.json(quoteFor(row, now))
    },
  )

  app.post(
    '/:id/cancel',
    describe({
      summary: 'Cancel a session within the policy',
      tags: ['portal'],
      auth: 'portal',
      description:
        'Inside the late window: 409 `late_cancellation_unacknowledged` until `acknowledge_late: true` is sent (the fee is then recorded). ' +
        'When the policy asks the client to call, or the session has started: 409 `contact_practice`. Both carry the quote in `details.quote`.',
      responses: { 200: { description: 'The cancelled session', schema: PortalAppointment } },
    }),
    input('json', CancelRequest),
    async (c) => {
      const client = c.var.client
      const id = pathId(c.req.param('id'), 'That appointment')
      const body = c.req.valid('json')
      const row = await c.var.inSession(async (tx) => {
        await cancelAsClient(tx, deps, {
          ...client,
          appointmentId: id,
          acknowledgeLate: body.acknowledge_late ?? false,
          reasonCode: body.reason_code,
          reason: body.reason,
          actor: clientActor(client),
        })
        return ownAppointment(tx, client, id)
      })
      return c.json(toPortalAppointment(row, deps.clock()))
    },
  )

  app.post(
    '/:id/reschedule-request',
    describe({
      summary: 'Ask the practice for another time (after a missed session, or any time); a note is optional',
      tags: ['portal'],
      auth: 'portal',
      responses: { 202: { description: 'The front desk will be in touch', schema: RescheduleRequested } },
    }),
    input('json', RescheduleRequest),
    async (c) => {
      const client = c.var.client
      const id = pathId(c.req.param('id'), 'That appointment')
      const { note } = c.req.valid('json')
      const result = await c.var.inSession((tx) =>
        requestReschedule(tx, deps, {
          ...client,
          appointmentId: id,
          note,
          actor: clientActor(client),
          via: { kind: 'portal' },
        }),
      )
      const message = t(result.appointment.client_locale, 'portal.reschedule.received')
      return c.json({ created: result.created, message }, 202)
    },
  )

  app.post(
    '/:id/fee-waiver',
    describe({
      summary: 'Ask for the late-cancellation fee of this session to be waived, with a reason (once)',
      description:
        "Only for the client's own `late_cancelled` session with a fee (else 409 `invalid_state`), once (else 409 `conflict`). " +
        'The practice grants or declines it from its alerts inbox and the client is told either way; `late_fee.waiver` on the session shows where it stands.',
      tags: ['portal'],
      auth: 'portal',
      responses: { 201: { description: 'Asked', schema: FeeWaiverRequested } },
    }),
    input('json', FeeWaiverRequest),
    async (c) => {
      const client = c.var.client
      const id = pathId(c.req.param('id'), 'That appointment')
      const { reason } = c.req.valid('json')
      const { message } = await c.var.inSession((tx) =>
        requestFeeWaiver(tx, deps, { client, appointmentId: id, reason }),
      )
      return c.json({ status: 'requested', message }, 201)
    },
  )

  app.get(
    '/:id/calendar.ics',
    describe({
      summary: 'The session as a calendar event (RFC 5545)',
      tags: ['portal'],
      auth: 'portal',
      responses: { 200: { description: 'One VEVENT', schema: z.string(), contentType: 'text/calendar' } },
    }),
    async (c) => {
      const client = c.var.client
      const id = pathId(c.req.param('id'), 'That appointment')
      const now = deps.clock()
      const row = await c.var.inSession((tx) => viewOwnAppointment(tx, client, id, 'portal.downloaded_calendar'), {
        read: true,
      })
      c.header('Content-Type', 'text/calendar; charset=utf-8')
      c.header('Content-Disposition', 'attachment; filename="appointment.ics"')
      c.header('Cache-Control', 'private, no-store')
      return c.body(calendarEvent(row, now, deps.publicUrl))
    },
  )
  return app
}

const utcParts = (date: Date) =>
  [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes()] as [
    number,
    number,
    number,
    number,
    number,
  ]

/**
 * The event names the practice but not the kind of care (calendars are often shared or synced).
 * A video link is never put in a file that outlives the session: the portal shows it near the start.
 */
function calendarEvent(row: ClientAppointment, now: Date, publicUrl: string): string {
  const locale = row.client_locale
  const cancelled = row.status === 'cancelled' || row.status === 'late_cancelled'
  const { error, value } = createEvent({
    // DTSTAMP from the app's clock (the typings omit this supported attribute).
    ...({ timestamp: now.getTime() } as object),
    productId: 'hearth/portal',
    method: 'PUBLISH',
    uid: `${row.id}@hearth`,
    sequence: row.version,
    start: utcParts(row.starts_at),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: utcParts(row.ends_at),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: t(locale, 'portal.calendar.title', { practice: row.practice_name }),
    description: [
      t(locale, 'portal.calendar.with', { therapist: row.therapist_name }),
      row.telehealth_url ? t(locale, 'portal.calendar.video') : null,
    ]
      .filter(Boolean)
      .join('\n'),
    ...(row.location ? { location: row.location } : {}),
    url: publicUrl,
    status: cancelled ? 'CANCELLED' : row.status === 'confirmed' ? 'CONFIRMED' : 'TENTATIVE',
  })
  if (error || !value) throw new ApiError('internal', 'The calendar file could not be made. Please try again.')
  return value
}
