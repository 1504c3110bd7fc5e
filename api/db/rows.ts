import { base64url, fromBase64url } from '../crypto/web-crypto'

/** Helpers for turning rows into the contract's shapes: no nulls on the wire for optional fields. */

export function iso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString()
}

/** Drops keys whose value is null or undefined, so optional fields are simply absent. */
export function compact<T extends Record<string, unknown>>(object: T): { [K in keyof T]: Exclude<T[K], null> } {
  // A loop rather than entries/filter/fromEntries: every row of every list goes through here.
  const kept: Record<string, unknown> = {}
  for (const key of Object.keys(object)) {
    const value = object[key]
    if (value !== null && value !== undefined) kept[key] = value
  }
  return kept as never
}

export type Page<T> = { data: T[]; next_cursor: string | null }

/**
 * Keyset pagination: the cursor is the sort key of the last row, opaque to callers. Timestamps
 * travel as Postgres text (microseconds) and are cast back through text, because postgres.js
 * would otherwise round a timestamptz parameter to milliseconds and repeat a row.
 */
export function encodeCursor(values: (string | number)[]): string {
  return base64url(new TextEncoder().encode(JSON.stringify(values)))
}

export function decodeCursor(cursor: string | undefined): (string | number)[] | null {
  if (!cursor) return null
  try {
    const values: unknown = JSON.parse(new TextDecoder().decode(fromBase64url(cursor)))
    return Array.isArray(values) ? (values as (string | number)[]) : null
  } catch {
    return null
  }
}

export function page<Row, T>(
  rows: Row[],
  limit: number,
  shape: (row: Row) => T,
  key: (row: Row) => (string | number)[],
): Page<T> {
  const more = rows.length > limit
  const visible = more ? rows.slice(0, limit) : rows
  const last = visible[visible.length - 1]
  return { data: visible.map(shape), next_cursor: more && last ? encodeCursor(key(last)) : null }
}
