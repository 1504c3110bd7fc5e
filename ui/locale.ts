import type { Locale } from '../shared/schemas/policies'

export const LOCALES: readonly Locale[] = ['en', 'es', 'fr']
export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale)

/** The explicit attribute, else the client's own language (once known), else the browser's; always one the practice offers. */
export function chooseLocale(offered: readonly Locale[], ...preferences: (string | undefined | null)[]): Locale {
  for (const preference of preferences) {
    const short = preference?.slice(0, 2).toLowerCase()
    if (isLocale(short) && (offered.length === 0 || offered.includes(short))) return short
  }
  return offered[0] ?? 'en'
}
