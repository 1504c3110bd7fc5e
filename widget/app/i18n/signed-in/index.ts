import { merged } from '../../../../shared/i18n'
import { appWords } from '../../../../ui/words'
import { firstLoad, problemText } from '..'
import { en } from './en'
import { es } from './es'
import { fr } from './fr'

/**
 * The words of the signed-in screens: the first load's and these, which arrive with the signed-in
 * chunk (`Portal.tsx` imports this module and provides these words before any of its screens shows).
 */
export const { words, useWords } = appWords(merged(firstLoad, { en, es, fr }), problemText)
export type Words = ReturnType<typeof words>
