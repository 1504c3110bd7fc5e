import type { Alert } from '../shared/schemas/alerts'
import type { Therapist } from '../shared/schemas/people'
import type { CancellationPolicy, ContactPolicy, Locale } from '../shared/schemas/policies'
import type { Practice } from '../shared/schemas/practice'
import type {
  CallList,
  CallOutcome,
  ConfirmationCall,
  InsightGrouping,
  KeyIdentity,
  NoShowInsights,
} from '../shared/schemas/practice-tools'
import { refusal, send } from '../ui/api-client'

export type AlertFilter = { status: 'open' | 'resolved'; audience?: 'therapist' | 'front_desk' | undefined }
export type Resolution = { note?: string; decision?: 'grant' | 'decline' }

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
  insights(q: { groupBy: InsightGrouping; from?: string | undefined; locale: Locale }): Promise<NoShowInsights>
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
    insights: ({ groupBy, from, locale }) =>
      call('GET', `/v1/insights/no-shows?${q({ group_by: groupBy, from, locale })}`),
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
