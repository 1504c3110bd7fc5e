import { useState } from 'preact/hooks'
import type { CancellationPolicy } from '../../shared/schemas/policies'
import { useWords } from '../i18n'

export type PolicyDraft = ReturnType<typeof usePolicyDraft>

/** A cancellation policy being edited, its fee kept as typed until it is checked. */
export function usePolicyDraft(initial: CancellationPolicy) {
  const { tr } = useWords()
  const [policy, setPolicy] = useState<CancellationPolicy>(initial)
  const [fee, setFee] = useState((initial.fee_cents / 100).toFixed(2))
  const [feeError, setFeeError] = useState<string | null>(null)
  const cents = Math.round(Number(fee) * 100)
  return {
    policy,
    fee,
    feeError,
    setFee,
    edit: setPolicy,
    /** What clients would read now, a half-typed fee counting as none. */
    shown: { ...policy, fee_cents: Number.isFinite(cents) && cents >= 0 ? cents : 0 } as CancellationPolicy,
    reset(saved: CancellationPolicy) {
      setPolicy(saved)
      setFee((saved.fee_cents / 100).toFixed(2))
    },
    /** The policy to save, or null (and the fee's error shown) when the fee is not an amount. */
    checked(): CancellationPolicy | null {
      if (policy.late_action === 'fee' && (!/^\d+(\.\d{1,2})?$/.test(fee.trim()) || cents > 1_000_000)) {
        setFeeError(tr('staff.cancellation.feeInvalid'))
        return null
      }
      setFeeError(null)
      return { ...policy, fee_cents: policy.late_action === 'fee' ? cents : 0 }
    },
  }
}

/** The window, what happens inside it, and the fee: the same fields for the practice and a therapist. */
export function PolicyFields({
  draft,
  idPrefix,
  onEdit,
}: {
  draft: PolicyDraft
  idPrefix: string
  onEdit: () => void
}) {
  const { tr } = useWords()
  const { policy } = draft
  const edit = (next: CancellationPolicy) => {
    onEdit()
    draft.edit(next)
  }
  const id = (name: string) => `${idPrefix}-${name}`
  return (
    <>
      <div class="field">
        <label for={id('window')}>{tr('staff.cancellation.window')}</label>
        <select
          id={id('window')}
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
            name={id('late-action')}
            id={id('late-fee')}
            checked={policy.late_action === 'fee'}
            onChange={() => edit({ ...policy, late_action: 'fee' })}
          />
          <label for={id('late-fee')}>{tr('staff.cancellation.fee')}</label>
        </div>
        <div class="radio">
          <input
            type="radio"
            name={id('late-action')}
            id={id('late-contact')}
            checked={policy.late_action === 'contact_required'}
            onChange={() => edit({ ...policy, late_action: 'contact_required' })}
          />
          <label for={id('late-contact')}>{tr('staff.cancellation.contact')}</label>
        </div>
      </fieldset>
      {policy.late_action === 'fee' && (
        <div class="field">
          <label for={id('fee')}>{tr('staff.cancellation.amount', { currency: policy.currency })}</label>
          <input
            id={id('fee')}
            type="text"
            inputMode="decimal"
            value={draft.fee}
            onInput={(e) => {
              onEdit()
              draft.setFee(e.currentTarget.value)
            }}
            aria-invalid={draft.feeError ? true : undefined}
            aria-describedby={draft.feeError ? `${id('fee-hint')} ${id('fee-error')}` : id('fee-hint')}
          />
          <p id={id('fee-hint')} class="hint">
            {tr('staff.cancellation.amountHint')}
          </p>
          {draft.feeError && (
            <p id={id('fee-error')} class="field-error">
              {draft.feeError}
            </p>
          )}
        </div>
      )}
    </>
  )
}
