import { serviceName } from '../../../shared/services'
import { useState } from 'preact/hooks'
import type { PortalAppointment } from '../../../shared/schemas/portal'
import { firstName, isMissed, upcoming } from '../appointments'
import { DeviceReminders } from '../components/DeviceReminders'
import { Screen } from '../components/Screen'
import { Done, Empty, Problem } from '../../../ui/States'
import { useWords } from '../i18n/signed-in'
import type { PortalContext } from '../Portal'
import { useLoad } from '../../../ui/use-load'
import { LateFeeCard } from './FeeWaiver'
import { OfferCard } from './Offer'
import { confirmSession, DateBadge, StatusChip } from './parts'
import { displayPhone } from '../../../ui/phone'
import { TextWithPhone } from '../../../ui/TextWithPhone'

/** Home: missed-session notes first (gently), then upcoming sessions, then messages and the cancellation list. */
export function Sessions({ ctx }: { ctx: PortalContext }) {
  const words = useWords()
  const { tr, when } = words
  const now = ctx.now()
  const list = upcoming(ctx.appointments, now)
  const missed = ctx.appointments.filter(isMissed)
  const therapist = ctx.me.therapists[0]
  const onList = ctx.me.therapists.find((t) => ctx.me.waitlist.some((w) => w.therapist_id === t.id))
  const [confirming, setConfirming] = useState<string | null>(null)
  const [confirmed, setConfirmed] = useState<string | null>(null)
  const [problem, setProblem] = useState<unknown>(null)
  // Offers are extra: if they cannot be fetched, the rest of home still shows.
  const offers = useLoad(() => ctx.api.offers())
  const open = offers.state === 'ready' ? offers.data.filter((o) => o.state === 'open') : []

  async function confirm(appointment: PortalAppointment) {
    setConfirming(appointment.id)
    setProblem(null)
    try {
      setConfirmed(await confirmSession(ctx, words, appointment))
    } catch (error) {
      setProblem(error)
    } finally {
      setConfirming(null)
    }
  }

  return (
    <Screen
      title={tr('widget.sessions.title')}
      lead={tr('widget.sessions.hello', { name: firstName(ctx.me.client.name) })}
    >
      {missed.map((a) => (
        <div class="card card-missed" key={a.id}>
          <h2 class="card-title">{tr('widget.missed.title', { day: when(a.starts_at, 'day') })}</h2>
          {a.reschedule_requested_at ? (
            <p>
              {tr('widget.missed.alreadyAsked', {
                day: when(a.reschedule_requested_at, 'day'),
                therapist: a.therapist.name,
              })}
            </p>
          ) : (
            <>
              <p>{tr('widget.missed.body', { therapist: a.therapist.name })}</p>
              <button
                type="button"
                class="button button-secondary"
                onClick={() => ctx.go({ name: 'missed', id: a.id })}
              >
                {tr('widget.missed.findTime')}
              </button>
            </>
          )}
        </div>
      ))}

      {ctx.appointments
        .filter((a) => a.status === 'late_cancelled' && a.late_fee)
        .map((a) => (
          <LateFeeCard key={a.id} ctx={ctx} appointment={a} />
        ))}

      {open.map((offer) => (
        <OfferCard key={offer.id} ctx={ctx} offer={offer} />
      ))}

      {confirmed && (
        <Done key={confirmed} takeFocus>
          {confirmed}
        </Done>
      )}
      {problem !== null && <Problem error={problem} />}

      <h2 class="section-title">{tr('widget.sessions.upcoming')}</h2>
      {list.length === 0 ? (
        <Empty>
          <p>{tr('widget.sessions.none')}</p>
          <p class="fine">
            {ctx.me.practice.phone ? (
              <TextWithPhone
                text={tr('widget.sessions.bookCall', { phone: displayPhone(ctx.me.practice.phone)! })}
                phone={ctx.me.practice.phone}
              />
            ) : (
              tr('widget.sessions.book')
            )}
          </p>
        </Empty>
      ) : (
        <ul class="sessions">
          {list.map((a) => (
            <li key={a.id} class="session">
              <DateBadge instant={a.starts_at} />
              <div class="session-body">
                <p class="session-when">{when(a.starts_at)}</p>
                <p class="session-who">
                  {a.therapist.name} · {serviceName(a.type, words.locale)}
                </p>
                {a.status === 'confirmed' && <StatusChip appointment={a} />}
              </div>
              <div class="session-actions">
                {a.can_confirm && (
                  <button
                    type="button"
                    class="button button-primary button-small"
                    disabled={confirming === a.id}
                    aria-busy={confirming === a.id}
                    onClick={() => confirm(a)}
                    aria-label={tr('widget.confirm.label', { when: when(a.starts_at, 'medium') })}
                  >
                    {tr('widget.confirm.button')}
                  </button>
                )}
                <button
                  type="button"
                  class="button button-secondary button-small"
                  onClick={() => ctx.go({ name: 'session', id: a.id })}
                  aria-label={tr('widget.sessions.detailsLabel', { when: when(a.starts_at, 'medium') })}
                >
                  {tr('widget.sessions.details')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}

      {therapist && (
        <nav class="shortcuts" aria-label={tr('widget.sessions.more')}>
          {ctx.me.therapists.map((t) => (
            <button
              type="button"
              class="shortcut"
              key={t.id}
              onClick={() => ctx.go({ name: 'messages', therapistId: t.id })}
            >
              <span class="shortcut-title">{tr('widget.messages.shortcut', { therapist: t.name })}</span>
              <span class="shortcut-text">{tr('widget.messages.shortcutText')}</span>
            </button>
          ))}
          {onList ? (
            <button type="button" class="shortcut" onClick={() => ctx.go({ name: 'waitlist', therapistId: onList.id })}>
              <span class="shortcut-title">{tr('widget.waitlist.onListShortcut', { therapist: onList.name })}</span>
              <span class="shortcut-text">{tr('widget.waitlist.onListText')}</span>
            </button>
          ) : (
            <button type="button" class="shortcut" onClick={() => ctx.go({ name: 'waitlist' })}>
              <span class="shortcut-title">{tr('widget.waitlist.shortcut')}</span>
              <span class="shortcut-text">{tr('widget.waitlist.shortcutText')}</span>
            </button>
          )}
          <button type="button" class="shortcut" onClick={() => ctx.go({ name: 'preferences' })}>
            <span class="shortcut-title">{tr('widget.preferences.shortcut')}</span>
            <span class="shortcut-text">{tr('widget.preferences.shortcutText')}</span>
          </button>
        </nav>
      )}

      <DeviceReminders ctx={ctx} browser={ctx.push} />
    </Screen>
  )
}
