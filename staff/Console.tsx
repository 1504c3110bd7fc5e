import type { Viewer } from '../shared/policy/access'
import type { ComponentChildren } from 'preact'
import { useEffect, useMemo, useState } from 'preact/hooks'
import type { KeyIdentity } from '../shared/schemas/practice-tools'
import { readConsoleHash } from '../shared/console-links'
import { chooseLocale } from '../ui/locale'
import { Loading } from '../ui/States'
import { WordsProvider } from '../ui/words'
import { words } from './i18n'
import { httpStaffApi, type StaffApi } from './api'
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
import { SignIn } from './screens/SignIn'
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
const TABS: Tab[] = [
  'calls',
  'inbox',
  'alerts',
  'schedule',
  'clients',
  'moves',
  'availability',
  'import',
  'contact',
  'cancellation',
  'reminders',
  'insights',
]
/** Tabs only the practice's admins use (a therapist key would only see a note there). */
const ADMIN_TABS: Tab[] = ['import']

/** What every screen gets: the API with the signed-in key, who that key is, and a live region. */
export type StaffContext = {
  api: StaffApi
  identity: KeyIdentity
  /** Whose records the signed-in person sees (shared/policy/access.ts). */
  viewer: Viewer
  /** The therapist whose calls and policy are shown: the key's own, or the one an admin picked. */
  therapistId: string | null
  /** A therapist id, or an update from the current choice (so a default never overrides a pick made meanwhile). */
  chooseTherapist: (choice: string | ((current: string | null) => string | null)) => void
  announce: (text: string) => void
}

type Store = { read(): string | null; write(key: string | null): void }

/** `#inbox` or `#inbox/<thread id>` (a page's or an alert's link): the tab; anything else: the calls. */
const tabFromHash = (hash: string): Tab => {
  const name = (readConsoleHash(hash)?.tab ?? '') as Tab
  return TABS.includes(name) ? name : 'calls'
}

/**
 * The staff console: sign in with an API key (kept in this tab's sessionStorage, never in the
 * address), then the call list, alerts, policies and insights. Tabs are plain links to `#name`.
 */
export function Console({
  store,
  languages,
  makeApi = httpStaffApi,
}: {
  store: Store
  languages: readonly string[]
  makeApi?: (key: string) => StaffApi
}) {
  const [key, setKey] = useState(() => store.read())
  const [identity, setIdentity] = useState<KeyIdentity | null>(null)
  const [tab, setTab] = useState<Tab>(() => tabFromHash(location.hash))
  const [therapistId, setTherapistId] = useState<string | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const [signedOut, setSignedOut] = useState(false)
  const api = useMemo(() => (key ? makeApi(key) : null), [key])
  const locale = chooseLocale(['en', 'es', 'fr'], ...languages)
  const w = useMemo(() => words(locale, identity?.practice.time_zone ?? 'UTC'), [locale, identity])
  const { tr } = w

  useEffect(() => {
    // Other fragments (the skip link's #main) leave the tab as it is.
    const onHash = () => {
      const name = (readConsoleHash(location.hash)?.tab ?? '') as Tab
      if (TABS.includes(name)) setTab(name)
    }
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])

  useEffect(() => {
    document.documentElement.lang = locale
    document.title = identity ? tr('staff.pageTitle', { practice: identity.practice.name }) : tr('staff.title')
  }, [locale, identity])

  // A key kept from earlier in this tab is checked again; a revoked one signs out.
  useEffect(() => {
    if (!api || identity) return
    api.whoami().then(
      (who) => {
        setIdentity(who)
        setTherapistId(who.therapist?.id ?? null)
      },
      () => signOut(),
    )
  }, [api])

  function signOut() {
    store.write(null)
    setKey(null)
    setIdentity(null)
    setTherapistId(null)
    setSignedOut(true)
  }

  const announce = (text: string) => {
    setAnnouncement('')
    requestAnimationFrame(() => setAnnouncement(text))
  }

  let body: ComponentChildren
  if (!key || !api) {
    body = (
      <SignIn
        makeApi={makeApi}
        notice={signedOut ? tr('staff.signin.signedOut') : null}
        onSignedIn={(newKey, who) => {
          store.write(newKey)
          setKey(newKey)
          setIdentity(who)
          setTherapistId(who.therapist?.id ?? null)
          setSignedOut(false)
        }}
      />
    )
  } else if (!identity) {
    body = (
      <main id="main" class="staff-main" tabIndex={-1}>
        <Loading />
      </main>
    )
  } else {
    const viewer = { role: identity.role, therapistId: identity.therapist?.id ?? null }
    const ctx: StaffContext = { api, identity, viewer, therapistId, chooseTherapist: setTherapistId, announce }
    const who = identity.therapist?.name ?? tr('staff.role.admin')
    body = (
      <>
        <header class="staff-top">
          <div class="staff-top-inner">
            <p class="practice">
              {identity.practice.name}
              <span class="staff-badge">{tr('staff.title')}</span>
            </p>
            <div class="staff-who">
              <span>
                {tr('staff.signedInAs')} <strong>{who}</strong>
              </span>
              <button type="button" class="link-button" onClick={signOut}>
                {tr('staff.signOut')}
              </button>
            </div>
          </div>
          <nav class="staff-nav" aria-label={tr('staff.nav')}>
            <ul>
              {TABS.filter((name) => viewer.role === 'admin' || !ADMIN_TABS.includes(name)).map((name) => (
                <li key={name}>
                  <a href={`#${name}`} aria-current={tab === name ? 'page' : undefined}>
                    {tr(`staff.tab.${name}`)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" class="staff-main" tabIndex={-1}>
          {tab === 'calls' && <CallList ctx={ctx} />}
          {tab === 'inbox' && <Inbox ctx={ctx} />}
          {tab === 'alerts' && <Alerts ctx={ctx} />}
          {tab === 'moves' && <MoveRequests ctx={ctx} />}
          {tab === 'availability' && <AvailabilityScreen ctx={ctx} />}
          {tab === 'contact' && <ContactPolicyScreen ctx={ctx} />}
          {tab === 'cancellation' && <CancellationPolicyScreen ctx={ctx} />}
          {tab === 'reminders' && <ReminderSettingsScreen ctx={ctx} />}
          {tab === 'insights' && <Insights ctx={ctx} />}
          {tab === 'schedule' && <Schedule ctx={ctx} />}
          {tab === 'clients' && <Clients ctx={ctx} />}
          {tab === 'import' && <Import ctx={ctx} />}
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
