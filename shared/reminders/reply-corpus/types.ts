import type { ReplyIntent } from '../replies'

/** Example texts per intent; `unclear` holds texts that must reach a person rather than act. */
export type ReplyCorpus = Record<ReplyIntent, string[]>
