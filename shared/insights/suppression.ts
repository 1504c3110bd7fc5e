/**
 * Small-cell suppression for no-show insights: a group of fewer than `MIN_CELL_SESSIONS` sessions
 * shows no numbers, so no client can be singled out ("the one Tuesday 8 am client missed twice").
 *
 * One suppressed cell is not enough on its own: every breakdown adds up to the same total, so a
 * lone hidden cell could be worked out by subtraction from another breakdown. When exactly one
 * non-empty cell is hidden, the smallest shown cell is hidden with it (complementary suppression).
 */

export const MIN_CELL_SESSIONS = 5

export type CellCounts = {
  key: string
  label: string
  /** Sessions that were due to happen: attended + no-shows + late cancellations. */
  sessions: number
  attended: number
  no_shows: number
  late_cancellations: number
  no_show_rate: number
  late_cancel_rate: number
  /** `cancel_reason` only: the reason's share of all cancellations. */
  share?: number
}

export type Cell = (CellCounts & { suppressed: false }) | { key: string; label: string; suppressed: true }

export function suppressSmallCells(cells: readonly CellCounts[], min = MIN_CELL_SESSIONS): Cell[] {
  const hidden = new Set(cells.filter((c) => c.sessions < min).map((c) => c.key))
  const revealing = cells.filter((c) => c.sessions > 0 && c.sessions < min)
  const shown = cells.filter((c) => !hidden.has(c.key))
  if (revealing.length === 1 && shown.length > 0) {
    const smallest = [...shown].sort((a, b) => a.sessions - b.sessions || a.key.localeCompare(b.key))[0]!
    hidden.add(smallest.key)
  }
  return cells.map((c) =>
    hidden.has(c.key) ? { key: c.key, label: c.label, suppressed: true } : { ...c, suppressed: false },
  )
}
