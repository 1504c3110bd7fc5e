import { useState } from 'preact/hooks'
import type { Slot } from '../../../shared/schemas/availability'
import type { PortalAppointment } from '../../../shared/schemas/portal'
import { zoneAbbreviation } from '../../../shared/time/format'
import { ApiError } from '../../../ui/api-client'
import { Done, Problem } from '../../../ui/States'
import { useLoad } from '../../../ui/use-load'
import { Screen } from '../components/Screen'
import { SlotChoice } from '../components/SlotChoice'
import { useWords } from '../i18n/signed-in'
import type { PortalContext } from '../Portal'
import { NoteField } from '../../../ui/NoteField'

/**
 * After a missed session: warm, shame-free. When the practice lets clients book themselves, the
 * therapist's free times for a new session as long as the missed one come first; asking the
 * practice (explaining is optional) is always there.
 */
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
  const times = useLoad(() => ctx.api.bookAgainTimes(a.id), [a.id])
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<unknown>(null)
  // Asked already (now or earlier): say so rather than offer the same form again.
  const [done, setDone] = useState(Boolean(a.reschedule_requested_at))
  const [booked, setBooked] = useState<string | null>(null)
  const askedOn = a.reschedule_requested_at ?? new Date(ctx.now()).toISOString()
  const bookedBefore = times.state === 'ready' ? times.data.booked : undefined

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

  const finished =
    booked ?? (bookedBefore ? tr('widget.missed.bookedAlready', { when: when(bookedBefore.starts_at) }) : null)
  return (
    <Screen
      title={tr('widget.missed.title', { day: when(a.starts_at, 'day') })}
      onBack={onDone}
      backLabel={tr('widget.sessions.title')}
    >
      {finished || done ? (
        <>
          <Done takeFocus>
            {finished ?? tr('widget.missed.alreadyAsked', { day: when(askedOn, 'day'), therapist: a.therapist.name })}
          </Done>
          <div class="actions">
            <button type="button" class="button button-secondary" onClick={onDone}>
              {tr('widget.sessions.title')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p>{tr('widget.missed.body', { therapist: a.therapist.name })}</p>
          {times.state === 'ready' && times.data.rule.outcome === 'book' && times.data.data.length > 0 && (
            <BookNew
              ctx={ctx}
              appointment={a}
              slots={times.data.data}
              rule={times.data.rule.text}
              onBooked={(message) => {
                setBooked(message)
                ctx.announce(message)
                ctx.refresh()
              }}
            />
          )}
          <form class="form" onSubmit={ask} noValidate>
            {times.state === 'ready' && times.data.rule.outcome === 'book' && times.data.data.length > 0 && (
              <h2 class="section-title">{tr('widget.missed.orAsk')}</h2>
            )}
            <NoteField
              id="note"
              label={tr('widget.missed.noteLabel', { therapist: a.therapist.name })}
              hint={tr('widget.missed.noteHint')}
              rows={4}
              maxLength={1000}
              value={note}
              onValue={setNote}
            />
            {problem !== null && <Problem error={problem} />}
            <div class="actions">
              <button
                type="submit"
                class={`button ${times.state === 'ready' && times.data.rule.outcome === 'book' ? 'button-secondary' : 'button-primary'}`}
                disabled={busy}
                aria-busy={busy}
              >
                {tr('widget.missed.ask')}
              </button>
            </div>
          </form>
        </>
      )}
    </Screen>
  )
}

/** The free times for a new session and one button to book it; a time taken meanwhile shows the rest. */
function BookNew({
  ctx,
  appointment: a,
  slots,
  rule,
  onBooked,
}: {
  ctx: PortalContext
  appointment: PortalAppointment
  slots: Slot[]
  rule: string
  onBooked: (message: string) => void
}) {
  const words = useWords()
  const { tr, when } = words
  const [shown, setShown] = useState(slots)
  const [chosen, setChosen] = useState<string | null>(null)
  const [missing, setMissing] = useState(false)
  const [taken, setTaken] = useState(false)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<unknown>(null)
  const zone = zoneAbbreviation(shown[0]?.starts_at ?? ctx.now(), words.zone, words.locale)

  async function book(event: Event) {
    event.preventDefault()
    if (!chosen) return setMissing(true)
    setMissing(false)
    setBusy(true)
    setProblem(null)
    setTaken(false)
    try {
      await ctx.api.bookAgain(a.id, chosen)
      onBooked(tr('widget.missed.booked', { when: when(chosen) }))
    } catch (error) {
      if (error instanceof ApiError && error.code === 'slot_taken' && Array.isArray(error.details?.slots)) {
        setShown(error.details.slots as Slot[])
        setChosen(null)
        setTaken(true)
      } else setProblem(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form class="form" onSubmit={book} noValidate>
      <p class="policy-text">{rule}</p>
      <p>{tr('widget.missed.bookLead', { therapist: a.therapist.name, zone })}</p>
      <SlotChoice slots={shown} chosen={chosen} onChoose={setChosen} missing={missing} />
      {taken && <Problem>{tr('widget.move.taken')}</Problem>}
      {problem !== null && <Problem error={problem} />}
      <div class="actions">
        <button type="submit" class="button button-primary" disabled={busy} aria-busy={busy}>
          {tr('widget.missed.book')}
        </button>
      </div>
    </form>
  )
}
