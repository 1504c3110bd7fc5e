import { can } from '../../shared/policy/permissions'
import { useState } from 'preact/hooks'
import {
  DEFAULT_QUIET_HOURS,
  MAX_REMINDER_HOURS_BEFORE,
  MAX_REMINDER_STEPS,
  ReminderSchedule,
} from '../../shared/schemas/policies'
import type { Practice } from '../../shared/schemas/practice'
import { Done, Loading, Problem } from '../../ui/States'
import { useLoad } from '../../ui/use-load'
import { StaffScreen, SubmitActions } from '../components/Parts'
import type { StaffContext } from '../Console'
import { useWords } from '../i18n'
import { FormAlert, useSubmit } from '../components/FormFields'

/**
 * The practice's reminder cadence: the confirmation request, the morning-of reminder, reminders
 * hours before, a note at booking, quiet hours and how much a reminder says. An admin changes it;
 * a therapist sees it. The same schema the API enforces checks it before saving.
 */
export function ReminderSettingsScreen({ ctx }: { ctx: StaffContext }) {
  const { tr } = useWords()
  const loaded = useLoad<Practice>(() => ctx.api.practice(), [])
  return (
    <StaffScreen title={tr('staff.reminders.title')} lead={tr('staff.reminders.lead')}>
      {loaded.state === 'loading' ? (
        <Loading />
      ) : loaded.state === 'error' ? (
        <Problem compact error={loaded.error} onRetry={loaded.reload} />
      ) : (
        <Editor ctx={ctx} schedule={loaded.data.reminder_schedule} />
      )}
    </StaffScreen>
  )
}

function stepCount(schedule: ReminderSchedule): number {
  return (
    (schedule.reminders?.length ?? 0) + (schedule.confirmation.enabled ? 1 : 0) + (schedule.morning_of.enabled ? 1 : 0)
  )
}

function Editor({ ctx, schedule: saved }: { ctx: StaffContext; schedule: ReminderSchedule }) {
  const { tr } = useWords()
  const [schedule, setSchedule] = useState<ReminderSchedule>(saved)
  const { busy, problem, submit } = useSubmit()
  const [done, setDone] = useState(false)
  const [invalid, setInvalid] = useState<string | null>(null)
  const admin = can(ctx.me.user.role, 'change', 'practice')
  const reminders = schedule.reminders ?? []
  const quiet = schedule.quiet_hours ?? DEFAULT_QUIET_HOURS

  const update = (change: Partial<ReminderSchedule>) => {
    setSchedule({ ...schedule, ...change })
    setDone(false)
    setInvalid(null)
  }
  const setReminder = (index: number, hours: number) =>
    update({ reminders: reminders.map((r, i) => (i === index ? { hours_before: hours } : r)) })

  async function save(event: Event) {
    event.preventDefault()
    const checked = ReminderSchedule.safeParse(schedule)
    if (!checked.success) {
      const path = checked.error.issues[0]?.path ?? []
      setInvalid(
        path[0] === 'quiet_hours'
          ? tr('staff.reminders.badQuiet')
          : path[0] === 'reminders' && path.length === 1
            ? tr('staff.reminders.tooMany', { count: MAX_REMINDER_STEPS })
            : tr('staff.reminders.badHours', { max: MAX_REMINDER_HOURS_BEFORE }),
      )
      return
    }
    await submit(async () => {
      const practice = await ctx.api.saveReminderSchedule(checked.data)
      setSchedule(practice.reminder_schedule)
      setDone(true)
      ctx.announce(tr('staff.reminders.saved'))
    })
  }

  return (
    <form class="form editor-form" onSubmit={save} noValidate>
      {!admin && <p class="fine">{tr('staff.reminders.adminOnly')}</p>}
      <fieldset disabled={!admin || busy}>
        <legend class="section-title">{tr('staff.reminders.steps')}</legend>
        <div class="check check-plain">
          <input
            type="checkbox"
            id="reminders-confirm"
            checked={schedule.confirmation.enabled}
            onChange={(e) => update({ confirmation: { ...schedule.confirmation, enabled: e.currentTarget.checked } })}
          />
          <label for="reminders-confirm">{tr('staff.reminders.confirmation')}</label>
        </div>
        {schedule.confirmation.enabled && (
          <div class="field field-inline">
            <label for="reminders-confirm-hours">{tr('staff.reminders.confirmationHours')}</label>
            <input
              id="reminders-confirm-hours"
              type="number"
              min={1}
              max={168}
              value={schedule.confirmation.hours_before_free_until}
              onInput={(e) =>
                update({
                  confirmation: { ...schedule.confirmation, hours_before_free_until: Number(e.currentTarget.value) },
                })
              }
            />
          </div>
        )}
        <div class="check check-plain">
          <input
            type="checkbox"
            id="reminders-morning"
            checked={schedule.morning_of.enabled}
            onChange={(e) => update({ morning_of: { ...schedule.morning_of, enabled: e.currentTarget.checked } })}
          />
          <label for="reminders-morning">{tr('staff.reminders.morning')}</label>
        </div>
        {schedule.morning_of.enabled && (
          <div class="field field-inline">
            <label for="reminders-morning-at">{tr('staff.reminders.morningAt')}</label>
            <input
              id="reminders-morning-at"
              type="time"
              value={schedule.morning_of.at}
              onInput={(e) => update({ morning_of: { ...schedule.morning_of, at: e.currentTarget.value } })}
            />
          </div>
        )}
        <ul class="rules-list">
          {reminders.map((reminder, index) => (
            <li key={index}>
              <div class="field field-inline">
                <label for={`reminders-before-${index}`}>{tr('staff.reminders.hoursBefore')}</label>
                <input
                  id={`reminders-before-${index}`}
                  type="number"
                  min={0.25}
                  max={MAX_REMINDER_HOURS_BEFORE}
                  step={0.25}
                  value={reminder.hours_before}
                  onInput={(e) => setReminder(index, Number(e.currentTarget.value))}
                />
              </div>
              <button
                type="button"
                class="button"
                onClick={() => update({ reminders: reminders.filter((_, i) => i !== index) })}
              >
                {tr('staff.reminders.remove', { hours: reminder.hours_before })}
              </button>
            </li>
          ))}
        </ul>
        <button
          type="button"
          class="button"
          disabled={stepCount(schedule) >= MAX_REMINDER_STEPS}
          onClick={() => update({ reminders: [...reminders, { hours_before: 2 }] })}
        >
          {tr('staff.reminders.add')}
        </button>
        <p class="fine">{tr('staff.reminders.joinNote')}</p>
      </fieldset>

      <fieldset disabled={!admin || busy}>
        <legend class="section-title">{tr('staff.reminders.more')}</legend>
        <div class="check check-plain">
          <input
            type="checkbox"
            id="reminders-on-booking"
            checked={schedule.on_booking ?? false}
            onChange={(e) => update({ on_booking: e.currentTarget.checked })}
          />
          <label for="reminders-on-booking">{tr('staff.reminders.onBooking')}</label>
        </div>
        <div class="field field-inline">
          <label for="reminders-quiet-start">{tr('staff.reminders.quietFrom')}</label>
          <input
            id="reminders-quiet-start"
            type="time"
            value={quiet.start}
            onInput={(e) => update({ quiet_hours: { ...quiet, start: e.currentTarget.value } })}
          />
          <label for="reminders-quiet-end">{tr('staff.reminders.quietUntil')}</label>
          <input
            id="reminders-quiet-end"
            type="time"
            value={quiet.end}
            onInput={(e) => update({ quiet_hours: { ...quiet, end: e.currentTarget.value } })}
          />
        </div>
        <div class="check check-plain">
          <input
            type="checkbox"
            id="reminders-detailed"
            checked={schedule.detail === 'detailed'}
            onChange={(e) => update({ detail: e.currentTarget.checked ? 'detailed' : 'private' })}
          />
          <label for="reminders-detailed">{tr('staff.reminders.detailed')}</label>
        </div>
      </fieldset>

      <FormAlert message={invalid} />
      {problem !== null && <Problem compact error={problem} />}
      {done && <Done>{tr('staff.reminders.saved')}</Done>}
      {admin && <SubmitActions busy={busy} label={tr('staff.save')} />}
    </form>
  )
}
