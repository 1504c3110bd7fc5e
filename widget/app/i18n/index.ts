import type { Locale } from '../../../shared/i18n'
import { ApiError } from '../../../ui/api-client'
import { appWords } from '../../../ui/words'
import { en } from './en'
import { es } from './es'
import { fr } from './fr'

/**
 * The portal's words before sign-in: the frame, the sign-in form, "Need help now?" and errors.
 * `useWords()` here knows only these (a signed-in screen's key is a compile error), which keeps
 * the first load small; the signed-in screens use `./signed-in`, loaded with their chunk.
 */
export const firstLoad = { en, es, fr }
export const { words, useWords, t } = appWords(firstLoad, problemText)

/** What went wrong in words a client can act on; never a code or a stack trace. */
export function problemText(error: unknown, locale: Locale): string {
  if (error instanceof ApiError) {
    if (error.code === 'network') return t(locale, 'widget.error.network')
    if (error.status === 429) return t(locale, 'widget.error.tooMany')
    if (error.status === 401) return t(locale, 'widget.error.signedOut')
    if (error.status === 404) return t(locale, 'widget.error.notFound')
  }
  return t(locale, 'widget.error.generic')
}
