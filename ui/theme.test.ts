import { describe, expect, it } from 'vitest'
import { contrast, themeFor } from './theme'

describe('themeFor', () => {
  it.each(['#2f6f62', '#f5c542', '#ffffff', '#000000', '#7fb3d5', '#e91e63'])('keeps text readable on %s', (accent) => {
    const theme = themeFor(accent)
    expect(contrast(theme.onAccent, theme.accent)).toBeGreaterThanOrEqual(4.5)
    expect(contrast(theme.accentText, '#fbfaf7')).toBeGreaterThanOrEqual(4.5)
  })
})
