import type { ComponentChildren } from 'preact'
import { ApiError } from '../../../ui/api-client'
import { useWords, type Words } from '../i18n'

export function Loading({ label }: { label?: string }) {
  const { tr } = useWords()
  return (
    <div class="loading" role="status">
      <span class="spinner" aria-hidden="true" />
      <span>{label ?? tr('widget.loading')}</span>
    </div>
  )
}

/** What went wrong in words a client can act on; never a code or a stack trace. */
export function problemText(error: unknown, words: Words): string {
  if (error instanceof ApiError) {
    if (error.code === 'network') return words.tr('widget.error.network')
    if (error.status === 429) return words.tr('widget.error.tooMany')
    if (error.status === 401) return words.tr('widget.error.signedOut')
    if (error.status === 404) return words.tr('widget.error.notFound')
  }
  return words.tr('widget.error.generic')
}

export function Problem({
  error,
  onRetry,
  children,
}: {
  error?: unknown
  onRetry?: () => void
  children?: ComponentChildren
}) {
  const words = useWords()
  return (
    <div class="notice notice-problem" role="alert">
      <p>{children ?? problemText(error, words)}</p>
      {onRetry && (
        <button type="button" class="button button-secondary" onClick={onRetry}>
          {words.tr('widget.retry')}
        </button>
      )}
    </div>
  )
}

export function Done({ children }: { children: ComponentChildren }) {
  return (
    <div class="notice notice-done" role="status">
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
