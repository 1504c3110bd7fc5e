import { formatMoney } from '../i18n'
import { t } from '../i18n/reschedule'
import type { RescheduleSettings } from '../schemas/availability'
import type { CancellationPolicy, Locale } from '../schemas/policies'
import type { CancellationQuote } from './cancellation'
import { isOpen } from './sessions'

/**
 * What happens when a client moves their own session, from the practice's rule
 * (`reschedule.mode` × `reschedule.inside_window`) and the cancellation quote at that moment:
 * - `move`: the session moves at once;
 * - `request`: the chosen time is held and the practice confirms or declines it;
 * - `fee` on a move or request: inside the window with `as_cancellation`, it carries the late fee
 *   (after the client has seen it and said yes);
 * - refusals: `off` or `contact_practice` (the client is asked to call), `needs_acknowledgement`
 *   (the fee was not yet seen), `not_open` (attended, missed or cancelled), `started`.
 * The server enforces it; the portal shows `text` above the times before the client chooses.
 */
export type RescheduleRule = {
  outcome: 'move' | 'request' | 'refused'
  reason?: 'off' | 'contact_practice' | 'started' | 'not_open'
  /** The late fee a move now carries (as a late cancellation), 0 when none. */
  fee_cents: number
  currency: string
  /** The client must acknowledge the fee before it goes ahead. */
  needs_acknowledgement: boolean
  /** The rule as a sentence in the client's language, to show before they choose. */
  text: string
}

export type RescheduleRuleInput = {
  settings: RescheduleSettings
  status: string
  quote: Pick<CancellationQuote, 'state' | 'is_late' | 'late_action' | 'fee_cents' | 'currency'>
  policy: Pick<CancellationPolicy, 'window_hours'>
  locale: Locale
  practicePhone?: string | null
}

export function rescheduleRule(input: RescheduleRuleInput): RescheduleRule {
  const { settings, quote, locale } = input
  const phone = input.practicePhone?.trim() || undefined
  const hours = input.policy.window_hours
  const base = { fee_cents: 0, currency: quote.currency, needs_acknowledgement: false }
  const refused = (reason: RescheduleRule['reason'], text: string): RescheduleRule => ({
    ...base,
    outcome: 'refused',
    reason,
    text,
  })
  const callToMove = phone ? t(locale, 'reschedule.off.call', { phone }) : t(locale, 'reschedule.off.contact')

  if (!isOpen(input.status)) return refused('not_open', callToMove)
  if (quote.state === 'started') return refused('started', t(locale, 'reschedule.started'))
  if (settings.mode === 'off') return refused('off', callToMove)
  const asked: 'move' | 'request' = settings.mode === 'request' ? 'request' : 'move'
  const normally = (): RescheduleRule => ({
    ...base,
    outcome: asked,
    text: t(locale, asked === 'move' ? 'reschedule.instant' : 'reschedule.request'),
  })
  if (!quote.is_late || settings.inside_window === 'allow') return normally()
  if (settings.inside_window === 'request') {
    return { ...base, outcome: 'request', text: t(locale, 'reschedule.late.request', { hours }) }
  }
  // as_cancellation: the late-cancellation rule decides, and the move goes ahead as usual after it.
  if (quote.late_action === 'contact_required') {
    return refused(
      'contact_practice',
      phone ? t(locale, 'reschedule.late.call', { hours, phone }) : t(locale, 'reschedule.late.contact', { hours }),
    )
  }
  if (quote.fee_cents <= 0) return normally()
  const fee = formatMoney(quote.fee_cents, quote.currency, locale)
  return {
    outcome: asked,
    fee_cents: quote.fee_cents,
    currency: quote.currency,
    needs_acknowledgement: true,
    text: t(locale, 'reschedule.late.fee', { hours, fee }),
  }
}

/**
 * After a missed session, what the client may do from the portal: `book` a new session with the
 * same therapist, as long as the missed one, from the free times (when the practice lets clients
 * move sessions straight away, `reschedule.mode` `instant`), or `ask` the practice for one (any
 * other rule). `not_missed`: only a missed session is booked again this way.
 */
export type BookAgainRule = { outcome: 'book' | 'ask' | 'not_missed'; text: string }

export function bookAgainRule(input: {
  settings: RescheduleSettings
  status: string
  locale: Locale
  practicePhone?: string | null
}): BookAgainRule {
  const phone = input.practicePhone?.trim() || undefined
  if (input.status !== 'no_show') return { outcome: 'not_missed', text: t(input.locale, 'reschedule.again.notMissed') }
  if (input.settings.mode === 'instant') return { outcome: 'book', text: t(input.locale, 'reschedule.again.book') }
  return {
    outcome: 'ask',
    text: phone ? t(input.locale, 'reschedule.again.askCall', { phone }) : t(input.locale, 'reschedule.again.ask'),
  }
}

/** A request holds the asked-for time this long at most. */
export const HOLD_HOURS = 24

const HOUR = 3_600_000

/**
 * The shortest hold: a time right at the edge of the notice (the first free time, asked for at
 * once) still makes a request the practice sees, and it runs out a minute later.
 */
export const MIN_HOLD_MS = 60_000

/**
 * Until when a reschedule request holds the asked-for time: 24 hours from when it was asked at
 * most, and never past the therapist's minimum notice before that time, so the practice never
 * approves a time that is already inside the notice (`notice`); never less than `MIN_HOLD_MS`. The server
 * stores it as the hold; the console and the portal show that stored time.
 */
export function holdEnds(input: { now: Date | number; startsAt: Date | number; minNoticeHours: number }): {
  ends_at: Date
  bound: 'day' | 'notice'
} {
  const now = new Date(input.now).getTime()
  const day = now + HOLD_HOURS * HOUR
  const notice = Math.max(now + MIN_HOLD_MS, new Date(input.startsAt).getTime() - input.minNoticeHours * HOUR)
  return notice < day ? { ends_at: new Date(notice), bound: 'notice' } : { ends_at: new Date(day), bound: 'day' }
}
