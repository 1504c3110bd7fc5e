import { useEffect, useState } from 'preact/hooks'
import { formatMoney } from '../../../shared/i18n'
import { CANCEL_REASON_CODES, type CancelReasonCode } from '../../../shared/cancel-reasons'
import { cancelDecision } from '../../../shared/policy/cancellation'
import { videoMightHelp } from '../../../shared/policy/switch-to-video'
import type { PortalAppointment } from '../../../shared/schemas/portal'
import { ApiError } from '../../../ui/api-client'
import { quoteNow } from '../appointments'
import { Screen } from '../components/Screen'
import { Done, Loading, Problem } from '../../../ui/States'
import { useWords } from '../i18n/signed-in'
import type { PortalContext } from '../Portal'
import { useLoad } from '../../../ui/use-load'
import { dialable, displayPhone } from '../../../ui/phone'
import { VideoInstead } from './VideoInstead'
import { NoteField } from '../../../ui/NoteField'

/**
 * Whether this session could be held by video at its time, asked of the server (the same answer
 * Find another time shows) only once the client gives a reason video may help with. A failed
 * question offers nothing: cancelling stays as it was.
 */
function useCanSwitchToVideo(ctx: PortalContext, id: string, ask: boolean): boolean {
  const [answer, setAnswer] = useState<boolean | null>(null)
  useEffect(() => {
    if (!ask || answer !== null) return
    let live = true
    ctx.api.slots(id).then(
      (times) => live && setAnswer(times.can_switch_to_video),
      () => live && setAnswer(false),
    )
    return () => {
      live = false
    }
  }, [ask, id])
  return ask && answer === true
}

/**
 * Cancelling: the rule comes first (the exact free-cancellation deadline, or inside the window the
 * fee with an explicit acknowledgement, or the practice's number to call), then the button.
 */
export function Cancel({ ctx, appointment: a }: { ctx: PortalContext; appointment: PortalAppointment }) {
  const words = useWords()
  const { tr, when } = words
  const server = useLoad(() => ctx.api.cancellation(a.id), [a.id])
  const [reasonCode, setReasonCode] = useState<CancelReasonCode | ''>('')
  const [reason, setReason] = useState('')
  const [acknowledged, setAcknowledged] = useState(false)
  const [ackError, setAckError] = useState(false)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<unknown>(null)
  const [done, setDone] = useState<false | 'free' | 'late-fee'>(false)
  const offerVideo = useCanSwitchToVideo(ctx, a.id, videoMightHelp(reasonCode))
  const back = () => ctx.go({ name: 'session', id: a.id })
  const stored = ctx.me.practice.phone
  const phone = displayPhone(stored)

  if (done) {
    return (
      <Screen
        key="done"
        title={tr('widget.cancel.doneTitle')}
        onBack={() => ctx.go({ name: 'home' })}
        backLabel={tr('widget.sessions.title')}
      >
        <Done>{tr('widget.cancel.done', { when: when(a.starts_at) })}</Done>
        <p>{tr('widget.cancel.waitlistNudge')}</p>
        <div class="actions">
          {done === 'late-fee' && (
            <button type="button" class="button button-secondary" onClick={() => ctx.go({ name: 'waiver', id: a.id })}>
              {tr('widget.waiver.ask')}
            </button>
          )}
          <button
            type="button"
            class="button button-secondary"
            onClick={() => ctx.go({ name: 'waitlist', therapistId: a.therapist.id })}
          >
            {tr('widget.waitlist.shortcut')}
          </button>
        </div>
      </Screen>
    )
  }

  const summary = tr('widget.cancel.summary', { when: when(a.starts_at), therapist: a.therapist.name })
  if (server.state !== 'ready') {
    return (
      <Screen title={tr('widget.cancel.title')} lead={summary} onBack={back}>
        {server.state === 'loading' ? <Loading /> : <Problem error={server.error} onRetry={server.reload} />}
      </Screen>
    )
  }

  const quote = quoteNow(a, server.data, {
    now: ctx.now(),
    zone: words.zone,
    locale: words.locale,
    phone,
  })!
  const fee = formatMoney(quote.fee_cents, quote.currency, words.locale)
  // The same rule the server enforces: only a fee needs the client's explicit yes.
  const needsAcknowledgement = (yes: boolean) => {
    const decision = cancelDecision({ status: a.status, quote, acknowledged: yes })
    return !decision.ok && decision.reason === 'needs_acknowledgement'
  }
  const asksAcknowledgement = needsAcknowledgement(false)

  async function cancel(event: Event) {
    event.preventDefault()
    setProblem(null)
    if (needsAcknowledgement(acknowledged)) {
      setAckError(true)
      document.getElementById('ack')?.focus()
      return
    }
    setBusy(true)
    try {
      await ctx.api.cancel(a.id, {
        ...(reasonCode && { reason_code: reasonCode }),
        ...(reason.trim() && { reason: reason.trim() }),
        ...(acknowledged && { acknowledge_late: true }),
      })
      setDone(asksAcknowledgement ? 'late-fee' : 'free')
      ctx.announce(tr('widget.cancel.done', { when: when(a.starts_at) }))
      ctx.bridge.emit('cancelled')
      ctx.refresh()
    } catch (error) {
      // The deadline may have passed while the page was open: show the rule as it is now.
      if (error instanceof ApiError && error.status === 409) server.reload()
      setProblem(error)
      setBusy(false)
    }
  }

  return (
    <Screen title={tr('widget.cancel.title')} lead={summary} onBack={back}>
      <div class={`rule ${quote.state === 'free' ? 'rule-free' : 'rule-late'}`}>
        <p>{quote.policy_text}</p>
      </div>

      {!quote.can_cancel ? (
        <div class="actions">
          {stored && phone && (
            <a class="button button-primary" href={`tel:${dialable(stored)}`}>
              {tr('widget.cancel.call', { phone })}
            </a>
          )}
          <button type="button" class="button button-secondary" onClick={back}>
            {tr('widget.cancel.keep')}
          </button>
        </div>
      ) : (
        <form class="form" onSubmit={cancel} noValidate>
          <fieldset class="categories">
            <legend>{tr('widget.cancel.why')}</legend>
            {(['', ...CANCEL_REASON_CODES] as const).map((code) => (
              <div class="radio" key={code || 'skip'}>
                <input
                  type="radio"
                  id={`why-${code || 'skip'}`}
                  name="reason_code"
                  value={code}
                  checked={reasonCode === code}
                  onChange={() => setReasonCode(code)}
                />
                <label for={`why-${code || 'skip'}`}>
                  {tr(code ? `widget.cancelReason.${code}` : 'widget.cancelReason.skip')}
                </label>
              </div>
            ))}
          </fieldset>
          {offerVideo && <VideoInstead ctx={ctx} appointment={a} lead={tr('widget.video.insteadOfCancel')} />}
          <NoteField
            id="reason"
            label={tr('widget.cancel.reason')}
            hint={tr('widget.cancel.reasonHint')}
            rows={3}
            maxLength={500}
            value={reason}
            onValue={setReason}
          />
          {asksAcknowledgement && (
            <div class={`check ${ackError ? 'check-error' : ''}`}>
              <input
                id="ack"
                type="checkbox"
                checked={acknowledged}
                onChange={(e) => {
                  setAcknowledged(e.currentTarget.checked)
                  setAckError(false)
                }}
                aria-invalid={ackError ? 'true' : undefined}
                aria-describedby={ackError ? 'ack-error' : undefined}
              />
              <label for="ack">{tr('widget.cancel.acknowledge', { fee })}</label>
              {ackError && (
                <p id="ack-error" class="field-error">
                  {tr('widget.cancel.acknowledgeNeeded')}
                </p>
              )}
            </div>
          )}
          {problem !== null && (
            <Problem error={problem}>
              {problem instanceof ApiError && problem.code === 'late_cancellation_unacknowledged'
                ? tr('widget.cancel.deadlinePassed')
                : problem instanceof ApiError && problem.code === 'contact_practice'
                  ? quote.policy_text
                  : undefined}
            </Problem>
          )}
          <div class="actions">
            <button type="submit" class="button button-danger" disabled={busy} aria-busy={busy}>
              {asksAcknowledgement ? tr('widget.cancel.confirmFee', { fee }) : tr('widget.cancel.confirm')}
            </button>
            <button type="button" class="button button-secondary" onClick={back}>
              {tr('widget.cancel.keep')}
            </button>
          </div>
        </form>
      )}
    </Screen>
  )
}
