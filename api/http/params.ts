import { notFound } from './errors'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A path id that cannot exist is simply not found (never a database error). */
export function pathId(value: string | undefined, what: string): string {
  if (!value || !UUID.test(value)) throw notFound(what)
  return value.toLowerCase()
}

export function isUuid(value: string): boolean {
  return UUID.test(value)
}
