import type { Locale } from '../../shared/i18n'
import { ApiError } from '../../ui/api-client'
import { appWords } from '../../ui/words'
import { en } from './en'
import { es } from './es'
import { fr } from './fr'

/** The staff console's words (ui/'s included), and what went wrong in words staff can act on. */
export const { words, useWords, t } = appWords({ en, es, fr }, problemText)

function problemText(error: unknown, locale: Locale): string {
  if (error instanceof ApiError) {
    if (error.code === 'network') return t(locale, 'staff.error.network')
    if (error.status === 401) return t(locale, 'staff.error.signedOut')
    if (error.status === 403) return t(locale, 'staff.error.forbidden')
    if (error.status === 404) return t(locale, 'staff.error.notFound')
    if (error.status === 409 || error.status === 400) return error.message
  }
  return t(locale, 'staff.error.generic')
}
