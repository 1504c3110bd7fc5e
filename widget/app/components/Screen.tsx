import type { ComponentChildren } from 'preact'
import { useWords } from '../i18n'
import { LineIcon } from '../../../ui/LineIcon'
import { ScreenHeading } from '../../../ui/ScreenHeading'

/** Moves focus to the new screen's heading, unless the portal is not focused (never steal focus from the host page). */
export function focusHeading(doc: Document = document) {
  const heading = doc.querySelector<HTMLElement>('#app h1')
  heading?.focus({ preventScroll: true })
  heading?.scrollIntoView?.({ block: 'nearest' })
}

/**
 * Whether the client has pressed a key or a pointer in the portal since its window last gained
 * focus. The loader says `opened` again once the portal is listening, and by then a quick keyboard
 * user may have moved on from the heading: the portal leaves them where they are.
 */
export function actedSinceFocus(win: Window = window): () => boolean {
  let acted = false
  win.addEventListener('focus', () => {
    acted = false
  })
  for (const type of ['keydown', 'pointerdown'] as const) {
    win.addEventListener(
      type,
      () => {
        acted = true
      },
      true,
    )
  }
  return () => acted
}

type Props = {
  title: string
  lead?: ComponentChildren
  onBack?: () => void
  backLabel?: string
  children?: ComponentChildren
}

export function Screen({ title, lead, onBack, backLabel, children }: Props) {
  const { tr } = useWords()
  return (
    <section class="screen" aria-labelledby="screen-title">
      {onBack && (
        <button type="button" class="back" onClick={onBack}>
          <LineIcon d="M12.5 4.5 7 10l5.5 5.5" size={18} />
          {backLabel ?? tr('widget.back')}
        </button>
      )}
      <ScreenHeading title={title} lead={lead} />
      {children}
    </section>
  )
}
