import { CancellationLine } from '../components/CancelReason'
import { useState } from 'preact/hooks'
import { ownTherapist } from '../../shared/policy/access'
import { isOpen } from '../../shared/policy/sessions'
import { zoneName } from '../../shared/time/format'
import type { Appointment, AppointmentPatch } from '../../shared/schemas/appointment'
import type { Client, Therapist } from '../../shared/schemas/people'
import { addDays, weekdayOf } from '../../shared/time/calendar'
import { instantAt, localDate, localTime } from '../../shared/time/zone'
import { Done, Empty, Loading, Problem } from '../../ui/States'
import { useLoad } from '../../ui/use-load'
import { StaffScreen, NameOptions, SmallButton } from '../components/Parts'
import type { StaffContext } from '../Console'
import { useWords } from '../i18n'
import { Field, type FieldInput, FormAlert, useSubmit } from '../components/FormFields'

type View = 'day' | 'week'
type Names = { clients: Map<string, string>; therapists: Map<string, string> }

/** The days shown: the chosen day, or its week from Monday. */
function daysOf(view: View, date: string): string[] {
  if (view === 'day') return [date]
  const monday = addDays(date, -((weekdayOf(date) + 6) % 7))
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i))
}

/**
 * The front desk's day: a day or a week of sessions in the practice's time zone, for one
 * therapist or all, where a session is added, moved, cancelled on the practice's side, or marked
 * attended or missed. Every change goes through the practice API, so reminders, notices and
 * webhooks follow exactly as they do for the EHR.
 */
export function Schedule({ ctx }: { ctx: StaffContext }) {
  const { tr, locale } = useWords()
  const zone = ctx.me.practice.time_zone
  const own = ownTherapist(ctx.viewer)
  const [view, setView] = useState<View>('day')
  const [date, setDate] = useState(() => localDate(new Date(), zone))
  const [therapist, setTherapist] = useState<string>(own ?? '')
  const [done, setDone] = useState<string | null>(null)
  const days = daysOf(view, date)
  const from = instantAt(days[0]!, '00:00', zone).toISOString()
  const to = instantAt(addDays(days.at(-1)!, 1), '00:00', zone).toISOString()

  const people = useLoad<{ therapists: Therapist[]; clients: Client[] }>(
    async () => ({ therapists: await ctx.api.therapists(), clients: await ctx.api.clients() }),
    [],
  )
  const sessions = useLoad<Appointment[]>(
    () => ctx.api.sessions({ from, to, therapistId: therapist || undefined }),
    [from, to, therapist],
  )
  const names: Names = {
    clients: new Map(people.state === 'ready' ? people.data.clients.map((c) => [c.id, c.name]) : []),
    therapists: new Map(people.state === 'ready' ? people.data.therapists.map((t) => [t.id, t.name]) : []),
  }
  const step = view === 'day' ? 1 : 7
  const changed = (text: string) => {
    setDone(text)
    ctx.announce(text)
    sessions.reload()
  }

  return (
    <StaffScreen title={tr('staff.schedule.title')} lead={tr('staff.schedule.lead')}>
      <div class="toolbar">
        <fieldset class="segmented">
          <legend class="sr-only">{tr('staff.schedule.view')}</legend>
          {(['day', 'week'] as const).map((name) => (
            <span class="pill" key={name}>
              <input
                type="radio"
                name="schedule-view"
                id={`schedule-${name}`}
                checked={view === name}
                onChange={() => setView(name)}
              />
              <label for={`schedule-${name}`}>{tr(`staff.schedule.${name}`)}</label>
            </span>
          ))}
        </fieldset>
        <div class="field field-inline">
          <label for="schedule-date">{tr('staff.schedule.date')}</label>
          <input
            id="schedule-date"
            type="date"
            value={date}
            onChange={(e) => e.currentTarget.value && setDate(e.currentTarget.value)}
          />
        </div>
        <div class="actions">
          <SmallButton onClick={() => setDate(addDays(date, -step))}>{tr('staff.schedule.previous')}</SmallButton>
          <SmallButton onClick={() => setDate(localDate(new Date(), zone))}>{tr('staff.schedule.today')}</SmallButton>
          <SmallButton onClick={() => setDate(addDays(date, step))}>{tr('staff.schedule.next')}</SmallButton>
        </div>
        {own === null && (
          <div class="field field-inline">
            <label for="schedule-therapist">{tr('staff.therapist')}</label>
            <select id="schedule-therapist" value={therapist} onChange={(e) => setTherapist(e.currentTarget.value)}>
              <option value="">{tr('staff.schedule.allTherapists')}</option>
              {people.state === 'ready' && <NameOptions people={people.data.therapists} />}
            </select>
          </div>
        )}
      </div>
      <p class="hint">{tr('staff.schedule.zone', { zone: zoneName(zone, locale, from) })}</p>
      {done && <Done>{done}</Done>}
      {sessions.state === 'loading' || people.state === 'loading' ? (
        <Loading />
      ) : sessions.state === 'error' ? (
        <Problem compact error={sessions.error} onRetry={sessions.reload} />
      ) : people.state === 'error' ? (
        <Problem compact error={people.error} onRetry={people.reload} />
      ) : (
        <div class="schedule-days">
          {view === 'week' && sessions.data.length === 0 && (
            <Empty>
              <p>{tr('staff.schedule.noneInRange')}</p>
            </Empty>
          )}
          {days.map((day) => {
            const onDay = sessions.data.filter((s) => localDate(s.starts_at, zone) === day)
            if (view === 'week' && !onDay.length) return null
            return (
              <section class="schedule-day" key={day} aria-labelledby={`day-${day}`}>
                <h2 class="section-title" id={`day-${day}`}>
                  {new Intl.DateTimeFormat(locale, {
                    weekday: 'long',
                    day: 'numeric',
                    month: 'long',
                    timeZone: 'UTC',
                  }).format(new Date(`${day}T12:00:00Z`))}
                </h2>
                {onDay.length === 0 ? (
                  <Empty>
                    <p>{tr('staff.schedule.none')}</p>
                  </Empty>
                ) : (
                  <ul class="sessions">
                    {onDay.map((s) => (
                      <SessionRow
                        key={s.id}
                        ctx={ctx}
                        session={s}
                        names={names}
                        showTherapist={!therapist}
                        onChanged={changed}
                      />
                    ))}
                  </ul>
                )}
              </section>
            )
          })}
        </div>
      )}
      {own === null && people.state === 'ready' && (
        <AddSession ctx={ctx} date={date} people={people.data} onAdded={changed} />
      )}
    </StaffScreen>
  )
}

type Mode = 'view' | 'move' | 'cancel'

/** The date and start time of a session, as `${id}-date` and `${id}-time`. */
function DateAndTime({
  id,
  labels: [dateLabel, timeLabel],
  date,
  time,
  onDate,
  onTime,
}: {
  id: string
  labels: [string, string]
  date: string
  time: string
  onDate: (value: string) => void
  onTime: (value: string) => void
}) {
  return (
    <>
      <Field id={`${id}-date`} label={dateLabel} type="date" required value={date} onValue={onDate} />
      <Field id={`${id}-time`} label={timeLabel} type="time" required value={time} onValue={onTime} />
    </>
  )
}

/** The end of a session's move or cancel form: do it, or keep the session as it is. */
function SubmitOrKeep({
  busy,
  danger,
  submit,
  onKeep,
}: {
  busy: boolean
  danger?: boolean
  submit: string
  onKeep: () => void
}) {
  const { tr } = useWords()
  return (
    <div class="actions">
      <button type="submit" class={`button ${danger ? 'button-danger' : 'button-primary'}`} disabled={busy}>
        {submit}
      </button>
      <button type="button" class="button button-secondary" onClick={onKeep}>
        {tr('staff.schedule.keep')}
      </button>
    </div>
  )
}

function SessionRow({
  ctx,
  session,
  names,
  showTherapist,
  onChanged,
}: {
  ctx: StaffContext
  session: Appointment
  names: Names
  showTherapist: boolean
  onChanged: (text: string) => void
}) {
  const { tr, when, problem } = useWords()
  const zone = ctx.me.practice.time_zone
  const [mode, setMode] = useState<Mode>('view')
  const { busy, problem: error, submit } = useSubmit(problem)
  const [moveDate, setMoveDate] = useState(localDate(session.starts_at, zone))
  const [moveTime, setMoveTime] = useState(localTime(session.starts_at, zone))
  const [reason, setReason] = useState('')
  const client = names.clients.get(session.client_id) ?? '—'
  const open = isOpen(session.status)
  const started = Date.parse(session.starts_at) <= Date.now()
  const id = `session-${session.id}`

  async function change(patch: AppointmentPatch, text: (s: Appointment) => string) {
    await submit(async () => {
      const updated = await ctx.api.changeSession(session.id, patch)
      setMode('view')
      onChanged(text(updated))
    })
  }

  function move(e: Event) {
    e.preventDefault()
    const start = instantAt(moveDate, moveTime, zone)
    const length = Date.parse(session.ends_at) - Date.parse(session.starts_at)
    void change({ starts_at: start.toISOString(), ends_at: new Date(start.getTime() + length).toISOString() }, (s) =>
      tr('staff.schedule.moved', { client, when: when(s.starts_at) }),
    )
  }

  return (
    <li class="session-row entry-card" aria-labelledby={`${id}-who`}>
      <div class="session-main">
        <p class="session-time">
          {when(session.starts_at, 'time')}–{when(session.ends_at, 'time')}
        </p>
        <p class="session-who" id={`${id}-who`}>
          <strong>{client}</strong>
          {showTherapist && (
            <span> {tr('staff.schedule.with', { therapist: names.therapists.get(session.therapist_id) ?? '—' })}</span>
          )}
        </p>
        <p class="session-type">
          {session.type}
          {session.location ? ` · ${session.location}` : ''}
        </p>
        <span
          class={`chip ${session.status === 'confirmed' || session.status === 'attended' ? 'chip-ok' : open ? 'chip-ask' : 'chip-muted'}`}
        >
          {tr(`staff.status.${session.status}`)}
        </span>
        {session.cancellation && <CancellationLine cancellation={session.cancellation} />}
      </div>
      <FormAlert message={error} />
      {mode === 'view' && (open || started) && (
        <div class="actions">
          {open && !started && (
            <>
              <SmallButton onClick={() => setMode('move')} describedBy={`${id}-who`}>
                {tr('staff.schedule.move')}
              </SmallButton>
              <SmallButton danger onClick={() => setMode('cancel')} describedBy={`${id}-who`}>
                {tr('staff.schedule.cancel')}
              </SmallButton>
            </>
          )}
          {started &&
            session.status !== 'attended' &&
            session.status !== 'cancelled' &&
            session.status !== 'late_cancelled' && (
              <SmallButton
                disabled={busy}
                describedBy={`${id}-who`}
                onClick={() => change({ status: 'attended' }, () => tr('staff.schedule.markedAttended', { client }))}
              >
                {tr('staff.schedule.attended')}
              </SmallButton>
            )}
          {started && open && (
            <SmallButton
              disabled={busy}
              describedBy={`${id}-who`}
              onClick={() => change({ status: 'no_show' }, () => tr('staff.schedule.markedMissed', { client }))}
            >
              {tr('staff.schedule.missed')}
            </SmallButton>
          )}
        </div>
      )}
      {mode === 'move' && (
        <form class="form session-form" onSubmit={move}>
          <fieldset>
            <legend>{tr('staff.schedule.moveTo', { client })}</legend>
            <DateAndTime
              id={id}
              labels={[tr('staff.schedule.newDate'), tr('staff.schedule.newTime')]}
              date={moveDate}
              time={moveTime}
              onDate={setMoveDate}
              onTime={setMoveTime}
            />
          </fieldset>
          <SubmitOrKeep busy={busy} submit={tr('staff.schedule.saveMove')} onKeep={() => setMode('view')} />
        </form>
      )}
      {mode === 'cancel' && (
        <form
          class="form session-form"
          onSubmit={(e) => {
            e.preventDefault()
            void change({ status: 'cancelled', ...(reason.trim() ? { cancel_reason: reason.trim() } : {}) }, () =>
              tr('staff.schedule.cancelledDone', { client }),
            )
          }}
        >
          <p>{tr('staff.schedule.cancelAsk', { client })}</p>
          <Field
            id={`${id}-reason`}
            label={tr('staff.schedule.reason')}
            type="text"
            maxLength={500}
            value={reason}
            onValue={setReason}
          />
          <SubmitOrKeep danger busy={busy} submit={tr('staff.schedule.confirmCancel')} onKeep={() => setMode('view')} />
        </form>
      )}
    </li>
  )
}

function AddSession({
  ctx,
  date,
  people,
  onAdded,
}: {
  ctx: StaffContext
  date: string
  people: { therapists: Therapist[]; clients: Client[] }
  onAdded: (text: string) => void
}) {
  const { tr, when, problem } = useWords()
  const zone = ctx.me.practice.time_zone
  const [form, setForm] = useState({
    client: '',
    therapist: people.therapists[0]?.id ?? '',
    date,
    time: '09:00',
    minutes: '50',
    type: tr('staff.schedule.defaultType'),
    location: '',
  })
  const { busy, problem: error, submit } = useSubmit(problem)
  const set = (name: keyof typeof form) => (value: string) => setForm({ ...form, [name]: value })
  /** One of the form's inputs, named `add-${name}`. */
  const formField = (name: keyof typeof form, label: string, input: Omit<FieldInput, 'value'>) => (
    <Field id={`add-${name}`} label={label} {...input} value={form[name]} onValue={set(name)} />
  )

  async function add(e: Event) {
    e.preventDefault()
    await submit(async () => {
      const start = instantAt(form.date, form.time, zone)
      const added = await ctx.api.addSession({
        therapist_id: form.therapist,
        client_id: form.client,
        starts_at: start.toISOString(),
        ends_at: new Date(start.getTime() + Number(form.minutes) * 60_000).toISOString(),
        type: form.type.trim() || tr('staff.schedule.defaultType'),
        ...(form.location.trim() ? { location: form.location.trim() } : {}),
      })
      const client = people.clients.find((c) => c.id === added.client_id)?.name ?? ''
      onAdded(tr('staff.schedule.added', { client, when: when(added.starts_at) }))
    })
  }

  return (
    <details class="entry-card add-session">
      <summary>{tr('staff.schedule.add')}</summary>
      <form class="form" onSubmit={add}>
        <div class="field">
          <label for="add-client">{tr('staff.schedule.client')}</label>
          <select id="add-client" required value={form.client} onChange={(e) => set('client')(e.currentTarget.value)}>
            <option value="">{tr('staff.schedule.chooseClient')}</option>
            <NameOptions people={people.clients} />
          </select>
        </div>
        <div class="field">
          <label for="add-therapist">{tr('staff.schedule.therapist')}</label>
          <select
            id="add-therapist"
            required
            value={form.therapist}
            onChange={(e) => set('therapist')(e.currentTarget.value)}
          >
            <NameOptions people={people.therapists} />
          </select>
        </div>
        <DateAndTime
          id="add"
          labels={[tr('staff.schedule.date'), tr('staff.schedule.start')]}
          date={form.date}
          time={form.time}
          onDate={set('date')}
          onTime={set('time')}
        />
        {formField('minutes', tr('staff.schedule.length'), {
          type: 'number',
          min: 10,
          max: 480,
          step: 5,
          required: true,
        })}
        {formField('type', tr('staff.schedule.type'), { type: 'text', maxLength: 80 })}
        {formField('location', tr('staff.schedule.location'), { type: 'text', maxLength: 300 })}
        <FormAlert message={error} />
        <button type="submit" class="button button-primary" disabled={busy}>
          {tr('staff.schedule.addButton')}
        </button>
      </form>
    </details>
  )
}
