import { translator } from '../translator'
import { en } from './en'
import { es } from './es'
import { fr } from './fr'

/** The words shared/policy/contact.ts speaks: a therapist's contact policy as the client reads it before writing. */
export const dictionaries = { en, es, fr }
export const t = translator(dictionaries)
