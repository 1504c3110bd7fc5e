import { cancellationQuote, freeCancellationDeadline, type CancellationQuote } from '../../shared/policy/cancellation'
import { isUpcoming } from '../../shared/policy/sessions'
import type { CancellationPolicy, Locale } from '../../shared/schemas/policies'
import type { CancellationQuote as ServerQuote, PortalAppointment } from '../../shared/schemas/portal'

export const isMissed = (a: PortalAppointment) => a.status === 'no_show'

export function upcoming(list: readonly PortalAppointment[], now: number): PortalAppointment[] {
  return list.filter((a) => isUpcoming(a, now)).sort((a, b) => Date.parse(a.starts_at) - Date.parse(b.starts_at))
}

export function minutes(a: PortalAppointment): number {
  return Math.round((Date.parse(a.ends_at) - Date.parse(a.starts_at)) / 60_000)
}

/** The policy could have produced this quote (it is not older than a fresher quote from the server). */
function agrees(policy: CancellationPolicy, quote: ServerQuote, startsAt: string): boolean {
  return (
    policy.late_action === quote.late_action &&
    policy.currency === quote.currency &&
    freeCancellationDeadline(startsAt, policy) === Date.parse(quote.free_until) &&
    (quote.fee_cents === 0 || (policy.late_action === 'fee' && quote.fee_cents === policy.fee_cents))
  )
}

/**
 * The rule for this session right now, worded in the client's zone and the portal's language by
 * the same function the server enforces with, from the session's own policy (the therapist's
 * override or the practice's, as the server sent it with the session). When there is no policy,
 * or a fresher quote shows it changed since, the server's quote as it was sent; null without one.
 */
export function quoteNow(
  appointment: PortalAppointment,
  server: ServerQuote | undefined,
  options: { now: number; zone: string; locale: Locale; phone?: string | undefined },
): CancellationQuote | null {
  if (!server) return null
  const policy = appointment.cancellation_policy
  if (!policy || !agrees(policy, server, appointment.starts_at)) return server
  return cancellationQuote({
    startsAt: appointment.starts_at,
    policy,
    now: options.now,
    timeZone: options.zone,
    locale: options.locale,
    practicePhone: options.phone ?? null,
  })
}

export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name
}
