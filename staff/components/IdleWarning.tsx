import { useEffect, useRef } from 'preact/hooks'
import { useWords } from '../i18n'

/**
 * The gentle warning before an idle session ends: staying signed in is one request
 * (`GET /v1/staff/me`), which moves the deadline on. Focus moves to it, so a keyboard or screen
 * reader user hears it; it gives focus back when it goes.
 */
export function IdleWarning({ onStay, onSignOut }: { onStay: () => void; onSignOut: () => void }) {
  const { tr } = useWords()
  const stay = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null
    stay.current?.focus({ preventScroll: true })
    return () => {
      if (before?.isConnected) before.focus({ preventScroll: true })
    }
  }, [])
  return (
    <div class="idle-warning" role="alertdialog" aria-labelledby="idle-title" aria-describedby="idle-body">
      <h2 id="idle-title">{tr('staff.idle.title')}</h2>
      <p id="idle-body">{tr('staff.idle.body')}</p>
      <div class="actions">
        <button type="button" class="button button-primary button-small" ref={stay} onClick={onStay}>
          {tr('staff.idle.stay')}
        </button>
        <button type="button" class="button button-secondary button-small" onClick={onSignOut}>
          {tr('staff.idle.signOut')}
        </button>
      </div>
    </div>
  )
}
