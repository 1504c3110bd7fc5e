import type { Locale } from '../schemas/policies'

/**
 * The machinery every dictionary in Hearth goes through: a dictionary is written in English (the
 * source, `as const`), translated into Spanish and French with exactly its keys, and `translator`
 * makes a typed `t` from the three. The parameters of a message are read from the `{placeholders}`
 * in its English text, so a missing one is a compile error rather than a `{gap}` shown to a reader.
 */

/** Plural forms, chosen with `Intl.PluralRules` on the `count` parameter; `other` is the fallback. */
export type PluralMessage = { one: string; other: string; many?: string }

/** An English source dictionary: each message a string or plural forms. */
export type Source = { readonly [key: string]: string | PluralMessage }

/** A translation of `S`: exactly its keys, each a string or plural forms as in English. */
export type Translation<S extends Source> = { [K in keyof S]: S[K] extends string ? string : PluralMessage }

/** The three languages of one dictionary. */
export type Dictionaries<S extends Source> = { en: S; es: Translation<S>; fr: Translation<S> }

type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never
type Forms<M> = M extends string ? M : M extends { one: infer A; other: infer B } ? A | B : never

/** The parameters a message needs, read from the `{placeholders}` in its English text. */
export type MessageParams<S extends Source, K extends keyof S> = Record<Placeholders<Forms<S[K]>>, string | number> &
  (S[K] extends string ? unknown : { count: number })

/** Nothing for a message without placeholders, else its parameters. */
export type ParamArgs<S extends Source, K extends keyof S> = [keyof MessageParams<S, K>] extends [never]
  ? []
  : [MessageParams<S, K>]

/** The message `key` in `locale`, its `{placeholders}` filled in. */
export type Translate<S extends Source> = <K extends keyof S & string>(
  locale: Locale,
  key: K,
  ...args: ParamArgs<S, K>
) => string

export function translator<S extends Source>(dictionaries: Dictionaries<S>): Translate<S> {
  const byLocale = dictionaries as Record<Locale, Record<string, string | PluralMessage>>
  return (locale, key, ...args) => {
    const params = (args[0] ?? {}) as Record<string, string | number>
    const message = (byLocale[locale] ?? byLocale.en)[key]!
    const text = typeof message === 'string' ? message : pluralForm(locale, message, Number(params.count))
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
  }
}

/** Two dictionaries as one (an app's words with the kit's, the first load's with the signed-in screens'). */
export function merged<A extends Source, B extends Source>(
  a: Dictionaries<A>,
  b: Dictionaries<B>,
): Dictionaries<A & B> {
  return { en: { ...a.en, ...b.en }, es: { ...a.es, ...b.es }, fr: { ...a.fr, ...b.fr } } as Dictionaries<A & B>
}

// Building an Intl.PluralRules is costly next to using one: a reminder run formats thousands of dates.
const pluralRules = new Map<Locale, Intl.PluralRules>()

function pluralForm(locale: Locale, message: PluralMessage, count: number): string {
  let rules = pluralRules.get(locale)
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)))
  const category = rules.select(count)
  return (category === 'one' || category === 'many' ? message[category] : undefined) ?? message.other
}
