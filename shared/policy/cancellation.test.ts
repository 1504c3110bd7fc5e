import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CancellationPolicy } from '../schemas/policies'
import { formatInstant } from '../time/format'
import {
  cancelDecision,
  cancellationQuote,
  effectiveCancellationPolicy,
  freeCancellationDeadline,
  type CancellationState,
} from './cancellation'

const feePolicy: CancellationPolicy = { window_hours: 48, late_action: 'fee', fee_cents: 7500, currency: 'USD' }
const callPolicy: CancellationPolicy = {
  window_hours: 24,
  late_action: 'contact_required',
  fee_cents: 0,
  currency: 'USD',
}
const HOUR = 3_600_000

const quote = (over: Partial<Parameters<typeof cancellationQuote>[0]>) =>
  cancellationQuote({
    startsAt: '2025-01-16T20:00:00Z', // Thursday 16 January, 3:00 pm EST in New York
    policy: feePolicy,
    now: '2025-01-13T12:00:00Z',
    timeZone: 'America/New_York',
    locale: 'en',
    practicePhone: '(555) 010-2000',
    ...over,
  })

describe('cancellationQuote', () => {
  it('before the window: free, with the deadline and what comes after it', () => {
    expect(quote({})).toEqual({
      state: 'free',
      free_until: '2025-01-14T20:00:00.000Z',
      is_late: false,
      late_action: 'fee',
      fee_cents: 0,
      currency: 'USD',
      can_cancel: true,
      policy_text:
        "You can cancel free of charge until Tuesday 14 January at 3:00 pm EST. After that, cancelling carries the practice's $75.00 late-cancellation fee.",
    })
  })

  it('inside the window with a fee: the amount, and that it can be waived', () => {
    const q = quote({ now: '2025-01-15T09:00:00Z' })
    expect(q).toMatchObject({ state: 'late', is_late: true, fee_cents: 7500, can_cancel: true })
    expect(q.policy_text).toBe(
      "This session is less than 48 hours away, so cancelling now carries the practice's $75.00 late-cancellation fee. If something serious came up, you can ask for it to be waived.",
    )
  })

  it('inside the window when the practice wants a call: no self-service, the number to call', () => {
    const q = quote({ policy: callPolicy, now: '2025-01-16T09:00:00Z' })
    expect(q).toMatchObject({
      state: 'late',
      is_late: true,
      late_action: 'contact_required',
      fee_cents: 0,
      can_cancel: false,
    })
    expect(q.policy_text).toBe(
      "Because this session is less than 24 hours away, please call the practice at (555) 010-2000 to cancel. They'll help you find another time.",
    )
    expect(quote({ policy: callPolicy, now: '2025-01-16T09:00:00Z', practicePhone: null }).policy_text).toBe(
      "Because this session is less than 24 hours away, please contact the practice to cancel. They'll help you find another time.",
    )
    expect(quote({ policy: callPolicy }).policy_text).toBe(
      "You can cancel free of charge until Wednesday 15 January at 3:00 pm EST. After that, you'll need to contact the practice to cancel.",
    )
  })

  it('a late window without a fee says so', () => {
    const q = quote({ policy: { ...feePolicy, fee_cents: 0 }, now: '2025-01-15T09:00:00Z' })
    expect(q).toMatchObject({ state: 'late', fee_cents: 0, can_cancel: true })
    expect(q.policy_text).toBe('This session is less than 48 hours away, but you can still cancel here at no charge.')
    expect(quote({ policy: { ...feePolicy, fee_cents: 0 } }).policy_text).toBe(
      'You can cancel free of charge until Tuesday 14 January at 3:00 pm EST.',
    )
  })

  it('draws the boundaries exactly: free at the deadline, late a millisecond after, started at the start', () => {
    const at = (now: string | number) => quote({ now })
    expect(at('2025-01-14T20:00:00.000Z')).toMatchObject({ state: 'free', is_late: false, fee_cents: 0 })
    expect(at('2025-01-14T20:00:00.001Z')).toMatchObject({ state: 'late', is_late: true, fee_cents: 7500 })
    expect(at('2025-01-16T19:59:59.999Z')).toMatchObject({ state: 'late', can_cancel: true })
    expect(at('2025-01-16T20:00:00.000Z')).toMatchObject({
      state: 'started',
      is_late: true,
      fee_cents: 0,
      can_cancel: false,
    })
    expect(at('2025-01-16T20:00:00.000Z').policy_text).toBe(
      "This session has already started, so it can't be cancelled here. If you need anything, please call the practice at (555) 010-2000.",
    )
    expect(quote({ now: '2025-01-17T20:00:00Z', practicePhone: ' ' }).policy_text).toBe(
      "This session has already started, so it can't be cancelled here. If you need anything, please contact the practice.",
    )
  })

  it.each([
    // Monday after the US spring-forward: 48 elapsed hours before 3:00 pm EDT is 2:00 pm EST on Saturday.
    ['2025-03-10T19:00:00Z', 'America/New_York', 48, '2025-03-08T19:00:00.000Z', 'Saturday 8 March at 2:00 pm EST'],
    // Monday after the US fall-back: 48 hours before 9:00 am EST is 10:00 am EDT on Saturday.
    ['2025-11-03T14:00:00Z', 'America/New_York', 48, '2025-11-01T14:00:00.000Z', 'Saturday 1 November at 10:00 am EDT'],
    // Monday after the UK spring-forward: 10:00 BST less 48 hours is 9:00 GMT on Saturday.
    ['2025-03-31T09:00:00Z', 'Europe/London', 48, '2025-03-29T09:00:00.000Z', 'Saturday 29 March at 9:00 am GMT'],
    // Monday after the UK fall-back, with a 24 hour window.
    ['2025-10-27T10:00:00Z', 'Europe/London', 24, '2025-10-26T10:00:00.000Z', 'Sunday 26 October at 10:00 am GMT'],
    // A New York session seen by a client in London: the deadline reads on the client's clock.
    ['2025-01-16T20:00:00Z', 'Europe/London', 48, '2025-01-14T20:00:00.000Z', 'Tuesday 14 January at 8:00 pm GMT'],
  ] as const)('DST week: session %s in %s, %i h window', (startsAt, timeZone, window_hours, freeUntil, deadline) => {
    const q = cancellationQuote({
      startsAt,
      timeZone,
      policy: { ...feePolicy, window_hours },
      now: '2025-01-01T00:00:00Z',
      locale: 'en',
    })
    expect(q.free_until).toBe(freeUntil)
    expect(q.policy_text).toContain(`until ${deadline}.`)
  })

  it('speaks Spanish and French, with money written the local way', () => {
    const es = quote({ locale: 'es', policy: { ...feePolicy, currency: 'EUR' }, timeZone: 'Europe/Madrid' })
    expect(es.policy_text.replace(/\s/g, ' ')).toBe(
      'Puedes cancelar sin coste hasta el martes 14 de enero a las 21:00 CET. A partir de ese momento, la consulta cobra 75,00 € por cancelación tardía.',
    )
    const fr = quote({
      locale: 'fr',
      policy: { ...feePolicy, currency: 'EUR' },
      timeZone: 'Europe/Paris',
      now: '2025-01-15T09:00:00Z',
    })
    expect(fr.policy_text.replace(/\s/g, ' ')).toBe(
      'Cette séance a lieu dans moins de 48 heures : si vous annulez maintenant, le cabinet facturera 75,00 € pour annulation tardive. Si vous avez eu un empêchement sérieux, vous pouvez demander une exonération de ces frais.',
    )
    expect(quote({ locale: 'fr', policy: callPolicy, now: '2025-01-16T09:00:00Z' }).policy_text).toBe(
      "Cette séance ayant lieu dans moins de 24 heures, merci d'appeler le cabinet au (555) 010-2000 pour l'annuler. On vous aidera à trouver un autre créneau.",
    )
  })

  const zoneArb = fc.constantFrom('America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC')
  const instantArb = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) })
  const policyArb = fc.record({
    window_hours: fc.integer({ min: 24, max: 48 }),
    late_action: fc.constantFrom('fee' as const, 'contact_required' as const),
    fee_cents: fc.integer({ min: 0, max: 1_000_000 }),
    currency: fc.constantFrom('USD', 'GBP', 'EUR', 'CAD'),
  })
  const localeArb = fc.constantFrom('en' as const, 'es' as const, 'fr' as const)

  it('puts free_until exactly window_hours of elapsed time before the start, for any instant and zone', () => {
    fc.assert(
      fc.property(instantArb, instantArb, zoneArb, policyArb, localeArb, (start, now, timeZone, policy, locale) => {
        const q = cancellationQuote({ startsAt: new Date(start), now, timeZone, policy, locale })
        expect(start - Date.parse(q.free_until)).toBe(policy.window_hours * HOUR)
        if (q.state === 'free') expect(q.policy_text).toContain(formatInstant(q.free_until, timeZone, locale, 'long'))
        expect(q.policy_text).not.toMatch(/\{\w+\}/)
      }),
    )
  })

  it('only ever gets later as time passes, and charges only when late with a fee', () => {
    const order: Record<CancellationState, number> = { free: 0, late: 1, started: 2 }
    fc.assert(
      fc.property(instantArb, instantArb, instantArb, policyArb, (start, a, b, policy) => {
        const [earlier, later] = [Math.min(a, b), Math.max(a, b)].map((now) =>
          cancellationQuote({ startsAt: start, now, timeZone: 'UTC', policy, locale: 'en' }),
        ) as [ReturnType<typeof cancellationQuote>, ReturnType<typeof cancellationQuote>]
        if (earlier.is_late) expect(later.is_late).toBe(true)
        expect(order[later.state]).toBeGreaterThanOrEqual(order[earlier.state])
        for (const q of [earlier, later]) {
          expect(q.fee_cents > 0).toBe(q.state === 'late' && policy.late_action === 'fee' && policy.fee_cents > 0)
          if (q.state === 'started') expect(q.can_cancel).toBe(false)
        }
      }),
    )
  })
})

describe('effectiveCancellationPolicy', () => {
  const practice = feePolicy
  it('uses the practice policy without an override', () => {
    expect(effectiveCancellationPolicy(practice, null)).toEqual(practice)
    expect(effectiveCancellationPolicy(practice, undefined)).toEqual(practice)
  })
  it("uses the therapist's override, field by field", () => {
    expect(effectiveCancellationPolicy(practice, callPolicy)).toEqual(callPolicy)
    expect(effectiveCancellationPolicy(practice, { window_hours: 24, fee_cents: undefined })).toEqual({
      ...practice,
      window_hours: 24,
    })
  })
})

describe('freeCancellationDeadline', () => {
  it.each([
    ['48 h before, an ordinary week', '2025-01-16T20:00:00Z', 48, '2025-01-14T20:00:00.000Z'],
    ['24 h before', '2025-01-16T20:00:00Z', 24, '2025-01-15T20:00:00.000Z'],
    // New York springs forward on 8 March 2026: 48 elapsed hours, so the wall clock reads 2:00 pm, not 3:00 pm.
    ['48 elapsed hours across the spring DST change', '2026-03-09T19:00:00Z', 48, '2026-03-07T19:00:00.000Z'],
  ])('%s', (_case, startsAt, window_hours, deadline) => {
    expect(new Date(freeCancellationDeadline(startsAt, { window_hours })).toISOString()).toBe(deadline)
  })

  it('is the quote’s free_until', () => {
    const q = quote({})
    expect(new Date(freeCancellationDeadline('2025-01-16T20:00:00Z', feePolicy)).toISOString()).toBe(q.free_until)
  })
})

describe('cancelDecision', () => {
  const free = { state: 'free', is_late: false, late_action: 'fee', fee_cents: 0 } as const
  const lateFee = { state: 'late', is_late: true, late_action: 'fee', fee_cents: 7500 } as const
  const lateNoFee = { state: 'late', is_late: true, late_action: 'fee', fee_cents: 0 } as const
  const lateCall = { state: 'late', is_late: true, late_action: 'contact_required', fee_cents: 0 } as const
  const started = { state: 'started', is_late: true, late_action: 'fee', fee_cents: 0 } as const
  it.each([
    ['in good time', 'scheduled', free, false, { ok: true, status: 'cancelled', fee_cents: 0 }],
    ['in good time, confirmed', 'confirmed', free, true, { ok: true, status: 'cancelled', fee_cents: 0 }],
    ['late with a fee, not acknowledged', 'scheduled', lateFee, false, { ok: false, reason: 'needs_acknowledgement' }],
    [
      'late with a fee, acknowledged',
      'confirmed',
      lateFee,
      true,
      { ok: true, status: 'late_cancelled', fee_cents: 7500 },
    ],
    [
      'late without a fee: nothing to acknowledge',
      'scheduled',
      lateNoFee,
      false,
      { ok: true, status: 'late_cancelled', fee_cents: 0 },
    ],
    ['late, the policy asks for a call', 'scheduled', lateCall, true, { ok: false, reason: 'contact_practice' }],
    ['after the start', 'confirmed', started, true, { ok: false, reason: 'contact_practice' }],
    ['already cancelled', 'cancelled', free, false, { ok: false, reason: 'already_cancelled' }],
    ['already cancelled late', 'late_cancelled', lateFee, false, { ok: false, reason: 'already_cancelled' }],
    ['attended', 'attended', started, true, { ok: false, reason: 'not_open' }],
    ['missed', 'no_show', started, true, { ok: false, reason: 'not_open' }],
  ] as const)('%s', (_case, status, q, acknowledged, decision) => {
    expect(cancelDecision({ status, quote: q, acknowledged })).toEqual(decision)
  })
})
