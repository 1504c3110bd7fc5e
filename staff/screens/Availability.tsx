import { useState } from 'preact/hooks'
import type { Availability, AvailabilityException, SessionMode, WeeklyHours } from '../../shared/schemas/availability'
import { zoneName } from '../../shared/time/format'
import { localDate } from '../../shared/time/zone'
import { ApiError } from '../../ui/api-client'
import { Loading, Problem } from '../../ui/States'
import { useLoad } from '../../ui/use-load'
import type { StaffContext } from '../Console'
import { SaveActions, StaffScreen, TherapistPicker, SmallButton } from '../components/Parts'
import { useWords } from '../i18n'
import { useSubmit } from '../components/FormFields'

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const
const MODES: SessionMode[] = ['in_person', 'video']

/**
 * A therapist's bookable hours: weekly hours in their zone with the ways they meet, days away or
 * with other hours, and the buffer, notice and horizon clients' free times follow.
 */
export function AvailabilityScreen({ ctx }: { ctx: StaffContext }) {
  const { tr } = useWords()
  const id = ctx.therapistId
  const loaded = useLoad(async () => (id ? { therapistId: id, hours: await ctx.api.availability(id) } : null), [id])
  return (
    <StaffScreen title={tr('staff.availability.title')} lead={tr('staff.availability.lead')}>
      <div class="toolbar">
        <TherapistPicker ctx={ctx} id="availability-therapist" />
      </div>
      {loaded.state === 'error' ? (
        <Problem compact error={loaded.error} onRetry={loaded.reload} />
      ) : loaded.state === 'loading' || !loaded.data || loaded.data.therapistId !== id ? (
        // Until the chosen therapist's own hours have arrived, the previous one's must not be shown
        // (or saved) under the new name.
        <Loading />
      ) : (
        <Editor key={id} ctx={ctx} therapistId={id} saved={loaded.data.hours} />
      )}
    </StaffScreen>
  )
}

function Editor({ ctx, therapistId, saved }: { ctx: StaffContext; therapistId: string; saved: Availability }) {
  const { tr, locale } = useWords()
  const [value, setValue] = useState<Availability>(saved)
  const { busy, problem, submit } = useSubmit()
  const [done, setDone] = useState(false)
  const fields = problem instanceof ApiError ? (problem.details?.fields ?? {}) : {}
  const update = (patch: Partial<Availability>) => {
    setDone(false)
    setValue({ ...value, ...patch })
  }
  const setRow = (index: number, patch: Partial<WeeklyHours>) =>
    update({ weekly: value.weekly.map((row, i) => (i === index ? { ...row, ...patch } : row)) })
  const setException = (index: number, patch: Partial<AvailabilityException>) =>
    update({ exceptions: value.exceptions.map((row, i) => (i === index ? { ...row, ...patch } : row)) })

  async function save(event: Event) {
    event.preventDefault()
    await submit(async () => {
      const body: Availability = {
        ...value,
        exceptions: value.exceptions.map(({ date, start, end }) => (start && end ? { date, start, end } : { date })),
        ...(value.video_url?.trim() ? { video_url: value.video_url.trim() } : { video_url: undefined }),
      }
      setValue(await ctx.api.saveAvailability(therapistId, body))
      setDone(true)
      ctx.announce(tr('staff.availability.saved'))
    })
  }

  const error = (path: string) =>
    fields[path] ? (
      <p class="field-error" id={`${path}-error`}>
        {fields[path]}
      </p>
    ) : null

  return (
    <form class="form editor-form" onSubmit={save} noValidate>
      <p class="hint">{tr('staff.availability.zone', { zone: zoneName(value.time_zone, locale) })}</p>
      <fieldset>
        <legend class="section-title">{tr('staff.availability.weekly')}</legend>
        {value.weekly.length === 0 && <p>{tr('staff.availability.noHours')}</p>}
        {value.weekly.map((row, i) => (
          <fieldset class="hours-row" key={i}>
            <legend class="sr-only">{tr('staff.availability.rowLabel', { n: i + 1 })}</legend>
            <label>
              <span>{tr('staff.availability.day')}</span>
              <select value={row.weekday} onChange={(e) => setRow(i, { weekday: Number(e.currentTarget.value) })}>
                {WEEKDAYS.map((d) => (
                  <option key={d} value={d}>
                    {tr(`staff.weekday.${d}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span>{tr('staff.availability.from')}</span>
              <input type="time" value={row.start} onInput={(e) => setRow(i, { start: e.currentTarget.value })} />
            </label>
            <label>
              <span>{tr('staff.availability.until')}</span>
              <input
                type="time"
                value={row.end}
                onInput={(e) => setRow(i, { end: e.currentTarget.value })}
                aria-invalid={fields[`weekly.${i}.end`] ? true : undefined}
                aria-describedby={fields[`weekly.${i}.end`] ? `weekly.${i}.end-error` : undefined}
              />
            </label>
            {MODES.map((mode) => {
              const modes = row.modes ?? MODES
              return (
                <span class="check check-plain" key={mode}>
                  <input
                    type="checkbox"
                    id={`mode-${i}-${mode}`}
                    checked={modes.includes(mode)}
                    onChange={() => {
                      const next = modes.includes(mode) ? modes.filter((m) => m !== mode) : [...modes, mode]
                      setRow(i, { modes: MODES.filter((m) => next.includes(m)) })
                    }}
                  />
                  <label for={`mode-${i}-${mode}`}>{tr(`staff.mode.${mode}`)}</label>
                </span>
              )
            })}
            <button
              type="button"
              class="link-button"
              onClick={() => update({ weekly: value.weekly.filter((_, j) => j !== i) })}
            >
              {tr('staff.availability.remove')}
            </button>
            {error(`weekly.${i}.end`)}
            {error(`weekly.${i}.modes`)}
          </fieldset>
        ))}
        <SmallButton
          onClick={() => update({ weekly: [...value.weekly, { weekday: 1, start: '09:00', end: '17:00' }] })}
        >
          {tr('staff.availability.addHours')}
        </SmallButton>
      </fieldset>
      <fieldset>
        <legend class="section-title">{tr('staff.availability.exceptions')}</legend>
        {value.exceptions.map((row, i) => (
          <fieldset class="hours-row" key={i}>
            <legend class="sr-only">{tr('staff.availability.exceptionLabel', { n: i + 1 })}</legend>
            <label>
              <span>{tr('staff.availability.date')}</span>
              <input type="date" value={row.date} onInput={(e) => setException(i, { date: e.currentTarget.value })} />
            </label>
            <label>
              <span>{tr('staff.availability.from')}</span>
              <input
                type="time"
                value={row.start ?? ''}
                onInput={(e) => setException(i, { start: e.currentTarget.value || undefined })}
              />
            </label>
            <label>
              <span>{tr('staff.availability.until')}</span>
              <input
                type="time"
                value={row.end ?? ''}
                onInput={(e) => setException(i, { end: e.currentTarget.value || undefined })}
              />
            </label>
            <button
              type="button"
              class="link-button"
              onClick={() => update({ exceptions: value.exceptions.filter((_, j) => j !== i) })}
            >
              {tr('staff.availability.remove')}
            </button>
            {error(`exceptions.${i}.date`)}
            {error(`exceptions.${i}.end`)}
          </fieldset>
        ))}
        <p class="hint">{tr('staff.availability.exceptionsHint')}</p>
        <SmallButton
          onClick={() =>
            update({ exceptions: [...value.exceptions, { date: localDate(new Date(), value.time_zone) }] })
          }
        >
          {tr('staff.availability.addException')}
        </SmallButton>
      </fieldset>
      {(
        [
          ['buffer_minutes', 0, 240],
          ['min_notice_hours', 0, 720],
          ['horizon_days', 1, 365],
        ] as const
      ).map(([name, min, max]) => (
        <div class="field" key={name}>
          <label for={name}>{tr(`staff.availability.${name}`)}</label>
          <input
            id={name}
            type="number"
            min={min}
            max={max}
            value={value[name]}
            onInput={(e) => update({ [name]: Number(e.currentTarget.value) })}
            aria-invalid={fields[name] ? true : undefined}
          />
          {error(name)}
        </div>
      ))}
      <div class="field">
        <label for="video-url">{tr('staff.availability.videoUrl')}</label>
        <input
          id="video-url"
          type="url"
          value={value.video_url ?? ''}
          onInput={(e) => update({ video_url: e.currentTarget.value })}
          aria-describedby="video-url-hint"
          aria-invalid={fields.video_url ? true : undefined}
        />
        <p id="video-url-hint" class="hint">
          {tr('staff.availability.videoUrlHint')}
        </p>
        {error('video_url')}
      </div>
      <SaveActions problem={problem} saved={done && tr('staff.availability.saved')} busy={busy} />
    </form>
  )
}
