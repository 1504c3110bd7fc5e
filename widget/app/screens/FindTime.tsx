import { useState } from 'preact/hooks'
import type { Slot } from '../../../shared/schemas/availability'
import type { PortalAppointment } from '../../../shared/schemas/portal'
import { zoneAbbreviation } from '../../../shared/time/format'
import { ApiError } from '../../../ui/api-client'
import { Done, Loading, Problem } from '../../../ui/States'
import { useLoad } from '../../../ui/use-load'
import type { FreeTimes } from '../api'
import { Screen } from '../components/Screen'
import { SlotChoice } from '../components/SlotChoice'
import { useWords } from '../i18n/signed-in'
import type { PortalContext } from '../Portal'
import { VideoInstead } from './VideoInstead'

/**
 * "Find another time": the practice's rule first (in the words the server enforces), then the
 * therapist's free times grouped by day in the client's own zone, named (components/SlotChoice),
 * one button moves the session or asks for the time, and "none fit? ask the practice" is always there.
 */
export function FindTime({ ctx, appointment: a }: { ctx: PortalContext; appointment: PortalAppointment }) {
  const words = useWords()
  const { tr, when } = words
  const loaded = useLoad(() => ctx.api.slots(a.id), [a.id])
  const [fresh, setFresh] = useState<FreeTimes | null>(null)
  const [chosen, setChosen] = useState<string | null>(null)
  const [acknowledged, setAcknowledged] = useState(false)
  const [fieldError, setFieldError] = useState<'choose' | 'acknowledge' | null>(null)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<unknown>(null)
  const [taken, setTaken] = useState(false)
  const [done, setDone] = useState<string | null>(null)
  const back = () => ctx.go({ name: 'session', id: a.id })

  if (done) {
    return (
      <Screen
        title={tr('widget.move.title')}
        onBack={() => ctx.go({ name: 'home' })}
        backLabel={tr('widget.sessions.title')}
      >
        <Done>{done}</Done>
        <div class="actions">
          <button type="button" class="button button-secondary" onClick={() => ctx.go({ name: 'home' })}>
            {tr('widget.sessions.title')}
          </button>
        </div>
      </Screen>
    )
  }
  if (loaded.state !== 'ready') {
    return (
      <Screen title={tr('widget.move.title')} onBack={back}>
        {loaded.state === 'loading' ? (
          <Loading label={tr('widget.move.loading')} />
        ) : (
          <Problem error={loaded.error} onRetry={loaded.reload} />
        )}
      </Screen>
    )
  }

  const times = fresh ?? loaded.data
  const { rule } = times
  const zone = zoneAbbreviation(times.data[0]?.starts_at ?? ctx.now(), words.zone, words.locale)

  async function ask() {
    setBusy(true)
    setProblem(null)
    try {
      await ctx.api.requestReschedule(a.id)
      setDone(tr('widget.missed.asked', { therapist: a.therapist.name }))
    } catch (error) {
      setProblem(error)
    } finally {
      setBusy(false)
    }
  }

  async function submit(event: Event) {
    event.preventDefault()
    if (!chosen) return setFieldError('choose')
    if (rule.needs_acknowledgement && !acknowledged) return setFieldError('acknowledge')
    setFieldError(null)
    setBusy(true)
    setProblem(null)
    setTaken(false)
    try {
      const answer = await ctx.api.reschedule(a.id, {
        starts_at: chosen,
        ...(rule.needs_acknowledgement && { acknowledge_late: true }),
      })
      const message = answer.kind === 'moved' ? tr('widget.move.moved', { when: when(chosen) }) : answer.message
      setDone(message)
      ctx.announce(message)
      ctx.refresh()
    } catch (error) {
      if (error instanceof ApiError && error.code === 'slot_taken' && Array.isArray(error.details?.slots)) {
        setFresh({ ...times, data: error.details.slots as Slot[] })
        setChosen(null)
        setTaken(true)
      } else setProblem(error)
    } finally {
      setBusy(false)
    }
  }

  const refused = rule.outcome === 'refused'
  return (
    <Screen
      title={tr('widget.move.title')}
      lead={refused ? undefined : tr('widget.move.lead', { therapist: a.therapist.name, zone })}
      onBack={back}
    >
      <p class="policy-text">{rule.text}</p>
      {!refused && (
        <form class="form" onSubmit={submit} noValidate>
          {times.data.length === 0 && <p>{tr('widget.move.none')}</p>}
          <SlotChoice slots={times.data} chosen={chosen} onChoose={setChosen} missing={fieldError === 'choose'} />
          {rule.needs_acknowledgement && (
            <div class={`check${fieldError === 'acknowledge' ? ' check-error' : ''}`}>
              <input
                type="checkbox"
                id="acknowledge"
                checked={acknowledged}
                onChange={(e) => setAcknowledged(e.currentTarget.checked)}
                aria-describedby={fieldError === 'acknowledge' ? 'acknowledge-error' : undefined}
              />
              <label for="acknowledge">{tr('widget.move.acknowledge')}</label>
              {fieldError === 'acknowledge' && (
                <p id="acknowledge-error" class="field-error" role="alert">
                  {tr('widget.move.acknowledgeMissing')}
                </p>
              )}
            </div>
          )}
          {taken && <Problem>{tr('widget.move.taken')}</Problem>}
          {problem !== null && <Problem error={problem} />}
          {times.data.length > 0 && (
            <div class="actions">
              <button type="submit" class="button button-primary" disabled={busy} aria-busy={busy}>
                {rule.outcome === 'request' ? tr('widget.move.submitRequest') : tr('widget.move.submit')}
              </button>
            </div>
          )}
        </form>
      )}
      {times.can_switch_to_video && <VideoInstead ctx={ctx} appointment={a} />}
      <div class="policy">
        <p>{tr('widget.move.noneFit')}</p>
        <button type="button" class="button button-secondary" onClick={ask} disabled={busy}>
          {tr('widget.move.ask')}
        </button>
      </div>
    </Screen>
  )
}
