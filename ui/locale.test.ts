import { describe, expect, it } from 'vitest'
import { chooseLocale } from './locale'

describe('chooseLocale', () => {
  it('takes the first preference the practice offers', () => {
    expect(chooseLocale(['en', 'es', 'fr'], undefined, 'es', 'fr-FR')).toBe('es')
    expect(chooseLocale(['en', 'es'], 'fr', 'fr-CA', 'es-MX')).toBe('es')
    expect(chooseLocale(['en', 'es', 'fr'], null, 'de-DE')).toBe('en')
    expect(chooseLocale(['fr'], 'de')).toBe('fr')
  })
})
