import { useState } from 'preact/hooks'
import type { DAY_PARTS as SharedParts, WEEKDAYS as SharedDays } from '../../../shared/schemas/portal'
import { DAY_PART_HOURS, OFFER_OPEN_HOURS } from '../../../shared/policy/waitlist-offers'
import { Screen } from '../components/Screen'
import { Done, Problem } from '../../../ui/States'
import { useWords } from '../i18n/signed-in'
import type { PortalContext } from '../Portal'

// The schema module carries zod; the widget keeps its own copies, typed against the contract.
const WEEKDAYS: typeof SharedDays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']
const DAY_PARTS: typeof SharedParts = ['morning', 'afternoon', 'evening']

/** Joining (or leaving) a therapist's cancellation list, with the days and times that would work. */
export function Waitlist({ ctx, therapistId }: { ctx: PortalContext; therapistId?: string | undefined }) {
  const { tr, locale } = useWords()
  const hour = (h: number) => hourOfDay(h, locale)
  const therapists = ctx.me.therapists
  const [therapist, setTherapist] = useState(therapists.find((t) => t.id === therapistId) ?? therapists[0])
  const [days, setDays] = useState<string[]>([])
  const [times, setTimes] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<unknown>(null)
  const [result, setResult] = useState<'joined' | 'left' | null>(null)
  const home = () => ctx.go({ name: 'home' })
  if (!therapist) return null
  const onList = ctx.me.waitlist.some((w) => w.therapist_id === therapist.id)
  const byId = therapists.length > 1 ? { therapist_id: therapist.id } : {}
  const dayName = (index: number) =>
    new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + index)))
  const toggle = (list: string[], value: string) =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value]

  async function act(event: Event) {
    event.preventDefault()
    setBusy(true)
    setProblem(null)
    try {
      if (onList && result !== 'joined') {
        await ctx.api.leaveWaitlist(byId)
        setResult('left')
        ctx.announce(tr('widget.waitlist.left', { therapist: therapist!.name }))
      } else {
        await ctx.api.joinWaitlist({ ...byId, preferred_days: days, preferred_times: times })
        setResult('joined')
        ctx.announce(tr('widget.waitlist.joined', { therapist: therapist!.name }))
        ctx.bridge.emit('waitlist-joined')
      }
      ctx.refresh()
    } catch (error) {
      setProblem(error)
    } finally {
      setBusy(false)
    }
  }

  const title = tr('widget.waitlist.title')
  if (result) {
    return (
      <Screen title={title} onBack={home} backLabel={tr('widget.sessions.title')}>
        <Done key={result} takeFocus>
          {result === 'joined'
            ? tr('widget.waitlist.joined', { therapist: therapist.name })
            : tr('widget.waitlist.left', { therapist: therapist.name })}
        </Done>
        <div class="actions">
          <button type="button" class="button button-secondary" onClick={home}>
            {tr('widget.sessions.title')}
          </button>
        </div>
      </Screen>
    )
  }

  return (
    <Screen
      title={title}
      lead={tr('widget.waitlist.lead', { therapist: therapist.name })}
      onBack={home}
      backLabel={tr('widget.sessions.title')}
    >
      {therapists.length > 1 && (
        <fieldset class="categories">
          <legend>{tr('widget.waitlist.withWhom')}</legend>
          {therapists.map((t) => (
            <div class="radio" key={t.id}>
              <input
                type="radio"
                id={`t-${t.id}`}
                name="therapist"
                checked={t.id === therapist.id}
                onChange={() => setTherapist(t)}
              />
              <label for={`t-${t.id}`}>{t.name}</label>
            </div>
          ))}
        </fieldset>
      )}
      <form class="form" onSubmit={act} noValidate>
        {onList ? (
          <div class="notice notice-info">
            <p>{tr('widget.waitlist.onList', { therapist: therapist.name })}</p>
          </div>
        ) : (
          <>
            <fieldset class="pills">
              <legend>{tr('widget.waitlist.days')}</legend>
              {WEEKDAYS.map((day, index) => (
                <span class="pill" key={day}>
                  <input
                    type="checkbox"
                    id={`day-${day}`}
                    checked={days.includes(day)}
                    onChange={() => setDays(toggle(days, day))}
                  />
                  <label for={`day-${day}`}>{dayName(index)}</label>
                </span>
              ))}
            </fieldset>
            <fieldset class="pills">
              <legend>{tr('widget.waitlist.times')}</legend>
              {DAY_PARTS.map((part) => (
                <span class="pill" key={part}>
                  <input
                    type="checkbox"
                    id={`part-${part}`}
                    checked={times.includes(part)}
                    onChange={() => setTimes(toggle(times, part))}
                  />
                  <label for={`part-${part}`}>
                    {tr(`widget.waitlist.part.${part}`, {
                      from: hour(DAY_PART_HOURS[part].from),
                      to: hour(DAY_PART_HOURS[part].to),
                    })}
                  </label>
                </span>
              ))}
            </fieldset>
            <p class="hint">{tr('widget.waitlist.anyHint')}</p>
            <p class="fine">{tr('widget.waitlist.howOffer', { hours: OFFER_OPEN_HOURS })}</p>
          </>
        )}
        {problem !== null && <Problem error={problem} />}
        <div class="actions">
          <button
            type="submit"
            class={`button ${onList ? 'button-secondary' : 'button-primary'}`}
            disabled={busy}
            aria-busy={busy}
          >
            {onList ? tr('widget.waitlist.leave') : tr('widget.waitlist.join')}
          </button>
        </div>
      </form>
    </Screen>
  )
}

/** A whole hour the way the locale writes it on a clock: "8 am", "12 pm"; "8:00"; "8 h". */
function hourOfDay(hour: number, locale: string): string {
  if (locale === 'en') return `${hour % 12 || 12} ${hour < 12 ? 'am' : 'pm'}`
  return locale === 'fr' ? `${hour} h` : `${hour}:00`
}
