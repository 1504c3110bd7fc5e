import type { en } from './en'

/** Plural forms, chosen with `Intl.PluralRules` on the `count` parameter; `other` is the fallback. */
export type PluralMessage = { one: string; other: string; many?: string }

export type MessageKey = keyof typeof en

/** Every locale's dictionary has exactly English's keys, each a string or plural forms like English. */
export type Dictionary = {
  [K in MessageKey]: (typeof en)[K] extends string ? string : PluralMessage
}

type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never
type Forms<M> = M extends string ? M : M extends { one: infer A; other: infer B } ? A | B : never

/** The parameters a message needs, read from the `{placeholders}` in its English text. */
export type MessageParams<K extends MessageKey> = Record<Placeholders<Forms<(typeof en)[K]>>, string | number> &
  ((typeof en)[K] extends string ? unknown : { count: number })
