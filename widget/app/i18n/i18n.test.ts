import { describe } from 'vitest'
import { checkTranslations } from '../../../shared/i18n/testing'
import { en } from './en'
import { es } from './es'
import { fr } from './fr'

describe("the portal's first-load dictionaries", () => {
  checkTranslations({ en, es, fr })
})
