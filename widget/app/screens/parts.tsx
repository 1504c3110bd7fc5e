import type { PortalAppointment } from '../../../shared/schemas/portal'
import { wallClock } from '../../../shared/time'
import { useWords, type Words } from '../i18n/signed-in'
import type { PortalContext } from '../Portal'

/** Confirms a session, then tells the client (and a screen reader) and the host page, and reloads; returns what it said. */
export async function confirmSession(
  ctx: PortalContext,
  { tr, when }: Words,
  appointment: PortalAppointment,
): Promise<string> {
  await ctx.api.confirm(appointment.id)
  const text = tr('widget.confirm.done', { when: when(appointment.starts_at) })
  ctx.announce(text)
  ctx.bridge.emit('confirmed')
  ctx.refresh()
  return text
}

/** The calendar-page badge beside a session: short month over the day of the month, in the client's zone. */
export function DateBadge({ instant }: { instant: string }) {
  const { locale, zone } = useWords()
  const clock = wallClock(instant, zone)
  const month = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(clock.year, clock.month - 1, 15)),
  )
  return (
    <div class="date-badge" aria-hidden="true">
      <span class="date-month">{month.replace('.', '')}</span>
      <span class="date-day">{clock.day}</span>
    </div>
  )
}

export function StatusChip({ appointment }: { appointment: PortalAppointment }) {
  const { tr } = useWords()
  if (appointment.status === 'confirmed') return <p class="chip chip-ok">{tr('widget.status.confirmed')}</p>
  if (appointment.status === 'cancelled' || appointment.status === 'late_cancelled')
    return <p class="chip chip-muted">{tr('widget.status.cancelled')}</p>
  if (appointment.can_confirm) return <p class="chip chip-ask">{tr('widget.status.pleaseConfirm')}</p>
  return null
}
