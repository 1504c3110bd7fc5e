import type { ComponentChildren } from 'preact'
import { useEffect, useRef } from 'preact/hooks'
import { useUiWords } from './words'

export function Loading({ label }: { label?: string }) {
  const { tr } = useUiWords()
  return (
    <div class="loading" role="status">
      <span class="spinner" aria-hidden="true" />
      <span>{label ?? tr('ui.loading')}</span>
    </div>
  )
}

/** What went wrong (the app's words for `error`, unless `children` say it), with a way to try again. */
export function Problem({
  error,
  onRetry,
  compact = false,
  children,
}: {
  error?: unknown
  onRetry?: () => void
  /** A smaller retry button, for the staff console's denser screens. */
  compact?: boolean
  children?: ComponentChildren
}) {
  const words = useUiWords()
  return (
    <div class="notice notice-problem" role="alert">
      <p>{children ?? words.problem(error)}</p>
      {onRetry && (
        <button
          type="button"
          class={compact ? 'button button-secondary button-small' : 'button button-secondary'}
          onClick={onRetry}
        >
          {words.tr('ui.retry')}
        </button>
      )}
    </div>
  )
}

/**
 * Something done. With `takeFocus`, focus moves to it when it appears (the button that did it is
 * usually gone by then, and focus must not fall back to the page: WCAG 2.4.3).
 */
export function Done({ children, takeFocus = false }: { children: ComponentChildren; takeFocus?: boolean }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (takeFocus && document.hasFocus()) {
      ref.current?.focus({ preventScroll: true })
      ref.current?.scrollIntoView?.({ block: 'nearest' })
    }
  }, [])
  return (
    <div class="notice notice-done" role="status" ref={ref} tabIndex={takeFocus ? -1 : undefined}>
      <svg class="notice-icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
        <path d="m5 10.5 3.2 3L15 6.5" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />
      </svg>
      <div>{children}</div>
    </div>
  )
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <div class="empty">{children}</div>
}
