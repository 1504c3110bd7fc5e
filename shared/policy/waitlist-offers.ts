import type { DAY_PARTS, WEEKDAYS } from '../schemas/portal'
import { wallClock, type InstantInput, toMillis } from '../time/zone'

/**
 * Offering a freed session to the therapist's cancellation list. Pure: who matches, whether the
 * slot is still worth offering, and how long an offer stays open.
 */

type Weekday = (typeof WEEKDAYS)[number]
type DayPart = (typeof DAY_PARTS)[number]

const HOUR = 3_600_000
/** A slot closer than this is not offered: nobody can rearrange their day that fast. */
export const OFFER_MIN_LEAD_HOURS = 3
/** An offer stays open this long at most… */
export const OFFER_OPEN_HOURS = 4
/** …and closes this long before the session, so the practice knows who is coming. */
export const OFFER_CLOSES_BEFORE_HOURS = 2
/** The first this many on the list (in the order they joined) hear about one slot. */
export const MAX_OFFERS_PER_SLOT = 10

/** Indexed like `Date#getDay`: 0 is Sunday. */
const WEEKDAY_NAMES: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']

/**
 * The hours each part of the day stands for, on the client's own clock, as the portal shows them
 * ("Morning, 8 am–12 pm"). A time before the first or after the last still counts as its part.
 */
export const DAY_PART_HOURS: Record<DayPart, { from: number; to: number }> = {
  morning: { from: 8, to: 12 },
  afternoon: { from: 12, to: 17 },
  evening: { from: 17, to: 21 },
}

/** Morning before 12:00, afternoon before 17:00, evening after: on the client's own clock. */
export function dayPartOf(hour: number): DayPart {
  return hour < DAY_PART_HOURS.morning.to ? 'morning' : hour < DAY_PART_HOURS.afternoon.to ? 'afternoon' : 'evening'
}

/** Whether a slot fits what the client said works for them; an empty choice means any. */
export function matchesPreferences(
  preferences: { preferred_days: readonly string[]; preferred_times: readonly string[] },
  slotStart: InstantInput,
  clientZone: string,
): boolean {
  const clock = wallClock(slotStart, clientZone)
  const weekday = WEEKDAY_NAMES[clock.weekday]!
  const part = dayPartOf(clock.hour)
  const dayOk = preferences.preferred_days.length === 0 || preferences.preferred_days.includes(weekday)
  const timeOk = preferences.preferred_times.length === 0 || preferences.preferred_times.includes(part)
  return dayOk && timeOk
}

/** When an offer made now closes, or null when the slot is too close to offer at all. */
export function offerClosesAt(now: InstantInput, slotStart: InstantInput): Date | null {
  const at = toMillis(now)
  const start = toMillis(slotStart)
  if (start - at < OFFER_MIN_LEAD_HOURS * HOUR) return null
  return new Date(Math.min(at + OFFER_OPEN_HOURS * HOUR, start - OFFER_CLOSES_BEFORE_HOURS * HOUR))
}

export type OfferState = 'open' | 'claimed' | 'taken' | 'expired'

/** An open offer past its closing time has expired; the others say what happened. */
export function offerState(
  offer: { status: 'open' | 'claimed' | 'taken'; expires_at: InstantInput },
  now: InstantInput,
): OfferState {
  if (offer.status === 'open' && toMillis(offer.expires_at) <= toMillis(now)) return 'expired'
  return offer.status
}
