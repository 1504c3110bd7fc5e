import { describe, expect, it } from 'vitest'
import { suppressSmallCells, type CellCounts } from './suppression'

const cell = (key: string, sessions: number): CellCounts => ({
  key,
  label: key,
  sessions,
  attended: sessions,
  no_shows: 0,
  late_cancellations: 0,
  no_show_rate: 0,
  late_cancel_rate: 0,
})
const hiddenKeys = (cells: CellCounts[]) =>
  suppressSmallCells(cells)
    .filter((c) => c.suppressed)
    .map((c) => c.key)

describe('suppressSmallCells', () => {
  it('hides a cell of 4 sessions and shows a cell of 5', () => {
    expect(hiddenKeys([cell('a', 4), cell('b', 5), cell('c', 3)])).toEqual(['a', 'c'])
    const shown = suppressSmallCells([cell('a', 4), cell('b', 5), cell('c', 3)])[1]
    expect(shown).toMatchObject({ key: 'b', suppressed: false, sessions: 5 })
  })

  it('hides no numbers at all in a suppressed cell', () => {
    expect(suppressSmallCells([cell('a', 1), cell('b', 2)])).toEqual([
      { key: 'a', label: 'a', suppressed: true },
      { key: 'b', label: 'b', suppressed: true },
    ])
  })

  it('hides the smallest other cell too when only one would be hidden', () => {
    expect(hiddenKeys([cell('a', 40), cell('b', 2), cell('c', 9), cell('d', 12)])).toEqual(['b', 'c'])
    expect(hiddenKeys([cell('confirmed', 60), cell('unconfirmed', 3)])).toEqual(['confirmed', 'unconfirmed'])
  })

  it('needs no second cell when the hidden one is empty or nothing is hidden', () => {
    expect(hiddenKeys([cell('confirmed', 60), cell('unconfirmed', 0)])).toEqual(['unconfirmed'])
    expect(hiddenKeys([cell('a', 5), cell('b', 6)])).toEqual([])
    expect(hiddenKeys([cell('a', 3)])).toEqual(['a'])
  })
})
