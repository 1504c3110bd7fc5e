/**
 * What a client's text message means. Keywords are matched only when they are the whole message
 * (give or take punctuation and a polite word), so "yes but I can't do this any more" is never read
 * as a confirmation. Anything that sounds like distress is recognised before any keyword, and
 * anything else is `unclear`: both go to a person, never nowhere. Pure.
 */

export type SmsIntent = 'confirm' | 'cancel' | 'stop' | 'start' | 'help' | 'distress' | 'unclear'

const KEYWORDS: Record<Exclude<SmsIntent, 'distress' | 'unclear'>, string[]> = {
  confirm: ['yes', 'y', 'c', 'confirm', 'confirmed', 'ok', 'okay', 'si', 'sí', 'oui', 'confirmo', 'confirmer'],
  cancel: ['cancel', 'cancelar', 'annuler'],
  stop: ['stop', 'stopall', 'unsubscribe', 'end', 'quit', 'arret', 'arrêt', 'alto', 'baja'],
  start: ['start', 'unstop', 'resume'],
  help: ['help', 'info', 'ayuda', 'aide'],
}

/** Phrases that should reach a person with care, in the three languages Hearth speaks. */
const DISTRESS = [
  /can'?t do (this|it)/,
  /cannot do (this|it)/,
  /can'?t (cope|go on|take (it|this))/,
  /hard (morning|day|night|week|time)/,
  /rough (morning|day|night|week)/,
  /not (ok|okay|doing well|safe)/,
  /struggl/,
  /overwhelm/,
  /panic/,
  /crisis/,
  /scared|afraid|frightened/,
  /hopeless/,
  /(kill|hurt|harm) (myself|me)/,
  /suicid/,
  /want to die|wanna die|end it( all)?|no reason to live/,
  /help me/,
  /no puedo( más)?/,
  /me siento (muy )?mal/,
  /ayúdame|ayudame/,
  /je n'?en peux plus/,
  /je ne peux pas/,
  /aidez[- ]moi/,
  /ça va pas|ca va pas/,
]

const POLITE = /\b(please|pls|thanks|thank you|thx|gracias|merci|por favor|s'il vous plaît|s'il vous plait)\b/g

export function interpretSmsReply(text: string): SmsIntent {
  const normalised = text.normalize('NFC').toLowerCase().replace(/[’`]/g, "'").replace(/\s+/g, ' ').trim()
  if (DISTRESS.some((pattern) => pattern.test(normalised))) return 'distress'
  const words = normalised
    .replace(POLITE, ' ')
    .replace(/[.!?,;:"()¡¿]/g, ' ')
    .split(' ')
    .filter(Boolean)
  if (words.length !== 1) return 'unclear'
  const [word] = words as [string]
  for (const [intent, list] of Object.entries(KEYWORDS)) {
    if (list.includes(word)) return intent as SmsIntent
  }
  return 'unclear'
}
