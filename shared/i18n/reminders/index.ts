import { translator } from '../translator'
import { en } from './en'
import { es } from './es'
import { fr } from './fr'

/** The words shared/reminders/text.ts speaks: reminders, private by default. */
export const dictionaries = { en, es, fr }
export const t = translator(dictionaries)
