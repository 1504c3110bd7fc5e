import { translator } from '../translator'
import { en } from './en'
import { es } from './es'
import { fr } from './fr'

/** The words shared/crisis.ts speaks: what to do now, whenever a client might be in crisis. */
export const dictionaries = { en, es, fr }
export const t = translator(dictionaries)
