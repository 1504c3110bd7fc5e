import {
  CLIENT_COLUMNS,
  CLIENT_REFERENCE_COLUMNS,
  dateOrderIn,
  type ImportKind,
  REQUIRED_CLIENT_COLUMNS,
  REQUIRED_SESSION_COLUMNS,
  SESSION_COLUMNS,
} from '../../shared/schemas/imports'
import { useWords } from '../i18n'
import { TitledSection } from '../components/Parts'

/**
 * What a file of clients or sessions may hold, from the lists the importer itself checks: each
 * column, whether it is needed, and what to write in it; for sessions, how dates and times may be
 * written in the practice's country and which time zone they are read in.
 */
export function ImportColumns({
  kind,
  zone,
  country,
}: {
  kind: ImportKind
  /** The practice's time zone, which times without one are read in. */
  zone: string
  /** The practice's country, which decides how a date with the year last is read; null until known. */
  country: string | null
}) {
  const { tr } = useWords()
  const required = kind === 'clients' ? REQUIRED_CLIENT_COLUMNS : REQUIRED_SESSION_COLUMNS
  const need = (column: string) => {
    if (required.includes(column)) return tr('staff.import.required')
    const other = CLIENT_REFERENCE_COLUMNS.find((c) => c !== column)
    if (kind === 'sessions' && other && CLIENT_REFERENCE_COLUMNS.includes(column))
      return tr('staff.import.requiredOr', { other })
    return null
  }
  const columns =
    kind === 'clients'
      ? CLIENT_COLUMNS.map((column) => [column, tr(`staff.import.col.clients.${column}`, { zone })] as const)
      : SESSION_COLUMNS.map((column) => [column, tr(`staff.import.col.sessions.${column}`, { zone })] as const)
  const order = country ? dateOrderIn(country) : null
  return (
    <TitledSection
      class="import-columns"
      id="import-columns-title"
      title={tr(kind === 'clients' ? 'staff.import.columnsClients' : 'staff.import.columnsSessions')}
    >
      <p class="hint" id="import-columns">
        {tr('staff.import.columnsLead')}
      </p>
      <ul class="import-column-list">
        {columns.map(([column, what]) => {
          const needed = need(column)
          return (
            <li key={column}>
              <code>{column}</code>
              <span class={needed ? 'chip chip-required' : 'chip chip-muted'}>
                {needed ?? tr('staff.import.optional')}
              </span>
              <span class="import-column-what">{what}</span>
            </li>
          )
        })}
      </ul>
      {kind === 'sessions' && (
        <>
          <h3 class="import-dates-title">{tr('staff.import.datesTitle')}</h3>
          <p>{tr('staff.import.dates', { zone })}</p>
          <p>
            {tr(
              order === 'month_first'
                ? 'staff.import.datesMonthFirst'
                : order === 'day_first'
                  ? 'staff.import.datesDayFirst'
                  : 'staff.import.datesYearFirst',
            )}
          </p>
          <p>{tr('staff.import.datesChange')}</p>
        </>
      )}
    </TitledSection>
  )
}
