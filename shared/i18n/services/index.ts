import { translator } from '../translator'
import { en } from './en'
import { es } from './es'
import { fr } from './fr'

/** The words shared/services.ts speaks: the usual kinds of session, by name. */
export const dictionaries = { en, es, fr }
export const t = translator(dictionaries)
