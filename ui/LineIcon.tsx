/**
 * A line drawing on the 20×20 grid, in the text's colour and hidden from screen readers: the
 * button or link it sits in says what it does. Ends of lines are rounded, or with `roundJoins`
 * the corners where they meet.
 */
export function LineIcon({
  d,
  size,
  weight = 2,
  roundJoins = false,
}: {
  d: string
  size: number
  weight?: number
  roundJoins?: boolean
}) {
  return (
    <svg viewBox="0 0 20 20" width={size} height={size} aria-hidden="true">
      <path
        d={d}
        fill="none"
        stroke="currentColor"
        stroke-width={weight}
        stroke-linecap={roundJoins ? undefined : 'round'}
        stroke-linejoin={roundJoins ? 'round' : undefined}
      />
    </svg>
  )
}
