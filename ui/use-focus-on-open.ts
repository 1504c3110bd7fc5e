import { useEffect, useRef } from 'preact/hooks'

/**
 * A ref for what takes focus when it opens, and again when `deps` change: a screen's heading, or
 * the question a step asks, so a screen reader starts there. Only while this document has focus
 * (a portal framed in a practice's page never pulls focus from it), and without scrolling.
 */
export function useFocusOnOpen<T extends HTMLElement>(deps: unknown[] = []) {
  const ref = useRef<T>(null)
  useEffect(() => {
    if (document.hasFocus()) ref.current?.focus({ preventScroll: true })
  }, deps)
  return ref
}
