import type { CancellationPolicy, Locale } from '../schemas/policies'
import { formatMoney } from '../i18n'
import { t } from '../i18n/cancellation'
import { formatInstant } from '../time/format'
import { toMillis, type InstantInput } from '../time/zone'
import { isOpen } from './sessions'

/**
 * Where a cancellation stands right now:
 * - `free`    before (or exactly at) the free-cancellation deadline;
 * - `late`    after the deadline but before the session starts;
 * - `started` the session has started (or is over): it can no longer be cancelled.
 */
export type CancellationState = 'free' | 'late' | 'started'

export interface CancellationQuote {
  state: CancellationState
  /** The free-cancellation deadline: `window_hours` of elapsed time before the start, in UTC. */
  free_until: string
  /** `now` is past `free_until`. Cancelling exactly at the deadline is still free. */
  is_late: boolean
  late_action: CancellationPolicy['late_action']
  /** What cancelling now would cost, in minor units: the fee when late with a fee, otherwise 0. */
  fee_cents: number
  currency: string
  /** Whether the client can cancel in the portal now (not after the start, nor when they must call). */
  can_cancel: boolean
  /** The rule as a sentence in the client's zone and language, to show before the button. */
  policy_text: string
}

export interface CancellationQuoteInput {
  startsAt: InstantInput
  policy: CancellationPolicy
  now: InstantInput
  /** The client's zone: the deadline is written as their clock will show it. */
  timeZone: string
  locale: Locale
  practicePhone?: string | null
}

const HOUR = 3_600_000

/**
 * The free-cancellation deadline, in epoch milliseconds: `window_hours` of elapsed time before the
 * start (not wall-clock hours: across a DST change, 48 hours is still 48 hours).
 */
export function freeCancellationDeadline(
  startsAt: InstantInput,
  policy: Pick<CancellationPolicy, 'window_hours'>,
): number {
  return toMillis(startsAt) - policy.window_hours * HOUR
}

/** The cancellation rule for one session at one moment; the API enforces it, the widget explains it. */
export function cancellationQuote(input: CancellationQuoteInput): CancellationQuote {
  const { policy, timeZone, locale } = input
  const start = toMillis(input.startsAt)
  const now = toMillis(input.now)
  const freeUntil = freeCancellationDeadline(start, policy)
  const state: CancellationState = now >= start ? 'started' : now > freeUntil ? 'late' : 'free'
  const lateFee = policy.late_action === 'fee' ? policy.fee_cents : 0
  const phone = input.practicePhone?.trim() || undefined
  const fee = formatMoney(policy.fee_cents, policy.currency, locale)
  const hours = policy.window_hours

  let policy_text: string
  if (state === 'free') {
    const deadline = formatInstant(freeUntil, timeZone, locale, 'long')
    const after =
      policy.late_action === 'contact_required'
        ? t(locale, 'cancel.free.thenContact')
        : lateFee > 0
          ? t(locale, 'cancel.free.thenFee', { fee })
          : ''
    policy_text = [t(locale, 'cancel.free', { deadline }), after].filter(Boolean).join(' ')
  } else if (state === 'started') {
    policy_text = phone ? t(locale, 'cancel.started.call', { phone }) : t(locale, 'cancel.started.contact')
  } else if (policy.late_action === 'contact_required') {
    policy_text = phone ? t(locale, 'cancel.late.call', { hours, phone }) : t(locale, 'cancel.late.contact', { hours })
  } else {
    policy_text = lateFee > 0 ? t(locale, 'cancel.late.fee', { hours, fee }) : t(locale, 'cancel.late.noFee', { hours })
  }

  return {
    state,
    free_until: new Date(freeUntil).toISOString(),
    is_late: now > freeUntil,
    late_action: policy.late_action,
    fee_cents: state === 'late' ? lateFee : 0,
    currency: policy.currency,
    can_cancel: state === 'free' || (state === 'late' && policy.late_action === 'fee'),
    policy_text,
  }
}

/**
 * The policy that applies to a therapist's sessions: the therapist's override where one is set,
 * field by field, otherwise the practice's.
 */
export function effectiveCancellationPolicy(
  practicePolicy: CancellationPolicy,
  therapistOverride: Partial<CancellationPolicy> | null | undefined,
): CancellationPolicy {
  if (!therapistOverride) return practicePolicy
  const set = Object.fromEntries(Object.entries(therapistOverride).filter(([, value]) => value !== undefined))
  return { ...practicePolicy, ...set }
}

/**
 * What a client asking to cancel gets, from the quote at that moment:
 * - `ok`: the session becomes `cancelled` (in good time) or `late_cancelled` (inside the window);
 * - `already_cancelled`: nothing to do (a repeated tap or reply);
 * - `not_open`: a session that was attended or missed cannot be cancelled;
 * - `contact_practice`: it has started, or the policy asks for a call inside the window;
 * - `needs_acknowledgement`: inside the window with a fee, until the client has seen the fee and
 *   said yes. Acknowledgement is about money: a late cancellation without a fee needs none.
 */
export type CancelDecision =
  | { ok: true; status: 'cancelled' | 'late_cancelled'; fee_cents: number }
  | { ok: false; reason: 'already_cancelled' | 'not_open' | 'contact_practice' | 'needs_acknowledgement' }

export function cancelDecision(input: {
  status: string
  quote: Pick<CancellationQuote, 'state' | 'is_late' | 'late_action' | 'fee_cents'>
  acknowledged: boolean
}): CancelDecision {
  const { status, quote } = input
  if (status === 'cancelled' || status === 'late_cancelled') return { ok: false, reason: 'already_cancelled' }
  if (!isOpen(status)) return { ok: false, reason: 'not_open' }
  if (quote.state === 'started' || (quote.is_late && quote.late_action === 'contact_required')) {
    return { ok: false, reason: 'contact_practice' }
  }
  if (!quote.is_late) return { ok: true, status: 'cancelled', fee_cents: 0 }
  if (quote.fee_cents > 0 && !input.acknowledged) return { ok: false, reason: 'needs_acknowledgement' }
  return { ok: true, status: 'late_cancelled', fee_cents: quote.fee_cents }
}
