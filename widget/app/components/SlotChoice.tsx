import { useState } from 'preact/hooks'
import type { Slot } from '../../../shared/schemas/availability'
import { FIRST_SLOT_DAYS, slotsByDay } from '../../../shared/availability/slot-days'
import { useWords } from '../i18n/signed-in'

/**
 * Free times grouped by day in the client's own zone: each day a group of radio buttons (arrow
 * keys move between times, a screen reader hears the day and the time with its zone), the first
 * days at once and the rest behind "Show later times". `missing` says no time was chosen yet.
 */
export function SlotChoice({
  slots,
  chosen,
  onChoose,
  missing,
}: {
  slots: Slot[]
  chosen: string | null
  onChoose: (startsAt: string) => void
  missing: boolean
}) {
  const words = useWords()
  const { tr, when } = words
  const [showAll, setShowAll] = useState(false)
  const days = slotsByDay(slots, words.zone)
  const shown = showAll ? days : days.slice(0, FIRST_SLOT_DAYS)
  return (
    <>
      {shown.map((day) => (
        <fieldset class="pills pills-times" key={day.date} aria-describedby={missing ? 'choose-error' : undefined}>
          <legend class="section-title">{when(day.slots[0]!.starts_at, 'day')}</legend>
          {day.slots.map((slot) => {
            const id = `slot-${slot.starts_at}`
            return (
              <div class="pill" key={slot.starts_at}>
                <input
                  type="radio"
                  id={id}
                  name="slot"
                  value={slot.starts_at}
                  checked={chosen === slot.starts_at}
                  onChange={() => onChoose(slot.starts_at)}
                  aria-label={when(slot.starts_at)}
                />
                <label for={id}>{when(slot.starts_at, 'time')}</label>
              </div>
            )
          })}
        </fieldset>
      ))}
      {missing && (
        <p id="choose-error" class="field-error" role="alert">
          {tr('widget.move.choose')}
        </p>
      )}
      {days.length > shown.length && (
        <button type="button" class="button button-quiet" onClick={() => setShowAll(true)}>
          {tr('widget.move.more')}
        </button>
      )}
    </>
  )
}
