/**
 * When a key's use is worth writing down: at most once a minute per key on this instance, so the
 * busiest integration costs one small update a minute, not one per request.
 */
const noted = new Map<string, number>()
const EVERY_MS = 60_000
const REMEMBERED = 10_000

/** `key` identifies the key without being it: its hash. */
export function keyUseDue(key: string, now: Date): boolean {
  const last = noted.get(key)
  if (last !== undefined && now.getTime() - last < EVERY_MS && now.getTime() >= last) return false
  if (noted.size >= REMEMBERED) noted.delete(noted.keys().next().value!)
  noted.set(key, now.getTime())
  return true
}
