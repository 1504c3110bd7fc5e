import { ownTherapist } from '../../shared/policy/access'
import { useState } from 'preact/hooks'
import type { CallListEntry, CallOutcome, CallList as CallListData } from '../../shared/schemas/practice-tools'
import { formatInstant } from '../../shared/time/format'
import { Done, Empty, Loading, Problem } from '../../ui/States'
import { useWords } from '../i18n'
import { dialable, displayPhone } from '../../ui/phone'
import { useLoad } from '../../ui/use-load'
import { StaffScreen, TherapistPicker, SmallButton } from '../components/Parts'
import type { StaffContext } from '../Console'
import { LineIcon } from '../../ui/LineIcon'

/**
 * The therapist's own confirmation calls: the sessions of one day still unconfirmed or whose client
 * asked for a call, each with why it is there, a number to tap, what the reminders did so far, earlier calls, and the outcome to record.
 */
export function CallList({ ctx }: { ctx: StaffContext }) {
  const { tr, locale } = useWords()
  const [date, setDate] = useState<string | undefined>(undefined)
  const [done, setDone] = useState<string | null>(null)
  // An admin or the front desk may see every therapist's calls at once, one section each.
  const [all, setAll] = useState(false)
  const own = ownTherapist(ctx.viewer) !== null
  const ready = own || all || ctx.therapistId !== null
  const lists = useLoad<CallListData[] | null>(async () => {
    if (!ready) return null
    const ids = all && !own ? (await ctx.api.therapists()).map((t) => t.id) : [ctx.therapistId ?? undefined]
    return Promise.all(ids.map((therapistId) => ctx.api.callList({ therapistId, date, locale })))
  }, [ctx.therapistId, all, date, locale])
  const shown = lists.state === 'ready' ? lists.data : null

  return (
    <StaffScreen title={tr('staff.calls.title')} lead={tr('staff.calls.lead')}>
      <div class="toolbar">
        <TherapistPicker ctx={ctx} id="calls-therapist" all={{ chosen: all, choose: setAll }} />
        <div class="field field-inline">
          <label for="calls-date">{tr('staff.calls.day')}</label>
          <input
            id="calls-date"
            type="date"
            value={shown?.[0] ? shown[0].date : (date ?? '')}
            onChange={(e) => {
              setDone(null)
              setDate(e.currentTarget.value || undefined)
            }}
          />
        </div>
      </div>
      {done && <Done>{done}</Done>}
      {lists.state === 'loading' || (lists.state === 'ready' && !lists.data) ? (
        <Loading />
      ) : lists.state === 'error' ? (
        <Problem compact error={lists.error} onRetry={lists.reload} />
      ) : (
        lists.data!.map((list) => (
          <Day
            key={list.therapist.id}
            ctx={ctx}
            list={list}
            named={all && !own}
            onRecorded={(text) => {
              setDone(text)
              ctx.announce(text)
              lists.reload()
            }}
          />
        ))
      )}
    </StaffScreen>
  )
}

function Day({
  ctx,
  list,
  named,
  onRecorded,
}: {
  ctx: StaffContext
  list: CallListData
  /** Several therapists are shown: each day's list says whose it is. */
  named: boolean
  onRecorded: (text: string) => void
}) {
  const { tr, locale } = useWords()
  // A calendar date, not an instant: read at noon UTC so no zone can move it to another day.
  const day = formatInstant(`${list.date}T12:00:00Z`, 'UTC', locale, 'day')
  const title = tr('staff.calls.dayTitle', { day })
  return (
    <>
      <h2 class="staff-subtitle">
        {named ? `${list.therapist.name} · ${title}` : title}
        <span class="count">{tr('staff.calls.count', { count: list.data.length })}</span>
      </h2>
      {list.data.length === 0 ? (
        <Empty>
          <p>{tr('staff.calls.none')}</p>
        </Empty>
      ) : (
        <ul class="calls">
          {list.data.map((entry) => (
            <Call key={entry.appointment_id} ctx={ctx} entry={entry} zone={list.time_zone} onRecorded={onRecorded} />
          ))}
        </ul>
      )}
    </>
  )
}

const OUTCOMES: CallOutcome[] = ['confirmed', 'voicemail', 'no_answer', 'cancelled']

function Call({
  ctx,
  entry,
  zone,
  onRecorded,
}: {
  ctx: StaffContext
  entry: CallListEntry
  /** The therapist's zone, in which the call list reads its times. */
  zone: string
  onRecorded: (text: string) => void
}) {
  const { tr, when, locale } = useWords()
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState<CallOutcome | null>(null)
  const [confirmCancel, setConfirmCancel] = useState(false)
  const [problem, setProblem] = useState<unknown>(null)
  const id = entry.appointment_id
  const phone = entry.client.phone
  const minutes = Math.round((Date.parse(entry.ends_at) - Date.parse(entry.starts_at)) / 60_000)

  async function record(outcome: CallOutcome) {
    if (outcome === 'cancelled' && !confirmCancel) {
      setConfirmCancel(true)
      return
    }
    setBusy(outcome)
    setProblem(null)
    try {
      await ctx.api.recordCall(id, outcome, note.trim() || undefined)
      setConfirmCancel(false)
      setNote('')
      onRecorded(tr(`staff.calls.recorded.${outcome}`, { client: entry.client.name }))
    } catch (error) {
      setProblem(error)
    } finally {
      setBusy(null)
    }
  }

  return (
    <li class="call-card" aria-labelledby={`call-${id}`}>
      <p class="call-time">
        <time dateTime={entry.starts_at}>{formatInstant(entry.starts_at, zone, locale, 'time')}</time>
        <span class="call-length">{tr('staff.calls.minutes', { count: minutes })}</span>
      </p>
      <div class="call-main">
        <h3 id={`call-${id}`} class="call-client">
          {entry.client.name}
        </h3>
        <p class={`call-reason call-reason-${entry.reason}`}>{tr(`staff.calls.reason.${entry.reason}`)}</p>
        {entry.move_request && (
          <p class="call-move">
            {tr('staff.calls.moveAsked', { time: entry.move_request.time_label })}{' '}
            <a href="#moves">{tr('staff.calls.moveAnswer')}</a>
          </p>
        )}
        <p class="call-type">
          {entry.type} · {entry.telehealth ? tr('staff.calls.video') : tr('staff.calls.inPerson')}
        </p>
        <p class="fine call-reminders">
          <span class="facts-label">{tr('staff.calls.reminders')}</span>{' '}
          {entry.reminders.length === 0
            ? tr('staff.calls.noReminders')
            : entry.reminders
                .map((r) =>
                  tr('staff.calls.reminder', {
                    kind: tr(reminderKindLabel(r.kind)),
                    channel: tr(`staff.channel.${r.channel as 'email' | 'sms' | 'push'}`),
                    status: tr(`staff.reminderStatus.${reminderState(r)}`),
                  }),
                )
                .join(' · ')}
        </p>
        {entry.calls.length > 0 && (
          <div class="call-history">
            <p id={`calls-${id}`} class="facts-label">
              {tr('staff.calls.earlierLabel')}
            </p>
            <ul aria-labelledby={`calls-${id}`}>
              {entry.calls.map((call) => (
                <li key={call.id}>
                  <strong>{tr(`staff.outcome.${call.outcome}`)}</strong> · {when(call.called_at, 'short')}
                  {call.note && <span class="call-note"> · “{call.note}”</span>}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <div class="call-dial">
        {phone ? (
          <a
            class="button button-secondary call-phone"
            href={`tel:${dialable(phone)}`}
            aria-label={tr('staff.calls.callLabel', { client: entry.client.name, phone: displayPhone(phone)! })}
          >
            <LineIcon
              d="M6.5 2.5 4 3c-.8.2-1.4 1-1.3 1.9.6 6.2 5.4 11 11.6 11.6.9.1 1.7-.5 1.9-1.3l.5-2.5-3.6-1.6-1.6 1.7a10 10 0 0 1-4.7-4.7l1.7-1.6z"
              size={18}
              weight={1.7}
              roundJoins
            />
            {displayPhone(phone)}
          </a>
        ) : (
          <p class="fine">
            {entry.client.phone_as_entered
              ? tr('staff.calls.phoneUnclear', { phone: entry.client.phone_as_entered })
              : tr('staff.calls.noPhone')}
          </p>
        )}
      </div>
      <div class="call-record">
        <div class="field call-note-field">
          <label for={`note-${id}`}>{tr('staff.calls.note')}</label>
          <input
            id={`note-${id}`}
            type="text"
            maxLength={500}
            value={note}
            onInput={(e) => setNote(e.currentTarget.value)}
            aria-describedby={`note-hint-${id}`}
          />
          <p id={`note-hint-${id}`} class="hint">
            {tr('staff.calls.noteHint')}
          </p>
        </div>
        {confirmCancel ? (
          <div class="notice notice-warn call-cancel" role="alert">
            <p>{tr('staff.calls.cancelCheck', { client: entry.client.name })}</p>
            <div class="actions">
              <button
                type="button"
                class="button button-danger button-small"
                disabled={busy !== null}
                aria-busy={busy === 'cancelled'}
                onClick={() => record('cancelled')}
              >
                {tr('staff.calls.cancelYes')}
              </button>
              <SmallButton onClick={() => setConfirmCancel(false)}>{tr('staff.calls.cancelNo')}</SmallButton>
            </div>
          </div>
        ) : (
          <fieldset class="outcomes">
            <legend>{tr('staff.calls.outcome', { client: entry.client.name })}</legend>
            <div class="actions">
              {OUTCOMES.map((outcome) => (
                <button
                  key={outcome}
                  type="button"
                  class={`button button-small ${outcome === 'confirmed' ? 'button-primary' : outcome === 'cancelled' ? 'button-quiet-danger' : 'button-secondary'}`}
                  disabled={busy !== null}
                  aria-busy={busy === outcome}
                  onClick={() => record(outcome)}
                >
                  {tr(`staff.outcome.${outcome}`)}
                </button>
              ))}
            </div>
          </fieldset>
        )}
        {problem !== null && <Problem compact error={problem} />}
      </div>
    </li>
  )
}

function reminderState(r: { status: string; delivery_status?: string | undefined }) {
  if (r.delivery_status === 'bounced' || r.delivery_status === 'complained' || r.status === 'failed') return 'failed'
  if (r.delivery_status === 'delivered') return 'delivered'
  if (r.status === 'sent') return 'sent'
  if (r.status === 'pending') return 'planned'
  return 'notSent'
}

/** The label of a reminder's kind; anything unknown reads as a reminder. */
function reminderKindLabel(kind: string) {
  return kind === 'confirmation' || kind === 'morning_of' || kind === 'booked'
    ? (`staff.reminderKind.${kind}` as const)
    : 'staff.reminderKind.reminder'
}
