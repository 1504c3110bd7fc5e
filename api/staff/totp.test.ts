import { describe, expect, it } from 'vitest'
import { acceptedStep, newTotpSecret, otpauthUrl, totpCode } from './totp'

// RFC 6238 appendix B: the SHA-1 seed "12345678901234567890", in base32. Its codes have 8 digits;
// an authenticator's 6-digit code is the same number's last six (RFC 4226, section 5.3).
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'
const RFC_VECTORS = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
] as const

describe('TOTP', () => {
  it.each(RFC_VECTORS)('at %i s gives the RFC 6238 code %s', (seconds, eightDigits) => {
    expect(totpCode(RFC_SECRET, new Date(seconds * 1000))).toBe(eightDigits.slice(2))
  })

  it('accepts a code one step early or late, not two', () => {
    const at = new Date(1234567890 * 1000)
    const code = totpCode(RFC_SECRET, at)
    expect(acceptedStep(RFC_SECRET, code, new Date(at.getTime() + 30_000), null)).not.toBeNull()
    expect(acceptedStep(RFC_SECRET, code, new Date(at.getTime() - 30_000), null)).not.toBeNull()
    expect(acceptedStep(RFC_SECRET, code, new Date(at.getTime() + 60_000), null)).toBeNull()
    expect(acceptedStep(RFC_SECRET, '000000', at, null)).toBeNull()
  })

  it('takes each code once: a used step, or an older one, is refused', () => {
    const at = new Date(2000000000 * 1000)
    const step = acceptedStep(RFC_SECRET, totpCode(RFC_SECRET, at), at, null)
    expect(step).toBe(Math.floor(2000000000 / 30))
    expect(acceptedStep(RFC_SECRET, totpCode(RFC_SECRET, at), at, step)).toBeNull()
    const before = new Date(at.getTime() - 30_000)
    expect(acceptedStep(RFC_SECRET, totpCode(RFC_SECRET, before), at, step)).toBeNull()
    const next = new Date(at.getTime() + 30_000)
    expect(acceptedStep(RFC_SECRET, totpCode(RFC_SECRET, next), next, step)).toBe(step! + 1)
  })

  it('makes 160-bit base32 secrets and the otpauth URL apps read', () => {
    const secret = newTotpSecret()
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(newTotpSecret()).not.toBe(secret)
    const url = new URL(otpauthUrl(secret, 'ada@example.com', 'Calm Waters'))
    expect(url.protocol).toBe('otpauth:')
    expect(url.host).toBe('totp')
    expect(url.searchParams.get('secret')).toBe(secret)
    expect(url.searchParams.get('algorithm')).toBe('SHA1')
    expect(url.searchParams.get('digits')).toBe('6')
    expect(url.searchParams.get('period')).toBe('30')
    expect(url.searchParams.get('issuer')).toBe('Hearth (Calm Waters)')
    expect(decodeURIComponent(url.pathname)).toContain('ada@example.com')
  })
})
