import type { ComponentChildren } from 'preact'
import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import type { Viewer } from '../shared/policy/access'
import { type Action, can, type Resource } from '../shared/policy/permissions'
import type { StaffMe, StaffSignInState } from '../shared/schemas/staff'
import { readConsoleHash } from '../shared/console-links'
import { ApiError } from '../ui/api-client'
import { chooseLocale } from '../ui/locale'
import { Loading } from '../ui/States'
import { WordsProvider } from '../ui/words'
import { words } from './i18n'
import { httpStaffApi, type SessionEvents, type StaffApi } from './api'
import { AlertsShortcut, ConsoleTabs } from './components/ConsoleTabs'
import { IdleWarning } from './components/IdleWarning'
import { idlePhase, nextChange, type SessionClock, sessionClock, touched } from './session/idle'
import { Account, type PasskeysSection } from './screens/Account'
import { Alerts } from './screens/Alerts'
import { Inbox } from './screens/Inbox'
import { Clients } from './screens/Clients'
import { Import } from './screens/Import'
import { Schedule } from './screens/Schedule'
import { CallList } from './screens/CallList'
import { CancellationPolicyScreen } from './screens/CancellationPolicy'
import { ContactPolicyScreen } from './screens/ContactPolicy'
import { Insights } from './screens/Insights'
import { AvailabilityScreen } from './screens/Availability'
import { MoveRequests } from './screens/MoveRequests'
import { type PasskeySlot, SignIn } from './screens/SignIn'
import { Team } from './screens/Team'
import { Integrations } from './screens/Integrations'
import { Audit } from './screens/Audit'
import { WhatsappSettings } from './screens/WhatsappSettings'
import { ReminderSettingsScreen } from './screens/ReminderSettings'

export type Tab =
  | 'inbox'
  | 'schedule'
  | 'clients'
  | 'import'
  | 'calls'
  | 'alerts'
  | 'moves'
  | 'availability'
  | 'contact'
  | 'cancellation'
  | 'insights'
  | 'reminders'
  | 'channels'
  | 'team'
  | 'integrations'
  | 'audit'
  | 'account'

/** The tabs in order, each with what a role must be allowed (shared/policy/permissions.ts) to see it. */
const TABS: [Tab, Action, Resource][] = [
  ['calls', 'read', 'confirmation_calls'],
  ['inbox', 'read', 'threads'],
  ['alerts', 'read', 'alerts'],
  ['schedule', 'read', 'appointments'],
  ['clients', 'read', 'clients'],
  ['moves', 'read', 'reschedule_requests'],
  ['availability', 'read', 'availability'],
  ['import', 'change', 'imports'],
  // An editor: shown to those who may change some therapist's policy.
  ['contact', 'change', 'contact_policy'],
  // Everyone reads the practice's rule; only those allowed change it.
  ['cancellation', 'read', 'practice'],
  ['reminders', 'read', 'practice'],
  ['insights', 'read', 'insights'],
  ['channels', 'change', 'practice'],
  ['team', 'change', 'staff'],
  ['integrations', 'change', 'api_keys'],
  ['audit', 'read', 'audit'],
  ['account', 'read', 'own_account'],
]
const TAB_NAMES = TABS.map(([name]) => name)

/** What every screen gets: the API as the signed-in person, who they are, and a live region. */
export type StaffContext = {
  api: StaffApi
  /** The signed-in person, their practice and their session (GET /v1/staff/me). */
  me: StaffMe
  /** Whose records the signed-in person sees (shared/policy/access.ts). */
  viewer: Viewer
  /** The therapist whose calls and policy are shown: the person's own, or the one they picked. */
  therapistId: string | null
  /** A therapist id, or an update from the current choice (so a default never overrides a pick made meanwhile). */
  chooseTherapist: (choice: string | ((current: string | null) => string | null)) => void
  announce: (text: string) => void
  /** Asks GET /v1/staff/me again (after a change to the person's own factors). */
  refreshMe: () => Promise<void>
}

/** `#inbox` or `#inbox/<thread id>` (a page's or an alert's link): the tab; anything else: the calls. */
const tabFromHash = (hash: string): Tab => {
  const name = (readConsoleHash(hash)?.tab ?? '') as Tab
  return TAB_NAMES.includes(name) ? name : 'calls'
}

/** The invitation link's `#invitation=<token>`, if this is one. */
const invitationIn = (hash: string): string | null => /^#invitation=([\w-]{20,200})$/.exec(hash)?.[1] ?? null

type Phase =
  | { kind: 'starting' }
  | { kind: 'signing-in'; resume: StaffSignInState | null; notice: string | null }
  | { kind: 'in'; me: StaffMe }

/**
 * The staff console: each person signs in as themselves (SignIn: an emailed code, then what their
 * practice asks for), and the session is an HttpOnly cookie the page never sees. Then the tabs
 * their role allows, plain links to `#name`. The console counts down to the idle deadline from
 * the requests it makes, warns before it, and signs out when it passes or the server says so.
 */
export function Console({
  languages,
  makeApi = (events) => httpStaffApi({ events }),
  passkey,
  passkeys,
}: {
  languages: readonly string[]
  makeApi?: (events: SessionEvents) => StaffApi
  /** Sign in with a passkey (staff/passkeys.ts), when that part is there. */
  passkey?: PasskeySlot
  /** The Account screen's passkeys section (staff/passkeys.ts), when that part is there. */
  passkeys?: PasskeysSection
}) {
  const [phase, setPhase] = useState<Phase>({ kind: 'starting' })
  const [clock, setClock] = useState<SessionClock | null>(null)
  const [warning, setWarning] = useState(false)
  const [tab, setTab] = useState<Tab>(() => tabFromHash(location.hash))
  const [therapistId, setTherapistId] = useState<string | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const [openAlerts, setOpenAlerts] = useState<number | null>(null)
  const [alertsTabInSight, setAlertsTabInSight] = useState(true)
  // The API's callbacks are made once: they read the latest state through these.
  const phaseRef = useRef(phase)
  phaseRef.current = phase
  const clockRef = useRef(clock)
  clockRef.current = clock
  // Counts the sessions this page has ended, so an answer asked for before one ended is not shown after.
  const endedRef = useRef(0)
  const api = useMemo(
    () =>
      makeApi({
        onActivity: (sentAt) => setClock((current) => current && touched(current, sentAt)),
        // Any 401 while signed in: the session ended elsewhere (signed out everywhere, removed, expired).
        onSignedOut: () => {
          if (phaseRef.current.kind === 'in') endSession(tr('staff.signin.sessionEnded'))
        },
      }),
    [],
  )
  const me = phase.kind === 'in' ? phase.me : null
  const locale = chooseLocale(['en', 'es', 'fr'], ...languages)
  const w = useMemo(() => words(locale, me?.practice.time_zone ?? 'UTC'), [locale, me?.practice.time_zone])
  const { tr } = w

  useEffect(() => {
    // Other fragments (the skip link's #main) leave the tab as it is.
    const onHash = () => {
      const name = (readConsoleHash(location.hash)?.tab ?? '') as Tab
      if (TAB_NAMES.includes(name)) setTab(name)
    }
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])

  useEffect(() => {
    document.documentElement.lang = locale
    document.title = me ? tr('staff.pageTitle', { practice: me.practice.name }) : tr('staff.title')
  }, [locale, me])

  // The open alerts beside their tab, asked again as the person moves between screens or finishes
  // something (never on a timer: every request counts as activity and would keep an idle session alive).
  useEffect(() => {
    if (!me || !can(me.user.role, 'read', 'alerts')) return setOpenAlerts(null)
    api.alerts({ status: 'open' }).then(
      (list) => setOpenAlerts(list.length),
      () => undefined,
    )
  }, [me?.user.id, tab, announcement])

  async function loadMe() {
    const ended = endedRef.current
    const sentAt = Date.now()
    const who = await api.me()
    if (ended !== endedRef.current) return
    setClock(sessionClock(who, sentAt))
    setTherapistId((current) => (who.user.role === 'therapist' ? who.user.therapist_id : current))
    setPhase({ kind: 'in', me: who })
  }

  const signingIn = (resume: StaffSignInState | null, notice: string | null = null) =>
    setPhase({ kind: 'signing-in', resume, notice })

  const carryOn = (state: StaffSignInState) =>
    state.next === 'done' ? loadMe().catch(() => signingIn(null)) : signingIn(state)

  // On opening: an invitation link joins and signs in; else a session this browser already has carries on.
  useEffect(() => {
    const invitation = invitationIn(location.hash)
    if (invitation) {
      // The token is used once: out of the address (and the history) at once.
      history.replaceState(null, '', `${location.pathname}${location.search}`)
      api.acceptInvitation(invitation).then(carryOn, (error) => signingIn(null, invitationProblem(error)))
      return
    }
    api.signInState().then(carryOn, () => signingIn(null))
  }, [])

  function invitationProblem(error: unknown): string {
    if (error instanceof ApiError && error.code === 'link_expired') return tr('staff.invite.expired')
    if (error instanceof ApiError && error.code === 'already_used') return tr('staff.invite.used')
    if (error instanceof ApiError && error.status === 404) return tr('staff.invite.gone')
    return w.problem(error)
  }

  const idleMinutes = () => {
    const idleMs = clockRef.current?.idleMs
    return idleMs ? Math.round(idleMs / 60_000) : 15
  }

  /** Hides the console at once: nothing of the practice stays on screen. */
  function endSession(notice: string) {
    endedRef.current += 1
    setClock(null)
    setWarning(false)
    setTherapistId(null)
    signingIn(null, notice)
  }

  /** The sign-in screen's note, changed in place (what someone has typed there stays). */
  const noteOnSignIn = (notice: string) =>
    setPhase((current) => (current.kind === 'signing-in' ? { ...current, notice } : current))

  /** "Signed out" is said once the server has ended the session, not before. */
  function signOut(note: 'staff.signin.signedOut' | 'idle' = 'staff.signin.signedOut') {
    const minutes = idleMinutes()
    endSession(tr('staff.signin.signingOut'))
    api.signOut().then(
      () => noteOnSignIn(note === 'idle' ? tr('staff.signin.idleEnded', { minutes }) : tr(note)),
      () => noteOnSignIn(tr('staff.signin.signOutFailed', { minutes })),
    )
  }

  // One timer to the next change (the warning, the end), never a tick or a poll.
  useEffect(() => {
    if (!clock) return
    const now = Date.now()
    const phaseNow = idlePhase(clock, now)
    if (phaseNow === 'ended') {
      signOut('idle')
      return
    }
    setWarning(phaseNow === 'warning')
    const at = nextChange(clock, now)
    if (at === null) return
    const timer = setTimeout(() => setClock((current) => current && { ...current }), Math.max(0, at - now) + 50)
    return () => clearTimeout(timer)
  }, [clock])

  const announce = (text: string) => {
    setAnnouncement('')
    requestAnimationFrame(() => setAnnouncement(text))
  }

  let body: ComponentChildren
  if (phase.kind === 'signing-in') {
    body = (
      <SignIn
        api={api}
        resume={phase.resume}
        notice={phase.notice}
        passkey={passkey}
        onSignedIn={() => loadMe().catch(() => signingIn(null))}
      />
    )
  } else if (phase.kind === 'starting') {
    body = (
      <main id="main" class="staff-main" tabIndex={-1}>
        <Loading />
      </main>
    )
  } else {
    const { me } = phase
    const role = me.user.role
    const viewer = { role, therapistId: me.user.therapist_id }
    const ctx: StaffContext = {
      api,
      me,
      viewer,
      therapistId,
      chooseTherapist: setTherapistId,
      announce,
      refreshMe: () => loadMe(),
    }
    const tabs = TABS.filter(([, action, resource]) => can(role, action, resource)).map(([name]) => name)
    const shown = tabs.includes(tab) ? tab : tabs[0]!
    body = (
      <>
        <header class="staff-top">
          <div class="staff-top-inner">
            <p class="practice">
              {me.practice.name}
              <span class="staff-badge">{tr('staff.title')}</span>
            </p>
            <div class="staff-who">
              <span>
                {tr('staff.signedInAs')} <strong>{me.user.name}</strong>
                <span class="staff-role">{tr(`staff.role.${role}`)}</span>
              </span>
              <AlertsShortcut openAlerts={openAlerts} tabInSight={alertsTabInSight} />
              <button type="button" class="link-button" onClick={() => signOut()}>
                {tr('staff.signOut')}
              </button>
            </div>
          </div>
          <ConsoleTabs tabs={tabs} shown={shown} openAlerts={openAlerts} onAlertsInSight={setAlertsTabInSight} />
        </header>
        {warning && (
          <IdleWarning
            onStay={() => {
              loadMe().catch(() => undefined)
            }}
            onSignOut={() => signOut()}
          />
        )}
        <main id="main" class="staff-main" tabIndex={-1}>
          {shown === 'calls' && <CallList ctx={ctx} />}
          {shown === 'inbox' && <Inbox ctx={ctx} />}
          {shown === 'alerts' && <Alerts ctx={ctx} />}
          {shown === 'moves' && <MoveRequests ctx={ctx} />}
          {shown === 'availability' && <AvailabilityScreen ctx={ctx} />}
          {shown === 'contact' && <ContactPolicyScreen ctx={ctx} />}
          {shown === 'cancellation' && <CancellationPolicyScreen ctx={ctx} />}
          {shown === 'reminders' && <ReminderSettingsScreen ctx={ctx} />}
          {shown === 'insights' && <Insights ctx={ctx} />}
          {shown === 'schedule' && <Schedule ctx={ctx} />}
          {shown === 'clients' && <Clients ctx={ctx} />}
          {shown === 'import' && <Import ctx={ctx} />}
          {shown === 'channels' && <WhatsappSettings ctx={ctx} />}
          {shown === 'team' && <Team ctx={ctx} />}
          {shown === 'integrations' && <Integrations ctx={ctx} />}
          {shown === 'audit' && <Audit ctx={ctx} />}
          {shown === 'account' && <Account ctx={ctx} passkeys={passkeys} />}
        </main>
      </>
    )
  }

  return (
    <WordsProvider value={w}>
      <a class="skip-link" href="#main">
        {tr('staff.skip')}
      </a>
      <div class="staff">{body}</div>
      <p class="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
    </WordsProvider>
  )
}
