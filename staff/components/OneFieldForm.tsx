import type { ComponentChildren } from 'preact'
import { useState } from 'preact/hooks'

type Kind = 'email' | 'code' | 'recovery'

const INPUT: Record<Kind, Record<string, string | number>> = {
  email: { type: 'email', autoComplete: 'email', inputMode: 'email' },
  code: { type: 'text', autoComplete: 'one-time-code', inputMode: 'numeric', maxLength: 7 },
  recovery: { type: 'text', autoComplete: 'off', maxLength: 24 },
}

/** A typed 6-digit code without the spaces people put in it, or null when it is not six digits. */
export function sixDigitCode(typed: string): string | null {
  const code = typed.replace(/\s/g, '')
  return /^\d{6}$/.test(code) ? code : null
}

/**
 * One field and its button: each step of signing in, and confirming an authenticator app.
 * `submit` answers what to say beside the field, or null when it worked.
 */
export function OneFieldForm({
  id,
  kind,
  label,
  hint,
  button,
  busyLabel,
  submit,
}: {
  id: string
  kind: Kind
  label: string
  hint?: ComponentChildren
  button: string
  busyLabel: string
  submit: (value: string) => Promise<string | null>
}) {
  const [value, setValue] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function onSubmit(event: Event) {
    event.preventDefault()
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      setError(await submit(value.trim()))
    } finally {
      setBusy(false)
    }
  }

  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ')
  return (
    <form class="form" onSubmit={onSubmit} noValidate>
      <div class="field">
        <label for={id}>{label}</label>
        <input
          id={id}
          class={kind === 'email' ? undefined : 'staff-code'}
          {...INPUT[kind]}
          spellcheck={false}
          autocapitalize="off"
          value={value}
          onInput={(e) => setValue(e.currentTarget.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={described || undefined}
        />
        {hint && (
          <p id={`${id}-hint`} class="hint">
            {hint}
          </p>
        )}
        {error && (
          <p id={`${id}-error`} class="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <button type="submit" class="button button-primary button-wide" disabled={busy} aria-busy={busy}>
        {busy ? busyLabel : button}
      </button>
    </form>
  )
}
