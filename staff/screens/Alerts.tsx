import { CancelReason } from '../components/CancelReason'
import { ownTherapist } from '../../shared/policy/access'
import { useState } from 'preact/hooks'
import { formatMoney } from '../../shared/i18n'
import { ALERT_KINDS, type AlertKind } from '../../shared/alert-kinds'
import type { Alert, AlertEvent } from '../../shared/schemas/alerts'
import { AlertHistory } from '../components/AlertHistory'
import { Done, Problem } from '../../ui/States'
import { useWords } from '../i18n'
import { useLoad } from '../../ui/use-load'
import { dialable, displayPhone } from '../../ui/phone'
import type { AlertFilter, Resolution } from '../api'
import { loadedList, StaffScreen, SmallButton } from '../components/Parts'
import type { StaffContext } from '../Console'
import { NoteField } from '../../ui/NoteField'

/**
 * Everything that needs a person, crisis first (the API orders it). Each alert says who it is
 * for and why, shows the client's own words when there are any, and is resolved with a note; a
 * fee waiver request is granted or declined, and the client hears either way.
 */
export function Alerts({ ctx }: { ctx: StaffContext }) {
  const { tr } = useWords()
  const [filter, setFilter] = useState<AlertFilter>({ status: 'open' })
  const [done, setDone] = useState<string | null>(null)
  const alerts = useLoad<Alert[]>(() => ctx.api.alerts(filter), [filter.status, filter.audience])
  const admin = ownTherapist(ctx.viewer) === null
  const none = tr(filter.status === 'open' ? 'staff.alerts.noneOpen' : 'staff.alerts.noneResolved')
  return (
    <StaffScreen title={tr('staff.alerts.title')} lead={tr(admin ? 'staff.alerts.leadAdmin' : 'staff.alerts.lead')}>
      <div class="toolbar">
        <fieldset class="segmented">
          <legend class="sr-only">{tr('staff.alerts.show')}</legend>
          {(['open', 'resolved'] as const).map((status) => (
            <span class="pill" key={status}>
              <input
                type="radio"
                name="alert-status"
                id={`alerts-${status}`}
                checked={filter.status === status}
                onChange={() => {
                  setDone(null)
                  setFilter({ ...filter, status })
                }}
              />
              <label for={`alerts-${status}`}>{tr(`staff.alerts.${status}`)}</label>
            </span>
          ))}
        </fieldset>
        {admin && (
          <div class="field field-inline">
            <label for="alerts-audience">{tr('staff.alerts.for')}</label>
            <select
              id="alerts-audience"
              value={filter.audience ?? ''}
              onChange={(e) =>
                setFilter({ ...filter, audience: (e.currentTarget.value || undefined) as AlertFilter['audience'] })
              }
            >
              <option value="">{tr('staff.alerts.everyone')}</option>
              <option value="front_desk">{tr('staff.audience.front_desk')}</option>
              <option value="therapist">{tr('staff.audience.therapist')}</option>
            </select>
          </div>
        )}
      </div>
      {done && <Done>{done}</Done>}
      {loadedList(alerts, none, (list) => (
        <ul class="alerts">
          {list.map((alert) => (
            <AlertCard
              key={alert.id}
              ctx={ctx}
              alert={alert}
              onResolved={(text) => {
                setDone(text)
                ctx.announce(text)
                alerts.reload()
              }}
            />
          ))}
        </ul>
      ))}
    </StaffScreen>
  )
}

function AlertCard({
  ctx,
  alert,
  onResolved,
}: {
  ctx: StaffContext
  /** The list brings each alert's history with it. */
  alert: Alert & { history?: AlertEvent[] }
  onResolved: (text: string) => void
}) {
  const { tr, when, locale } = useWords()
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState<string | null>(null)
  const [problem, setProblem] = useState<unknown>(null)
  const kind = (ALERT_KINDS as readonly string[]).includes(alert.kind) ? (alert.kind as AlertKind) : null
  const waiver = alert.kind === 'fee_waiver_request'
  const fee =
    typeof alert.context.fee_cents === 'number' && alert.context.fee_cents > 0
      ? formatMoney(alert.context.fee_cents, String(alert.context.currency ?? 'USD'), locale)
      : null
  const id = alert.id

  async function resolve(resolution: Resolution, key: string, text: string) {
    setBusy(key)
    setProblem(null)
    try {
      await ctx.api.resolveAlert(id, { ...resolution, ...(note.trim() ? { note: note.trim() } : {}) })
      onResolved(text)
    } catch (error) {
      setProblem(error)
    } finally {
      setBusy(null)
    }
  }

  return (
    <li class={`alert-card${alert.urgent ? ' alert-urgent' : ''}`} aria-labelledby={`alert-${id}`}>
      <div class="alert-head">
        {alert.urgent && <span class="chip chip-urgent">{tr('staff.alerts.urgent')}</span>}
        <h2 id={`alert-${id}`} class="alert-kind">
          {kind ? tr(`staff.kind.${kind}`) : alert.kind.replaceAll('_', ' ')}
        </h2>
        <span class="chip chip-muted">{tr(`staff.audience.${alert.audience}`)}</span>
        <time class="alert-time" dateTime={alert.created_at}>
          {when(alert.created_at, 'short')}
        </time>
      </div>
      <p class="alert-summary">{alert.summary}</p>
      <AlertActions alert={alert} />
      {fee && !waiver && <p class="fine">{tr('staff.alerts.fee', { fee })}</p>}
      {alert.kind === 'late_cancellation' && <CancelReason code={alert.context.reason_code} />}
      {alert.client_note && (
        <figure class="alert-note">
          <figcaption>{tr('staff.alerts.theirWords')}</figcaption>
          <blockquote>{alert.client_note}</blockquote>
        </figure>
      )}
      <AlertHistory id={id} history={alert.history ?? []} />
      {alert.status === 'resolved' ? (
        <p class="fine alert-resolved">
          {tr('staff.alerts.resolvedAt', { when: when(alert.resolved_at ?? alert.created_at, 'short') })}
          {typeof alert.context.decision === 'string' &&
            ` · ${tr(alert.context.decision === 'granted' ? 'staff.alerts.granted' : 'staff.alerts.declined')}`}
          {alert.resolution_note && ` · “${alert.resolution_note}”`}
        </p>
      ) : (
        <div class="alert-resolve">
          <NoteField
            id={`resolve-${id}`}
            label={tr('staff.alerts.note')}
            hint={tr(waiver ? 'staff.alerts.waiverHint' : 'staff.alerts.noteHint')}
            rows={2}
            maxLength={1000}
            value={note}
            onValue={setNote}
          />
          <div class="actions">
            {waiver ? (
              <>
                <button
                  type="button"
                  class="button button-primary button-small"
                  disabled={busy !== null}
                  aria-busy={busy === 'grant'}
                  onClick={() =>
                    resolve({ decision: 'grant' }, 'grant', tr('staff.alerts.grantedDone', { fee: fee ?? '' }))
                  }
                >
                  {tr('staff.alerts.grant', { fee: fee ?? '' })}
                </button>
                <SmallButton
                  disabled={busy !== null}
                  busy={busy === 'decline'}
                  onClick={() => resolve({ decision: 'decline' }, 'decline', tr('staff.alerts.declinedDone'))}
                >
                  {tr('staff.alerts.decline')}
                </SmallButton>
              </>
            ) : (
              <button
                type="button"
                class="button button-primary button-small"
                disabled={busy !== null}
                aria-busy={busy === 'resolve'}
                onClick={() => resolve({}, 'resolve', tr('staff.alerts.resolvedDone'))}
              >
                {tr('staff.alerts.resolve')}
              </button>
            )}
          </div>
          {problem !== null && <Problem compact error={problem} />}
        </div>
      )}
    </li>
  )
}

/** What a person acts on: the session, a number to call back, the conversation. */
function AlertActions({ alert }: { alert: Alert }) {
  const { tr, when } = useWords()
  const phone = alert.client_phone ? displayPhone(alert.client_phone) : null
  if (!alert.session && !phone && !alert.thread_id) return null
  return (
    <div class="alert-actions">
      {alert.session && (
        <p class="fine">
          {tr(alert.appointment_id ? 'staff.alerts.session' : 'staff.alerts.nextSession', {
            when: when(alert.session.starts_at, 'long'),
          })}
        </p>
      )}
      <div class="actions">
        {phone && (
          <a class="button button-secondary button-small" href={`tel:${dialable(alert.client_phone!)}`}>
            {tr('staff.alerts.callBack', { phone })}
          </a>
        )}
        {alert.thread_id && (
          <a class="button button-secondary button-small" href={`#inbox/${alert.thread_id}`}>
            {tr('staff.alerts.conversation')}
          </a>
        )}
      </div>
    </div>
  )
}
