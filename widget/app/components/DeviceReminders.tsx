import { useWords } from '../i18n/signed-in'
import type { PortalContext } from '../Portal'
import type { PushBrowser } from '../../../ui/push'
import { usePushSwitch } from '../../../ui/use-push-switch'
import { PushSwitchButton } from '../../../ui/PushSwitch'

/**
 * "Reminders on this device": optional and quiet, at the foot of the sessions screen. Browsers let
 * only the top-level page ask for notifications, so inside a practice's page this is a link to the
 * portal in its own tab; opened on its own (from an email link), it turns reminders on and off.
 */
export function DeviceReminders({ ctx, browser }: { ctx: PortalContext; browser: PushBrowser }) {
  const { tr } = useWords()
  const who = { slug: ctx.me.practice.slug, clientId: ctx.me.client.id }
  const { state, busy, failed, change } = usePushSwitch(browser, ctx.api, who, {
    read: browser.topLevel,
    adjust: (now) => (now === 'on' && !ctx.me.client.consents.push ? 'off' : now),
  })

  if (!browser.topLevel) {
    if (!browser.supported) return null
    return (
      <section class="device-reminders" aria-labelledby="device-reminders-title">
        <h2 id="device-reminders-title" class="section-title">
          {tr('widget.push.title')}
        </h2>
        <p class="fine">
          <a href={`/portal/${encodeURIComponent(who.slug)}`} target="_blank" rel="noopener">
            {tr('widget.push.openTab')}
          </a>
        </p>
      </section>
    )
  }
  if (state === null) return null

  async function turn(to: 'on' | 'off') {
    const now = await change(to)
    if (now === 'on') ctx.announce(tr('widget.push.on'))
    if (now === 'off' && to === 'off') ctx.announce(tr('widget.push.off'))
    if (now === 'blocked') ctx.announce(tr('widget.push.blocked'))
  }

  return (
    <section class="device-reminders" aria-labelledby="device-reminders-title">
      <h2 id="device-reminders-title" class="section-title">
        {tr('widget.push.title')}
      </h2>
      {state === 'unsupported' && <p class="fine">{tr('widget.push.unsupported')}</p>}
      {state === 'blocked' && <p class="fine">{tr('widget.push.blocked')}</p>}
      {state === 'off' && <p class="fine">{tr('widget.push.lead')}</p>}
      {state === 'on' && <p class="fine">{tr('widget.push.on')}</p>}
      <PushSwitchButton
        state={state}
        busy={busy}
        failed={failed}
        turn={turn}
        words={{
          turnOn: tr('widget.push.turnOn'),
          turnOff: tr('widget.push.turnOff'),
          failedOn: tr('widget.push.failedOn'),
          failedOff: tr('widget.push.failedOff'),
        }}
      />
    </section>
  )
}
