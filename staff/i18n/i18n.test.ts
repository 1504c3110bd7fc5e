import { describe } from 'vitest'
import { checkTranslations } from '../../shared/i18n/testing'
import { en } from './en'
import { es } from './es'
import { fr } from './fr'

describe("the staff console's dictionaries", () => {
  checkTranslations({ en, es, fr })
})
