import type { en } from './en'
import type { Translation } from './translator'

export type MessageKey = keyof typeof en

/** Every locale's dictionary has exactly English's keys, each a string or plural forms like English. */
export type Dictionary = Translation<typeof en>
