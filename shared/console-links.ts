/**
 * Addresses inside the staff console (`/staff`, tabs as `#name`, an item as `#name/<id>`), for
 * pages, alerts and digests to link to, and for the console to read back.
 */

export type ConsoleTarget = { tab: 'inbox'; threadId?: string } | { tab: 'alerts'; alertId?: string }

export function consoleLink(publicUrl: string, target: ConsoleTarget): string {
  const id = target.tab === 'inbox' ? target.threadId : target.alertId
  return `${publicUrl}/staff#${target.tab}${id ? `/${encodeURIComponent(id)}` : ''}`
}

/** `#inbox/<id>` → the tab and the item; anything else → null. */
export function readConsoleHash(hash: string): { tab: string; id: string | null } | null {
  const match = /^#?([a-z-]+)(?:\/([\w-]{1,64}))?$/.exec(hash)
  return match ? { tab: match[1]!, id: match[2] ?? null } : null
}
