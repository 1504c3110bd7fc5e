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
const moneyFormats = new Map<string, { format: Intl.NumberFormat; scale: number }>()

export function formatMoney(minorUnits: number, currency: string, locale: Locale): string {
  // Building a NumberFormat, or asking it for its options, costs far more than using one; a
  // practice has one currency.
  const cacheKey = `${locale} ${currency}`
  let money = moneyFormats.get(cacheKey)
  if (!money) {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency })
    money = { format, scale: 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2) }
    moneyFormats.set(cacheKey, money)
  }
  return money.format.format(minorUnits / money.scale)
}

/** "a, b and c" in the locale's own way. */
export function formatList(items: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items)
}
