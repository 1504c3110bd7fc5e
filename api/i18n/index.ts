import { translator } from '../../shared/i18n'
import { en } from './en'
import { es } from './es'
import { fr } from './fr'

/** The server's words (emails, text answers, the pages behind email links) in a client's language. */
export const t = translator({ en, es, fr })
