import { FormAlert, useSubmit } from './FormFields'
import { SmallButton } from './Parts'
import { useFocusOnOpen } from '../../ui/use-focus-on-open'

/**
 * A calm second step before something that cannot be taken back: the consequence in plain words,
 * the act, and a way to leave things as they are. Focus moves to the question so a keyboard or
 * screen reader user hears it; a refusal shows here, in words from `explain`. With a separate
 * `consequence` (what stops and what stays), the question stands in bold above it, as a warning.
 * While the act is on its way, neither button can be pressed again.
 */
export function ConfirmStep({
  question,
  consequence,
  confirmLabel,
  keepLabel,
  onConfirm,
  onKeep,
  explain,
}: {
  question: string
  consequence?: string
  confirmLabel: string
  keepLabel: string
  onConfirm: () => Promise<void>
  onKeep: () => void
  explain: (error: unknown) => string
}) {
  const { busy, problem: error, submit } = useSubmit(explain, { busyAfterSuccess: true })
  const asked = useFocusOnOpen<HTMLParagraphElement>()
  return (
    <div class={consequence ? 'notice notice-warn' : 'confirm-step'}>
      <p tabIndex={-1} ref={asked}>
        {consequence ? <strong>{question}</strong> : question}
      </p>
      {consequence && <p>{consequence}</p>}
      <FormAlert message={error} />
      <div class="actions">
        <button
          type="button"
          class="button button-danger button-small"
          disabled={busy}
          aria-busy={busy}
          onClick={() => submit(onConfirm)}
        >
          {confirmLabel}
        </button>
        <SmallButton disabled={busy} onClick={onKeep}>
          {keepLabel}
        </SmallButton>
      </div>
    </div>
  )
}
