import type {
  CancellationQuote,
  FeeWaiverRequested,
  Message,
  MessageCreated,
  PortalAppointment,
  PortalConfig,
  PortalMe,
  PortalOffer,
  PortalPreferences,
  PortalSession,
} from '../../shared/schemas/portal'
import type { CancelReasonCode } from '../../shared/cancel-reasons'
import type { ClientMessageCategory, Locale } from '../../shared/schemas/policies'
import type { BookAgainTimes, RescheduleRequestAccepted, SlotList } from '../../shared/schemas/availability'
import { ApiError, refusal, send } from '../../ui/api-client'
import type { SessionStore } from './session-store'

export type FreeTimes = import('zod').infer<typeof SlotList>
export type NewSessionTimes = import('zod').infer<typeof BookAgainTimes>
export type MoveAnswer =
  | { kind: 'moved'; appointment: PortalAppointment }
  | ({ kind: 'requested' } & import('zod').infer<typeof RescheduleRequestAccepted>)

export type WaitlistChoice = { therapist_id?: string; preferred_days?: string[]; preferred_times?: string[] }

/** Everything the screens ask of the server. Screens receive it through context; tests pass a fake. */
export interface PortalApi {
  config(): Promise<PortalConfig>
  startSignIn(email: string): Promise<void>
  verify(email: string, code: string): Promise<void>
  /** Silent sign-in: a short-lived token signed by the practice's own backend. */
  exchange(token: string): Promise<void>
  signOut(): Promise<void>
  isSignedIn(): boolean
  /** Called with no argument when the session ends on the server's side (expired or revoked). */
  onSessionEnded(listener: () => void): void
  me(): Promise<PortalMe>
  appointments(): Promise<PortalAppointment[]>
  confirm(id: string): Promise<void>
  cancellation(id: string): Promise<CancellationQuote>
  cancel(
    id: string,
    body: { reason_code?: CancelReasonCode; reason?: string; acknowledge_late?: boolean },
  ): Promise<void>
  calendar(id: string): Promise<Blob>
  messages(): Promise<Message[]>
  sendMessage(body: { therapist_id?: string; category: ClientMessageCategory; body: string }): Promise<MessageCreated>
  joinWaitlist(body: WaitlistChoice): Promise<void>
  preferences(): Promise<PortalPreferences>
  /** Channels in order (the others lose their consent), language and time zone. */
  savePreferences(body: {
    channels?: PortalPreferences['channels']
    locale?: Locale
    time_zone?: string
  }): Promise<PortalPreferences>
  leaveWaitlist(body: { therapist_id?: string }): Promise<void>
  requestReschedule(id: string, note?: string): Promise<void>
  /** This session's free times and the practice's rule for moving it now. */
  slots(id: string): Promise<FreeTimes>
  /** Moves it (200) or asks for the time (202); 409 `slot_taken` carries the times still free. */
  reschedule(id: string, body: { starts_at: string; acknowledge_late?: boolean }): Promise<MoveAnswer>
  switchToVideo(id: string): Promise<PortalAppointment>
  /** After a missed session: the free times for a new one, and whether the practice lets the client book it. */
  bookAgainTimes(id: string): Promise<NewSessionTimes>
  /** Books the new session (201); 409 `slot_taken` carries the times still free. */
  bookAgain(id: string, startsAt: string): Promise<PortalAppointment>
  /** Asks for a late-cancellation fee to be waived, once; answers what happens next in the client's language. */
  requestFeeWaiver(id: string, reason: string): Promise<string>
  offers(): Promise<PortalOffer[]>
  /** Takes an offered time; the first claim wins (409 `offer_taken`, 410 `offer_expired`). */
  claimOffer(id: string): Promise<PortalAppointment>
  /** The key this browser subscribes to web push with (base64url). */
  vapidPublicKey(): Promise<string>
  /** Reminders on this device: the browser's push subscription, stored for the signed-in client. */
  savePushSubscription(subscription: PushDevice): Promise<void>
  /** Forgets this device's subscription; one already forgotten is fine. */
  deletePushSubscription(endpoint: string): Promise<void>
}

/** What the server needs of a browser's PushSubscription. */
export type { PushDevice } from '../../ui/push'
import type { PushDevice } from '../../ui/push'

/** Runs `work` while holding the lock `name`, one holder at a time across this browser's tabs. */
export type TabLock = (name: string, work: () => Promise<boolean>) => Promise<boolean>

/** Web Locks where the browser has them; without, each tab refreshes alone and the server's grace window covers it. */
function browserTabLock(): TabLock | null {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks
  return locks ? async (name, work) => await locks.request(name, work) : null
}

type Options = {
  base: string
  practice: string
  store: SessionStore
  now?: () => number
  fetch?: typeof fetch
  lock?: TabLock | null
}

/** The real client: same-origin fetch with the bearer token, one silent refresh on a 401. */
export function httpPortalApi(options: Options): PortalApi {
  const { base, practice, store } = options
  const now = options.now ?? (() => Date.now())
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init))
  const lock = options.lock === undefined ? browserTabLock() : options.lock
  const ended = new Set<() => void>()
  let refreshing: Promise<boolean> | null = null

  function call(method: string, path: string, body?: unknown, auth = true): Promise<Response> {
    const session = auth ? store.read() : null
    return send(doFetch, `${base}${path}`, method, {
      body,
      authorization: session ? `Bearer ${session.access_token}` : undefined,
    })
  }

  function endSession() {
    store.write(null)
    for (const listener of ended) listener()
  }

  async function rotate(spent: string): Promise<boolean> {
    // Another tab may have rotated the token while this one waited for the lock: use what it stored.
    const session = store.read()
    if (!session) return false
    if (session.refresh_token !== spent) return true
    const response = await call('POST', '/v1/portal/auth/refresh', { refresh_token: spent }, false)
    if (!response.ok) return false
    keep((await response.json()) as PortalSession, session.last_active)
    return true
  }

  /** One refresh at a time in this tab, and with Web Locks one at a time across the practice's tabs. */
  async function refresh(): Promise<boolean> {
    const session = store.read()
    if (!session) return false
    refreshing ??= (async () => {
      try {
        const spent = session.refresh_token
        return await (lock ? lock(`hearth.refresh.${practice}`, () => rotate(spent)) : rotate(spent))
      } catch {
        return false
      } finally {
        refreshing = null
      }
    })()
    return refreshing
  }

  function keep(tokens: PortalSession, lastActive = now()) {
    store.write({
      access_token: tokens.access_token,
      refresh_token: tokens.refresh_token,
      expires_at: now() + tokens.expires_in * 1000,
      last_active: lastActive,
    })
  }

  /** An authenticated call: refresh first when the token is about to expire, once more after a 401. */
  async function authed(method: string, path: string, body?: unknown): Promise<Response> {
    const session = store.read()
    if (!session) throw new ApiError(401, 'unauthorized', 'Not signed in.')
    if (session.expires_at - now() < 30_000) await refresh()
    let response = await call(method, path, body)
    if (response.status === 401 && (await refresh())) response = await call(method, path, body)
    if (response.status === 401) {
      endSession()
      throw await refusal(response)
    }
    if (!response.ok) throw await refusal(response)
    return response
  }

  const json = async <T>(response: Promise<Response>) => (await (await response).json()) as T
  const q = encodeURIComponent

  return {
    async config() {
      const response = await call('GET', `/v1/portal/config?practice=${q(practice)}`, undefined, false)
      if (!response.ok) throw await refusal(response)
      return (await response.json()) as PortalConfig
    },
    async startSignIn(email) {
      const response = await call('POST', '/v1/portal/auth/start', { practice, email }, false)
      if (!response.ok) throw await refusal(response)
    },
    async verify(email, code) {
      const response = await call('POST', '/v1/portal/auth/verify', { practice, email, code }, false)
      if (!response.ok) throw await refusal(response)
      keep((await response.json()) as PortalSession)
    },
    async exchange(token) {
      const response = await call('POST', '/v1/portal/auth/exchange', { practice, token }, false)
      if (!response.ok) throw await refusal(response)
      keep((await response.json()) as PortalSession)
    },
    async signOut() {
      const session = store.read()
      store.write(null)
      if (session)
        await call('POST', '/v1/portal/auth/logout', { refresh_token: session.refresh_token }, false).catch(() => {})
    },
    isSignedIn: () => store.read() !== null,
    onSessionEnded: (listener) => void ended.add(listener),
    me: () => json<PortalMe>(authed('GET', '/v1/portal/me')),
    appointments: async () =>
      (await json<{ data: PortalAppointment[] }>(authed('GET', '/v1/portal/appointments'))).data,
    async confirm(id) {
      await authed('POST', `/v1/portal/appointments/${q(id)}/confirm`, {})
    },
    cancellation: (id) => json<CancellationQuote>(authed('GET', `/v1/portal/appointments/${q(id)}/cancellation`)),
    async cancel(id, body) {
      await authed('POST', `/v1/portal/appointments/${q(id)}/cancel`, body)
    },
    calendar: async (id) => (await authed('GET', `/v1/portal/appointments/${q(id)}/calendar.ics`)).blob(),
    messages: async () => (await json<{ data: Message[] }>(authed('GET', '/v1/portal/messages'))).data,
    sendMessage: (body) => json<MessageCreated>(authed('POST', '/v1/portal/messages', body)),
    preferences: () => json<PortalPreferences>(authed('GET', '/v1/portal/me/preferences')),
    savePreferences: (body) => json<PortalPreferences>(authed('PATCH', '/v1/portal/me/preferences', body)),
    async joinWaitlist(body) {
      await authed('POST', '/v1/portal/waitlist', body)
    },
    async leaveWaitlist(body) {
      await authed('DELETE', '/v1/portal/waitlist', body)
    },
    requestFeeWaiver: async (id, reason) =>
      (await json<FeeWaiverRequested>(authed('POST', `/v1/portal/appointments/${q(id)}/fee-waiver`, { reason })))
        .message,
    offers: async () => (await json<{ data: PortalOffer[] }>(authed('GET', '/v1/portal/offers'))).data,
    claimOffer: async (id) =>
      (await json<{ appointment: PortalAppointment }>(authed('POST', `/v1/portal/offers/${q(id)}/claim`, {})))
        .appointment,
    async vapidPublicKey() {
      const response = await call('GET', '/v1/push/vapid-public-key', undefined, false)
      if (!response.ok) throw await refusal(response)
      return ((await response.json()) as { public_key: string }).public_key
    },
    async savePushSubscription(subscription) {
      await authed('POST', '/v1/portal/push-subscriptions', subscription)
    },
    async deletePushSubscription(endpoint) {
      try {
        await authed('DELETE', '/v1/portal/push-subscriptions', { endpoint })
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 404)) throw error
      }
    },
    slots: (id) => json<FreeTimes>(authed('GET', `/v1/portal/appointments/${q(id)}/slots`)),
    async reschedule(id, body) {
      const response = await authed('POST', `/v1/portal/appointments/${q(id)}/reschedule`, body)
      const answer = await response.json()
      return response.status === 202 ? { kind: 'requested', ...answer } : { kind: 'moved', appointment: answer }
    },
    switchToVideo: (id) => json<PortalAppointment>(authed('POST', `/v1/portal/appointments/${q(id)}/switch-to-video`)),
    bookAgainTimes: (id) => json<NewSessionTimes>(authed('GET', `/v1/portal/appointments/${q(id)}/book-again`)),
    bookAgain: (id, startsAt) =>
      json<PortalAppointment>(authed('POST', `/v1/portal/appointments/${q(id)}/book-again`, { starts_at: startsAt })),
    async requestReschedule(id, note) {
      await authed('POST', `/v1/portal/appointments/${q(id)}/reschedule-request`, note ? { note } : {})
    },
  }
}
