import { serviceName } from '../../../shared/services'
import { isOpen } from '../../../shared/policy/sessions'
import { useState } from 'preact/hooks'
import type { PortalAppointment } from '../../../shared/schemas/portal'
import { minutes, quoteNow } from '../appointments'
import { Screen } from '../components/Screen'
import { LateFeeCard } from './FeeWaiver'
import { Done, Problem } from '../../../ui/States'
import { useWords } from '../i18n/signed-in'
import type { PortalContext } from '../Portal'
import { confirmSession, StatusChip } from './parts'
import { displayPhone } from '../../../ui/phone'
import { TextWithPhone } from '../../../ui/TextWithPhone'

/** One session: when, with whom, where (or the video link near the start), and what the client can do. */
export function SessionDetail({ ctx, appointment: a }: { ctx: PortalContext; appointment: PortalAppointment }) {
  const words = useWords()
  const { tr, when } = words
  const [busy, setBusy] = useState<'confirm' | 'calendar' | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [calendarFile, setCalendarFile] = useState(false)
  const [problem, setProblem] = useState<unknown>(null)
  const quote = quoteNow(a, a.cancellation, {
    now: ctx.now(),
    zone: words.zone,
    locale: words.locale,
    phone: displayPhone(ctx.me.practice.phone),
  })

  async function confirm() {
    setBusy('confirm')
    setProblem(null)
    try {
      setDone(await confirmSession(ctx, words, a))
    } catch (error) {
      setProblem(error)
    } finally {
      setBusy(null)
    }
  }

  async function addToCalendar() {
    setBusy('calendar')
    setProblem(null)
    try {
      const file = await ctx.api.calendar(a.id)
      const url = URL.createObjectURL(new Blob([file], { type: 'text/calendar' }))
      const link = document.createElement('a')
      link.href = url
      link.download = 'appointment.ics'
      document.body.append(link)
      link.click()
      link.remove()
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
      setCalendarFile(true)
      ctx.announce(tr('widget.calendar.done'))
    } catch (error) {
      setProblem(error)
    } finally {
      setBusy(null)
    }
  }

  const upcoming = isOpen(a.status)
  return (
    <Screen title={when(a.starts_at)} onBack={() => ctx.go({ name: 'home' })} backLabel={tr('widget.sessions.title')}>
      <StatusChip appointment={a} />
      <dl class="facts">
        <div>
          <dt>{tr('widget.detail.with')}</dt>
          <dd>{a.therapist.name}</dd>
        </div>
        <div>
          <dt>{tr('widget.detail.what')}</dt>
          <dd>{tr('widget.detail.length', { type: serviceName(a.type, words.locale), minutes: minutes(a) })}</dd>
        </div>
        <div>
          <dt>{tr('widget.detail.where')}</dt>
          <dd>
            {a.telehealth_url ? (
              <a class="button button-primary" href={a.telehealth_url} target="_blank" rel="noopener noreferrer">
                {tr('widget.detail.join')}
              </a>
            ) : a.telehealth_opens_at ? (
              tr('widget.detail.videoLater', { when: when(a.telehealth_opens_at, 'medium') })
            ) : (
              (a.location ?? tr('widget.detail.locationUnknown'))
            )}
          </dd>
        </div>
      </dl>

      {a.late_fee && <LateFeeCard ctx={ctx} appointment={a} />}

      {done && (
        <Done key={done} takeFocus>
          {done}
        </Done>
      )}
      {problem !== null && <Problem error={problem} />}

      {upcoming && (
        <div class="actions">
          {a.can_confirm && !done && (
            <button
              type="button"
              class="button button-primary"
              onClick={confirm}
              disabled={busy !== null}
              aria-busy={busy === 'confirm'}
            >
              {tr('widget.confirm.button')}
            </button>
          )}
          <button
            type="button"
            class="button button-secondary"
            onClick={addToCalendar}
            disabled={busy !== null}
            aria-busy={busy === 'calendar'}
          >
            {tr('widget.calendar.add')}
          </button>
        </div>
      )}
      {calendarFile && (
        <p class="fine calendar-done">
          <span aria-hidden="true">✓ </span>
          {tr('widget.calendar.done')}
        </p>
      )}

      {upcoming && (
        <div class="policy">
          <h2 class="section-title">{tr('widget.detail.cantMakeIt')}</h2>
          {quote && (
            <p>
              <TextWithPhone text={quote.policy_text} phone={ctx.me.practice.phone} />
            </p>
          )}
          <button
            type="button"
            class="button button-secondary"
            onClick={() => ctx.go({ name: 'reschedule', id: a.id })}
          >
            {tr('widget.detail.findTime')}
          </button>
          <button type="button" class="button button-quiet" onClick={() => ctx.go({ name: 'cancel', id: a.id })}>
            {tr('widget.cancel.start')}
          </button>
        </div>
      )}
    </Screen>
  )
}
