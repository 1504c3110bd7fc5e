import { Hono } from 'hono'
import { bookAgainRule } from '../../shared/policy/reschedule'
import {
  BookAgain,
  BookAgainTimes,
  RescheduleMove,
  RescheduleRequestAccepted,
  SlotList,
  SlotQuery,
} from '../../shared/schemas/availability'
import { switchToVideoDecision } from '../../shared/policy/switch-to-video'
import { PortalAppointment } from '../../shared/schemas/portal'
import { formatInstant } from '../../shared/time/format'
import { findClientAppointment, type ClientAppointment } from '../appointments/portal-queries'
import { toPortalAppointment } from '../appointments/portal-routes'
import { audit, type Actor } from '../audit/queries'
import type { Tx } from '../db/connect'
import type { AppEnv, Deps } from '../deps'
import { ApiError, notFound } from '../http/errors'
import { describe, input } from '../http/openapi/describe'
import { pathId } from '../http/params'
import { t } from '../i18n'
import { portalAuth, type PortalClient } from '../portal/token'
import { bookAgain, bookedAgain } from './book-again'
import { clientRescheduleRule, moveAsClient } from './client-move'
import { rescheduleContext } from './queries'
import { hoursOf, slotsForSession, type TherapistHours } from './slots'
import { switchSessionToVideo, videoDecisionFor } from './switch-to-video'

const clientActor = (client: PortalClient): Actor => ({ kind: 'client', id: client.clientId })

async function ownSession(tx: Tx, client: PortalClient, id: string, forUpdate = false): Promise<ClientAppointment> {
  const row = await findClientAppointment(tx, client.practiceId, client.clientId, id, { forUpdate })
  if (!row) throw notFound('That appointment')
  return row
}

/** After a missed session: may the client book again themselves, in the client's language. */
async function bookAgainRuleFor(tx: Tx, missed: ClientAppointment) {
  const context = await rescheduleContext(tx, missed.practice_id, missed.therapist_id)
  const rule = bookAgainRule({
    settings: context.settings,
    status: missed.status,
    locale: missed.client_locale,
    practicePhone: missed.practice_phone,
  })
  return { context, rule }
}

/**
 * The free times a session could take, in the span the client asked for (absent ends: from now, to
 * the therapist's horizon), with the therapist's zone; none unless the practice's rule `offers` them.
 */
async function freeTimes(
  tx: Tx,
  row: ClientAppointment,
  context: TherapistHours,
  query: { from?: string | undefined; to?: string | undefined },
  { now, offers }: { now: Date; offers: boolean },
) {
  const from = query.from ? new Date(query.from) : undefined
  const to = query.to ? new Date(query.to) : undefined
  return {
    data: offers ? await slotsForSession(tx, row, context, { now, from, to }) : [],
    time_zone: hoursOf(context).time_zone,
  }
}

/** Finding another time and moving a session from the portal, and switching it to video. */
export function portalRescheduleRoutes(deps: Deps) {
  const app = new Hono<AppEnv>()
  for (const path of ['/:id/slots', '/:id/reschedule', '/:id/switch-to-video', '/:id/book-again']) {
    app.use(path, portalAuth(deps))
  }

  app.get(
    '/:id/slots',
    describe({
      summary: "Free times this session could move to: its therapist's hours, as long as the session, in order",
      description:
        'Inside the availability, clear of other sessions plus the buffer and of times held for requests, after the ' +
        'minimum notice, within the horizon, offering the way the session meets. `rule` is the practice’s rule for ' +
        'moving it now, in the words the server enforces.',
      tags: ['portal'],
      auth: 'portal',
      responses: { 200: { description: 'Free times, soonest first', schema: SlotList } },
    }),
    input('query', SlotQuery),
    async (c) => {
      const client = c.var.client
      const id = pathId(c.req.param('id'), 'That appointment')
      const query = c.req.valid('query')
      const now = deps.clock()
      const body = await c.var.inSession(
        async (tx) => {
          const row = await ownSession(tx, client, id)
          const { context, rule } = await clientRescheduleRule(tx, row, now)
          const times = await freeTimes(tx, row, context, query, { now, offers: rule.outcome !== 'refused' })
          await audit(tx, {
            practiceId: client.practiceId,
            actor: clientActor(client),
            action: 'portal.viewed_slots',
            subject: { kind: 'appointment', id },
          })
          const video = switchToVideoDecision({
            session: row,
            settings: context.settings,
            availability: context.availability,
            now,
          })
          return { ...times, rule, can_switch_to_video: video.ok }
        },
        { read: true },
      )
      return c.json(body)
    },
  )

  app.post(
    '/:id/reschedule',
    describe({
      summary: 'Move this session to one of its free times (the same session, at the new time)',
      description:
        '200 with the moved session when the practice’s rule lets it move at once; 202 with `request_id` when the rule ' +
        'makes it a request (the time is held until the practice answers, for at most 24 hours and never into the therapist’s minimum notice before it; the client is told either way). ' +
        '409 `slot_taken` with `details.slots` (the times still free) when someone else got there first; ' +
        '400 when the time is not one of the free times; 409 `late_cancellation_unacknowledged` until `acknowledge_late: true` ' +
        'when a late move carries the late fee; 409 `contact_practice` when the client is asked to call.',
      tags: ['portal'],
      auth: 'portal',
      responses: {
        200: { description: 'The session, moved', schema: PortalAppointment },
        202: { description: 'A request the practice will answer; the time is held', schema: RescheduleRequestAccepted },
      },
    }),
    input('json', RescheduleMove),
    async (c) => {
      const client = c.var.client
      const id = pathId(c.req.param('id'), 'That appointment')
      const body = c.req.valid('json')
      const startsAt = new Date(body.starts_at)
      const result = await c.var.inSession(async (tx) => {
        const row = await ownSession(tx, client, id, true)
        const moved = await moveAsClient(tx, deps, {
          session: row,
          startsAt,
          acknowledgeLate: body.acknowledge_late === true,
          actor: clientActor(client),
        })
        if (moved.kind === 'request') {
          return {
            kind: 'request' as const,
            request: moved.request,
            locale: row.client_locale,
            zone: row.client_time_zone,
          }
        }
        return { kind: 'moved' as const, row: await ownSession(tx, client, id) }
      })
      if (result.kind === 'moved') return c.json(toPortalAppointment(result.row, deps.clock()))
      const { request, locale, zone } = result
      const message = t(locale, 'portal.reschedule.held', {
        until: formatInstant(request.hold_until, zone, locale, 'long'),
      })
      return c.json(
        {
          request_id: request.id,
          status: 'requested' as const,
          starts_at: request.starts_at.toISOString(),
          hold_until: request.hold_until.toISOString(),
          message,
        },
        202,
      )
    },
  )

  app.post(
    '/:id/switch-to-video',
    describe({
      summary: 'Hold this in-person session by video instead, at the same time',
      description:
        'Only when the practice allows it and the therapist offers video at that time (their video room replaces the ' +
        'location; the therapist is told). Else 409 `invalid_state` saying why.',
      tags: ['portal'],
      auth: 'portal',
      responses: { 200: { description: 'The session, now by video', schema: PortalAppointment } },
    }),
    async (c) => {
      const client = c.var.client
      const id = pathId(c.req.param('id'), 'That appointment')
      const now = deps.clock()
      const row = await c.var.inSession(async (tx) => {
        const before = await ownSession(tx, client, id, true)
        const decision = await videoDecisionFor(tx, before, now)
        if (!decision.ok) {
          if (decision.reason === 'already_video') return before
          throw new ApiError('invalid_state', t(before.client_locale, `portal.video.${decision.reason}`))
        }
        await switchSessionToVideo(tx, deps, { before, videoUrl: decision.videoUrl, actor: clientActor(client), now })
        return ownSession(tx, client, id)
      })
      return c.json(toPortalAppointment(row, deps.clock()))
    },
  )
  app.get(
    '/:id/book-again',
    describe({
      summary: 'After a missed session: free times for a new session with the same therapist, as long',
      description:
        '`rule.outcome` `book` when the practice lets clients book themselves (`reschedule.mode` `instant`), with the ' +
        'free times; `ask` (no times) when the client asks the practice instead (`POST …/reschedule-request`); ' +
        '`not_missed` for any session not marked missed. `booked` names the session already booked again.',
      tags: ['portal'],
      auth: 'portal',
      responses: { 200: { description: 'Free times, soonest first', schema: BookAgainTimes } },
    }),
    input('query', SlotQuery),
    async (c) => {
      const client = c.var.client
      const id = pathId(c.req.param('id'), 'That appointment')
      const query = c.req.valid('query')
      const now = deps.clock()
      const body = await c.var.inSession(async (tx) => {
        const row = await ownSession(tx, client, id)
        const { context, rule } = await bookAgainRuleFor(tx, row)
        const booked = rule.outcome === 'not_missed' ? null : await bookedAgain(tx, row)
        const times = await freeTimes(tx, row, context, query, { now, offers: rule.outcome === 'book' && !booked })
        return {
          ...times,
          rule,
          ...(booked ? { booked: { id: booked.id, starts_at: booked.starts_at.toISOString() } } : {}),
        }
      })
      return c.json(body)
    },
  )

  app.post(
    '/:id/book-again',
    describe({
      summary: 'After a missed session: book a new session with the same therapist at one of its free times',
      description:
        '201 with the new session (confirmed; reminders planned; the client gets a receipt). Once per missed session ' +
        '(409 `invalid_state` after that, or for a session not marked missed); 409 `contact_practice` when the ' +
        'practice books new times itself; 409 `slot_taken` with `details.slots` when someone got there first; 400 ' +
        'when the time is not one of the free times.',
      tags: ['portal'],
      auth: 'portal',
      responses: { 201: { description: 'The new session', schema: PortalAppointment } },
    }),
    input('json', BookAgain),
    async (c) => {
      const client = c.var.client
      const id = pathId(c.req.param('id'), 'That appointment')
      const startsAt = new Date(c.req.valid('json').starts_at)
      const row = await c.var.inSession(async (tx) => {
        const missed = await ownSession(tx, client, id, true)
        const { rule } = await bookAgainRuleFor(tx, missed)
        if (rule.outcome === 'not_missed') throw new ApiError('invalid_state', rule.text)
        if (rule.outcome === 'ask') throw new ApiError('contact_practice', rule.text, { rule })
        const created = await bookAgain(tx, deps, { missed, startsAt, actor: clientActor(client) })
        return ownSession(tx, client, created.id)
      })
      return c.json(toPortalAppointment(row, deps.clock()), 201)
    },
  )
  return app
}
