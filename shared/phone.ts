/**
 * Phone numbers as a `tel:` link needs them: E.164 (`+15550103001`). Numbers are stored as the
 * practice typed them (digits, maybe a leading +), so a national number is completed with the
 * practice's country. Only countries whose national format is known here are completed; anything
 * else answers null rather than a number that might ring a stranger.
 */

type Country = { code: string; nationalDigits: readonly number[]; trunkZero: boolean }

const COUNTRIES: Record<string, Country> = {
  // North American Numbering Plan: ten digits, sometimes written with the leading 1.
  US: { code: '1', nationalDigits: [10], trunkZero: false },
  CA: { code: '1', nationalDigits: [10], trunkZero: false },
  GB: { code: '44', nationalDigits: [9, 10], trunkZero: true },
  IE: { code: '353', nationalDigits: [7, 8, 9], trunkZero: true },
  AU: { code: '61', nationalDigits: [9], trunkZero: true },
  NZ: { code: '64', nationalDigits: [8, 9, 10], trunkZero: true },
  FR: { code: '33', nationalDigits: [9], trunkZero: true },
  ES: { code: '34', nationalDigits: [9], trunkZero: false },
  DE: { code: '49', nationalDigits: [6, 7, 8, 9, 10, 11], trunkZero: true },
  MX: { code: '52', nationalDigits: [10], trunkZero: false },
}

const E164 = /^\+[1-9][0-9]{6,14}$/

/** `phone` in E.164, completed with `country` (ISO 3166 alpha-2) when it is national; else null. */
export function toE164(phone: string, country: string): string | null {
  const compact = phone.replace(/[\s().-]/g, '')
  if (compact.startsWith('+')) return E164.test(compact) ? compact : null
  if (compact.startsWith('00')) return toE164(`+${compact.slice(2)}`, country)
  if (!/^[0-9]+$/.test(compact)) return null
  const rules = COUNTRIES[country.toUpperCase()]
  if (!rules) return null
  let national = compact
  if (rules.trunkZero && national.startsWith('0')) national = national.slice(1)
  else if (!rules.trunkZero && national.startsWith(rules.code) && !rules.nationalDigits.includes(national.length)) {
    national = national.slice(rules.code.length)
  }
  if (!rules.nationalDigits.includes(national.length)) return null
  const full = `+${rules.code}${national}`
  return E164.test(full) ? full : null
}
