import { useEffect, useState } from 'preact/hooks'
import { ApiError } from '../../../ui/api-client'
import type { PortalApi } from '../api'
import { useWords } from '../i18n'
import { Screen } from '../components/Screen'
import { Problem } from '../../../ui/States'

export const RESEND_COOLDOWN_SECONDS = 30

type Props = {
  api: PortalApi
  practiceName: string
  /** Shown above the form, e.g. after the inactivity sign-out. */
  notice?: string | null
  onSignedIn: () => void
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Email, then the 6-digit code from that email. Never says whether an address is known. */
export function SignIn({ api, practiceName, notice, onSignedIn }: Props) {
  const words = useWords()
  const { tr } = words
  const [step, setStep] = useState<'email' | 'code'>('email')
  const [email, setEmail] = useState('')
  const [code, setCode] = useState('')
  const [fieldError, setFieldError] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [cooldown, setCooldown] = useState(0)
  const [resent, setResent] = useState(false)

  useEffect(() => {
    if (cooldown <= 0) return
    const timer = setTimeout(() => setCooldown((s) => s - 1), 1000)
    return () => clearTimeout(timer)
  }, [cooldown])

  async function sendCode(event?: Event) {
    event?.preventDefault()
    setProblem(null)
    const address = email.trim()
    if (!EMAIL.test(address)) {
      setFieldError(tr(address ? 'widget.signin.emailInvalid' : 'widget.signin.emailMissing'))
      return
    }
    setFieldError(null)
    setBusy(true)
    try {
      await api.startSignIn(address)
      setCooldown(RESEND_COOLDOWN_SECONDS)
      if (step === 'code') setResent(true)
      setStep('code')
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) setFieldError(tr('widget.signin.emailInvalid'))
      else setProblem(words.problem(error))
    } finally {
      setBusy(false)
    }
  }

  async function verify(event: Event) {
    event.preventDefault()
    setProblem(null)
    setResent(false)
    const digits = code.replace(/\D/g, '')
    if (digits.length !== 6) {
      setFieldError(tr('widget.signin.codeShape'))
      return
    }
    setFieldError(null)
    setBusy(true)
    try {
      await api.verify(email.trim(), digits)
      onSignedIn()
    } catch (error) {
      if (error instanceof ApiError && error.status === 429) setFieldError(tr('widget.signin.codeLocked'))
      else if (error instanceof ApiError && error.status >= 400 && error.status < 500)
        setFieldError(tr('widget.signin.codeWrong', { practice: practiceName || tr('widget.thePractice') }))
      else setProblem(words.problem(error))
      setBusy(false)
    }
  }

  if (step === 'email') {
    return (
      <Screen key="email" title={tr('widget.signin.title')} lead={tr('widget.signin.lead')}>
        {notice && (
          <div class="notice notice-info">
            <p>{notice}</p>
          </div>
        )}
        <form class="form" onSubmit={sendCode} noValidate>
          <div class="field">
            <label for="email">{tr('widget.signin.email')}</label>
            <input
              id="email"
              type="email"
              inputMode="email"
              autoComplete="email"
              spellcheck={false}
              value={email}
              onInput={(e) => setEmail(e.currentTarget.value)}
              aria-invalid={fieldError ? 'true' : undefined}
              aria-describedby={fieldError ? 'email-error' : undefined}
            />
            {fieldError && (
              <p id="email-error" class="field-error">
                {fieldError}
              </p>
            )}
          </div>
          {problem && <Problem>{problem}</Problem>}
          <button type="submit" class="button button-primary button-wide" disabled={busy} aria-busy={busy}>
            {busy ? tr('widget.signin.sending') : tr('widget.signin.send')}
          </button>
        </form>
        <p class="fine">{tr('widget.signin.privacy')}</p>
      </Screen>
    )
  }

  return (
    <Screen
      key="code"
      title={tr('widget.signin.codeTitle')}
      lead={tr('widget.signin.codeLead', { email: email.trim() })}
      onBack={() => {
        setStep('email')
        setCode('')
        setFieldError(null)
        setProblem(null)
      }}
      backLabel={tr('widget.signin.otherEmail')}
    >
      <form class="form" onSubmit={verify} noValidate>
        <div class="field">
          <label for="code">{tr('widget.signin.code')}</label>
          <input
            id="code"
            class="code-input"
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            value={code}
            onInput={(e) => setCode(e.currentTarget.value)}
            aria-invalid={fieldError ? 'true' : undefined}
            aria-describedby={fieldError ? 'code-hint code-error' : 'code-hint'}
          />
          <p id="code-hint" class="hint">
            {tr('widget.signin.codeHint')}
          </p>
          {fieldError && (
            <p id="code-error" class="field-error">
              {fieldError}
            </p>
          )}
        </div>
        {problem && <Problem>{problem}</Problem>}
        <button type="submit" class="button button-primary button-wide" disabled={busy} aria-busy={busy}>
          {busy ? tr('widget.signin.checking') : tr('widget.signin.verify')}
        </button>
      </form>
      <div class="resend">
        <p class="fine">{tr('widget.signin.noCode')}</p>
        <button type="button" class="button button-quiet" onClick={() => sendCode()} disabled={busy || cooldown > 0}>
          {cooldown > 0 ? tr('widget.signin.resendIn', { count: cooldown }) : tr('widget.signin.resend')}
        </button>
        <p class="sr-only" role="status">
          {resent ? tr('widget.signin.resent', { email: email.trim() }) : ''}
        </p>
      </div>
    </Screen>
  )
}
