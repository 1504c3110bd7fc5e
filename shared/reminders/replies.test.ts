import { describe, expect, it } from 'vitest'
import { interpretSmsReply } from './replies'

describe('interpretSmsReply', () => {
  it.each([
    ['YES', 'confirm'],
    ['y', 'confirm'],
    ['C', 'confirm'],
    ['Yes please!', 'confirm'],
    [' ok, thank you ', 'confirm'],
    ['Sí', 'confirm'],
    ['oui', 'confirm'],
    ['CANCEL', 'cancel'],
    ['cancelar', 'cancel'],
    ['Annuler.', 'cancel'],
    ['STOP', 'stop'],
    ['unsubscribe', 'stop'],
    ['Arrêt', 'stop'],
    ['START', 'start'],
    ['HELP', 'help'],
    ['aide', 'help'],
  ] as const)('%j is %s', (text, intent) => {
    expect(interpretSmsReply(text)).toBe(intent)
  })

  it.each([
    "I can't do this",
    'I can’t do this anymore',
    'hard morning',
    'Yes but it has been a really hard week',
    'help me',
    'I am not okay',
    'no puedo más',
    "je n'en peux plus",
  ])('hears distress in %j, before any keyword', (text) => {
    expect(interpretSmsReply(text)).toBe('distress')
  })

  it.each(['Can we move it to Thursday?', 'yes no', 'who is this', '', '   ', 'Cancel and stop'])(
    '%j is unclear, for a person to read',
    (text) => {
      expect(interpretSmsReply(text)).toBe('unclear')
    },
  )
})
