import { cleanup, render } from '@testing-library/preact'
import type { ComponentChildren } from 'preact'
import { afterEach, vi } from 'vitest'
import { defaultCrisisResources } from '../../shared/crisis'
import type { Locale } from '../../shared/schemas/policies'
import type {
  PortalPreferences,
  CancellationQuote,
  Message,
  MessageCreated,
  PortalAppointment,
  PortalConfig,
  PortalMe,
  PortalOffer,
} from '../../shared/schemas/portal'
import type { PushBrowser } from '../../ui/push'
import { WordsProvider } from '../../ui/words'
import type { FreeTimes, PortalApi } from './api'
import type { Initial } from './boot'
import type { Bridge } from './bridge'
import { words } from './i18n/signed-in'
import Portal from './Portal'

afterEach(() => cleanup())

/** Fixtures and a fake API for the screens' component tests (the real server is exercised end to end). */

export const NOW = Date.parse('2026-03-02T15:00:00Z') // Monday 10:00 in New York
export const ZONE = 'America/New_York'

export const RIVERA = {
  id: 't-rivera',
  name: 'Dr. Maya Rivera',
  contact_policy: {
    accepts_messages: true,
    allowed_categories: ['scheduling', 'update'],
    reply_expectation: { kind: 'business_days', days: 2 },
    auto_reply: 'Thanks for writing. I read messages on weekdays.',
  },
} satisfies PortalMe['therapists'][number]

export const OKAFOR = {
  id: 't-okafor',
  name: 'Sam Okafor, LCSW',
  contact_policy: { accepts_messages: false, allowed_categories: [], reply_expectation: { kind: 'none' } },
} satisfies PortalMe['therapists'][number]

export function me(overrides: Partial<PortalMe> = {}): PortalMe {
  return {
    client: {
      id: 'c-alex',
      name: 'Alex Morgan',
      email: 'alex@example.com',
      time_zone: ZONE,
      locale: 'en',
      consents: { email: true, sms: false, whatsapp: false, push: false },
    },
    practice: { name: 'Calm Waters Counselling', slug: 'demo', time_zone: ZONE, phone: '+15550102000' },
    therapists: [RIVERA],
    crisis_resources: defaultCrisisResources('US'),
    waitlist: [],
    ...overrides,
  }
}

export const config: PortalConfig = {
  practice: { name: 'Calm Waters Counselling', slug: 'demo', time_zone: ZONE, phone: '+15550102000' },
  branding: { accent_color: '#2f6f62' },
  locales: ['en', 'es', 'fr'],
  cancellation_policy: { window_hours: 48, late_action: 'fee', fee_cents: 7500, currency: 'USD' },
  crisis_resources: defaultCrisisResources('US'),
  silent_sign_in: false,
}

/** The session's policy and the server's quote of it at NOW, as the server sends them with a session. */
export function rule(
  startsAt: string,
  windowHours: number,
  lateAction: 'fee' | 'contact_required',
  fee = 7500,
): Pick<PortalAppointment, 'cancellation' | 'cancellation_policy'> {
  return {
    cancellation: quote(startsAt, windowHours, lateAction, fee),
    cancellation_policy: {
      window_hours: windowHours,
      late_action: lateAction,
      fee_cents: lateAction === 'fee' ? fee : 0,
      currency: 'USD',
    },
  }
}

function quote(
  startsAt: string,
  windowHours: number,
  lateAction: 'fee' | 'contact_required',
  fee = 7500,
): CancellationQuote {
  const freeUntil = Date.parse(startsAt) - windowHours * 3_600_000
  const late = NOW > freeUntil
  return {
    state: late ? 'late' : 'free',
    free_until: new Date(freeUntil).toISOString(),
    is_late: late,
    late_action: lateAction,
    fee_cents: late && lateAction === 'fee' ? fee : 0,
    currency: 'USD',
    can_cancel: !late || lateAction === 'fee',
    policy_text: '(server text)',
  }
}

export function appointment(
  id: string,
  startsAt: string,
  overrides: Partial<PortalAppointment> = {},
): PortalAppointment {
  return {
    id,
    therapist: { id: RIVERA.id, name: RIVERA.name },
    starts_at: startsAt,
    ends_at: new Date(Date.parse(startsAt) + 50 * 60_000).toISOString(),
    type: 'Individual session',
    location: '12 Harbor Street, Suite 3, Portland, ME',
    status: 'scheduled',
    can_confirm: true,
    ...rule(startsAt, 48, 'fee'),
    ...overrides,
  }
}

/** Next Monday 10:00 New York, the day after clocks go forward: free to cancel until Saturday 9:00 (48 elapsed hours). */
export const PREFERENCES: PortalPreferences = {
  channels: ['email', 'sms'],
  locale: 'en',
  time_zone: ZONE,
  options: [
    { channel: 'email', available: true, consented: true, recorded_at: '2026-02-01T15:00:00.000Z' },
    { channel: 'sms', available: true, consented: true, recorded_at: '2026-02-01T15:00:00.000Z' },
    { channel: 'push', available: true, consented: false },
  ],
}

export const freeSession = appointment('a-free', '2026-03-09T14:00:00Z')
/** Tomorrow 16:00 New York: inside the 48-hour window, $75 fee. */
export const lateSession = appointment('a-late', '2026-03-03T21:00:00Z')
/** Tomorrow 09:00 New York with a therapist who asks for a call inside 24 hours. */
export const callSession = appointment('a-call', '2026-03-03T14:00:00Z', {
  therapist: { id: OKAFOR.id, name: OKAFOR.name },
  ...rule('2026-03-03T14:00:00Z', 24, 'contact_required'),
})
export const missedSession = appointment('a-missed', '2026-02-27T19:00:00Z', {
  status: 'no_show',
  can_confirm: false,
  cancellation: undefined,
  cancellation_policy: undefined,
})

/** A real P-256 public key in base64url, as GET /v1/push/vapid-public-key answers. */
export const VAPID_PUBLIC_KEY =
  'BNbxGYNMhEIi9zrneh7mqV4oUanjLUK3m-mYZBc62frMKrEoMk88r3Lk596T0ck9xlT-BsoDjOsDEeWAIT7pvqY'

type Calls = Partial<Record<keyof PortalApi, unknown[][]>>

/** A scripted PortalApi that records its calls. Override any method per test. */
export function fakeApi(overrides: Partial<PortalApi> = {}, state = { signedIn: true }) {
  const calls: Calls = {}
  const record =
    (name: keyof PortalApi, impl: unknown) =>
    (...args: unknown[]) => {
      ;(calls[name] ??= []).push(args)
      return (impl as (...a: unknown[]) => unknown)(...args)
    }
  const base: PortalApi = {
    config: async () => config,
    startSignIn: async () => {},
    verify: async () => {
      state.signedIn = true
    },
    exchange: async () => {
      state.signedIn = true
    },
    signOut: async () => {
      state.signedIn = false
    },
    isSignedIn: () => state.signedIn,
    onSessionEnded: () => {},
    me: async () => me(),
    appointments: async () => [freeSession, lateSession],
    confirm: async () => {},
    cancellation: async (id) => [freeSession, lateSession, callSession].find((a) => a.id === id)!.cancellation!,
    cancel: async () => {},
    calendar: async () => new Blob(['BEGIN:VCALENDAR'], { type: 'text/calendar' }),
    messages: async () => [] as Message[],
    sendMessage: async (body) =>
      ({
        message: {
          id: 'm1',
          thread_id: 'th1',
          therapist_id: RIVERA.id,
          sender: 'client',
          channel: 'portal',
          category: body.category,
          body: body.body,
          created_at: new Date(NOW).toISOString(),
        },
        expectation: 'Dr. Maya Rivera usually replies within 2 business days.',
      }) satisfies MessageCreated,
    preferences: async () => PREFERENCES,
    savePreferences: async (body) => ({ ...PREFERENCES, ...body }),
    joinWaitlist: async () => {},
    leaveWaitlist: async () => {},
    requestReschedule: async () => {},
    slots: async () => freeTimes(),
    reschedule: async (id, body) => ({
      kind: 'moved',
      appointment: { ...freeSession, id, starts_at: body.starts_at, status: 'confirmed', can_confirm: false },
    }),
    switchToVideo: async (id) => ({ ...freeSession, id, location: undefined }),
    bookAgainTimes: async () => ({
      data: [],
      time_zone: 'America/New_York',
      rule: { outcome: 'ask', text: "Tell the practice what suits you and they'll find a new time with you." },
    }),
    bookAgain: async (id, startsAt) => ({
      ...freeSession,
      id: `again-${id}`,
      starts_at: startsAt,
      status: 'confirmed',
      can_confirm: false,
    }),
    requestFeeWaiver: async () => 'Thank you. The practice will look at your request and let you know either way.',
    offers: async () => [] as PortalOffer[],
    claimOffer: async (id) => ({ ...freeSession, id: `booked-${id}`, status: 'confirmed', can_confirm: false }),
    vapidPublicKey: async () => VAPID_PUBLIC_KEY,
    savePushSubscription: async () => {},
    deletePushSubscription: async () => {},
    ...overrides,
  }
  const api = Object.fromEntries(
    Object.entries(base).map(([k, v]) => [k, record(k as keyof PortalApi, v)]),
  ) as unknown as PortalApi
  return { api, calls }
}

export function fakeBridge() {
  const events: string[] = []
  const openedListeners: (() => void)[] = []
  const bridge: Bridge = {
    emit: (name) => void events.push(name),
    close: () => void events.push('close'),
    onOpened: (listener) => void openedListeners.push(listener),
    onSignIn() {},
    ready() {},
    watchSize() {},
  }
  /** The loader saying the panel has opened. */
  const opened = () => {
    for (const listener of openedListeners) listener()
  }
  return { bridge, events, opened }
}

export function InWords({ locale = 'en', children }: { locale?: Locale; children: ComponentChildren }) {
  return <WordsProvider value={words(locale, ZONE)}>{children}</WordsProvider>
}

/**
 * The signed-in portal on a fake API (`overrides` per test) at NOW, opened where `initial` says
 * (else the home screen), with what it told the API, the host page and the live region.
 */
export function renderPortal(
  overrides: Partial<PortalApi> = {},
  { initial, push, locale }: { initial?: Initial; push?: PushBrowser; locale?: Locale } = {},
) {
  const { api, calls } = fakeApi(overrides)
  const { bridge, events } = fakeBridge()
  const announce = vi.fn()
  const opened = { api, bridge, config, announce, onMe: () => {}, now: () => NOW, initial, push }
  render(
    <InWords locale={locale}>
      <Portal {...opened} />
    </InWords>,
  )
  return { api, calls, events, announce }
}

export function offer(id: string, overrides: Partial<PortalOffer> = {}): PortalOffer {
  return {
    id,
    therapist: { id: RIVERA.id, name: RIVERA.name },
    starts_at: '2026-03-04T19:00:00Z', // Wednesday 2:00 pm in New York
    ends_at: '2026-03-04T19:50:00Z',
    state: 'open',
    expires_at: '2026-03-03T15:00:00Z',
    ...overrides,
  }
}

/** Cancelled yesterday inside the window: the $75 fee stands, and the client may ask to waive it. */
export const lateCancelled = appointment('a-late-cancelled', '2026-03-02T21:00:00Z', {
  status: 'late_cancelled',
  can_confirm: false,
  cancellation: undefined,
  cancellation_policy: undefined,
  late_fee: { fee_cents: 7500, currency: 'USD', waiver: 'none', can_ask_waiver: true },
})

/** Free times as the server sends them: Tuesday 10:00 and 14:00, Wednesday 09:00 (New York). */
export function freeTimes(overrides: Partial<FreeTimes> = {}): FreeTimes {
  const slot = (starts: string) => ({
    starts_at: starts,
    ends_at: new Date(Date.parse(starts) + 50 * 60_000).toISOString(),
    modes: ['in_person' as const],
  })
  return {
    data: [slot('2026-03-03T15:00:00.000Z'), slot('2026-03-03T19:00:00.000Z'), slot('2026-03-04T14:00:00.000Z')],
    time_zone: ZONE,
    rule: {
      outcome: 'move',
      fee_cents: 0,
      currency: 'USD',
      needs_acknowledgement: false,
      text: 'Choose a time that suits you and your session moves straight away.',
    },
    can_switch_to_video: false,
    ...overrides,
  }
}
