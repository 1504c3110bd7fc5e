import { cancellationQuote, type CancellationQuote } from '../../shared/policy/cancellation'
import type { CancellationPolicy, Locale } from '../../shared/schemas/policies'
import type { CancellationQuote as ServerQuote, PortalAppointment, PortalConfig } from '../../shared/schemas/portal'

const HOUR = 3_600_000

export const isUpcoming = (a: PortalAppointment, now: number) =>
  (a.status === 'scheduled' || a.status === 'confirmed') && Date.parse(a.ends_at) > now

export const isMissed = (a: PortalAppointment) => a.status === 'no_show'

export function upcoming(list: readonly PortalAppointment[], now: number): PortalAppointment[] {
  return list.filter((a) => isUpcoming(a, now)).sort((a, b) => Date.parse(a.starts_at) - Date.parse(b.starts_at))
}

export function minutes(a: PortalAppointment): number {
  return Math.round((Date.parse(a.ends_at) - Date.parse(a.starts_at)) / 60_000)
}

/**
 * The cancellation policy behind a server quote. The quote carries the deadline, the action and
 * (inside the window) the fee; the fee before the window comes from the practice's policy.
 */
export function policyBehind(
  appointment: PortalAppointment,
  quote: ServerQuote,
  config: PortalConfig | null,
): CancellationPolicy {
  const windowHours = Math.round((Date.parse(appointment.starts_at) - Date.parse(quote.free_until)) / HOUR)
  const practiceFee = config?.cancellation_policy.late_action === 'fee' ? config.cancellation_policy.fee_cents : 0
  return {
    window_hours: Math.min(48, Math.max(24, windowHours)),
    late_action: quote.late_action,
    fee_cents: quote.late_action === 'fee' ? (quote.fee_cents > 0 ? quote.fee_cents : practiceFee) : 0,
    currency: quote.currency,
  }
}

/**
 * The rule for this session right now, worded in the client's zone and the portal's language by
 * the same function the server enforces with; null when the server sent no quote.
 */
export function quoteNow(
  appointment: PortalAppointment,
  server: ServerQuote | undefined,
  options: { config: PortalConfig | null; now: number; zone: string; locale: Locale; phone?: string | undefined },
): CancellationQuote | null {
  if (!server) return null
  return cancellationQuote({
    startsAt: appointment.starts_at,
    policy: policyBehind(appointment, server, options.config),
    now: options.now,
    timeZone: options.zone,
    locale: options.locale,
    practicePhone: options.phone ?? null,
  })
}

export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name
}
