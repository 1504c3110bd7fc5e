import { useState } from 'preact/hooks'
import type { Locale } from '../../../shared/schemas/policies'
import type { PortalPreferences } from '../../../shared/schemas/portal'
import { Done, Loading, Problem } from '../../../ui/States'
import { useLoad } from '../../../ui/use-load'
import { Screen } from '../components/Screen'
import { useWords } from '../i18n/signed-in'
import type { PortalContext } from '../Portal'

type Channel = PortalPreferences['channels'][number]
const LANGUAGES: { locale: Locale; name: string }[] = [
  { locale: 'en', name: 'English' },
  { locale: 'es', name: 'Español' },
  { locale: 'fr', name: 'Français' },
]

/** Zones the browser knows, with the client's own first in the list if it is not among them. */
function timeZones(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []
  return known.includes(current) ? known : [current, ...known]
}

/**
 * How the practice reaches the client, chosen by the client: which channels (each a consent of
 * theirs), in what order (the first that works is used, then the next), language and time zone.
 */
export function Preferences({ ctx }: { ctx: PortalContext }) {
  const { tr } = useWords()
  const loaded = useLoad(() => ctx.api.preferences())
  const home = () => ctx.go({ name: 'home' })
  return (
    <Screen
      title={tr('widget.preferences.title')}
      lead={tr('widget.preferences.lead')}
      onBack={home}
      backLabel={tr('widget.sessions.title')}
    >
      {loaded.state === 'loading' ? (
        <Loading />
      ) : loaded.state === 'error' ? (
        <Problem error={loaded.error} onRetry={loaded.reload} />
      ) : (
        <PreferencesForm ctx={ctx} initial={loaded.data} />
      )}
    </Screen>
  )
}

function PreferencesForm({ ctx, initial }: { ctx: PortalContext; initial: PortalPreferences }) {
  const { tr, when } = useWords()
  const [channels, setChannels] = useState<Channel[]>(initial.channels)
  const [locale, setLocale] = useState<Locale>(initial.locale)
  const [zone, setZone] = useState(initial.time_zone)
  const [saved, setSaved] = useState<PortalPreferences | null>(null)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<unknown>(null)
  const current = saved ?? initial
  const label = (channel: Channel) => tr(`widget.preferences.channel.${channel}`)
  const inSentence = (channel: Channel) => label(channel).toLocaleLowerCase(initial.locale)

  const toggle = (channel: Channel) =>
    setChannels(channels.includes(channel) ? channels.filter((c) => c !== channel) : [...channels, channel])
  const move = (index: number, by: -1 | 1) => {
    const next = [...channels]
    const [moved] = next.splice(index, 1)
    next.splice(index + by, 0, moved!)
    setChannels(next)
    ctx.announce(tr('widget.preferences.moved', { channel: label(moved!), position: index + by + 1 }))
  }

  async function save(event: Event) {
    event.preventDefault()
    setBusy(true)
    setProblem(null)
    try {
      const result = await ctx.api.savePreferences({ channels, locale, time_zone: zone })
      setSaved(result)
      setChannels(result.channels)
      const text = result.channels.length
        ? tr('widget.preferences.saved', { channel: inSentence(result.channels[0]!) })
        : tr('widget.preferences.savedNone')
      ctx.announce(text)
      ctx.refresh()
    } catch (error) {
      setProblem(error)
    } finally {
      setBusy(false)
    }
  }

  const unchosen = current.options.filter((o) => !channels.includes(o.channel))
  return (
    <form class="form" onSubmit={save} noValidate>
      {saved && (
        <Done>
          {saved.channels.length
            ? tr('widget.preferences.saved', { channel: inSentence(saved.channels[0]!) })
            : tr('widget.preferences.savedNone')}
        </Done>
      )}
      <fieldset>
        <legend>{tr('widget.preferences.channels')}</legend>
        <p class="hint">{tr('widget.preferences.channelsHint')}</p>
        {channels.length > 0 && (
          <ol class="channel-order">
            {channels.map((channel, index) => {
              const option = current.options.find((o) => o.channel === channel)
              return (
                <li class="channel-choice" key={channel}>
                  <input id={`ch-${channel}`} type="checkbox" checked onChange={() => toggle(channel)} />
                  <label for={`ch-${channel}`}>
                    <span class="channel-rank">
                      {index === 0 ? tr('widget.preferences.first') : tr('widget.preferences.then')}
                    </span>{' '}
                    {label(channel)}
                    {option?.consented && option.recorded_at && (
                      <span class="fine channel-since">
                        {tr('widget.preferences.since', { date: when(option.recorded_at, 'day') })}
                      </span>
                    )}
                  </label>
                  {channels.length > 1 && (
                    <span class="channel-moves">
                      <button
                        type="button"
                        class="button button-small"
                        disabled={index === 0}
                        onClick={() => move(index, -1)}
                        aria-label={tr('widget.preferences.up', { channel: label(channel) })}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        class="button button-small"
                        disabled={index === channels.length - 1}
                        onClick={() => move(index, 1)}
                        aria-label={tr('widget.preferences.down', { channel: label(channel) })}
                      >
                        ↓
                      </button>
                    </span>
                  )}
                </li>
              )
            })}
          </ol>
        )}
        {unchosen.length > 0 && (
          <ul class="channel-others" aria-label={tr('widget.preferences.others')}>
            {unchosen.map((option) => (
              <li class="channel-choice" key={option.channel}>
                <input
                  id={`ch-${option.channel}`}
                  type="checkbox"
                  checked={false}
                  disabled={!option.available}
                  aria-describedby={option.available ? undefined : `ch-${option.channel}-why`}
                  onChange={() => toggle(option.channel)}
                />
                <label for={`ch-${option.channel}`}>{label(option.channel)}</label>
                {!option.available && (
                  <p id={`ch-${option.channel}-why`} class="fine channel-why">
                    {tr(
                      option.unavailable_reason === 'no_phone'
                        ? 'widget.preferences.unavailable.no_phone'
                        : 'widget.preferences.unavailable.not_offered',
                    )}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
        {channels.length === 0 && <p class="notice notice-info">{tr('widget.preferences.none')}</p>}
      </fieldset>
      <div class="field">
        <label for="pref-language">{tr('widget.preferences.language')}</label>
        <select id="pref-language" value={locale} onChange={(e) => setLocale(e.currentTarget.value as Locale)}>
          {LANGUAGES.map((l) => (
            <option key={l.locale} value={l.locale} lang={l.locale}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="pref-zone">{tr('widget.preferences.timeZone')}</label>
        <select id="pref-zone" value={zone} onChange={(e) => setZone(e.currentTarget.value)}>
          {timeZones(zone).map((z) => (
            <option key={z} value={z}>
              {z.replace(/_/g, ' ')}
            </option>
          ))}
        </select>
      </div>
      {problem !== null && <Problem error={problem} />}
      <div class="actions">
        <button type="submit" class="button button-primary" disabled={busy} aria-busy={busy}>
          {tr('widget.preferences.save')}
        </button>
      </div>
    </form>
  )
}
