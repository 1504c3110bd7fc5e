import { translator } from '../translator'
import { en } from './en'
import { es } from './es'
import { fr } from './fr'

/** The words shared/notices/text.ts speaks: notes Hearth sends a client on its own. */
export const dictionaries = { en, es, fr }
export const t = translator(dictionaries)
