import { describe, expect, it } from 'vitest'
import { insightRange } from './range'

const now = new Date('2026-03-02T15:00:00Z')
const NY = 'America/New_York'

describe('insightRange', () => {
  it('defaults to the 90 days before now', () => {
    expect(insightRange({}, NY, now)).toEqual({ ok: true, from: new Date('2025-12-02T15:00:00Z'), to: now })
  })

  it("reads a date as midnight on the practice's clock, across a DST change", () => {
    expect(insightRange({ from: '2026-03-01', to: '2026-04-01' }, NY, now)).toEqual({
      ok: true,
      from: new Date('2026-03-01T05:00:00Z'),
      to: new Date('2026-04-01T04:00:00Z'),
    })
  })

  it('takes a time with an offset as it is, and a lone from up to now', () => {
    expect(insightRange({ from: '2026-02-01T00:00:00+01:00' }, NY, now)).toEqual({
      ok: true,
      from: new Date('2026-01-31T23:00:00Z'),
      to: now,
    })
  })

  it('refuses an empty, backwards or over-long range, naming the field', () => {
    expect(insightRange({ from: '2026-03-01', to: '2026-03-01' }, NY, now)).toMatchObject({ ok: false, field: 'from' })
    expect(insightRange({ from: '2026-04-01' }, NY, now)).toMatchObject({ ok: false, field: 'from' })
    expect(insightRange({ to: '2025-01-01T00:00:00Z', from: '2026-01-01' }, NY, now)).toMatchObject({ ok: false })
    expect(insightRange({ from: '2024-01-01', to: '2026-01-02' }, NY, now)).toMatchObject({ ok: false, field: 'to' })
    expect(insightRange({ from: '2024-01-01', to: '2026-01-01' }, NY, now)).toMatchObject({ ok: true })
  })
})
