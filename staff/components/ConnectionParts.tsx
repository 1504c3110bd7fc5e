import type { ComponentChildren } from 'preact'
import { useState } from 'preact/hooks'
import { ApiError } from '../../ui/api-client'
import { useWords } from '../i18n'
import { FormAlert, type FormProblem, useSubmit } from './FormFields'
import { ConfirmStep } from './Confirm'
import { SmallButton } from './Parts'

/**
 * The server's 400 names fields by their path in `PATCH /v1/practice` (`calcom.webhook_secret`);
 * the form's fields are named without the connection's own key (`webhook_secret`).
 */
export function formProblem(error: unknown, message: string, connection: string): FormProblem {
  const all = error instanceof ApiError ? (error.details?.fields ?? {}) : {}
  const fields: Record<string, string> = {}
  for (const [path, text] of Object.entries(all)) {
    fields[path.startsWith(`${connection}.`) ? path.slice(connection.length + 1) : path] = text
  }
  return { message, fields }
}

/**
 * One labelled text box with its hint and the server's error beneath. `secret` boxes are for
 * values Hearth never shows again: typed in, never filled from what is saved.
 */
export function TextField({
  id,
  label,
  hint,
  value,
  onInput,
  error,
  secret = false,
  required = false,
  inputMode,
}: {
  id: string
  label: string
  hint?: ComponentChildren
  value: string
  onInput: (value: string) => void
  error?: string | undefined
  secret?: boolean
  required?: boolean
  inputMode?: 'url' | 'email' | 'text'
}) {
  const { tr } = useWords()
  const [shown, setShown] = useState(false)
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ')
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div class="input-row">
        <input
          id={id}
          // Preact types each input type apart; the three here take the same attributes.
          type={(secret && !shown ? 'password' : inputMode === 'email' ? 'email' : 'text') as 'text'}
          inputMode={inputMode}
          value={value}
          required={required}
          spellcheck={false}
          autoComplete={secret ? 'new-password' : 'off'}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
        {secret && (
          // What is typed here is typed again in Cal.com or Meta: it may be read while typing.
          <button
            type="button"
            class="button button-secondary button-small"
            aria-pressed={shown}
            aria-controls={id}
            aria-label={tr('staff.connect.showField', { field: label })}
            onClick={() => setShown(!shown)}
          >
            {tr('staff.connect.show')}
          </button>
        )}
      </div>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  )
}

/** An address to paste somewhere else, with a button that copies it. */
export function CopyAddress({
  id,
  label,
  url,
  announce,
}: {
  id: string
  label: string
  url: string
  announce: (text: string) => void
}) {
  const { tr } = useWords()
  const [copied, setCopied] = useState<boolean | null>(null)
  async function copy() {
    try {
      await navigator.clipboard.writeText(url)
      setCopied(true)
      announce(tr('staff.connect.copied'))
    } catch {
      // No clipboard here (an older browser, or it was refused): the box is selected to copy by hand.
      ;(document.getElementById(id) as HTMLInputElement | null)?.select()
      setCopied(false)
    }
  }
  return (
    <div class="field copy-address">
      <label for={id}>{label}</label>
      <div class="input-row">
        <input id={id} type="text" readOnly value={url} spellcheck={false} onFocus={(e) => e.currentTarget.select()} />
        <SmallButton onClick={copy}>{copied ? tr('staff.connect.copiedButton') : tr('staff.connect.copy')}</SmallButton>
      </div>
      {copied === false && <p class="hint">{tr('staff.connect.copyByHand')}</p>}
    </div>
  )
}

/** Disconnecting asks first, saying what stops and what stays. */
export function Disconnect({
  label,
  question,
  consequence,
  onConfirm,
}: {
  label: string
  question: string
  consequence: string
  onConfirm: () => Promise<void>
}) {
  const { tr, problem } = useWords()
  const [asking, setAsking] = useState(false)
  if (!asking) {
    return <SmallButton onClick={() => setAsking(true)}>{label}</SmallButton>
  }
  return (
    <ConfirmStep
      question={question}
      consequence={consequence}
      confirmLabel={tr('staff.connect.yesDisconnect')}
      keepLabel={tr('staff.connect.keep')}
      explain={problem}
      onConfirm={onConfirm}
      onKeep={() => setAsking(false)}
    />
  )
}

/** A connection's form: its fields, the form's own message when saving failed, save and cancel. */
export function ConnectionForm({
  label,
  problem,
  busy,
  onSubmit,
  onCancel,
  children,
}: {
  label: string
  problem: FormProblem | null
  busy: boolean
  onSubmit: () => void
  onCancel?: (() => void) | undefined
  children: ComponentChildren
}) {
  const { tr } = useWords()
  return (
    <form
      class="form connection-form"
      aria-label={label}
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        onSubmit()
      }}
    >
      {children}
      <FormAlert message={problem?.message} />
      <div class="actions">
        <button type="submit" class="button button-primary" disabled={busy} aria-busy={busy}>
          {tr('staff.connect.save')}
        </button>
        {onCancel && (
          <button type="button" class="button button-secondary" disabled={busy} onClick={onCancel}>
            {tr('staff.connect.cancel')}
          </button>
        )}
      </div>
    </form>
  )
}

/** Saving a connection: busy while it goes, the problem kept for the form when it fails. */
export function useSave(connection: string) {
  const { problem: words } = useWords()
  const { busy, problem, submit } = useSubmit((e) => formProblem(e, words(e), connection))
  return { busy, problem, save: submit, fields: problem?.fields ?? {} }
}
