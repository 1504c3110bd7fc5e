import type { Slot } from '../schemas/availability'
import { localDate } from '../time/zone'

/** How many days of free times a picker shows at first, so a phone screen stays short. */
export const FIRST_SLOT_DAYS = 5

/** Free times grouped by the client's local day, in order. */
export function slotsByDay(slots: readonly Slot[], timeZone: string): { date: string; slots: Slot[] }[] {
  const days: { date: string; slots: Slot[] }[] = []
  for (const slot of slots) {
    const date = localDate(slot.starts_at, timeZone)
    const last = days[days.length - 1]
    if (last?.date === date) last.slots.push(slot)
    else days.push({ date, slots: [slot] })
  }
  return days
}
