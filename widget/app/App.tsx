import { useEffect, useMemo, useState } from 'preact/hooks'
import type { PortalConfig, PortalMe } from '../../shared/schemas/portal'
import type { PortalApi } from './api'
import type { Boot } from './boot'
import { chooseLocale } from '../../ui/locale'
import type { Bridge } from './bridge'
import { actedSinceFocus, focusHeading } from './components/Screen'
import { Loading } from '../../ui/States'
import { browserZone, WordsProvider } from '../../ui/words'
import { helpNowLabel } from '../../shared/crisis'
import { words } from './i18n'
import { useIdle } from './idle'
import type PortalView from './Portal'
import { Help } from './screens/Help'
import { SignIn } from './screens/SignIn'
import type { SessionStore } from './session-store'
import { LineIcon } from '../../ui/LineIcon'

type Props = {
  boot: Boot
  api: PortalApi
  bridge: Bridge
  store: SessionStore
  now?: () => number
  languages?: readonly string[]
  /** Loads the signed-in part; a separate chunk so the sign-in form is usable sooner. */
  loadPortal?: () => Promise<typeof PortalView>
}

const defaultNow = () => Date.now()
const importPortal = () => import('./Portal').then((m) => m.default)

export function App({
  boot,
  api,
  bridge,
  store,
  now = defaultNow,
  languages = navigator.languages ?? [],
  loadPortal = importPortal,
}: Props) {
  const [signedIn, setSignedIn] = useState(() => api.isSignedIn())
  const [notice, setNotice] = useState<'idle' | 'expired' | 'signedOut' | null>(null)
  const [config, setConfig] = useState<PortalConfig | null>(null)
  const [me, setMe] = useState<PortalMe | null>(null)
  const [helpOpen, setHelpOpen] = useState(false)
  const [announcement, setAnnouncement] = useState('')
  const [Portal, setPortal] = useState<typeof PortalView | null>(null)

  const practiceName = config?.practice.name ?? boot.practice.name
  const locale = chooseLocale(config?.locales ?? boot.practice.locales, boot.locale, me?.client.locale, ...languages)
  const w = useMemo(() => words(locale, me?.client.time_zone ?? browserZone()), [locale, me?.client.time_zone])
  const { tr } = w

  useEffect(() => {
    document.documentElement.lang = locale
    document.title = practiceName ? tr('widget.pageTitle', { practice: practiceName }) : tr('widget.launcher')
  }, [locale, practiceName])

  useEffect(() => {
    api.config().then(setConfig, () => {})
    api.onSessionEnded(() => {
      setSignedIn(false)
      setMe(null)
      setNotice('expired')
      bridge.emit('signed-out')
    })
    const acted = actedSinceFocus()
    bridge.onOpened(() => {
      if (!acted()) focusHeading()
    })
    bridge.onSignIn((token) =>
      api.exchange(token).then(
        () => {
          setNotice(null)
          setSignedIn(true)
          bridge.emit('signed-in')
        },
        // A stale or refused token leaves the ordinary sign-in form, which always works.
        () => {},
      ),
    )
    bridge.ready()
    // Escape closes the panel from inside it too (keys pressed in the frame never reach the host page).
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && boot.mode === 'panel') bridge.close()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [])

  useEffect(() => {
    // Fetch the signed-in part right after the sign-in form is up (or at once when already signed in).
    const timer = setTimeout(() => loadPortal().then((view) => setPortal(() => view)), signedIn ? 0 : 300)
    return () => clearTimeout(timer)
  }, [])

  async function signOut(reason: 'idle' | 'signedOut') {
    setSignedIn(false)
    setMe(null)
    setHelpOpen(false)
    setNotice(reason)
    await api.signOut()
    bridge.emit('signed-out')
    setAnnouncement(reason === 'idle' ? tr('widget.signout.idle') : tr('widget.signout.done'))
  }

  const idle = useIdle({
    enabled: signedIn,
    now,
    lastActive: store.read()?.last_active,
    onActivity: (at) => {
      const session = store.read()
      if (session) store.write({ ...session, last_active: at })
    },
    onTimeout: () => signOut('idle'),
  })

  const noticeText =
    notice === 'idle'
      ? tr('widget.signout.idle')
      : notice === 'expired'
        ? tr('widget.signout.expired')
        : notice === 'signedOut'
          ? tr('widget.signout.done')
          : null
  const announce = (text: string) => {
    setAnnouncement('')
    requestAnimationFrame(() => setAnnouncement(text))
  }

  return (
    <WordsProvider value={w}>
      <div class={`portal mode-${boot.mode}`}>
        <header class="topbar">
          <p class="practice">{practiceName || '\u00a0'}</p>
          <button type="button" class="help-now" onClick={() => setHelpOpen(true)} aria-expanded={helpOpen}>
            {helpNowLabel(locale)}
          </button>
          {boot.mode === 'panel' && (
            <button type="button" class="icon-button" onClick={() => bridge.close()} aria-label={tr('widget.close')}>
              <LineIcon d="m5 5 10 10M15 5 5 15" size={20} />
            </button>
          )}
        </header>

        {idle.warning && signedIn && (
          <div class="notice notice-info idle" role="alert">
            <p>{tr('widget.idle.warning')}</p>
            <button type="button" class="button button-secondary button-small" onClick={idle.stay}>
              {tr('widget.idle.stay')}
            </button>
          </div>
        )}

        <main class="content">
          {helpOpen && (
            <Help
              resources={me?.crisis_resources ?? config?.crisis_resources ?? null}
              phone={config?.practice.phone ?? me?.practice.phone}
              onBack={() => {
                setHelpOpen(false)
                requestAnimationFrame(() => focusHeading())
              }}
            />
          )}
          <div hidden={helpOpen}>
            {!signedIn ? (
              <SignIn
                api={api}
                practiceName={practiceName}
                notice={noticeText}
                onSignedIn={() => {
                  setNotice(null)
                  setSignedIn(true)
                  bridge.emit('signed-in')
                  if (!Portal) loadPortal().then((view) => setPortal(() => view))
                }}
              />
            ) : Portal ? (
              <Portal
                api={api}
                bridge={bridge}
                config={config}
                announce={announce}
                onMe={setMe}
                now={now}
                initial={boot.initial}
              />
            ) : (
              <Loading />
            )}
          </div>
        </main>

        {signedIn && (
          <footer class="footer">
            <button type="button" class="link-button" onClick={() => signOut('signedOut')}>
              {tr('widget.signout.button')}
            </button>
          </footer>
        )}
        <p class="sr-only" role="status" aria-live="polite">
          {announcement}
        </p>
      </div>
    </WordsProvider>
  )
}
