import { translator } from '../translator'
import { en } from './en'
import { es } from './es'
import { fr } from './fr'

/** The words shared/insights/groups.ts speaks: the no-show insights' group labels. */
export const dictionaries = { en, es, fr }
export const t = translator(dictionaries)
