import { keyedHash } from '../crypto/secrets'

/**
 * Ten recovery codes, shown once: each `xxxxx-xxxxx` from 31 letters and digits that cannot be
 * confused when copied by hand (about 50 bits each), stored as keyed hashes, used once.
 */

const ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz'
export const RECOVERY_CODE_COUNT = 10

function randomCode(): string {
  let code = ''
  while (code.length < 10) {
    const [byte] = crypto.getRandomValues(new Uint8Array(1))
    // 248 is the largest multiple of 31 below 256: no letter is likelier than another.
    if (byte! < 248) code += ALPHABET[byte! % ALPHABET.length]
  }
  return `${code.slice(0, 5)}-${code.slice(5)}`
}

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, randomCode)
}

/** As typed: any case, with or without the dash or spaces. */
export function hashRecoveryCode(secret: string, userId: string, code: string): Promise<string> {
  const normal = code.toLowerCase().replace(/[^a-z0-9]/g, '')
  return keyedHash(secret, 'staff-recovery-code', `${userId}:${normal}`)
}
