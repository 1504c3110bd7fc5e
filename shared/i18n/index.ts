import type { Locale } from '../schemas/policies'
import { en } from './en'
import { es } from './es'
import { fr } from './fr'
import { translator } from './translator'

export type { Dictionary, MessageKey } from './dictionary'
export type {
  Dictionaries,
  MessageParams,
  ParamArgs,
  PluralMessage,
  Source,
  Translate,
  Translation,
} from './translator'
export { translator }
export type { Locale }

/**
 * The message `key` in `locale` with its `{placeholders}` filled in. The parameters are typed from
 * the English text, so a missing one is a compile error rather than a `{gap}` shown to a client.
 */
export const t = translator({ en, es, fr })

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
