import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isoInZone } from './offset-iso'

describe('isoInZone', () => {
  it('writes the local wall clock with the offset in force at that instant', () => {
    expect(isoInZone('2026-03-03T04:30:00Z', 'America/New_York')).toBe('2026-03-02T23:30:00-05:00')
    expect(isoInZone('2026-07-01T12:00:00Z', 'America/New_York')).toBe('2026-07-01T08:00:00-04:00')
    expect(isoInZone('2026-01-15T12:00:00Z', 'Asia/Kolkata')).toBe('2026-01-15T17:30:00+05:30')
    expect(isoInZone('2026-01-15T12:00:00Z', 'America/St_Johns')).toBe('2026-01-15T08:30:00-03:30')
    expect(isoInZone('2026-01-15T12:00:00Z', 'UTC')).toBe('2026-01-15T12:00:00+00:00')
  })

  it('crosses the spring-forward change in New York correctly', () => {
    expect(isoInZone('2026-03-08T06:59:00Z', 'America/New_York')).toBe('2026-03-08T01:59:00-05:00')
    expect(isoInZone('2026-03-08T07:00:00Z', 'America/New_York')).toBe('2026-03-08T03:00:00-04:00')
  })

  it('always names the same instant', () => {
    const zones = ['America/New_York', 'Europe/Paris', 'Australia/Lord_Howe', 'Pacific/Chatham', 'UTC']
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom(...zones),
        (ms, zone) => {
          const whole = ms - (ms % 1000)
          expect(Date.parse(isoInZone(whole, zone))).toBe(whole)
        },
      ),
    )
  })
})
