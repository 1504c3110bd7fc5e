import { describe, expect, it } from 'vitest'
import { en } from './reply-corpus/en'
import { es } from './reply-corpus/es'
import { fr } from './reply-corpus/fr'
import { heldBack } from './reply-corpus/held-back'
import type { ReplyCorpus } from './reply-corpus/types'
import { classifyReply, REPLY_INTENTS, type ReplyIntent } from './replies'

const TUNED = { en, es, fr }
/** The intents a person writes in many ways (STOP, START and HELP are keywords). */
const CONVERSATIONAL: ReplyIntent[] = ['confirm', 'cancel', 'move', 'late', 'nervous', 'distress', 'question']
/** What acts on a session or a number without a person: never on a text that meant something else. */
const ACTS: ReplyIntent[] = ['confirm', 'cancel', 'stop', 'start']

type Score = { texts: number; right: number; unsure: number; wrong: { text: string; expected: string; got: string }[] }

function score(corpus: Partial<ReplyCorpus>): Score {
  const result: Score = { texts: 0, right: 0, unsure: 0, wrong: [] }
  for (const [expected, texts] of Object.entries(corpus)) {
    for (const text of texts) {
      const got = classifyReply(text)
      result.texts++
      if (got === expected) result.right++
      else if (got === 'unclear') result.unsure++
      else result.wrong.push({ text, expected, got })
    }
  }
  return result
}

/** A wrong answer that is still safe: heard as distress, or as nervous when it was distress-free. */
const harmless = (w: { expected: string; got: string }) =>
  w.got === 'distress' || (w.got === 'nervous' && w.expected !== 'distress')

describe.each(Object.entries(TUNED))('the %s corpus the classifier was tuned on', (_language, corpus) => {
  it('holds at least 40 phrasings of each conversational intent', () => {
    for (const intent of CONVERSATIONAL) expect(corpus[intent].length, intent).toBeGreaterThanOrEqual(40)
    for (const intent of REPLY_INTENTS) expect(corpus[intent].length, intent).toBeGreaterThan(0)
  })

  it.each(REPLY_INTENTS)('reads every %s text as meant', (intent) => {
    const misread = corpus[intent].filter((text) => classifyReply(text) !== intent)
    expect(misread.map((text) => `${text} → ${classifyReply(text)}`)).toEqual([])
  })
})

describe.each(Object.entries(heldBack))('the held-back %s texts, never tuned on', (_language, corpus) => {
  const result = score(corpus)

  it('never acts on a text that meant something else', () => {
    expect(result.wrong.filter((w) => ACTS.includes(w.got as ReplyIntent) && w.got !== w.expected)).toEqual([])
  })

  it('never misses distress, and is right or unsure (a person) nearly always', () => {
    expect(result.wrong.filter((w) => w.expected === 'distress')).toEqual([])
    const harmful = result.wrong.filter((w) => !harmless(w))
    expect(harmful.length / result.texts).toBeLessThanOrEqual(0.03)
  })

  it('still understands most of them', () => {
    expect(result.right / result.texts).toBeGreaterThanOrEqual(0.8)
  })
})

describe('classifyReply', () => {
  it.each(
    [
      ['yes but can we do 3 instead?', 'move'],
      ["I'm nervous about today", 'nervous'],
      ['Estoy nerviosa por hoy', 'nervous'],
      "Je suis nerveuse pour aujourd'hui",
    ].map((row) => (Array.isArray(row) ? row : [row, 'nervous'])),
  )('%j is %s', (text, intent) => {
    expect(classifyReply(text)).toBe(intent)
  })

  it.each(['Yes but it has been a really hard week', 'I am not okay, nervous about today is the least of it'])(
    'hears distress in %j before anything else',
    (text) => expect(classifyReply(text)).toBe('distress'),
  )
})
