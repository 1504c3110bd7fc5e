import { z } from 'zod'
import { Email, Instant, Text } from '../../shared/schemas/common'
import { canonicalTimeZone } from '../../shared/time/zone-names'
import { syncAppointment } from '../appointments/sync'
import { findByExternalId } from '../appointments/queries'
import { raiseAlert } from '../alerts/raise'
import type { Actor } from '../audit/queries'
import { createClient } from '../clients/create'
import type { Tx } from '../db/connect'
import type { Deps } from '../deps'
import { type CalcomConnection, clientByEmail, renameSessionExternalId } from './queries'

/** The part of Cal.com's booking payload Hearth reads; everything else is left alone. */
const Person = z
  .object({
    email: Text.max(254),
    name: Text.max(200).optional(),
    timeZone: Text.max(64).optional(),
    language: z
      .object({ locale: Text.max(20) })
      .loose()
      .optional(),
  })
  .loose()

export const BookingPayload = z
  .object({
    uid: Text.min(1).max(190),
    rescheduleUid: Text.max(190).nullish(),
    startTime: Instant,
    endTime: Instant,
    type: Text.max(200).nullish(),
    eventTitle: Text.max(200).nullish(),
    organizer: Person,
    attendees: z.array(Person).min(1),
    location: Text.max(500).nullish(),
    metadata: z
      .object({ videoCallUrl: Text.max(500).nullish() })
      .loose()
      .nullish(),
  })
  .loose()
export type BookingPayload = z.infer<typeof BookingPayload>

export const BOOKING_EVENTS = ['BOOKING_CREATED', 'BOOKING_RESCHEDULED', 'BOOKING_CANCELLED'] as const
export type BookingEvent = (typeof BOOKING_EVENTS)[number]

export type BookingOutcome = 'created' | 'updated' | 'unchanged' | 'cancelled' | 'unmatched' | 'unknown_booking'

const externalId = (uid: string) => `calcom:${uid}`
const actor: Actor = { kind: 'system' }

const secureUrl = (value: string | null | undefined) =>
  value && /^https:\/\/[^\s]+$/i.test(value) && value.length <= 500 ? value : null

/** Cal.com's `location` is an address, a link, or an app's code name (`integrations:daily`). */
function place(booking: BookingPayload): { location: string | null; telehealth_url: string | null } {
  const link = secureUrl(booking.metadata?.videoCallUrl) ?? secureUrl(booking.location)
  const written = booking.location && !/^[a-z]+:/i.test(booking.location) ? booking.location.slice(0, 300) : null
  return { location: written, telehealth_url: link }
}

/**
 * One verified Cal.com booking event, in the practice's transaction: created and rescheduled
 * bookings become (or move) the session `calcom:<uid>` through the same upsert as every sync, a
 * cancelled one cancels it on the practice's side. The organizer is matched to a therapist by the
 * practice's map; when nobody matches, the front desk is told rather than the booking dropped.
 */
export async function applyBooking(
  tx: Tx,
  deps: Deps,
  practice: { id: string; time_zone: string },
  connection: CalcomConnection,
  event: BookingEvent,
  booking: BookingPayload,
): Promise<BookingOutcome> {
  const now = deps.clock()
  if (event === 'BOOKING_CANCELLED') {
    const existing = await findByExternalId(tx, practice.id, externalId(booking.uid))
    if (!existing) return 'unknown_booking'
    await syncAppointment(tx, deps, practice.id, { ...sessionOf(existing), status: 'cancelled' }, { actor })
    return 'cancelled'
  }

  const organizer = booking.organizer.email.trim().toLowerCase()
  const therapistId = connection.therapists[organizer]
  const unmatched = async (summary: string): Promise<'unmatched'> => {
    await raiseAlert(
      tx,
      {
        practiceId: practice.id,
        kind: 'sync_problem',
        audience: 'front_desk',
        dedupeKey: `calcom:unmatched:${booking.uid}`,
        summary,
        context: { source: 'calcom', organizer, starts_at: booking.startTime },
      },
      now,
    )
    return 'unmatched'
  }
  if (!therapistId) {
    return unmatched(
      `A Cal.com booking came in for ${organizer}, who isn't matched to a therapist yet. Add them to the Cal.com settings, then add the session by hand.`,
    )
  }

  if (event === 'BOOKING_RESCHEDULED' && booking.rescheduleUid) {
    await renameSessionExternalId(tx, practice.id, externalId(booking.rescheduleUid), externalId(booking.uid))
  }
  const clientId = await attendeeClient(tx, practice, connection, booking.attendees[0]!)
  if (!clientId) {
    return unmatched(
      `A Cal.com booking for ${organizer} came in without a usable client email. Add the session by hand.`,
    )
  }
  const { outcome } = await syncAppointment(
    tx,
    deps,
    practice.id,
    {
      external_id: externalId(booking.uid),
      therapist_id: therapistId,
      client_id: clientId,
      starts_at: booking.startTime,
      ends_at: booking.endTime,
      type: (booking.eventTitle || booking.type || 'Session').slice(0, 80),
      ...place(booking),
      series_id: null,
      // A booking that comes back after a cancellation is booked again.
      status: event === 'BOOKING_CREATED' ? 'scheduled' : undefined,
    },
    { actor },
  )
  return outcome
}

function sessionOf(row: NonNullable<Awaited<ReturnType<typeof findByExternalId>>>) {
  return {
    external_id: row.external_id!,
    therapist_id: row.therapist_id,
    client_id: row.client_id,
    starts_at: row.starts_at,
    ends_at: row.ends_at,
    type: row.type,
    location: row.location,
    telehealth_url: row.telehealth_url,
    series_id: row.series_id,
  }
}

/** The attendee's client, found by email or created with the practice's default consents. */
async function attendeeClient(
  tx: Tx,
  practice: { id: string; time_zone: string },
  connection: CalcomConnection,
  attendee: z.infer<typeof Person>,
): Promise<string | null> {
  const email = Email.safeParse(attendee.email)
  if (!email.success) return null
  const existing = await clientByEmail(tx, practice.id, email.data)
  if (existing) return existing.id
  const locale = attendee.language?.locale?.slice(0, 2).toLowerCase()
  const created = await createClient(
    tx,
    practice.id,
    {
      name: attendee.name?.trim().slice(0, 120) || email.data,
      email: email.data,
      time_zone: (attendee.timeZone && canonicalTimeZone(attendee.timeZone)) || practice.time_zone,
      locale: locale === 'es' || locale === 'fr' ? locale : 'en',
      consents: connection.client_consents,
    },
    { actor, via: 'calcom' },
  )
  return created.id
}
