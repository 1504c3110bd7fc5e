import { useState } from 'preact/hooks'
import type { StaffSignInState } from '../../shared/schemas/staff'
import { ApiError } from '../../ui/api-client'
import { useWords } from '../i18n'
import { type PasskeyClient, PasskeyCeremonyError } from '../passkeys'

/**
 * "Sign in with a passkey": from nothing on the sign-in screen, or as the second factor after the
 * emailed code (the session cookie decides). Says what to do when the browser cannot, the person
 * closed the prompt, or the passkey was refused; calls back with where signing in stands.
 */
export function PasskeySignIn({
  client,
  onSignedIn,
  id = 'passkey-sign-in',
}: {
  client: PasskeyClient
  onSignedIn: (state: StaffSignInState) => void
  id?: string
}) {
  const w = useWords()
  const { tr } = w
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  if (!client.supported()) {
    return (
      <p class="hint passkey-unsupported" id={`${id}-unsupported`}>
        {tr('staff.passkey.unsupported')}
      </p>
    )
  }

  function explain(problem: unknown): string {
    if (problem instanceof PasskeyCeremonyError) {
      return problem.reason === 'cancelled' ? tr('staff.passkey.cancelled') : tr('staff.passkey.failed')
    }
    if (problem instanceof ApiError && problem.code === 'passkey_rejected') return tr('staff.passkey.rejected')
    return w.problem(problem)
  }

  async function signIn() {
    setBusy(true)
    setError(null)
    try {
      const state = await client.signIn()
      setBusy(false)
      onSignedIn(state)
    } catch (problem) {
      setError(explain(problem))
      setBusy(false)
    }
  }

  return (
    <div class="passkey-sign-in">
      <button
        type="button"
        id={id}
        class="button button-secondary button-wide"
        onClick={signIn}
        disabled={busy}
        aria-busy={busy}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {busy ? tr('staff.passkey.signingIn') : tr('staff.passkey.signIn')}
      </button>
      {error && (
        <p id={`${id}-error`} class="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
