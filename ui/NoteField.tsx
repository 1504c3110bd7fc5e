/**
 * A labelled box for a few lines of free text, with the hint under it read out with the box
 * (its id is the box's id plus `-hint`). `onValue` gets what was typed.
 */
export function NoteField({
  id,
  label,
  hint,
  rows,
  maxLength,
  value,
  onValue,
}: {
  id: string
  label: string
  hint: string
  rows: number
  maxLength: number
  value: string
  onValue: (value: string) => void
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        maxLength={maxLength}
        value={value}
        onInput={(e) => onValue(e.currentTarget.value)}
        aria-describedby={`${id}-hint`}
      />
      <p id={`${id}-hint`} class="hint">
        {hint}
      </p>
    </div>
  )
}
