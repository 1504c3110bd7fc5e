import type { StaffMe } from '../../shared/schemas/staff'
import { browserPush, type PushApi, type PushBrowser } from '../../ui/push'
import { usePushSwitch } from '../../ui/use-push-switch'
import { PushSwitchButton } from '../../ui/PushSwitch'
import { useWords } from '../i18n'
import { TitledSection } from './Parts'

/**
 * Urgent alerts as notifications on this computer: the console is a top-level page, so it may
 * ask the browser, but only when the person presses the button. The choice of "Notification in
 * the console" among the urgent channels says whether Hearth sends them; this says where.
 */
export function ConsolePush({
  api,
  me,
  browser = browserPush(window),
}: {
  api: PushApi
  me: StaffMe
  browser?: PushBrowser | undefined
}) {
  const { tr } = useWords()
  // Each person on a shared computer has their own marker: "on" is never someone else's.
  const who = { slug: `staff.${me.practice.slug}`, clientId: me.user.id }
  const { state, busy, failed, change } = usePushSwitch(browser, api, who)
  if (state === null) return null

  return (
    <TitledSection class="account-section" id="console-push" title={tr('staff.push.title')}>
      <p role="status">{tr(`staff.push.${state}`)}</p>
      <PushSwitchButton
        state={state}
        busy={busy}
        failed={failed}
        turn={change}
        words={{
          turnOn: tr('staff.push.turnOn'),
          turnOff: tr('staff.push.turnOff'),
          failedOn: tr('staff.push.failedOn'),
          failedOff: tr('staff.push.failedOff'),
        }}
      />
    </TitledSection>
  )
}
