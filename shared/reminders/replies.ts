import {
  CANCEL,
  CANCEL_IS_A_QUESTION,
  CANCEL_REFUSED,
  CONFIRM_WORDS,
  FILLER_WORDS,
  HELP,
  LATE,
  MOVE,
  NERVOUS,
  NOT_LATE,
  ONLINE,
  QUESTION,
  START,
  STOP,
  STOP_WORD,
  STRONG_DISTRESS,
  WEAK_DISTRESS,
  YES_WORD,
} from './reply-patterns'

/**
 * What a client's text message means, in English, Spanish or French (whichever they write in).
 * Tuned for precision: an act (confirm, cancel, STOP) needs an unmistakable text, and anything
 * mixed or unsure is `unclear`, for a person to read. Distress is heard before anything else;
 * nervousness before a session is its own answer. Pure; `reply-corpus/` holds the texts it is
 * measured on.
 */

export const REPLY_INTENTS = [
  'confirm',
  'cancel',
  'move',
  'late',
  'nervous',
  'distress',
  'question',
  'stop',
  'start',
  'help',
  'unclear',
] as const
export type ReplyIntent = (typeof REPLY_INTENTS)[number]

/** Lower case, accents and typographic apostrophes folded, spaces collapsed. */
export function normaliseReply(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
}

const any = (patterns: RegExp[], text: string) => patterns.some((pattern) => pattern.test(text))

/** Every word is a yes, a greeting, a thank-you, a day or a time: nothing else was said. */
function onlyAYes(text: string): boolean {
  let rest = ` ${text.replace(/[.!,;:()¡"]+/g, ' ')} `
  let yes = false
  for (const phrase of CONFIRM_WORDS) {
    const before = rest
    rest = rest.replace(phrase, ' ')
    if (rest !== before) yes = true
  }
  for (const filler of FILLER_WORDS) rest = rest.replace(filler, ' ')
  return yes && rest.replace(/\p{Extended_Pictographic}|\u{FE0F}|[\u{1F3FB}-\u{1F3FF}]/gu, '').trim() === ''
}

export function classifyReply(text: string): ReplyIntent {
  const said = normaliseReply(text)
  if (!/[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(said)) return 'unclear'
  if (any(STOP, said)) return 'stop'
  if (any(START, said)) return 'start'
  if (any(HELP, said)) return 'help'

  const nervous = any(NERVOUS, said)
  if (any(STRONG_DISTRESS, said)) return 'distress'
  if (any(WEAK_DISTRESS, said) && !nervous) return 'distress'
  if (nervous) return 'nervous'

  const cancel = any(CANCEL, said) && !any(CANCEL_REFUSED, said)
  const late = any(LATE, said) && !any(NOT_LATE, said)
  if (late) return cancel ? 'unclear' : 'late'
  // A session by video instead is the practice's call to make, not a time to pick.
  if (any(ONLINE, said)) return any(QUESTION, said) || said.includes('?') ? 'question' : 'unclear'
  if (any(MOVE, said)) return 'move'
  const yes = onlyAYes(said)
  if (cancel) {
    if (any(CANCEL_IS_A_QUESTION, said)) return 'question'
    return YES_WORD.test(said) || STOP_WORD.test(said) ? 'unclear' : 'cancel'
  }
  if (yes) return 'confirm'
  if (said.includes('?') || any(QUESTION, said)) return said.replace(/[?¿\s]/g, '') ? 'question' : 'unclear'
  return 'unclear'
}
