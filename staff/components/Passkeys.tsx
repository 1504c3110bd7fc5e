import { useState } from 'preact/hooks'
import { ApiError } from '../../ui/api-client'
import { Done, Empty, Loading, Problem } from '../../ui/States'
import { useLoad } from '../../ui/use-load'
import { useWords } from '../i18n'
import { type Passkey, type PasskeyClient, PasskeyCeremonyError } from '../passkeys'
import { ConfirmStep } from './Confirm'
import { TitledSection } from './Parts'

const NAME_MAX = 60

/**
 * The Account screen's passkeys: the person's own, each with when it was added and last used;
 * add one with a name they choose; remove one after saying what that means.
 */
/** `onChanged`: the person's factors changed (the Account screen reads them again). */
export function Passkeys({ client, onChanged }: { client: PasskeyClient; onChanged?: () => unknown }) {
  const w = useWords()
  const { tr } = w
  const list = useLoad<Passkey[]>(() => client.list(), [])
  const [done, setDone] = useState<string | null>(null)
  const [confirming, setConfirming] = useState<string | null>(null)

  async function remove(passkey: Passkey) {
    await client.remove(passkey.id)
    setConfirming(null)
    setDone(tr('staff.passkeys.removed'))
    list.reload()
    onChanged?.()
  }

  return (
    <TitledSection class="account-section passkeys" id="passkeys-title" title={tr('staff.passkeys.title')}>
      <p>{tr('staff.passkeys.lead')}</p>
      {done && (
        <Done key={done} takeFocus>
          <p>{done}</p>
        </Done>
      )}
      {list.state === 'loading' && <Loading />}
      {list.state === 'error' && <Problem compact error={list.error} onRetry={list.reload} />}
      {list.state === 'ready' &&
        (list.data.length === 0 ? (
          <Empty>{tr('staff.passkeys.none')}</Empty>
        ) : (
          <ul class="passkey-list">
            {list.data.map((passkey) => (
              <li key={passkey.id} class="passkey-item">
                <div class="passkey-facts">
                  <strong>{passkey.name}</strong>
                  <span class="hint">
                    {tr('staff.passkeys.addedOn', { date: w.when(passkey.created_at, 'medium') })}
                    {' · '}
                    {passkey.last_used_at
                      ? tr('staff.passkeys.lastUsed', { date: w.when(passkey.last_used_at, 'medium') })
                      : tr('staff.passkeys.neverUsed')}
                  </span>
                </div>
                {confirming === passkey.id ? (
                  <div class="passkey-confirm">
                    <ConfirmStep
                      question={tr('staff.passkeys.confirm', { name: passkey.name })}
                      confirmLabel={tr('staff.passkeys.confirmRemove')}
                      keepLabel={tr('staff.passkeys.keep')}
                      onConfirm={() => remove(passkey)}
                      onKeep={() => setConfirming(null)}
                      explain={(problem) =>
                        problem instanceof ApiError && problem.status === 409
                          ? tr('staff.passkeys.lastFactor')
                          : w.problem(problem)
                      }
                    />
                  </div>
                ) : (
                  <button
                    type="button"
                    class="button button-quiet-danger button-small"
                    aria-label={tr('staff.passkeys.removeLabel', { name: passkey.name })}
                    onClick={() => {
                      setDone(null)
                      setConfirming(passkey.id)
                    }}
                  >
                    {tr('staff.passkeys.remove')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        ))}
      <AddPasskey
        client={client}
        onAdded={() => {
          setDone(tr('staff.passkeys.added'))
          list.reload()
          onChanged?.()
        }}
        onStart={() => setDone(null)}
      />
    </TitledSection>
  )
}

function AddPasskey({
  client,
  onAdded,
  onStart,
}: {
  client: PasskeyClient
  onAdded: (passkey: Passkey) => void
  onStart: () => void
}) {
  const w = useWords()
  const { tr } = w
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  if (!client.supported()) return <p class="hint passkey-unsupported">{tr('staff.passkeys.unsupported')}</p>

  function explain(problem: unknown): string {
    if (problem instanceof PasskeyCeremonyError) {
      if (problem.reason === 'cancelled') return tr('staff.passkeys.cancelled')
      if (problem.reason === 'already_added') return tr('staff.passkeys.alreadyAdded')
      return tr('staff.passkeys.failed')
    }
    if (problem instanceof ApiError && problem.code === 'passkey_rejected') return tr('staff.passkeys.failed')
    return w.problem(problem)
  }

  async function add(event: Event) {
    event.preventDefault()
    const typed = name.trim()
    if (typed.length > NAME_MAX) {
      setError(tr('staff.passkeys.nameTooLong'))
      return
    }
    onStart()
    setBusy(true)
    setError(null)
    try {
      const passkey = await client.add(typed || tr('staff.passkeys.defaultName'))
      setName('')
      onAdded(passkey)
    } catch (problem) {
      setError(explain(problem))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form class="form passkey-add" onSubmit={add} noValidate>
      <div class="field">
        <label for="passkey-name">{tr('staff.passkeys.name')}</label>
        <input
          id="passkey-name"
          type="text"
          autocomplete="off"
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'passkey-name-hint passkey-name-error' : 'passkey-name-hint'}
        />
        <p id="passkey-name-hint" class="hint">
          {tr('staff.passkeys.nameHint')}
        </p>
        {error && (
          <p id="passkey-name-error" class="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <button type="submit" class="button button-primary" disabled={busy} aria-busy={busy}>
        {busy ? tr('staff.passkeys.adding') : tr('staff.passkeys.add')}
      </button>
    </form>
  )
}
