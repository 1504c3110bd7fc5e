import { translator } from '../translator'
import { en } from './en'
import { es } from './es'
import { fr } from './fr'

/** The words shared/time/format.ts speaks: how dates read in a sentence. */
export const dictionaries = { en, es, fr }
export const t = translator(dictionaries)
