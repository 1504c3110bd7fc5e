import { DEFAULT_RESCHEDULE } from '../shared/schemas/availability'
import { cleanup, render } from '@testing-library/preact'
import type { ComponentChildren } from 'preact'
import { useState } from 'preact/hooks'
import { afterEach } from 'vitest'
import { defaultCrisisResources } from '../shared/crisis'
import type { Alert } from '../shared/schemas/alerts'
import type { Therapist } from '../shared/schemas/people'
import type { ContactPolicy } from '../shared/schemas/policies'
import type { Practice } from '../shared/schemas/practice'
import type { StaffMe } from '../shared/schemas/staff'
import { WordsProvider } from '../ui/words'
import type { StaffApi } from './api'
import type { StaffContext } from './Console'
import { words } from './i18n'

afterEach(() => cleanup())

/** Fixtures and a scripted StaffApi for the console's component tests (the real server runs end to end). */

export const ZONE = 'America/New_York'

export const RIVERA: Therapist = {
  id: 't-rivera',
  name: 'Dr. Maya Rivera',
  email: 'maya.rivera@calmwaters.example',
  time_zone: ZONE,
}
export const OKAFOR: Therapist = {
  id: 't-okafor',
  name: 'Sam Okafor, LCSW',
  email: 'sam.okafor@calmwaters.example',
  time_zone: ZONE,
  cancellation_policy: { window_hours: 24, late_action: 'contact_required', fee_cents: 0, currency: 'USD' },
}

export const RIVERA_POLICY: ContactPolicy = {
  accepts_messages: true,
  allowed_categories: ['scheduling', 'update'],
  reply_expectation: { kind: 'business_days', days: 2 },
  auto_reply: 'Thanks for writing. I read messages on weekdays.',
}
export const OKAFOR_POLICY: ContactPolicy = {
  accepts_messages: true,
  allowed_categories: ['homework'],
  reply_expectation: { kind: 'none' },
}

export const PRACTICE: Practice = {
  id: 'p-demo',
  name: 'Calm Waters Counselling',
  slug: 'demo',
  time_zone: ZONE,
  country: 'US',
  phone: '+15550102000',
  allowed_origins: [],
  locales: ['en', 'es', 'fr'],
  cancellation_policy: { window_hours: 48, late_action: 'fee', fee_cents: 7500, currency: 'USD' },
  reminder_schedule: {
    confirmation: { enabled: true, hours_before_free_until: 24 },
    morning_of: { enabled: true, at: '08:00' },
    channels: ['email'],
    detail: 'private',
  },
  crisis_resources: defaultCrisisResources('US'),
  branding: { accent_color: '#2f6f62' },
  urgent_escalation_minutes: 15,
  reschedule: DEFAULT_RESCHEDULE,
  staff_second_factor: 'optional',
  staff_idle_minutes: 15,
}

/** Priya Shah, the practice's owner, signed in a moment ago (idle after 15 minutes). */
/** An open crisis alert for Dr. Rivera, with a session, a phone number and the conversation. */
export const CRISIS_ALERT: Alert = {
  id: 'al-1',
  kind: 'crisis_message',
  audience: 'therapist',
  urgent: true,
  therapist_id: RIVERA.id,
  client_id: 'c-1',
  thread_id: 'th-1',
  client_phone: '+15550100001',
  session: { id: 'a-1', starts_at: '2026-03-03T14:00:00Z' },
  summary: 'Jordan Lee sent Dr. Maya Rivera a message marked "I\'m in crisis". Please check on them today.',
  context: {},
  status: 'open',
  created_at: '2026-03-02T15:00:00Z',
}

export const OWNER: StaffMe = {
  user: {
    id: 'u-owner',
    name: 'Priya Shah',
    email: 'owner@calmwaters.example',
    role: 'owner',
    therapist_id: null,
    phone: null,
  },
  practice: {
    id: PRACTICE.id,
    name: PRACTICE.name,
    slug: 'demo',
    time_zone: ZONE,
    staff_second_factor: 'optional',
    staff_idle_minutes: 15,
  },
  session: {
    idle_expires_at: new Date(Date.now() + 15 * 60_000).toISOString(),
    expires_at: new Date(Date.now() + 12 * 3_600_000).toISOString(),
  },
  second_factors: [],
  recovery_codes_left: 0,
}
/** Someone else on the team, such as `staffMember('therapist', RIVERA.id)`. */
export function staffMember(role: StaffMe['user']['role'], therapistId: string | null = null): StaffMe {
  return { ...OWNER, user: { ...OWNER.user, id: `u-${role}`, role, therapist_id: therapistId } }
}

type Calls = Partial<Record<keyof StaffApi, unknown[][]>>

/** A scripted StaffApi that records its calls; override any method per test. */
export function fakeStaffApi(overrides: Partial<StaffApi> = {}) {
  const calls: Calls = {}
  const unscripted = (name: string) => async () => {
    throw new Error(`${name} is not scripted in this test`)
  }
  const base: StaffApi = {
    signInState: async () => ({ next: 'done' }),
    sendCode: async () => undefined,
    verifyCode: unscripted('verifyCode'),
    choosePractice: unscripted('choosePractice'),
    totpSignIn: unscripted('totpSignIn'),
    recoverySignIn: unscripted('recoverySignIn'),
    acceptInvitation: unscripted('acceptInvitation'),
    signOut: async () => undefined,
    startTotp: unscripted('startTotp'),
    confirmTotp: unscripted('confirmTotp'),
    me: async () => OWNER,
    removeTotp: unscripted('removeTotp'),
    newRecoveryCodes: unscripted('newRecoveryCodes'),
    signedInSessions: async () => [],
    endSignedInSession: unscripted('endSignedInSession'),
    endOtherSignedInSessions: unscripted('endOtherSignedInSessions'),
    therapists: async () => [RIVERA, OKAFOR],
    callList: unscripted('callList'),
    recordCall: unscripted('recordCall'),
    alerts: async () => [],
    resolveAlert: unscripted('resolveAlert'),
    contactPolicy: async (id) => (id === OKAFOR.id ? OKAFOR_POLICY : RIVERA_POLICY),
    saveContactPolicy: async (_id, policy) => policy,
    practice: async () => PRACTICE,
    saveCancellationPolicy: async (policy) => ({ ...PRACTICE, cancellation_policy: policy }),
    saveTherapistCancellationPolicy: async (id, policy) => {
      const therapist = [RIVERA, OKAFOR].find((t) => t.id === id)!
      const { cancellation_policy: _old, ...rest } = therapist
      return policy ? { ...rest, cancellation_policy: policy } : rest
    },
    insights: unscripted('insights'),
    availability: unscripted('availability'),
    saveAvailability: unscripted('saveAvailability'),
    moveRequests: async () => [],
    decideMove: unscripted('decideMove'),
    sessions: async () => [],
    addSession: unscripted('addSession'),
    changeSession: unscripted('changeSession'),
    clients: async () => [],
    addClient: unscripted('addClient'),
    editClient: unscripted('editClient'),
    endPortalAccess: unscripted('endPortalAccess'),
    restorePortalAccess: unscripted('restorePortalAccess'),
    importFile: unscripted('importFile'),
    threads: async () => [],
    threadMessages: unscripted('threadMessages'),
    markThreadRead: unscripted('markThreadRead'),
    reply: unscripted('reply'),
    routeThread: unscripted('routeThread'),
    syncFhir: unscripted('syncFhir'),
    notificationSettings: async () => ({ urgent: ['email'], new_messages: 'immediately', daily_digest: true }),
    saveNotificationSettings: async (settings) => settings,
    vapidPublicKey: async () => 'BPvapid-key-0123456789abcdefghij',
    savePushSubscription: async () => undefined,
    deletePushSubscription: async () => undefined,
    // Team, integrations and audit
    staffUsers: async () => [],
    inviteStaff: unscripted('inviteStaff'),
    changeStaffRole: unscripted('changeStaffRole'),
    removeStaff: unscripted('removeStaff'),
    resendInvitation: unscripted('resendInvitation'),
    withdrawInvitation: unscripted('withdrawInvitation'),
    apiKeys: async () => [],
    createApiKey: unscripted('createApiKey'),
    revokeApiKey: unscripted('revokeApiKey'),
    auditLog: async () => ({ data: [], next_cursor: null }),
    auditCsv: unscripted('auditCsv'),
    connectCalcom: unscripted('connectCalcom'),
    connectFhir: unscripted('connectFhir'),
    connectWhatsapp: unscripted('connectWhatsapp'),
    // Reminder settings
    saveReminderSchedule: async (schedule) => ({ ...PRACTICE, reminder_schedule: schedule }),
    ...overrides,
  }
  const api = Object.fromEntries(
    Object.entries(base).map(([name, impl]) => [
      name,
      (...args: unknown[]) => {
        ;(calls[name as keyof StaffApi] ??= []).push(args)
        return (impl as (...a: unknown[]) => unknown)(...args)
      },
    ]),
  ) as unknown as StaffApi
  return { api, calls }
}

/** Renders a console screen with a working therapist choice, as Console gives it. */
export function renderScreen(
  Screen: (props: { ctx: StaffContext }) => ComponentChildren,
  {
    api,
    me = OWNER,
    refreshMe = async () => undefined,
  }: { api: StaffApi; me?: StaffMe; refreshMe?: () => Promise<void> },
) {
  const announced: string[] = []
  function Harness() {
    const [therapistId, setTherapistId] = useState<string | null>(me.user.therapist_id)
    const ctx: StaffContext = {
      api,
      me,
      viewer: { role: me.user.role, therapistId: me.user.therapist_id },
      therapistId,
      chooseTherapist: setTherapistId,
      announce: (text) => void announced.push(text),
      refreshMe,
    }
    return <Screen ctx={ctx} />
  }
  render(
    <WordsProvider value={words('en', ZONE)}>
      <Harness />
    </WordsProvider>,
  )
  return { announced }
}
