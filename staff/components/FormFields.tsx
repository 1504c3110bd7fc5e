import type { InputHTMLAttributes } from 'preact'
import { useState } from 'preact/hooks'

/** What went wrong sending a form: a message for the whole form, and the server's words per field. */
export type FormProblem = { message: string; fields: Record<string, string> }

/** The server's words per field from a 400 (none for anything else). */
export function fieldsOf(error: unknown): Record<string, string> {
  return (error as { details?: { fields?: Record<string, string> } }).details?.fields ?? {}
}

/**
 * Sending a form: busy while it goes, and what went wrong kept for the form when it fails (the
 * error itself unless `problemOf` says what the form shows of it). With `busyAfterSuccess` the
 * button stays disabled once it has worked: what it confirmed is done, and the step goes away.
 */
export function useSubmit<P = unknown>(
  problemOf: (error: unknown) => P = (error) => error as P,
  { busyAfterSuccess = false } = {},
) {
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<P | null>(null)
  async function submit(action: () => Promise<void>) {
    setBusy(true)
    setProblem(null)
    try {
      await action()
      if (!busyAfterSuccess) setBusy(false)
    } catch (e) {
      setProblem(problemOf(e))
      setBusy(false)
    }
  }
  return { busy, problem, submit }
}

type TextKeys<F> = { [K in keyof F]: F[K] extends string ? K : never }[keyof F] & string

/** What `text(name)` of `useFormFields` spreads onto an input. */
export type TextInputProps = {
  id: string
  value: string
  onInput: (e: { currentTarget: { value: string } }) => void
  'aria-invalid': boolean | undefined
  'aria-describedby': string | undefined
}

/**
 * A console form's values and its sending: `text(name)` gives a text box its id, value and
 * input handler, marked invalid and pointed at `fieldError(name)` when the server refused that
 * field. Ids are `${id}-${name}`, so each label's `for` is known before the form renders.
 */
export function useFormFields<F extends object>(id: string, initial: F, message: (error: unknown) => string) {
  const [form, setForm] = useState(initial)
  const { busy, problem, submit } = useSubmit((e) => ({ message: message(e), fields: fieldsOf(e) }))
  const invalid = (name: string) => ({
    'aria-invalid': problem?.fields[name] ? true : undefined,
    'aria-describedby': problem?.fields[name] ? `${id}-${name}-error` : undefined,
  })
  const text = (name: TextKeys<F>): TextInputProps => ({
    id: `${id}-${name}`,
    value: form[name] as string,
    onInput: (e: { currentTarget: { value: string } }) => setForm({ ...form, [name]: e.currentTarget.value }),
    ...invalid(name),
  })
  const fieldError = (name: string) =>
    problem?.fields[name] && (
      <p class="field-error" id={`${id}-${name}-error`}>
        {problem.fields[name]}
      </p>
    )
  return { form, setForm, busy, problem, submit, text, invalid, fieldError }
}

/** The form's own message when sending failed (nothing when there is none), read out as soon as it shows. */
export function FormAlert({ message }: { message: string | null | undefined }) {
  return (
    message && (
      <p class="field-error" role="alert">
        {message}
      </p>
    )
  )
}

/** What a `Field`'s input takes besides its label and handler. */
export type FieldInput = {
  type: 'date' | 'time' | 'number' | 'text' | 'email' | 'tel'
  value: string
  required?: boolean
  min?: number
  max?: number
  step?: number
  maxLength?: number
}

/** A labelled input in a console form; `onValue` gets what was typed. */
export function Field({
  id,
  label,
  onValue,
  ...input
}: FieldInput & { id: string; label: string; onValue: (value: string) => void }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} {...(input as InputHTMLAttributes)} onInput={(e) => onValue(e.currentTarget.value)} />
    </div>
  )
}
