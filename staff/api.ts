import type { Alert } from '../shared/schemas/alerts'
import type { Appointment, AppointmentPatch } from '../shared/schemas/appointment'
import type { ImportKind, ImportReport } from '../shared/schemas/imports'
import type { Client, Consents, Therapist } from '../shared/schemas/people'
import type { CalcomPatch, FhirPatch, FhirSettings, WhatsappPatch } from '../shared/schemas/connectors'
import type { CancellationPolicy, ContactPolicy, Locale, ReminderSchedule } from '../shared/schemas/policies'
import type { NotificationSettings } from '../shared/schemas/notifications'
import type { PushDevice } from '../ui/push'
import type { Practice } from '../shared/schemas/practice'
import type { Message, Thread } from '../shared/schemas/portal'
import type {
  CallList,
  CallOutcome,
  ConfirmationCall,
  InsightGrouping,
  NoShowInsights,
} from '../shared/schemas/practice-tools'
import type { Availability, RescheduleRequestItem } from '../shared/schemas/availability'
import type { ApiKey, ApiKeyCreated } from '../shared/schemas/practice'
import type {
  AuditEntry as AuditEntrySchema,
  StaffMe,
  StaffSessionSummary,
  StaffSignInState,
  StaffUser,
  TotpEnrolment,
} from '../shared/schemas/staff'
import type { StaffRole } from '../shared/policy/permissions'
import { ApiError, refusal, send } from '../ui/api-client'

export type MoveRequest = import('zod').infer<typeof RescheduleRequestItem>
export type StaffSession = import('zod').infer<typeof StaffSessionSummary>
export type TotpSecret = import('zod').infer<typeof TotpEnrolment>

export type AlertFilter = { status: 'open' | 'resolved'; audience?: 'therapist' | 'front_desk' | undefined }
export type Resolution = { note?: string; decision?: 'grant' | 'decline' }
export type NewSession = {
  therapist_id: string
  client_id: string
  starts_at: string
  ends_at: string
  type: string
  location?: string
}
export type ClientFields = {
  name: string
  email: string
  phone?: string | null
  time_zone: string
  locale: Locale
  consents: Partial<Consents>
}

/**
 * Signing in (`/v1/staff/auth/*`): each step answers where signing in stands. The session lives
 * in an HttpOnly cookie the console never sees.
 */
export interface StaffAuthApi {
  /** Where signing in stands for this browser's cookie (401 when there is no session). */
  signInState(): Promise<StaffSignInState>
  /** Emails a 6-digit code (the same answer whether or not the email is staff). */
  sendCode(email: string): Promise<void>
  verifyCode(email: string, code: string): Promise<StaffSignInState>
  choosePractice(practiceId: string): Promise<StaffSignInState>
  totpSignIn(code: string): Promise<StaffSignInState>
  recoverySignIn(code: string): Promise<StaffSignInState>
  /** The invitation link's token: joins the practice and signs the person in. */
  acceptInvitation(token: string): Promise<StaffSignInState>
  signOut(): Promise<void>
  /** Starts enrolling an authenticator app (also a step of signing in when the practice requires one). */
  startTotp(): Promise<TotpSecret>
  confirmTotp(code: string): Promise<StaffSignInState>
}

/** The signed-in person's own account (`/v1/staff/me/*`). */
export interface StaffAccountApi {
  /** Who is signed in. Every request moves the idle deadline on, so the console never polls this. */
  me(): Promise<StaffMe>
  removeTotp(): Promise<void>
  /** Ten new recovery codes, shown once; the earlier ones stop working. */
  newRecoveryCodes(): Promise<string[]>
  /** Where this person is signed in (this browser marked `current`). */
  signedInSessions(): Promise<StaffSession[]>
  endSignedInSession(id: string): Promise<void>
  /** Ends every other session of this person; answers how many ended. */
  endOtherSignedInSessions(): Promise<number>
}

/** Everything the console asks of the practice API, as the signed-in person. */
export interface StaffApi extends StaffAuthApi, StaffAccountApi {
  therapists(): Promise<Therapist[]>
  callList(q: { therapistId?: string | undefined; date?: string | undefined; locale: Locale }): Promise<CallList>
  recordCall(appointmentId: string, outcome: CallOutcome, note?: string): Promise<ConfirmationCall>
  alerts(filter: AlertFilter): Promise<Alert[]>
  resolveAlert(id: string, resolution: Resolution): Promise<Alert>
  contactPolicy(therapistId: string): Promise<ContactPolicy>
  saveContactPolicy(therapistId: string, policy: ContactPolicy): Promise<ContactPolicy>
  practice(): Promise<Practice>
  saveCancellationPolicy(policy: CancellationPolicy): Promise<Practice>
  /** A therapist's own rule in place of the practice's; null goes back to the practice's. */
  saveTherapistCancellationPolicy(therapistId: string, policy: CancellationPolicy | null): Promise<Therapist>
  insights(q: { groupBy: InsightGrouping; from?: string | undefined; locale: Locale }): Promise<NoShowInsights>
  availability(therapistId: string): Promise<Availability>
  saveAvailability(therapistId: string, availability: Availability): Promise<Availability>
  moveRequests(status?: MoveRequest['status']): Promise<MoveRequest[]>
  /** Approve (the session moves; 409 `slot_taken` when the time went meanwhile) or decline. */
  decideMove(
    id: string,
    decision: 'approve' | 'decline',
  ): Promise<{ id: string; status: string; appointment?: Appointment }>
  sessions(q: { from: string; to: string; therapistId?: string | undefined }): Promise<Appointment[]>
  addSession(session: NewSession): Promise<Appointment>
  changeSession(id: string, patch: AppointmentPatch): Promise<Appointment>
  clients(q?: string): Promise<Client[]>
  addClient(fields: ClientFields): Promise<Client>
  editClient(id: string, fields: Partial<ClientFields>): Promise<Client>
  endPortalAccess(id: string): Promise<Client>
  restorePortalAccess(id: string): Promise<Client>
  importFile(kind: ImportKind, csv: string, options: { dryRun: boolean; notifyClient: boolean }): Promise<ImportReport>
  /** The inbox: urgent threads first, then the most recent (a therapist sees their own). */
  threads(q?: { therapistId?: string | undefined }): Promise<Thread[]>
  /** The newest messages, oldest first; a therapist opening their own thread has read it. */
  threadMessages(id: string): Promise<Message[]>
  /** Marks the client's messages read and acknowledges the thread's urgent alerts. */
  markThreadRead(id: string): Promise<void>
  reply(id: string, body: string): Promise<Message>
  /** Hands the thread to another therapist; answers the thread as it is now (perhaps merged). */
  routeThread(id: string, therapistId: string): Promise<Thread>
  /** Syncs from the practice's FHIR server now; answers how it went. */
  syncFhir(): Promise<FhirSettings>
  /** How the signed-in person is told (GET, PUT /v1/staff/me/notifications). */
  notificationSettings(): Promise<NotificationSettings>
  saveNotificationSettings(settings: NotificationSettings): Promise<NotificationSettings>
  /** This console as a web push device for urgent alerts (ui/push.ts turns it on and off). */
  vapidPublicKey(): Promise<string>
  savePushSubscription(subscription: PushDevice): Promise<void>
  deletePushSubscription(endpoint: string): Promise<void>
  // Team, integrations and audit
  /** Everyone on the team, invited people included. */
  staffUsers(): Promise<StaffUser[]>
  /** Sends the invitation email (a single-use link for 7 days). */
  inviteStaff(invite: StaffInvite): Promise<StaffUser>
  /** A new role (and therapist, for a therapist): their sessions end, so they sign in again. */
  changeStaffRole(id: string, role: StaffRole, therapistId: string | null): Promise<StaffUser>
  /** Removes someone: their sessions end at once. */
  removeStaff(id: string): Promise<void>
  resendInvitation(id: string): Promise<StaffUser>
  withdrawInvitation(id: string): Promise<void>
  apiKeys(): Promise<ApiKeySummary[]>
  /** The new key with its secret as `key`, shown this once. */
  createApiKey(key: NewApiKey): Promise<import('zod').infer<typeof ApiKeyCreated>>
  revokeApiKey(id: string): Promise<void>
  /** A page of the audit log, newest first; `cursor` is the previous page's `next_cursor`. */
  auditLog(filter: AuditFilter, cursor?: string): Promise<AuditPage>
  /** The matching lines as a spreadsheet (CSV text). */
  auditCsv(filter: AuditFilter): Promise<string>
  // Connections: each sets up (or, with null, disconnects) one outside service and answers the practice.
  connectCalcom(settings: CalcomPatch | null): Promise<Practice>
  connectFhir(settings: FhirPatch | null): Promise<Practice>
  connectWhatsapp(settings: WhatsappPatch | null): Promise<Practice>
  // Reminder settings
  /** Replaces the practice's reminder schedule (admins only); answers the practice. */
  saveReminderSchedule(schedule: ReminderSchedule): Promise<Practice>
}

/** What the console hears of every request: activity moves the idle deadline on; 401 means signed out. */
export type SessionEvents = {
  /** A request reached the session (it was sent at `sentAt`, by this browser's clock). */
  onActivity?: (sentAt: number) => void
  onSignedOut?: () => void
}

/**
 * The practice API with this browser's staff session cookie (same origin only: the browser adds
 * the Origin header unsafe methods need). No key, no token: nothing for a script to read.
 */
export function httpStaffApi(options: { base?: string; fetch?: typeof fetch; events?: SessionEvents } = {}): StaffApi {
  const base = options.base ?? ''
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init))
  const events = options.events ?? {}

  function heard(response: Response, sentAt: number) {
    if (response.status === 401) events.onSignedOut?.()
    else events.onActivity?.(sentAt)
  }

  /** One request with the session cookie: heard for the session's sake, and a refusal thrown. */
  async function request(method: string, path: string, options: { body?: unknown; csv?: string; accept?: string }) {
    const sentAt = Date.now()
    const response = await send(doFetch, `${base}${path}`, method, { ...options, credentials: 'same-origin' })
    heard(response, sentAt)
    if (!response.ok) throw await refusal(response)
    return response
  }
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    return (await (await request(method, path, { body })).json().catch(() => null)) as T
  }
  const q = (params: Record<string, string | undefined>) => {
    const search = new URLSearchParams()
    for (const [name, value] of Object.entries(params)) if (value) search.set(name, value)
    return search.toString()
  }
  const auth = (path: string, body?: unknown) => call<StaffSignInState>('POST', `/v1/staff/auth/${path}`, body)

  return {
    signInState: () => call('GET', '/v1/staff/auth'),
    sendCode: async (email) => {
      await auth('start', { email })
    },
    verifyCode: (email, code) => auth('verify', { email, code }),
    choosePractice: (practiceId) => auth('practice', { practice_id: practiceId }),
    totpSignIn: (code) => auth('totp', { code }),
    recoverySignIn: (code) => auth('recovery', { code }),
    acceptInvitation: (token) => call('POST', '/v1/staff/invitations/accept', { token }),
    signOut: async () => {
      await auth('logout')
    },
    startTotp: () => call('POST', '/v1/staff/me/totp'),
    confirmTotp: (code) => call('POST', '/v1/staff/me/totp/confirm', { code }),
    me: () => call('GET', '/v1/staff/me'),
    removeTotp: async () => {
      await call('DELETE', '/v1/staff/me/totp')
    },
    newRecoveryCodes: async () => (await call<{ codes: string[] }>('POST', '/v1/staff/me/recovery-codes')).codes,
    signedInSessions: async () => (await call<{ data: StaffSession[] }>('GET', '/v1/staff/me/sessions')).data,
    endSignedInSession: async (id) => {
      await call('DELETE', `/v1/staff/me/sessions/${encodeURIComponent(id)}`)
    },
    endOtherSignedInSessions: async () => (await call<{ ended: number }>('DELETE', '/v1/staff/me/sessions')).ended,
    therapists: async () => (await call<{ data: Therapist[] }>('GET', '/v1/therapists?limit=200')).data,
    callList: ({ therapistId, date, locale }) =>
      call('GET', `/v1/confirmation-calls?${q({ therapist_id: therapistId, date, locale })}`),
    recordCall: async (appointmentId, outcome, note) =>
      (
        await call<{ call: ConfirmationCall }>(
          'POST',
          `/v1/appointments/${encodeURIComponent(appointmentId)}/confirmation-calls`,
          { outcome, ...(note ? { note } : {}) },
        )
      ).call,
    alerts: async ({ status, audience }) =>
      (await call<{ data: Alert[] }>('GET', `/v1/alerts?${q({ status, audience, limit: '100' })}`)).data,
    resolveAlert: (id, resolution) => call('POST', `/v1/alerts/${encodeURIComponent(id)}/resolve`, resolution),
    contactPolicy: (id) => call('GET', `/v1/therapists/${encodeURIComponent(id)}/contact-policy`),
    saveContactPolicy: (id, policy) => call('PUT', `/v1/therapists/${encodeURIComponent(id)}/contact-policy`, policy),
    practice: () => call('GET', '/v1/practice'),
    saveCancellationPolicy: (policy) => call('PATCH', '/v1/practice', { cancellation_policy: policy }),
    saveTherapistCancellationPolicy: (id, policy) =>
      call('PATCH', `/v1/therapists/${encodeURIComponent(id)}`, { cancellation_policy: policy }),
    insights: ({ groupBy, from, locale }) =>
      call('GET', `/v1/insights/no-shows?${q({ group_by: groupBy, from, locale })}`),
    availability: (id) => call('GET', `/v1/therapists/${encodeURIComponent(id)}/availability`),
    saveAvailability: (id, body) => call('PUT', `/v1/therapists/${encodeURIComponent(id)}/availability`, body),
    moveRequests: async (status) =>
      (await call<{ data: MoveRequest[] }>('GET', `/v1/reschedule-requests?${q({ status })}`)).data,
    decideMove: (id, decision) => call('POST', `/v1/reschedule-requests/${encodeURIComponent(id)}/${decision}`),
    sessions: async ({ from, to, therapistId }) => {
      const all: Appointment[] = []
      let cursor: string | undefined
      do {
        const page = await call<{ data: Appointment[]; next_cursor: string | null }>(
          'GET',
          `/v1/appointments?${q({ from, to, therapist_id: therapistId, cursor, limit: '200' })}`,
        )
        all.push(...page.data)
        cursor = page.next_cursor ?? undefined
      } while (cursor)
      return all
    },
    // Sessions added in the console carry an id of their own, as the EHR's would.
    addSession: (session) =>
      call('POST', '/v1/appointments', { external_id: `console:${crypto.randomUUID()}`, ...session }),
    changeSession: (id, patch) => call('PATCH', `/v1/appointments/${encodeURIComponent(id)}`, patch),
    clients: async (search) =>
      (await call<{ data: Client[] }>('GET', `/v1/clients?${q({ q: search, limit: '200' })}`)).data,
    addClient: (fields) => call('POST', '/v1/clients', fields),
    editClient: (id, fields) => call('PATCH', `/v1/clients/${encodeURIComponent(id)}`, fields),
    endPortalAccess: (id) => call('POST', `/v1/clients/${encodeURIComponent(id)}/end-portal-access`),
    restorePortalAccess: (id) => call('POST', `/v1/clients/${encodeURIComponent(id)}/restore-portal-access`),
    threads: async ({ therapistId } = {}) =>
      (await call<{ data: Thread[] }>('GET', `/v1/threads?${q({ therapist_id: therapistId, limit: '100' })}`)).data,
    threadMessages: async (id) =>
      (await call<{ data: Message[] }>('GET', `/v1/threads/${encodeURIComponent(id)}/messages?limit=100`)).data,
    markThreadRead: async (id) => {
      await call('POST', `/v1/threads/${encodeURIComponent(id)}/read`)
    },
    reply: (id, body) => call('POST', `/v1/threads/${encodeURIComponent(id)}/messages`, { body }),
    routeThread: (id, therapistId) =>
      call('PATCH', `/v1/threads/${encodeURIComponent(id)}`, { therapist_id: therapistId }),
    syncFhir: () => call('POST', '/v1/fhir/sync'),
    importFile: async (kind, csv, { dryRun, notifyClient }) => {
      const path = `/v1/imports?${q({ kind, dry_run: String(dryRun), notify_client: String(notifyClient) })}`
      return (await request('POST', path, { csv })).json()
    },
    notificationSettings: () => call('GET', '/v1/staff/me/notifications'),
    saveNotificationSettings: (settings) => call('PUT', '/v1/staff/me/notifications', settings),
    vapidPublicKey: async () => (await call<{ public_key: string }>('GET', '/v1/push/vapid-public-key')).public_key,
    savePushSubscription: async (subscription) => {
      await call('POST', '/v1/staff/me/push-subscriptions', subscription)
    },
    deletePushSubscription: async (endpoint) => {
      try {
        await call('DELETE', '/v1/staff/me/push-subscriptions', { endpoint })
      } catch (error) {
        // Already forgotten (another tab turned it off): off is off.
        if (!(error instanceof ApiError && error.status === 404)) throw error
      }
    },
    // Team, integrations and audit
    staffUsers: async () => (await call<{ data: StaffUser[] }>('GET', '/v1/staff/users')).data,
    inviteStaff: (invite) => call('POST', '/v1/staff/users', invite),
    changeStaffRole: (id, role, therapistId) =>
      call('PATCH', `/v1/staff/users/${encodeURIComponent(id)}`, { role, therapist_id: therapistId }),
    removeStaff: async (id) => {
      await call('DELETE', `/v1/staff/users/${encodeURIComponent(id)}`)
    },
    resendInvitation: (id) => call('POST', `/v1/staff/users/${encodeURIComponent(id)}/invitation`),
    withdrawInvitation: async (id) => {
      await call('DELETE', `/v1/staff/users/${encodeURIComponent(id)}/invitation`)
    },
    apiKeys: async () => (await call<{ data: ApiKeySummary[] }>('GET', '/v1/api-keys')).data,
    createApiKey: (key) => call('POST', '/v1/api-keys', key),
    revokeApiKey: async (id) => {
      await call('DELETE', `/v1/api-keys/${encodeURIComponent(id)}`)
    },
    auditLog: ({ actorId, from, to }, cursor) =>
      call('GET', `/v1/audit-log?${q({ actor_id: actorId, from, to, cursor, limit: '50' })}`),
    auditCsv: async ({ actorId, from, to }) => {
      const path = `/v1/audit-log?${q({ actor_id: actorId, from, to, limit: '500' })}`
      return (await request('GET', path, { accept: 'text/csv' })).text()
    },
    // Connections
    connectCalcom: (settings) => call('PATCH', '/v1/practice', { calcom: settings }),
    connectFhir: (settings) => call('PATCH', '/v1/practice', { fhir: settings }),
    connectWhatsapp: (settings) => call('PATCH', '/v1/practice', { whatsapp: settings }),
    // Reminder settings
    saveReminderSchedule: (schedule) => call('PATCH', '/v1/practice', { reminder_schedule: schedule }),
  }
}
// Team, integrations and audit: the shapes those screens send and get.
export type StaffInvite = { email: string; name: string; role: StaffRole; therapist_id?: string }
export type ApiKeySummary = import('zod').infer<typeof ApiKey>
export type NewApiKey = { name: string; role: ApiKeySummary['role']; therapist_id?: string }
export type AuditFilter = { actorId?: string | undefined; from?: string | undefined; to?: string | undefined }
export type AuditEntry = import('zod').infer<typeof AuditEntrySchema>
export type AuditPage = { data: AuditEntry[]; next_cursor: string | null }
