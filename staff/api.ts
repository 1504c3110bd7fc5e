import type { Alert } from '../shared/schemas/alerts'
import type { Appointment, AppointmentPatch } from '../shared/schemas/appointment'
import type { ImportKind, ImportReport } from '../shared/schemas/imports'
import type { Client, Consents, Therapist } from '../shared/schemas/people'
import type { CancellationPolicy, ContactPolicy, Locale, ReminderSchedule } from '../shared/schemas/policies'
import type { FhirSettings } from '../shared/schemas/connectors'
import type { Practice } from '../shared/schemas/practice'
import type { Message, Thread } from '../shared/schemas/portal'
import type {
  CallList,
  CallOutcome,
  ConfirmationCall,
  InsightGrouping,
  KeyIdentity,
  NoShowInsights,
} from '../shared/schemas/practice-tools'
import type { Availability, RescheduleRequestItem } from '../shared/schemas/availability'
import { ApiError, refusal, send } from '../ui/api-client'

export type MoveRequest = import('zod').infer<typeof RescheduleRequestItem>

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

/** Everything the console asks of the practice API, with the key it was signed in with. */
export interface StaffApi {
  whoami(): Promise<KeyIdentity>
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
  // Reminder settings
  /** Replaces the practice's reminder schedule (admins only); answers the practice. */
  saveReminderSchedule(schedule: ReminderSchedule): Promise<Practice>
}

export function httpStaffApi(key: string, options: { base?: string; fetch?: typeof fetch } = {}): StaffApi {
  const base = options.base ?? ''
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init))

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await send(doFetch, `${base}${path}`, method, { body, authorization: `Bearer ${key}` })
    if (!response.ok) throw await refusal(response)
    return (await response.json().catch(() => null)) as T
  }
  const q = (params: Record<string, string | undefined>) => {
    const search = new URLSearchParams()
    for (const [name, value] of Object.entries(params)) if (value) search.set(name, value)
    return search.toString()
  }

  return {
    whoami: () => call('GET', '/v1/whoami'),
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
      const url = `${base}/v1/imports?${q({ kind, dry_run: String(dryRun), notify_client: String(notifyClient) })}`
      let response: Response
      try {
        response = await doFetch(url, {
          method: 'POST',
          headers: { accept: 'application/json', 'content-type': 'text/csv', authorization: `Bearer ${key}` },
          body: csv,
          credentials: 'omit',
        })
      } catch {
        throw new ApiError(0, 'network', 'Hearth could not be reached.')
      }
      if (!response.ok) throw await refusal(response)
      return response.json()
    },
    // Reminder settings
    saveReminderSchedule: (schedule) => call('PATCH', '/v1/practice', { reminder_schedule: schedule }),
  }
}

/** The key lives in this tab's sessionStorage only: gone when the tab closes or on sign out. */
const STORAGE_KEY = 'hearth-staff-key'
export const keyStore = {
  read(): string | null {
    try {
      return sessionStorage.getItem(STORAGE_KEY)
    } catch {
      return null
    }
  },
  write(key: string | null) {
    try {
      if (key) sessionStorage.setItem(STORAGE_KEY, key)
      else sessionStorage.removeItem(STORAGE_KEY)
    } catch {
      // Storage refused (private mode): the key lives in memory for this page only.
    }
  },
}
