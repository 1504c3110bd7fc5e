import type { Locale } from '../schemas/policies'

/**
 * The i18n machinery (`translator`: a typed `t` from any en/es/fr dictionaries) and the ways a
 * locale writes money and lists. The sentences the rules speak are dictionaries beside it, one
 * folder per rule (`cancellation/`, `contact/`, `crisis/`, `dates/`, `insights/`, `notices/`,
 * `reminders/`), each with its `t`; an app bundles only the ones its code reaches.
 */
export type {
  Dictionaries,
  MessageParams,
  ParamArgs,
  PluralMessage,
  Source,
  Translate,
  Translation,
} from './translator'
export { merged, translator } from './translator'
export type { Locale }

/** An amount in minor units (cents) as the locale writes money: "$75.00", "75,00 US$", "75,00 $US". */
const moneyFormats = new Map<string, Intl.NumberFormat>()

export function formatMoney(minorUnits: number, currency: string, locale: Locale): string {
  // Building a NumberFormat costs far more than using one; a practice has one currency.
  const cacheKey = `${locale} ${currency}`
  let format = moneyFormats.get(cacheKey)
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency })
    moneyFormats.set(cacheKey, format)
  }
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2
  return format.format(minorUnits / 10 ** digits)
}

/** "a, b and c" in the locale's own way. */
export function formatList(items: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items)
}
