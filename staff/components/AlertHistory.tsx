import type { AlertEvent } from '../../shared/schemas/alerts'
import { useWords } from '../i18n'

/**
 * Under an alert, what happened to it: each page and escalation (who, when, on which channel),
 * a page that could not go, who opened it and who handled it. Times are in the practice's zone
 * (the console's words are).
 */
export function AlertHistory({ id, history }: { id: string; history: readonly AlertEvent[] }) {
  const { tr, when } = useWords()
  if (!history.length) return null
  const who = (event: AlertEvent) =>
    event.name ??
    (event.recipient === 'practice'
      ? tr('staff.history.frontDesk')
      : event.recipient === 'hearth'
        ? 'Hearth'
        : tr('staff.history.someone'))
  const line = (event: AlertEvent) => {
    const channel = event.channel ? tr(`staff.history.channel.${event.channel}`) : ''
    switch (event.kind) {
      case 'paged':
        return tr('staff.history.paged', { who: who(event), channel })
      case 'escalated':
        return tr('staff.history.escalated', { who: who(event), channel })
      case 'page_failed':
        return event.channel
          ? tr('staff.history.failed', { who: who(event), channel })
          : tr('staff.history.unreachable', { who: who(event) })
      case 'acknowledged':
        return tr('staff.history.acknowledged', { who: who(event) })
      case 'resolved':
        return tr('staff.history.resolved', { who: who(event) })
    }
  }
  return (
    <section class="alert-history" aria-labelledby={`history-${id}`}>
      <h3 id={`history-${id}`}>{tr('staff.history.title')}</h3>
      <ol>
        {history.map((event, i) => (
          <li key={`${event.at}-${i}`}>
            <time dateTime={event.at}>{when(event.at, 'short')}</time> {line(event)}
          </li>
        ))}
      </ol>
    </section>
  )
}
