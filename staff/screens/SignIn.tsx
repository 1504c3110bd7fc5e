import { useEffect, useRef, useState } from 'preact/hooks'
import type { KeyIdentity } from '../../shared/schemas/practice-tools'
import { useWords } from '../i18n'
import { ApiError } from '../../ui/api-client'
import type { StaffApi } from '../api'

/** Sign in with a therapist or admin API key, typed here: never in the address. */
export function SignIn({
  makeApi,
  notice,
  onSignedIn,
}: {
  makeApi: (key: string) => StaffApi
  notice: string | null
  onSignedIn: (key: string, identity: KeyIdentity) => void
}) {
  const w = useWords()
  const { tr } = w
  const [key, setKey] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (document.hasFocus()) heading.current?.focus({ preventScroll: true })
  }, [])

  async function submit(event: Event) {
    event.preventDefault()
    const typed = key.trim()
    if (!typed) {
      setError(tr('staff.signin.empty'))
      return
    }
    setBusy(true)
    setError(null)
    try {
      onSignedIn(typed, await makeApi(typed).whoami())
    } catch (problem) {
      setError(problem instanceof ApiError && problem.status === 401 ? tr('staff.signin.wrong') : w.problem(problem))
    } finally {
      setBusy(false)
    }
  }

  return (
    <main id="main" class="staff-signin" tabIndex={-1}>
      <section class="staff-card" aria-labelledby="signin-title">
        <p class="practice">{tr('staff.title')}</p>
        <h1 id="signin-title" ref={heading} tabIndex={-1}>
          {tr('staff.signin.title')}
        </h1>
        <p class="lead">{tr('staff.signin.lead')}</p>
        {notice && (
          <div class="notice notice-info" role="status">
            <p>{notice}</p>
          </div>
        )}
        <form class="form" onSubmit={submit} noValidate>
          <div class="field">
            <label for="api-key">{tr('staff.signin.key')}</label>
            <input
              id="api-key"
              type="password"
              autocomplete="off"
              spellcheck={false}
              autocapitalize="off"
              value={key}
              onInput={(e) => setKey(e.currentTarget.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'api-key-hint api-key-error' : 'api-key-hint'}
            />
            <p id="api-key-hint" class="hint">
              {tr('staff.signin.hint')}
            </p>
            {error && (
              <p id="api-key-error" class="field-error" role="alert">
                {error}
              </p>
            )}
          </div>
          <button type="submit" class="button button-primary button-wide" disabled={busy} aria-busy={busy}>
            {busy ? tr('staff.signin.checking') : tr('staff.signin.button')}
          </button>
        </form>
      </section>
    </main>
  )
}
