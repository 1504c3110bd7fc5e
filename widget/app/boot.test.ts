import { describe, expect, it } from 'vitest'
import { chooseLocale } from './boot'
import { contrast, themeFor } from './theme'

describe('chooseLocale', () => {
  it('takes the first preference the practice offers', () => {
    expect(chooseLocale(['en', 'es', 'fr'], undefined, 'es', 'fr-FR')).toBe('es')
    expect(chooseLocale(['en', 'es'], 'fr', 'fr-CA', 'es-MX')).toBe('es')
    expect(chooseLocale(['en', 'es', 'fr'], null, 'de-DE')).toBe('en')
    expect(chooseLocale(['fr'], 'de')).toBe('fr')
  })
})

describe('themeFor', () => {
  it.each(['#2f6f62', '#f5c542', '#ffffff', '#000000', '#7fb3d5', '#e91e63'])('keeps text readable on %s', (accent) => {
    const theme = themeFor(accent)
    expect(contrast(theme.onAccent, theme.accent)).toBeGreaterThanOrEqual(4.5)
    expect(contrast(theme.accentText, '#fbfaf7')).toBeGreaterThanOrEqual(4.5)
  })
})
