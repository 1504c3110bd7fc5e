import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import { type Dictionaries, type Locale, merged, type ParamArgs, type Source, translator } from '../shared/i18n'
import { formatInstant, type InstantStyle } from '../shared/time'
import { en } from './i18n/en'
import { es } from './i18n/es'
import { fr } from './i18n/fr'

/** The words ui/'s own parts say; every app's dictionaries include them. */
export type UiSource = typeof en

/** How an app speaks to its reader: its strings in their language, instants on their clock, and what went wrong. */
export type Words<S extends Source = UiSource> = {
  locale: Locale
  zone: string
  tr<K extends keyof S & string>(key: K, ...args: ParamArgs<S, K>): string
  when(instant: string | number, style?: InstantStyle): string
  /** What went wrong, in words this app's reader can act on: never a code or a stack trace. */
  problem(error: unknown): string
}

const WordsContext = createContext<Words<any> | null>(null)

/** Gives the words to everything below; each app provides its own (`words(locale, zone)` of its dictionaries). */
export const WordsProvider = WordsContext.Provider

function useWordsOf<S extends Source>(): Words<S> {
  const words = useContext(WordsContext)
  if (!words) throw new Error('No words here: render inside a WordsProvider.')
  return words as Words<S>
}

/** The words of ui/'s own parts, whichever app they are in. */
export const useUiWords = () => useWordsOf<UiSource>()

/**
 * An app's words from its dictionaries (ui/'s are added): `words(locale, zone)` to provide, and
 * `useWords()` typed by exactly these dictionaries, so a key the app did not load is a compile error.
 * `problem` says what went wrong in the app's own words.
 */
export function appWords<S extends Source>(
  dictionaries: Dictionaries<S>,
  problem: (error: unknown, locale: Locale) => string,
) {
  const t = translator(merged(dictionaries, { en, es, fr }))
  return {
    words: (locale: Locale, zone: string): Words<S & UiSource> => ({
      locale,
      zone,
      tr: (key, ...args) => t(locale, key, ...args),
      when: (instant, style = 'long') => formatInstant(instant, zone, locale, style),
      problem: (error) => problem(error, locale),
    }),
    useWords: () => useWordsOf<S & UiSource>(),
    t,
  }
}

/** The browser's own zone, used until the reader's zone is known. */
export function browserZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
  } catch {
    return 'UTC'
  }
}
