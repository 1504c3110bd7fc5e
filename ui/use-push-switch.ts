import { useEffect, useState } from 'preact/hooks'
import {
  type PushApi,
  type PushBrowser,
  type PushState,
  readPushState,
  turnPushOff,
  turnPushOn,
  type Who,
} from './push'

/**
 * The on/off switch for notifications on this device, as the portal's reminders and the console's
 * urgent alerts both keep it: the state read once (when `read` allows: a framed portal cannot ask),
 * optionally corrected by `adjust`, and `change`, which answers the state it reached (null when it
 * failed; `failed` then says which way).
 */
export function usePushSwitch(
  browser: PushBrowser,
  api: PushApi,
  who: Who,
  options: { read?: boolean; adjust?: (state: PushState) => PushState } = {},
) {
  const [state, setState] = useState<PushState | null>(null)
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState<'on' | 'off' | null>(null)

  useEffect(() => {
    if (options.read === false) return
    readPushState(browser, who).then(
      (now) => setState(options.adjust ? options.adjust(now) : now),
      () => setState('off'),
    )
  }, [])

  async function change(to: 'on' | 'off'): Promise<PushState | null> {
    setBusy(true)
    setFailed(null)
    try {
      const now = to === 'on' ? await turnPushOn(browser, api, who) : await turnPushOff(browser, api, who)
      setState(now)
      return now
    } catch {
      setFailed(to)
      return null
    } finally {
      setBusy(false)
    }
  }

  return { state, busy, failed, change }
}
