import { rescheduleRule } from '../../shared/policy/reschedule'
import { cancellationPolicyFor, quoteFor } from '../appointments/client-actions'
import type { ClientAppointment } from '../appointments/portal-queries'
import type { Actor } from '../audit/queries'
import type { Tx } from '../db/connect'
import type { Deps } from '../deps'
import { ApiError } from '../http/errors'
import { moveSession } from './move'
import { rescheduleContext } from './queries'
import { holdRequest } from './request'

/** The practice's rule for the client moving this session now, in the client's language, with the late quote it read. */
export async function clientRescheduleRule(tx: Tx, row: ClientAppointment, now: Date) {
  const context = await rescheduleContext(tx, row.practice_id, row.therapist_id)
  const quote = quoteFor(row, now)
  const rule = rescheduleRule({
    settings: context.settings,
    status: row.status,
    quote,
    policy: cancellationPolicyFor(row),
    locale: row.client_locale,
    practicePhone: row.practice_phone,
  })
  return { context, rule, quote }
}

/**
 * A client moving their own session (locked by the caller) to `startsAt`, from the portal or an
 * email's link, as the practice's rule says: moved at once, or the time held as a request the
 * practice answers. Refused with `contact_practice` or `invalid_state` when the rule says no, and
 * with `late_cancellation_unacknowledged` until a late move's fee has been seen.
 */
export async function moveAsClient(
  tx: Tx,
  deps: Deps,
  input: { session: ClientAppointment; startsAt: Date; acknowledgeLate: boolean; actor: Actor },
) {
  const { session, startsAt, actor } = input
  const now = deps.clock()
  const { rule, quote } = await clientRescheduleRule(tx, session, now)
  if (rule.outcome === 'refused') {
    if (rule.reason === 'not_open') throw new ApiError('invalid_state', 'Only an upcoming session can be moved.')
    throw new ApiError('contact_practice', rule.text, { rule })
  }
  if (rule.needs_acknowledgement && !input.acknowledgeLate) {
    throw new ApiError('late_cancellation_unacknowledged', rule.text, { rule, quote })
  }
  const lateFee = rule.fee_cents > 0 ? { cents: rule.fee_cents, currency: rule.currency } : null
  if (rule.outcome === 'request') {
    return { kind: 'request' as const, request: await holdRequest(tx, deps, { session, startsAt, actor, lateFee }) }
  }
  return {
    kind: 'moved' as const,
    after: await moveSession(tx, deps, { session, startsAt, actor, by: 'client', lateFee }),
  }
}
