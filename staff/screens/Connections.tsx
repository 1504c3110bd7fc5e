import { useState } from 'preact/hooks'
import type { FhirSettings } from '../../shared/schemas/connectors'
import type { Practice } from '../../shared/schemas/practice'
import { Loading, Problem } from '../../ui/States'
import { useLoad } from '../../ui/use-load'
import type { StaffContext } from '../Console'
import { useWords } from '../i18n'

/**
 * Where sessions come in from besides spreadsheets: Cal.com bookings (the address its webhook
 * points at, and whose bookings are whose) and the FHIR server (when it last synced, what came
 * in, what could not and why, and a button to sync now). Setting them up is in staff/README.md.
 */
export function Connections({ ctx }: { ctx: StaffContext }) {
  const { tr } = useWords()
  const practice = useLoad<Practice>(() => ctx.api.practice(), [])
  return (
    <section class="entry-card connections" aria-labelledby="connections-title">
      <h2 class="section-title" id="connections-title">
        {tr('staff.connections.title')}
      </h2>
      {practice.state === 'loading' ? (
        <Loading />
      ) : practice.state === 'error' ? (
        <Problem compact error={practice.error} onRetry={practice.reload} />
      ) : (
        <>
          <CalcomStatus practice={practice.data} />
          <FhirStatus ctx={ctx} initial={practice.data.fhir ?? null} />
        </>
      )}
    </section>
  )
}

function CalcomStatus({ practice }: { practice: Practice }) {
  const { tr } = useWords()
  const calcom = practice.calcom
  return (
    <div class="connection">
      <h3>{tr('staff.connections.calcom')}</h3>
      {calcom ? (
        <>
          <p>{tr('staff.connections.calcomOn', { count: Object.keys(calcom.therapists).length })}</p>
          <p class="hint">
            {tr('staff.connections.calcomUrl')} <code>{calcom.webhook_url}</code>
          </p>
        </>
      ) : (
        <p class="hint">{tr('staff.connections.calcomOff')}</p>
      )}
    </div>
  )
}

function FhirStatus({ ctx, initial }: { ctx: StaffContext; initial: FhirSettings | null }) {
  const { tr, when, problem } = useWords()
  const [fhir, setFhir] = useState(initial)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  if (!fhir) {
    return (
      <div class="connection">
        <h3>{tr('staff.connections.fhir')}</h3>
        <p class="hint">{tr('staff.connections.fhirOff')}</p>
      </div>
    )
  }
  async function sync() {
    setBusy(true)
    setError(null)
    try {
      const report = await ctx.api.syncFhir()
      setFhir(report)
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
    <div class="connection">
      <h3>{tr('staff.connections.fhir')}</h3>
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
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      <button
        type="button"
        class="button button-secondary button-small"
        disabled={busy}
        aria-busy={busy}
        onClick={sync}
      >
        {tr('staff.connections.syncNow')}
      </button>
    </div>
  )
}
