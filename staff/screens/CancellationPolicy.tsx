import { useState } from 'preact/hooks'
import { formatMoney } from '../../shared/i18n'
import { cancellationQuote } from '../../shared/policy/cancellation'
import { instantAt, localDate } from '../../shared/time/zone'
import type { CancellationPolicy } from '../../shared/schemas/policies'
import type { Practice } from '../../shared/schemas/practice'
import { Done, Loading, Problem } from '../../ui/States'
import { useWords } from '../i18n'
import { useLoad } from '../../ui/use-load'
import { StaffScreen } from '../components/Parts'
import type { StaffContext } from '../Console'

const DAY = 86_400_000

/**
 * The practice's cancellation policy (an admin changes it; a therapist sees it), with the rule as
 * a client will read it for a session a week away, from the same function the API enforces.
 */
export function CancellationPolicyScreen({ ctx }: { ctx: StaffContext }) {
  const { tr } = useWords()
  const practice = useLoad<Practice>(() => ctx.api.practice(), [])
  return (
    <StaffScreen title={tr('staff.cancellation.title')} lead={tr('staff.cancellation.lead')}>
      {practice.state === 'loading' ? (
        <Loading />
      ) : practice.state === 'error' ? (
        <Problem compact error={practice.error} onRetry={practice.reload} />
      ) : (
        <Editor ctx={ctx} practice={practice.data} />
      )}
    </StaffScreen>
  )
}

function Editor({ ctx, practice }: { ctx: StaffContext; practice: Practice }) {
  const { tr, locale } = useWords()
  const [policy, setPolicy] = useState<CancellationPolicy>(practice.cancellation_policy)
  const [fee, setFee] = useState((practice.cancellation_policy.fee_cents / 100).toFixed(2))
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState(false)
  const [problem, setProblem] = useState<unknown>(null)
  const [feeError, setFeeError] = useState<string | null>(null)
  const admin = ctx.identity.role === 'admin'
  const edit = (next: CancellationPolicy) => {
    setDone(false)
    setPolicy(next)
  }
  const cents = Math.round(Number(fee) * 100)
  const shown: CancellationPolicy = { ...policy, fee_cents: Number.isFinite(cents) && cents >= 0 ? cents : 0 }
  // A session next week at 3 pm on the practice's clock, and one later today.
  const nextWeek = instantAt(localDate(Date.now() + 7 * DAY, practice.time_zone), '15:00', practice.time_zone)
  const example = cancellationQuote({
    startsAt: nextWeek,
    policy: shown,
    now: Date.now(),
    timeZone: practice.time_zone,
    locale,
    practicePhone: practice.phone ?? null,
  })
  const late = cancellationQuote({
    startsAt: Date.now() + 6 * 3_600_000,
    policy: shown,
    now: Date.now(),
    timeZone: practice.time_zone,
    locale,
    practicePhone: practice.phone ?? null,
  })

  async function save(event: Event) {
    event.preventDefault()
    if (policy.late_action === 'fee' && (!/^\d+(\.\d{1,2})?$/.test(fee.trim()) || cents > 1_000_000)) {
      setFeeError(tr('staff.cancellation.feeInvalid'))
      return
    }
    setFeeError(null)
    setBusy(true)
    setProblem(null)
    try {
      const saved = await ctx.api.saveCancellationPolicy({
        ...policy,
        fee_cents: policy.late_action === 'fee' ? cents : 0,
      })
      setPolicy(saved.cancellation_policy)
      setFee((saved.cancellation_policy.fee_cents / 100).toFixed(2))
      setDone(true)
      ctx.announce(tr('staff.cancellation.saved'))
    } catch (error) {
      setProblem(error)
    } finally {
      setBusy(false)
    }
  }

  const preview = (
    <aside class="preview" aria-labelledby="cancellation-preview">
      <h2 id="cancellation-preview" class="section-title">
        {tr('staff.cancellation.preview')}
      </h2>
      <p class="fine">{tr('staff.cancellation.exampleFree')}</p>
      <div class="rule">
        <p>{example.policy_text}</p>
      </div>
      <p class="fine">{tr('staff.cancellation.exampleLate')}</p>
      <div class="rule rule-late">
        <p>{late.policy_text}</p>
      </div>
    </aside>
  )

  if (!admin) {
    return (
      <div class="editor">
        <div>
          <dl class="facts">
            <div>
              <dt>{tr('staff.cancellation.window')}</dt>
              <dd>{tr('staff.cancellation.hours', { count: policy.window_hours })}</dd>
            </div>
            <div>
              <dt>{tr('staff.cancellation.inside')}</dt>
              <dd>
                {policy.late_action === 'fee'
                  ? tr('staff.cancellation.feeOf', { fee: formatMoney(policy.fee_cents, policy.currency, locale) })
                  : tr('staff.cancellation.contact')}
              </dd>
            </div>
          </dl>
          <p class="fine">{tr('staff.cancellation.adminOnly')}</p>
        </div>
        {preview}
      </div>
    )
  }

  return (
    <div class="editor">
      <form class="form editor-form" onSubmit={save} noValidate>
        <div class="field">
          <label for="window">{tr('staff.cancellation.window')}</label>
          <select
            id="window"
            value={policy.window_hours}
            onChange={(e) => edit({ ...policy, window_hours: Number(e.currentTarget.value) })}
          >
            {[24, 36, 48].map((hours) => (
              <option key={hours} value={hours}>
                {tr('staff.cancellation.hours', { count: hours })}
              </option>
            ))}
          </select>
        </div>
        <fieldset class="categories">
          <legend>{tr('staff.cancellation.inside')}</legend>
          <div class="radio">
            <input
              type="radio"
              name="late-action"
              id="late-fee"
              checked={policy.late_action === 'fee'}
              onChange={() => edit({ ...policy, late_action: 'fee' })}
            />
            <label for="late-fee">{tr('staff.cancellation.fee')}</label>
          </div>
          <div class="radio">
            <input
              type="radio"
              name="late-action"
              id="late-contact"
              checked={policy.late_action === 'contact_required'}
              onChange={() => edit({ ...policy, late_action: 'contact_required' })}
            />
            <label for="late-contact">{tr('staff.cancellation.contact')}</label>
          </div>
        </fieldset>
        {policy.late_action === 'fee' && (
          <div class="field">
            <label for="fee">{tr('staff.cancellation.amount', { currency: policy.currency })}</label>
            <input
              id="fee"
              type="text"
              inputMode="decimal"
              value={fee}
              onInput={(e) => {
                setDone(false)
                setFee(e.currentTarget.value)
              }}
              aria-invalid={feeError ? true : undefined}
              aria-describedby={feeError ? 'fee-hint fee-error' : 'fee-hint'}
            />
            <p id="fee-hint" class="hint">
              {tr('staff.cancellation.amountHint')}
            </p>
            {feeError && (
              <p id="fee-error" class="field-error">
                {feeError}
              </p>
            )}
          </div>
        )}
        {problem !== null && <Problem compact error={problem} />}
        {done && <Done>{tr('staff.cancellation.saved')}</Done>}
        <div class="actions">
          <button type="submit" class="button button-primary" disabled={busy} aria-busy={busy}>
            {tr('staff.save')}
          </button>
        </div>
      </form>
      {preview}
    </div>
  )
}
