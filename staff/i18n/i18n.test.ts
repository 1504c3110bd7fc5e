import { describe } from 'vitest'
import { checkTranslations } from '../../shared/i18n/testing'
import { en } from './en'
import { es } from './es'
import { fr } from './fr'

describe("the staff console's dictionaries", () => {
  // The default session type is the word Hearth stores, "Session", quoted as it is.
  checkTranslations({ en, es, fr }, { englishAllowed: (key) => key === 'staff.import.col.sessions.type' })
})
