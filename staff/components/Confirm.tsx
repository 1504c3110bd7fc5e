import { FormAlert, useSubmit } from './FormFields'
import { useFocusOnOpen } from '../../ui/use-focus-on-open'

/**
 * A calm second step before something that cannot be taken back: the consequence in plain words,
 * the act, and a way to leave things as they are. Focus moves to the question so a keyboard or
 * screen reader user hears it; a refusal shows here, in words from `explain`.
 */
export function ConfirmStep({
  question,
  confirmLabel,
  keepLabel,
  onConfirm,
  onKeep,
  explain,
}: {
  question: string
  confirmLabel: string
  keepLabel: string
  onConfirm: () => Promise<void>
  onKeep: () => void
  explain: (error: unknown) => string
}) {
  const { busy, problem: error, submit } = useSubmit(explain, { busyAfterSuccess: true })
  const asked = useFocusOnOpen<HTMLParagraphElement>()
  return (
    <div class="confirm-step">
      <p tabIndex={-1} ref={asked}>
        {question}
      </p>
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
        <button type="button" class="button button-secondary button-small" onClick={onKeep}>
          {keepLabel}
        </button>
      </div>
    </div>
  )
}
