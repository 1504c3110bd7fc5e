import { translator } from '../translator'
import { en } from './en'
import { es } from './es'
import { fr } from './fr'

/** The words shared/policy/cancellation.ts speaks: the cancellation rule as the client reads it before acting. */
export const dictionaries = { en, es, fr }
export const t = translator(dictionaries)
