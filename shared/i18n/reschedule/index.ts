import { translator } from '../translator'
import { en } from './en'
import { es } from './es'
import { fr } from './fr'

/** The words shared/policy/reschedule.ts speaks: the practice's rule for moving a session. */
export const dictionaries = { en, es, fr }
export const t = translator(dictionaries)
