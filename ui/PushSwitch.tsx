import type { PushState } from './push'
import { Problem } from './States'

/** The app's words for the switch: the button each way, and what went wrong each way. */
export type PushSwitchWords = { turnOn: string; turnOff: string; failedOn: string; failedOff: string }

/**
 * The foot of a notifications-on-this-device section (usePushSwitch's `state`, `busy` and
 * `failed`): what went wrong last time, and the one button that turns them the other way, shown
 * only when the browser lets this page choose.
 */
export function PushSwitchButton({
  state,
  busy,
  failed,
  turn,
  words,
}: {
  state: PushState
  busy: boolean
  failed: 'on' | 'off' | null
  turn: (to: 'on' | 'off') => void
  words: PushSwitchWords
}) {
  return (
    <>
      {failed && <Problem>{failed === 'on' ? words.failedOn : words.failedOff}</Problem>}
      {(state === 'off' || state === 'on') && (
        <button
          type="button"
          class="button button-secondary button-small"
          disabled={busy}
          aria-busy={busy}
          onClick={() => turn(state === 'on' ? 'off' : 'on')}
        >
          {state === 'on' ? words.turnOff : words.turnOn}
        </button>
      )}
    </>
  )
}
