import { useState } from 'preact/hooks'
import { formatMoney } from '../../../shared/i18n'
import type { PortalAppointment } from '../../../shared/schemas/portal'
import { ApiError } from '../../../ui/api-client'
import { Screen } from '../components/Screen'
import { Done, Problem } from '../../../ui/States'
import { useWords } from '../i18n/signed-in'
import type { PortalContext } from '../Portal'

/** Where a late-cancellation fee stands, on the home screen: the fee, and asking to waive it (once). */
export function LateFeeCard({
  ctx,
  appointment: a,
  headingLevel = 2,
}: {
  ctx: PortalContext
  appointment: PortalAppointment
  headingLevel?: 2 | 3
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const { tr, when, locale } = useWords()
  const fee = a.late_fee
  if (!fee) return null
  const answer =
    fee.waiver === 'requested'
      ? tr('widget.waiver.requested')
      : fee.waiver === 'declined'
        ? tr('widget.waiver.declined')
        : null
  return (
    <div class="card">
      <Heading class="card-title">{tr('widget.waiver.cardTitleFor', { day: when(a.starts_at, 'medium') })}</Heading>
      <p>
        {fee.waiver === 'granted'
          ? tr('widget.waiver.grantedFor', { when: when(a.starts_at) })
          : tr('widget.waiver.card', {
              when: when(a.starts_at),
              fee: formatMoney(fee.fee_cents, fee.currency, locale),
            })}
      </p>
      {answer && <p class="fine">{answer}</p>}
      {fee.can_ask_waiver && (
        <button type="button" class="button button-secondary" onClick={() => ctx.go({ name: 'waiver', id: a.id })}>
          {tr('widget.waiver.ask')}
        </button>
      )}
    </div>
  )
}

/** Asking for the fee to be waived: a short reason, then the practice decides and says so either way. */
export function FeeWaiver({ ctx, appointment: a }: { ctx: PortalContext; appointment: PortalAppointment }) {
  const { tr, when } = useWords()
  const [reason, setReason] = useState('')
  const [missing, setMissing] = useState(false)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<unknown>(null)
  const [sent, setSent] = useState<string | null>(null)
  const home = () => ctx.go({ name: 'home' })

  async function send(event: Event) {
    event.preventDefault()
    setProblem(null)
    if (!reason.trim()) {
      setMissing(true)
      document.getElementById('waiver-reason')?.focus()
      return
    }
    setBusy(true)
    try {
      const message = await ctx.api.requestFeeWaiver(a.id, reason.trim())
      setSent(message)
      ctx.announce(message)
      ctx.refresh()
    } catch (error) {
      setProblem(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Screen
      title={tr('widget.waiver.title')}
      lead={tr('widget.cancel.summary', { when: when(a.starts_at), therapist: a.therapist.name })}
      onBack={home}
      backLabel={tr('widget.sessions.title')}
    >
      {sent ? (
        <Done takeFocus>{sent}</Done>
      ) : (
        <>
          <p>{tr('widget.waiver.lead')}</p>
          <form class="form" onSubmit={send} noValidate>
            <div class="field">
              <label for="waiver-reason">{tr('widget.waiver.reason')}</label>
              <textarea
                id="waiver-reason"
                rows={4}
                maxLength={1000}
                value={reason}
                onInput={(e) => {
                  setReason(e.currentTarget.value)
                  setMissing(false)
                }}
                aria-invalid={missing ? 'true' : undefined}
                aria-describedby={missing ? 'waiver-error' : undefined}
              />
              {missing && (
                <p id="waiver-error" class="field-error">
                  {tr('widget.waiver.reasonMissing')}
                </p>
              )}
            </div>
            {problem !== null && (
              <Problem error={problem}>
                {problem instanceof ApiError && problem.status === 409 ? tr('widget.waiver.already') : undefined}
              </Problem>
            )}
            <div class="actions">
              <button type="submit" class="button button-primary" disabled={busy} aria-busy={busy}>
                {tr('widget.waiver.send')}
              </button>
            </div>
          </form>
        </>
      )}
    </Screen>
  )
}
