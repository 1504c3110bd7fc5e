import { Secret, TOTP } from 'otpauth'

/**
 * TOTP as RFC 6238 and every authenticator app has it: a 20-byte base32 secret, HMAC-SHA-1,
 * 6 digits, 30-second steps. A code is taken one step early or late (clocks drift), and a step
 * is accepted once only: `lastStep` is the newest step already used.
 */

export const TOTP_PERIOD_SECONDS = 30
const DRIFT_STEPS = 1

function totpFor(secret: string, label = 'Hearth') {
  return new TOTP({
    issuer: 'Hearth',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  })
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32
}

/** The otpauth:// URL an authenticator app reads from a QR code: "Hearth (Calm Waters): name@example.com". */
export function otpauthUrl(secret: string, account: string, practiceName: string): string {
  const totp = totpFor(secret, account)
  totp.issuer = `Hearth (${practiceName})`
  return totp.toString()
}

/** The code for `at` (tests and the smoke script type what an app would show). */
export function totpCode(secret: string, at: Date): string {
  return totpFor(secret).generate({ timestamp: at.getTime() })
}

/**
 * The step `code` belongs to when it is right for `now` (within the drift) and newer than
 * `lastStep`; otherwise null. Store the answer as the new `lastStep` so the code cannot be used again.
 */
export function acceptedStep(secret: string, code: string, now: Date, lastStep: number | null): number | null {
  const delta = totpFor(secret).validate({ token: code, timestamp: now.getTime(), window: DRIFT_STEPS })
  if (delta === null) return null
  const step = Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS) + delta
  return lastStep !== null && step <= lastStep ? null : step
}
