import { Hono } from 'hono'
import { z } from 'zod'
import { Slug, Text } from '../../shared/schemas/common'
import { hmacSha256Hex, sha256Hex, timingSafeEqual } from '../crypto/web-crypto'
import { inPractice } from '../db/tenant'
import type { AppEnv, Deps } from '../deps'
import { ApiError, invalidRequest } from '../http/errors'
import { describe, input } from '../http/openapi/describe'
import { connectionBySlug } from '../practice/connection-by-slug'
import { firstTimeSeen } from '../reminders/queries'
import { applyBooking, BOOKING_EVENTS, BookingPayload, type BookingEvent } from './booking'
import { findCalcomConnection } from './queries'

/** A delivery signed longer ago than this (or this far in the future) is a replay, not news. */
export const CALCOM_MAX_AGE_MS = 15 * 60_000

const Delivery = z.object({ triggerEvent: Text.max(100), createdAt: z.iso.datetime({ offset: true }) }).loose()

const Accepted = z.object({
  status: z.enum(['processed', 'duplicate', 'ignored']),
  outcome: z.string().optional(),
})

const unsigned = () => new ApiError('unauthorized', 'The signature on this request is not valid.')

export function calcomRoutes(deps: Deps) {
  const app = new Hono<AppEnv>()

  app.post(
    '/',
    describe({
      summary: 'Cal.com booking webhooks (created, rescheduled, cancelled), signed with X-Cal-Signature-256',
      tags: ['connectors'],
      auth: 'signed',
      description:
        "Point the practice's Cal.com webhook here, with the secret set in `PATCH /v1/practice {\"calcom\": {webhook_secret, therapists}}`. `X-Cal-Signature-256` is the hex HMAC-SHA256 of the raw body with that secret. A delivery is refused when the signature does not match or its `createdAt` is more than 15 minutes away; the same delivery twice changes nothing. The session is `calcom:<uid>`; the organizer's email picks the therapist through the map, the first attendee's email the client (created when new, with the practice's default consents).",
      requestBody: { contentType: 'application/json', description: "Cal.com's webhook payload, as it sends it" },
      responses: { 200: { description: 'Handled, already handled, or not a booking event', schema: Accepted } },
    }),
    input('query', z.object({ practice: Slug })),
    async (c) => {
      const raw = await c.req.text()
      const { practice: slug } = c.req.valid('query')
      const target = await connectionBySlug(deps.sql, slug, findCalcomConnection)
      if (!target) throw unsigned()
      const { practice, connection } = target
      const signature = (c.req.header('x-cal-signature-256') ?? '').trim().toLowerCase()
      const expected = await hmacSha256Hex(connection.webhook_secret, raw)
      if (!timingSafeEqual(signature, expected)) throw unsigned()

      const delivery = Delivery.safeParse(parseJson(raw))
      if (!delivery.success) throw invalidRequest(delivery.error)
      const now = deps.clock()
      if (Math.abs(now.getTime() - Date.parse(delivery.data.createdAt)) > CALCOM_MAX_AGE_MS) {
        throw new ApiError(
          'unauthorized',
          'This delivery is too old to accept. Cal.com sends each booking as it happens.',
        )
      }
      const event = delivery.data.triggerEvent as BookingEvent
      if (!BOOKING_EVENTS.includes(event)) return c.json({ status: 'ignored' as const })
      const booking = BookingPayload.safeParse(delivery.data.payload)
      if (!booking.success) throw invalidRequest(booking.error, 'payload')

      const deliveryId = await sha256Hex(raw)
      const outcome = await inPractice(deps.sql, practice.id, async (tx) => {
        if (!(await firstTimeSeen(tx, practice.id, { source: 'calcom', id: deliveryId, at: now }))) return null
        return applyBooking(tx, deps, practice, connection, event, booking.data)
      })
      return c.json(outcome ? { status: 'processed' as const, outcome } : { status: 'duplicate' as const })
    },
  )
  return app
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw)
  } catch {
    throw new ApiError('invalid_request', 'The body is not valid JSON.')
  }
}
