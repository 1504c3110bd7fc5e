import { useState } from 'preact/hooks'
import type { PortalAppointment } from '../../../shared/schemas/portal'
import { Screen } from '../components/Screen'
import { Done, Problem } from '../../../ui/States'
import { useWords } from '../i18n/signed-in'
import type { PortalContext } from '../Portal'

/** After a missed session: warm, shame-free, a way to find another time; explaining is optional. */
export function Missed({
  ctx,
  appointment: a,
  onDone,
}: {
  ctx: PortalContext
  appointment: PortalAppointment
  onDone: () => void
}) {
  const { tr, when } = useWords()
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<unknown>(null)
  const [done, setDone] = useState(false)

  async function ask(event: Event) {
    event.preventDefault()
    setBusy(true)
    setProblem(null)
    try {
      await ctx.api.requestReschedule(a.id, note.trim() || undefined)
      setDone(true)
      ctx.announce(tr('widget.missed.asked', { therapist: a.therapist.name }))
    } catch (error) {
      setProblem(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Screen
      title={tr('widget.missed.title', { day: when(a.starts_at, 'day') })}
      onBack={onDone}
      backLabel={tr('widget.sessions.title')}
    >
      {done ? (
        <>
          <Done>{tr('widget.missed.asked', { therapist: a.therapist.name })}</Done>
          <div class="actions">
            <button type="button" class="button button-secondary" onClick={onDone}>
              {tr('widget.sessions.title')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p>{tr('widget.missed.body', { therapist: a.therapist.name })}</p>
          <form class="form" onSubmit={ask} noValidate>
            <div class="field">
              <label for="note">{tr('widget.missed.noteLabel', { therapist: a.therapist.name })}</label>
              <textarea
                id="note"
                rows={4}
                maxLength={1000}
                value={note}
                onInput={(e) => setNote(e.currentTarget.value)}
                aria-describedby="note-hint"
              />
              <p id="note-hint" class="hint">
                {tr('widget.missed.noteHint')}
              </p>
            </div>
            {problem !== null && <Problem error={problem} />}
            <div class="actions">
              <button type="submit" class="button button-primary" disabled={busy} aria-busy={busy}>
                {tr('widget.missed.ask')}
              </button>
            </div>
          </form>
        </>
      )}
    </Screen>
  )
}
