import { useEffect, useRef, useState } from 'preact/hooks'

/** A shared family computer is common: after this long without a tap or key, ask; a little later, sign out. */
export const IDLE_WARN_MS = 10 * 60_000
export const IDLE_SIGN_OUT_MS = 12 * 60_000

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const

/**
 * Watches for activity while `enabled`. Returns whether the "still there?" notice should show and
 * a way to stay; calls `onTimeout` once the limit passes. `lastActive` seeds the clock on reload.
 */
export function useIdle(options: {
  enabled: boolean
  now: () => number
  lastActive?: number | undefined
  onActivity?: (at: number) => void
  onTimeout: () => void
}): { warning: boolean; stay: () => void } {
  const { enabled, now } = options
  const last = useRef(options.lastActive ?? now())
  const [warning, setWarning] = useState(false)
  const latest = useRef(options)
  latest.current = options

  useEffect(() => {
    if (!enabled) return
    last.current = latest.current.lastActive ?? now()
    let recorded = 0
    const active = () => {
      const at = now()
      last.current = at
      setWarning(false)
      if (at - recorded > 15_000) {
        recorded = at
        latest.current.onActivity?.(at)
      }
    }
    for (const type of ACTIVITY) document.addEventListener(type, active, { passive: true, capture: true })
    const timer = setInterval(() => {
      const idle = now() - last.current
      if (idle >= IDLE_SIGN_OUT_MS) latest.current.onTimeout()
      else setWarning(idle >= IDLE_WARN_MS)
    }, 5_000)
    return () => {
      for (const type of ACTIVITY) document.removeEventListener(type, active, { capture: true })
      clearInterval(timer)
    }
  }, [enabled, now])

  return {
    warning,
    stay: () => {
      last.current = now()
      setWarning(false)
      latest.current.onActivity?.(last.current)
    },
  }
}
