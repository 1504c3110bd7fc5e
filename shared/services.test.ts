import { describe, expect, it } from 'vitest'
import { serviceName } from './services'

describe('serviceName', () => {
  it.each([
    ['Video session', 'es', 'Sesión por videollamada'],
    ['Individual session', 'fr', 'Séance individuelle'],
    ['couples therapy ', 'es', 'Terapia de pareja'],
    ['Telehealth', 'fr', 'Séance en visio'],
    ['Sesión individual', 'en', 'Individual session'],
    ['Intake', 'en', 'First session'],
    ['EMDR intensive', 'es', 'EMDR intensive'],
  ] as const)('"%s" in %s reads "%s"', (type, locale, expected) => {
    expect(serviceName(type, locale)).toBe(expected)
  })
})
