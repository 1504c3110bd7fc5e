import { useEffect, useState } from 'preact/hooks'
import type { NotificationSettings as Settings, UrgentChannel } from '../../shared/schemas/notifications'
import { Done, Loading, Problem } from '../../ui/States'
import { useLoad } from '../../ui/use-load'
import { useWords } from '../i18n'
import type { NotificationsApi } from '../notifications'
import { Choice, SubmitActions, TitledSection } from './Parts'
import { useSubmit } from './FormFields'

const CHANNELS: readonly UrgentChannel[] = ['email', 'sms', 'push']
const PACES: readonly Settings['new_messages'][] = ['immediately', 'hourly', 'off']

/**
 * "How Hearth tells you" for the Account screen: where urgent alerts reach you (at any hour),
 * how often you hear of clients' new messages, and the morning digest of open alerts.
 */
export function NotificationSettings({ api }: { api: NotificationsApi }) {
  const { tr } = useWords()
  const loaded = useLoad(() => api.load(), [])
  const [settings, setSettings] = useState<Settings | null>(null)
  const { busy, problem, submit } = useSubmit()
  const [saved, setSaved] = useState(false)
  useEffect(() => {
    if (loaded.state === 'ready') setSettings(loaded.data)
  }, [loaded.state])

  const change = (patch: Partial<Settings>) => {
    setSaved(false)
    setSettings((current) => (current ? { ...current, ...patch } : current))
  }
  /** Channels stay in the order they are shown, whatever order they were ticked in. */
  const toggleUrgent = (channel: UrgentChannel, on: boolean) =>
    settings &&
    change({
      urgent: on
        ? CHANNELS.filter((c) => c === channel || settings.urgent.includes(c))
        : settings.urgent.filter((c) => c !== channel),
    })
  async function save(event: Event) {
    event.preventDefault()
    if (!settings) return
    await submit(async () => {
      setSettings(await api.save(settings))
      setSaved(true)
    })
  }

  return (
    <TitledSection
      class="account-section notification-settings"
      id="notifications-title"
      title={tr('staff.notify.title')}
    >
      {loaded.state === 'error' ? (
        <Problem compact error={loaded.error} onRetry={loaded.reload} />
      ) : !settings ? (
        <Loading />
      ) : (
        <form class="form" onSubmit={save} noValidate>
          <fieldset class="pills" aria-describedby="notify-urgent-hint">
            <legend>{tr('staff.notify.urgent')}</legend>
            {CHANNELS.map((channel) => (
              <Choice
                key={channel}
                type="checkbox"
                wrapper="span"
                class="pill"
                id={`notify-urgent-${channel}`}
                checked={settings.urgent.includes(channel)}
                onChange={(on) => toggleUrgent(channel, on)}
                label={tr(`staff.notify.channel.${channel}`)}
              />
            ))}
            <p id="notify-urgent-hint" class="hint">
              {tr(settings.urgent.length ? 'staff.notify.urgentHint' : 'staff.notify.urgentNone')}
            </p>
          </fieldset>
          <fieldset class="categories">
            <legend>{tr('staff.notify.messages')}</legend>
            {PACES.map((pace) => (
              <Choice
                key={pace}
                label={tr(`staff.notify.pace.${pace}`)}
                hint={tr(`staff.notify.paceHint.${pace}`)}
                type="radio"
                name="notify-messages"
                class="radio"
                id={`notify-messages-${pace}`}
                checked={settings.new_messages === pace}
                onChange={() => change({ new_messages: pace })}
              />
            ))}
          </fieldset>
          <Choice
            type="checkbox"
            class="check check-plain"
            id="notify-digest"
            checked={settings.daily_digest}
            onChange={(on) => change({ daily_digest: on })}
            label={tr('staff.notify.digest')}
            hint={tr('staff.notify.digestHint')}
          />
          <SubmitActions busy={busy} label={tr('staff.notify.save')} />
          {saved && <Done>{tr('staff.notify.saved')}</Done>}
          {problem !== null && <Problem compact error={problem} />}
        </form>
      )}
    </TitledSection>
  )
}
