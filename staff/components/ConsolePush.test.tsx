import { fireEvent, render, screen } from '@testing-library/preact'
import { describe, expect, it } from 'vitest'
import { fakeBrowser } from '../../ui/push-testing'
import { WordsProvider } from '../../ui/words'
import { words } from '../i18n'
import { fakeStaffApi, OWNER, staffMember, ZONE } from '../testing'
import { ConsolePush } from './ConsolePush'

function show(browser: ReturnType<typeof fakeBrowser>['browser'], me = OWNER) {
  const { api, calls } = fakeStaffApi()
  render(
    <WordsProvider value={words('en', ZONE)}>
      <ConsolePush api={api} me={me} browser={browser} />
    </WordsProvider>,
  )
  return calls
}

describe('Notifications on this computer', () => {
  it('asks the browser only on the press, then stores this console for urgent alerts', async () => {
    const { browser, log, endpoint } = fakeBrowser()
    const calls = show(browser)
    await screen.findByText(/^Off here\./)
    expect(log).toEqual([])
    fireEvent.click(screen.getByRole('button', { name: 'Turn on here' }))
    await screen.findByText(/^On: urgent alerts appear on this computer/)
    expect(log[0]).toBe('ask permission')
    expect(log[1]).toBe('register /hearth-sw.js scope=/')
    expect(calls.savePushSubscription).toEqual([[{ endpoint, keys: expect.any(Object) }]])

    fireEvent.click(screen.getByRole('button', { name: 'Turn off here' }))
    await screen.findByText(/^Off here\./)
    expect(calls.deletePushSubscription).toEqual([[endpoint]])
    expect(log).toContain('unsubscribe')
  })

  it('reads "off" for the next person on a shared computer', async () => {
    const { browser } = fakeBrowser({
      permission: 'granted',
      subscribed: true,
      marker: { client: OWNER.user.id },
      slug: `staff.${OWNER.practice.slug}`,
    })
    show(browser, staffMember('front_desk'))
    await screen.findByText(/^Off here\./)
  })

  it('says so when the browser blocks notifications, or cannot show them', async () => {
    show(fakeBrowser({ permission: 'denied' }).browser)
    await screen.findByText(/blocks notifications from Hearth/)
    expect(screen.queryByRole('button')).toBeNull()
  })
})
