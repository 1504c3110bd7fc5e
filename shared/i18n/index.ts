import type { Locale } from '../schemas/policies'
import type { MessageKey, MessageParams, PluralMessage } from './dictionary'
import { en } from './en'
import { es } from './es'
import { fr } from './fr'

export type { Dictionary, MessageKey, MessageParams, PluralMessage } from './dictionary'
export type { Locale }

const dictionaries = { en, es, fr } as const

type ParamArgs<K extends MessageKey> = [keyof MessageParams<K>] extends [never] ? [] : [MessageParams<K>]

/**
 * The message `key` in `locale` with its `{placeholders}` filled in. The parameters are typed from
 * the English text, so a missing one is a compile error rather than a `{gap}` shown to a client.
 */
export function t<K extends MessageKey>(locale: Locale, key: K, ...args: ParamArgs<K>): string {
  const params = (args[0] ?? {}) as Record<string, string | number>
  const message = (dictionaries[locale] ?? en)[key] as string | PluralMessage
  const text = typeof message === 'string' ? message : pluralForm(locale, message, Number(params.count))
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

// Building an Intl.PluralRules is costly next to using one: a reminder run formats thousands of dates.
const pluralRules = new Map<Locale, Intl.PluralRules>()

function pluralForm(locale: Locale, message: PluralMessage, count: number): string {
  let rules = pluralRules.get(locale)
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)))
  const category = rules.select(count)
  return (category === 'one' || category === 'many' ? message[category] : undefined) ?? message.other
}

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
