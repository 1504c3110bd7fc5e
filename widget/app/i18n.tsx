import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import { t, type Locale, type MessageKey, type ParamArgs } from '../../shared/i18n'
import type { en } from '../../shared/i18n/en'
import { formatInstant, type InstantStyle } from '../../shared/time'

export type Words = {
  locale: Locale
  zone: string
  tr<K extends MessageKey>(key: K, ...args: ParamArgs<typeof en, K>): string
  when(instant: string | number, style?: InstantStyle): string
}

export function words(locale: Locale, zone: string): Words {
  return {
    locale,
    zone,
    tr: (key, ...args) => t(locale, key, ...args),
    when: (instant, style = 'long') => formatInstant(instant, zone, locale, style),
  }
}

export const WordsContext = createContext<Words>(words('en', 'UTC'))
export const useWords = () => useContext(WordsContext)

/** The browser's own zone, used until the client's zone is known. */
export function browserZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
  } catch {
    return 'UTC'
  }
}
