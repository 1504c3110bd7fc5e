import type { z } from 'zod'
import type { Cell } from './cells'

/** A cell checked with one of the API's own field schemas, so a file and a JSON body agree. */
export function schemaCell<T>(schema: z.ZodType<T>, text: string, message?: string): Cell<T> {
  const result = schema.safeParse(text)
  if (result.success) return { ok: true, value: result.data }
  return { ok: false, message: message ?? result.error.issues[0]!.message }
}

export const EMAIL_MESSAGE = 'Write an email address such as alex@example.com.'
