import { useState } from 'preact/hooks'
import { ownTherapist } from '../../shared/policy/access'
import type { ImportKind, ImportReport } from '../../shared/schemas/imports'
import { Done } from '../../ui/States'
import { StaffScreen, ClosedScreen, TitledSection } from '../components/Parts'
import type { StaffContext } from '../Console'
import { useWords } from '../i18n'
import { Connections } from './Connections'
import { ImportColumns } from './ImportColumns'
import type { Practice } from '../../shared/schemas/practice'
import { useLoad } from '../../ui/use-load'
import { FormAlert } from '../components/FormFields'

/**
 * Bringing a spreadsheet in: choose clients or sessions and a CSV file, check it (a dry run:
 * every row's problem listed with its column and what to fix), then import it. The server reads
 * the file both times, so what the preview says is what the import does.
 */
export function Import({ ctx }: { ctx: StaffContext }) {
  const { tr, problem } = useWords()
  const [kind, setKind] = useState<ImportKind>('clients')
  const [file, setFile] = useState<{ name: string; text: string } | null>(null)
  const [notify, setNotify] = useState(false)
  const [preview, setPreview] = useState<ImportReport | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const practice = useLoad<Practice>(() => ctx.api.practice(), [])

  if (ownTherapist(ctx.viewer) !== null) {
    return <ClosedScreen title={tr('staff.import.title')} why={tr('staff.import.adminOnly')} />
  }

  const reset = () => {
    setPreview(null)
    setDone(null)
    setError(null)
  }

  async function run(dryRun: boolean) {
    if (!file) {
      setError(tr('staff.import.chooseFile'))
      return
    }
    setBusy(true)
    setError(null)
    try {
      const report = await ctx.api.importFile(kind, file.text, { dryRun, notifyClient: notify })
      if (dryRun || report.errors.length) {
        setPreview(report)
        ctx.announce(
          report.errors.length
            ? tr('staff.import.problems', { count: report.errors.length })
            : tr('staff.import.ready'),
        )
      } else {
        setPreview(null)
        const text = tr('staff.import.done', report)
        setDone(text)
        ctx.announce(text)
      }
    } catch (e) {
      setError(problem(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <StaffScreen title={tr('staff.import.title')} lead={tr('staff.import.lead')}>
      <form
        class="form import-form"
        onSubmit={(e) => {
          e.preventDefault()
          void run(true)
        }}
      >
        <fieldset class="segmented">
          <legend>{tr('staff.import.kind')}</legend>
          {(['clients', 'sessions'] as const).map((name) => (
            <span class="pill" key={name}>
              <input
                type="radio"
                name="import-kind"
                id={`import-${name}`}
                checked={kind === name}
                onChange={() => {
                  setKind(name)
                  reset()
                }}
              />
              <label for={`import-${name}`}>{tr(`staff.import.${name}`)}</label>
            </span>
          ))}
        </fieldset>
        <div class="field">
          <label for="import-file">{tr('staff.import.file')}</label>
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="import-columns"
            onChange={async (e) => {
              const chosen = e.currentTarget.files?.[0]
              reset()
              setFile(chosen ? { name: chosen.name, text: await chosen.text() } : null)
            }}
          />
        </div>
        {kind === 'sessions' && (
          <div class="check">
            <input
              type="checkbox"
              id="import-notify"
              checked={notify}
              aria-describedby="import-notify-hint"
              onChange={(e) => setNotify(e.currentTarget.checked)}
            />
            <label for="import-notify">{tr('staff.import.notify')}</label>
            <p class="hint" id="import-notify-hint">
              {tr('staff.import.notifyHint')}
            </p>
          </div>
        )}
        <FormAlert message={error} />
        <button type="submit" class="button button-secondary" disabled={busy}>
          {tr('staff.import.check')}
        </button>
      </form>
      {done && <Done>{done}</Done>}
      {preview && (
        <TitledSection class="entry-card import-preview" id="import-preview-title" title={file?.name}>
          <p>{tr('staff.import.summary', preview)}</p>
          {preview.errors.length ? (
            <>
              <p class="notice notice-problem">
                <strong>{tr('staff.import.problems', { count: preview.errors.length })}.</strong>{' '}
                {tr('staff.import.nothingWritten')}
              </p>
              <div class="table-scroll">
                <table class="import-errors">
                  <thead>
                    <tr>
                      <th scope="col">{tr('staff.import.row')}</th>
                      <th scope="col">{tr('staff.import.column')}</th>
                      <th scope="col">{tr('staff.import.fix')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.errors.map((e) => (
                      <tr key={`${e.row}-${e.field}`}>
                        <td>{e.row}</td>
                        <td>
                          <code>{e.field}</code>
                        </td>
                        <td>{e.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : (
            <>
              <p>{tr('staff.import.ready')}</p>
              <button type="button" class="button button-primary" disabled={busy} onClick={() => run(false)}>
                {tr('staff.import.go')}
              </button>
            </>
          )}
        </TitledSection>
      )}
      <ImportColumns
        kind={kind}
        zone={ctx.me.practice.time_zone}
        country={practice.state === 'ready' ? practice.data.country : null}
      />
      <Connections ctx={ctx} />
    </StaffScreen>
  )
}
