import type { VNode } from 'preact'
import { useEffect, useMemo, useState } from 'preact/hooks'
import type { PortalAppointment, PortalConfig, PortalMe } from '../../shared/schemas/portal'
import type { PortalApi } from './api'
import type { Initial } from './boot'
import type { Bridge } from './bridge'
import { Loading, Problem } from '../../ui/States'
import { WordsProvider } from '../../ui/words'
import { useWords as useFirstLoadWords } from './i18n'
import { useWords, words } from './i18n/signed-in'
import { Cancel } from './screens/Cancel'
import { FeeWaiver } from './screens/FeeWaiver'
import { FindTime } from './screens/FindTime'
import { Messages } from './screens/Messages'
import { Missed } from './screens/Missed'
import { Offer } from './screens/Offer'
import { Preferences } from './screens/Preferences'
import { browserPush, type PushBrowser } from '../../ui/push'
import { SessionDetail } from './screens/SessionDetail'
import { Sessions } from './screens/Sessions'
import { Waitlist } from './screens/Waitlist'
import { useLoad } from '../../ui/use-load'

export type Route =
  | { name: 'home' }
  | { name: 'session'; id: string }
  | { name: 'cancel'; id: string }
  | { name: 'reschedule'; id: string }
  | { name: 'missed'; id: string }
  | { name: 'messages'; therapistId?: string; crisis?: boolean }
  | { name: 'waitlist'; therapistId?: string }
  | { name: 'offer'; id: string }
  | { name: 'waiver'; id: string }
  | { name: 'preferences' }

export type PortalContext = {
  api: PortalApi
  bridge: Bridge
  me: PortalMe
  appointments: PortalAppointment[]
  config: PortalConfig | null
  go: (route: Route) => void
  /** Reloads sessions (and the client) after a change. */
  refresh: () => void
  announce: (text: string) => void
  now: () => number
  /** What this browser offers for reminders on the device (web push). */
  push: PushBrowser
}

type Props = {
  api: PortalApi
  bridge: Bridge
  config: PortalConfig | null
  announce: (text: string) => void
  onMe: (me: PortalMe) => void
  now?: () => number
  /** Where a link from an email or notification asked to go. */
  initial?: Initial | undefined
  push?: PushBrowser
}

function firstRoute(initial: Initial | undefined): Route {
  if (!initial?.id) return { name: 'home' }
  if (initial.show === 'offer') return { name: 'offer', id: initial.id }
  if (initial.show === 'missed') return { name: 'missed', id: initial.id }
  if (initial.show === 'session') return { name: 'session', id: initial.id }
  if (initial.show === 'messages') return { name: 'messages', therapistId: initial.id }
  if (initial.show === 'reschedule') return { name: 'reschedule', id: initial.id }
  if (initial.show === 'waiver') return { name: 'waiver', id: initial.id }
  return { name: 'home' }
}

/**
 * Everything behind sign-in, loaded as its own chunk so the sign-in form comes first; its words
 * (widget/app/i18n/signed-in) come with it and are given to its screens here.
 */
export default function Portal(props: Props) {
  const { locale, zone } = useFirstLoadWords()
  const signedIn = useMemo(() => words(locale, zone), [locale, zone])
  return (
    <WordsProvider value={signedIn}>
      <SignedIn {...props} />
    </WordsProvider>
  )
}

function SignedIn({
  api,
  bridge,
  config,
  announce,
  onMe,
  now = () => Date.now(),
  initial,
  push = browserPush(window),
}: Props) {
  const { tr } = useWords()
  const [route, setRoute] = useState<Route>(() => firstRoute(initial))
  const data = useLoad(async () => {
    const [me, appointments] = await Promise.all([api.me(), api.appointments()])
    return { me, appointments }
  })

  useEffect(() => {
    if (data.state === 'ready') onMe(data.data.me)
  }, [data.state === 'ready' && data.data.me])

  if (data.state === 'loading') return <Loading label={tr('widget.loadingSessions')} />
  if (data.state === 'error')
    return (
      <section class="screen">
        <h1 tabIndex={-1}>{tr('widget.sessions.title')}</h1>
        <Problem error={data.error} onRetry={data.reload} />
      </section>
    )

  const context: PortalContext = {
    api,
    bridge,
    config,
    me: data.data.me,
    appointments: data.data.appointments,
    go: setRoute,
    refresh: data.reload,
    announce,
    now,
    push,
  }
  const home = () => setRoute({ name: 'home' })
  /** A screen about one of the client's sessions; home when that session is not on the list. */
  const aboutSession = (id: string, screen: (appointment: PortalAppointment) => VNode) => {
    const appointment = context.appointments.find((a) => a.id === id)
    return appointment ? screen(appointment) : <Sessions ctx={context} />
  }

  switch (route.name) {
    case 'session':
      return aboutSession(route.id, (a) => <SessionDetail key={route.id} ctx={context} appointment={a} />)
    case 'cancel':
      return aboutSession(route.id, (a) => <Cancel key={route.id} ctx={context} appointment={a} />)
    case 'reschedule':
      return aboutSession(route.id, (a) => <FindTime key={route.id} ctx={context} appointment={a} />)
    case 'missed':
      return aboutSession(route.id, (a) => <Missed ctx={context} appointment={a} onDone={home} />)
    case 'messages':
      return <Messages ctx={context} therapistId={route.therapistId} startWithCrisis={route.crisis} />
    case 'waiver':
      return aboutSession(route.id, (a) => <FeeWaiver ctx={context} appointment={a} />)
    case 'offer':
      return <Offer ctx={context} id={route.id} />
    case 'preferences':
      return <Preferences ctx={context} />
    case 'waitlist':
      return <Waitlist ctx={context} therapistId={route.therapistId} />
    default:
      return <Sessions ctx={context} />
  }
}
