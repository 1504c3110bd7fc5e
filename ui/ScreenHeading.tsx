import type { ComponentChildren } from 'preact'
import { useFocusOnOpen } from './use-focus-on-open'

/**
 * A screen's title (`#screen-title`, which the screen's section is labelled by) and its lead. The
 * title takes focus when the screen opens, and again when `refocusOn` changes, so a screen reader
 * starts there.
 */
export function ScreenHeading({
  title,
  lead,
  refocusOn = [],
}: {
  title: string
  lead?: ComponentChildren
  refocusOn?: unknown[]
}) {
  const heading = useFocusOnOpen<HTMLHeadingElement>(refocusOn)
  return (
    <>
      <h1 id="screen-title" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {lead && <p class="lead">{lead}</p>}
    </>
  )
}
