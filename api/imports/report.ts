import type { ImportError, ImportReport } from '../../shared/schemas/imports'
import type { CsvRow } from './csv'
import type { Cell } from './cells'

/** What one import is collecting as it reads the rows: the counts and every row's problems. */
export class ImportTally {
  readonly report: ImportReport
  constructor(rows: number, dryRun: boolean) {
    this.report = { rows, created: 0, updated: 0, unchanged: 0, errors: [], dry_run: dryRun }
  }
  count(outcome: 'created' | 'updated' | 'unchanged') {
    this.report[outcome] += 1
  }
  error(row: number, field: string, message: string) {
    this.report.errors.push({ row, field, message })
  }
  get failed() {
    return this.report.errors.length > 0
  }
}

/**
 * Reads one row's cells: `take(column, reader)` returns the value or records the column's problem
 * (and returns undefined); `problems` tells whether any column failed.
 */
export function rowReader(row: CsvRow) {
  const errors: ImportError[] = []
  return {
    errors,
    text(column: string): string {
      return row.cells[column] ?? ''
    },
    take<T>(column: string, cell: Cell<T>): T | undefined {
      if (cell.ok) return cell.value
      errors.push({ row: row.row, field: column, message: cell.message })
      return undefined
    },
    fail(column: string, message: string) {
      errors.push({ row: row.row, field: column, message })
    },
  }
}

/** The later rows that repeat an id or email an earlier row of the same file already used. */
export function repeatedIn(rows: CsvRow[], column: string, normalise = (v: string) => v): Map<number, number> {
  const first = new Map<string, number>()
  const repeats = new Map<number, number>()
  for (const { row, cells } of rows) {
    const value = normalise(cells[column] ?? '')
    if (!value) continue
    const seen = first.get(value)
    if (seen === undefined) first.set(value, row)
    else repeats.set(row, seen)
  }
  return repeats
}
