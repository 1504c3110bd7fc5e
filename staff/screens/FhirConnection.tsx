import { useState } from 'preact/hooks'
import { can } from '../../shared/policy/permissions'
import type { FhirSettings } from '../../shared/schemas/connectors'
import type { Practice } from '../../shared/schemas/practice'
import { ConnectionForm, Disconnect, TextField, useSave } from '../components/ConnectionParts'
import type { StaffContext } from '../Console'
import { useWords } from '../i18n'
import { FormAlert } from '../components/FormFields'

/**
 * The practice's FHIR server: when it last synced, what came in and what could not; for those who
 * may change the practice, its address and token (never shown back), "Sync now" and disconnecting.
 */
export function FhirConnection({
  ctx,
  fhir,
  mayChange,
  onSaved,
}: {
  ctx: StaffContext
  fhir: FhirSettings | undefined
  mayChange: boolean
  onSaved: (fhir: FhirSettings | undefined) => void
}) {
  const { tr } = useWords()
  const [editing, setEditing] = useState(false)
  const saved = (practice: Practice) => {
    setEditing(false)
    onSaved(practice.fhir)
  }
  return (
    <div class="connection">
      <h3>{tr('staff.connections.fhir')}</h3>
      <p class="hint">{tr('staff.fhir.what')}</p>
      {!fhir && <p>{mayChange ? tr('staff.fhir.off') : tr('staff.connections.fhirOff')}</p>}
      {fhir && <FhirStatus ctx={ctx} fhir={fhir} onSynced={onSaved} />}
      {fhir && mayChange && !editing && (
        <div class="actions">
          <button type="button" class="button button-secondary button-small" onClick={() => setEditing(true)}>
            {tr('staff.fhir.change')}
          </button>
          <Disconnect
            label={tr('staff.fhir.disconnect')}
            question={tr('staff.fhir.disconnectQuestion')}
            consequence={tr('staff.fhir.disconnectConsequence')}
            onConfirm={async () => {
              saved(await ctx.api.connectFhir(null))
              ctx.announce(tr('staff.fhir.disconnected'))
            }}
          />
        </div>
      )}
      {mayChange && (!fhir || editing) && (
        <FhirForm
          ctx={ctx}
          fhir={fhir}
          onCancel={fhir ? () => setEditing(false) : undefined}
          onSaved={(practice) => {
            saved(practice)
            ctx.announce(tr('staff.fhir.saved'))
          }}
        />
      )}
    </div>
  )
}

function FhirStatus({
  ctx,
  fhir,
  onSynced,
}: {
  ctx: StaffContext
  fhir: FhirSettings
  onSynced: (fhir: FhirSettings) => void
}) {
  const { tr, when, problem } = useWords()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  async function sync() {
    setBusy(true)
    setError(null)
    try {
      const report = await ctx.api.syncFhir()
      onSynced(report)
      ctx.announce(
        report.last_errors.length
          ? tr('staff.connections.fhirProblems', { count: report.last_errors.length })
          : tr('staff.connections.fhirSynced'),
      )
    } catch (e) {
      setError(problem(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <p>
        <code>{fhir.base_url}</code>
      </p>
      <p>
        {fhir.last_success_at
          ? tr('staff.connections.fhirLast', { when: when(fhir.last_success_at) })
          : tr('staff.connections.fhirNever')}
        {fhir.last_result &&
          ` ${tr('staff.connections.fhirCounts', {
            therapists: fhir.last_result.therapists,
            clients: fhir.last_result.clients,
            sessions: fhir.last_result.sessions,
          })}`}
      </p>
      {fhir.last_errors.length > 0 && (
        <div class="notice notice-problem">
          <p>
            <strong>{tr('staff.connections.fhirProblems', { count: fhir.last_errors.length })}</strong>
          </p>
          <ul>
            {fhir.last_errors.map((e) => (
              <li key={`${e.resource}-${e.message}`}>
                <code>{e.resource}</code>: {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <FormAlert message={error} />
      {can(ctx.me.user.role, 'change', 'integrations') && (
        <p>
          <button
            type="button"
            class="button button-primary button-small"
            disabled={busy}
            aria-busy={busy}
            onClick={sync}
          >
            {tr('staff.connections.syncNow')}
          </button>
        </p>
      )}
    </>
  )
}

function FhirForm({
  ctx,
  fhir,
  onCancel,
  onSaved,
}: {
  ctx: StaffContext
  fhir: FhirSettings | undefined
  onCancel: (() => void) | undefined
  onSaved: (practice: Practice) => void
}) {
  const { tr } = useWords()
  const [baseUrl, setBaseUrl] = useState(fhir?.base_url ?? '')
  const [token, setToken] = useState('')
  const { busy, problem, save, fields } = useSave('fhir')
  const submit = () =>
    save(async () => {
      onSaved(await ctx.api.connectFhir({ base_url: baseUrl.trim(), ...(token.trim() ? { token: token.trim() } : {}) }))
    })
  return (
    <ConnectionForm
      label={tr('staff.fhir.formLabel')}
      problem={problem}
      busy={busy}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <TextField
        id="fhir-base-url"
        label={tr('staff.fhir.baseUrl')}
        hint={tr('staff.fhir.baseUrlHint')}
        value={baseUrl}
        onInput={setBaseUrl}
        error={fields.base_url}
        inputMode="url"
        required
      />
      <TextField
        id="fhir-token"
        label={tr('staff.fhir.token')}
        hint={fhir?.has_token ? tr('staff.fhir.tokenAgain') : tr('staff.fhir.tokenHint')}
        value={token}
        onInput={setToken}
        error={fields.token}
        secret
      />
    </ConnectionForm>
  )
}
