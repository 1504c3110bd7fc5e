import { describe, expect, it } from 'vitest'
import { toE164 } from './phone'

describe('toE164', () => {
  it('keeps a number that is already international', () => {
    expect(toE164('+15550103001', 'US')).toBe('+15550103001')
    expect(toE164('+44 20 7946 0958', 'US')).toBe('+442079460958')
    expect(toE164('0044 20 7946 0958', 'US')).toBe('+442079460958')
  })

  it("completes a national number with the practice's country", () => {
    expect(toE164('5550103001', 'US')).toBe('+15550103001')
    expect(toE164('15550103001', 'US')).toBe('+15550103001')
    expect(toE164('(555) 010-3001', 'CA')).toBe('+15550103001')
    expect(toE164('020 7946 0958', 'GB')).toBe('+442079460958')
    expect(toE164('06 12 34 56 78', 'FR')).toBe('+33612345678')
    expect(toE164('612345678', 'ES')).toBe('+34612345678')
  })

  it('answers null rather than guess', () => {
    expect(toE164('555010', 'US')).toBeNull()
    expect(toE164('25550103001', 'US')).toBeNull()
    expect(toE164('0612345678', 'JP')).toBeNull()
    expect(toE164('+0123', 'US')).toBeNull()
    expect(toE164('call me', 'US')).toBeNull()
  })
})
