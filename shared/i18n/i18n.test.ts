import { describe, expect, it } from 'vitest'
import * as cancellation from './cancellation'
import * as contact from './contact'
import * as crisis from './crisis'
import * as dates from './dates'
import { type Dictionaries, formatList, formatMoney, merged, translator } from './index'
import * as insights from './insights'
import * as notices from './notices'
import * as reminders from './reminders'
import * as reschedule from './reschedule'
import { checkTranslations } from './testing'

const groups: [string, Dictionaries<any>][] = [
  ['cancellation', cancellation.dictionaries],
  ['contact', contact.dictionaries],
  ['crisis', crisis.dictionaries],
  ['dates', dates.dictionaries],
  ['insights', insights.dictionaries],
  ['notices', notices.dictionaries],
  ['reminders', reminders.dictionaries],
  ['reschedule', reschedule.dictionaries],
]

describe.each(groups)('the %s dictionaries', (_, dictionaries) => {
  checkTranslations(dictionaries, { englishAllowed: (key) => key.startsWith('date.') })
})

/** The rules' words together, to try the machinery on real sentences. */
const t = translator(merged(contact.dictionaries, merged(crisis.dictionaries, dates.dictionaries)))

describe('t', () => {
  it('fills placeholders in the chosen locale', () => {
    expect(t('en', 'contact.reply.none', { therapist: 'Dr. Rivera' })).toBe(
      "Dr. Rivera doesn't reply to messages between sessions, but will read yours before your next session.",
    )
    expect(t('fr', 'crisis.action.call', { phone: '3114' })).toBe('appeler le 3114')
  })

  it.each([
    ['en', 1, 'Dr. Rivera usually replies within 1 business day.'],
    ['en', 2, 'Dr. Rivera usually replies within 2 business days.'],
    ['es', 1, 'Dr. Rivera suele responder en un plazo de 1 día hábil.'],
    ['es', 3, 'Dr. Rivera suele responder en un plazo de 3 días hábiles.'],
    ['fr', 1, 'Dr. Rivera répond généralement sous 1 jour ouvré.'],
    ['fr', 5, 'Dr. Rivera répond généralement sous 5 jours ouvrés.'],
  ] as const)('picks the %s plural for %i', (locale, count, expected) => {
    expect(t(locale, 'contact.reply.days', { therapist: 'Dr. Rivera', count })).toBe(expected)
  })

  it('uses "a la" only for one o\'clock in Spanish', () => {
    expect(t('es', 'date.at', { time: '1:30', count: 1 })).toBe('a la 1:30')
    expect(t('es', 'date.at', { time: '13:30', count: 13 })).toBe('a las 13:30')
    expect(t('es', 'date.at', { time: '0:30', count: 0 })).toBe('a las 0:30')
  })
})

describe('formatMoney', () => {
  it.each([
    [7500, 'USD', 'en', '$75.00'],
    [7500, 'CAD', 'en', 'CA$75.00'],
    [4000, 'GBP', 'en', '£40.00'],
    [7500, 'EUR', 'fr', '75,00 €'],
    [7500, 'EUR', 'es', '75,00 €'],
    [5000, 'JPY', 'en', '¥5,000'],
  ] as const)('%i %s in %s is %s', (cents, currency, locale, expected) => {
    // Intl puts a no-break space before the symbol in French and Spanish; compare on plain spaces.
    expect(formatMoney(cents, currency, locale).replace(/\s/g, ' ')).toBe(expected)
  })
})

describe('formatList', () => {
  it("joins with the locale's own conjunction", () => {
    expect(formatList(['scheduling', 'homework'], 'en')).toBe('scheduling and homework')
    expect(formatList(['a', 'b', 'c'], 'es')).toBe('a, b y c')
    expect(formatList(['a', 'b'], 'fr')).toBe('a et b')
  })
})
