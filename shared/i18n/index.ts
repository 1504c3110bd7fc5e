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
export function formatMoney(minorUnits: number, currency: string, locale: Locale): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency })
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2
  return format.format(minorUnits / 10 ** digits)
}

/** "a, b and c" in the locale's own way. */
export function formatList(items: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items)
}
