import { expect, it } from 'vitest'
import type { Dictionaries, PluralMessage, Source } from './translator'

/**
 * The checks every dictionary in Hearth passes (the compiler already holds each translation to
 * English's keys): the same placeholders in every language, no empty message, and no English
 * left behind in a Spanish or French sentence. Call it inside a `describe`.
 */
export function checkTranslations<S extends Source>(
  { en, es, fr }: Dictionaries<S>,
  options: { englishAllowed?: (key: string) => boolean } = {},
) {
  const keys = Object.keys(en) as (keyof S & string)[]
  const placeholders = (message: string | PluralMessage) =>
    [
      ...new Set((typeof message === 'string' ? [message] : Object.values(message)).join(' ').match(/\{\w+\}/g) ?? []),
    ].sort()

  it.each([
    ['es', es],
    ['fr', fr],
  ] as const)('%s has every English key with the same placeholders', (_, dictionary) => {
    expect(Object.keys(dictionary).sort()).toEqual([...keys].sort())
    for (const key of keys) {
      expect({ key, placeholders: placeholders(dictionary[key]) }).toEqual({
        key,
        placeholders: placeholders(en[key]!),
      })
      expect(typeof dictionary[key]).toBe(typeof en[key])
    }
  })

  it('has no empty strings and no leftover English in Spanish or French sentences', () => {
    for (const dictionary of [en, es, fr] as Record<string, string | PluralMessage>[]) {
      for (const value of Object.values(dictionary)) {
        for (const text of typeof value === 'string' ? [value] : Object.values(value)) expect(text.trim()).not.toBe('')
      }
    }
    const englishWords = /\b(the|your|please|session|appointment|cancel)\b/i
    for (const key of keys) {
      if (options.englishAllowed?.(key)) continue
      for (const dictionary of [es, fr]) {
        const value = dictionary[key] as string | PluralMessage
        expect({ key, text: typeof value === 'string' ? value : value.other }).not.toMatchObject({
          text: expect.stringMatching(englishWords),
        })
      }
    }
  })
}
