/**
 * A stored number (E.164) as people write it: "+15550102000" reads "(555) 010-2000", with a
 * no-break space and hyphen so it never splits across lines; other numbers stay as stored.
 */
export function displayPhone(phone: string | undefined | null): string | undefined {
  if (!phone) return undefined
  const digits = phone.replace(/[^\d+]/g, '')
  const nanp = /^\+?1?(\d{3})(\d{3})(\d{4})$/.exec(digits)
  if (nanp && (digits.startsWith('+1') || digits.length === 10)) return `(${nanp[1]})\u00a0${nanp[2]}\u2011${nanp[3]}`
  return phone
}

/** The number for a tel: link. */
export const dialable = (phone: string) => phone.replace(/[^\d+]/g, '')
