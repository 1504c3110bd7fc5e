import { fireEvent, screen, waitFor } from '@testing-library/preact'
import { describe, expect, it } from 'vitest'
import type { Locale } from '../../../shared/schemas/policies'
import { ApiError } from '../../../ui/api-client'
import type { PushBrowser } from '../../../ui/push'
import { fakeBrowser } from '../../../ui/push-testing'
import { type fakeApi, me, renderPortal } from '../testing'

function setup(
  browser: PushBrowser,
  overrides: Parameters<typeof fakeApi>[0] = {},
  options: { locale?: Locale; push?: boolean } = {},
) {
  return renderPortal(
    {
      me: async () =>
        me({
          client: {
            ...me().client,
            consents: { email: true, sms: false, whatsapp: false, push: options.push ?? false },
          },
        }),
      ...overrides,
    },
    { push: browser, locale: options.locale },
  )
}

const section = () => screen.findByRole('region', { name: 'Reminders on this device' })

describe('Reminders on this device, in the portal opened on its own', () => {
  it('offers them calmly, asks permission only on the press, then registers, subscribes and stores the device', async () => {
    const { browser, log, endpoint } = fakeBrowser()
    const { calls, announce } = setup(browser)
    await section()
    expect(
      screen.getByText(
        'Get a reminder here before each appointment. It only ever says "your appointment", so nothing private shows on your screen.',
      ),
    ).toBeTruthy()
    expect(log).toEqual([])

    fireEvent.click(screen.getByRole('button', { name: 'Get reminders on this device' }))
    expect(await screen.findByText('Reminders are on for this device.')).toBeTruthy()
    expect(log).toEqual([
      'ask permission',
      'register /hearth-sw.js scope=/',
      // The VAPID key as an uncompressed P-256 point: 65 bytes starting with 4.
      'subscribe visible=true key=65 bytes, first 4',
    ])
    expect(calls.vapidPublicKey).toHaveLength(1)
    // Only what the server takes: no expirationTime.
    expect(calls.savePushSubscription).toEqual([
      [{ endpoint, keys: { p256dh: 'BPkey-p256dh-0123456789', auth: 'auth-secret-1' } }],
    ])
    expect(announce).toHaveBeenCalledWith('Reminders are on for this device.')
    expect(screen.getByRole('button', { name: 'Turn off reminders on this device' })).toBeTruthy()
  })

  it('shows them on for the client who turned them on, and turns them off: the server forgets the device, then the browser', async () => {
    const { browser, log, subscription, stored, endpoint } = fakeBrowser({
      permission: 'granted',
      subscribed: true,
      marker: { client: 'c-alex' },
    })
    const { calls, announce } = setup(browser, {}, { push: true })
    expect(await screen.findByText('Reminders are on for this device.')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Turn off reminders on this device' }))
    expect(await screen.findByRole('button', { name: 'Get reminders on this device' })).toBeTruthy()
    expect(calls.deletePushSubscription).toEqual([[endpoint]])
    expect(log).toEqual(['unsubscribe'])
    expect(subscription.endpoint).toBe(endpoint)
    expect(stored.size).toBe(0)
    expect(announce).toHaveBeenCalledWith('Reminders are off for this device.')
  })

  it("on a shared device, another client's reminders do not read as this client's", async () => {
    const { browser } = fakeBrowser({ permission: 'granted', subscribed: true, marker: { client: 'c-someone-else' } })
    setup(browser, {}, { push: true })
    expect(await screen.findByRole('button', { name: 'Get reminders on this device' })).toBeTruthy()
  })

  it('when the browser blocks notifications, says how to allow them and offers no button', async () => {
    const { browser, log } = fakeBrowser({ permission: 'denied' })
    setup(browser)
    await section()
    expect(
      screen.getByText(
        "Your browser is blocking notifications from this portal. If you'd like reminders here, allow notifications for this site in your browser's settings.",
      ),
    ).toBeTruthy()
    expect(screen.queryByRole('button', { name: /reminders on this device/ })).toBeNull()
    expect(log).toEqual([])
  })

  it('when the client says no at the prompt, says the same; when they close it, nothing changes', async () => {
    const denied = fakeBrowser({ answer: 'denied' })
    const { calls } = setup(denied.browser)
    fireEvent.click(await screen.findByRole('button', { name: 'Get reminders on this device' }))
    expect(await screen.findByText(/^Your browser is blocking notifications/)).toBeTruthy()
    expect(denied.log).toEqual(['ask permission'])
    expect(calls.savePushSubscription).toBeUndefined()
  })

  it('when the prompt is dismissed, stays off and registers nothing', async () => {
    const dismissed = fakeBrowser({ answer: 'default' })
    const { calls } = setup(dismissed.browser)
    fireEvent.click(await screen.findByRole('button', { name: 'Get reminders on this device' }))
    await waitFor(() => expect(dismissed.log).toEqual(['ask permission']))
    expect(await screen.findByRole('button', { name: 'Get reminders on this device' })).toBeTruthy()
    expect(calls.savePushSubscription).toBeUndefined()
  })

  it('if the server does not take the device, says so and undoes the browser subscription', async () => {
    const { browser, log } = fakeBrowser()
    setup(browser, {
      savePushSubscription: async () => {
        throw new ApiError(0, 'network', 'offline')
      },
    })
    fireEvent.click(await screen.findByRole('button', { name: 'Get reminders on this device' }))
    expect((await screen.findByRole('alert')).textContent).toBe(
      "Reminders couldn't be turned on just now. Please try again in a moment.",
    )
    expect(log.at(-1)).toBe('unsubscribe')
    expect(screen.getByRole('button', { name: 'Get reminders on this device' })).toBeTruthy()
  })

  it('in a browser without web push, says so plainly', async () => {
    const { browser } = fakeBrowser({ supported: false })
    setup(browser)
    await section()
    expect(screen.getByText("This browser can't show reminders from the portal.")).toBeTruthy()
    expect(screen.queryByRole('button', { name: /reminders on this device/ })).toBeNull()
  })

  it("speaks the portal's language", async () => {
    setup(fakeBrowser().browser, {}, { locale: 'fr' })
    expect(await screen.findByRole('button', { name: 'Recevoir les rappels sur cet appareil' })).toBeTruthy()
    expect(screen.getByText(/indique seulement « votre rendez-vous »/)).toBeTruthy()
  })
})

describe('Reminders on this device, inside the practice website', () => {
  it('links to the portal in its own tab instead of asking from the frame', async () => {
    const { browser, log } = fakeBrowser({ topLevel: false })
    setup(browser)
    await section()
    const link = screen.getByRole('link', {
      name: 'Open the portal in its own tab to turn on reminders on this device',
    })
    expect(link.getAttribute('href')).toBe('/portal/demo')
    expect(link.getAttribute('target')).toBe('_blank')
    expect(link.getAttribute('rel')).toBe('noopener')
    expect(screen.queryByRole('button', { name: /reminders on this device/ })).toBeNull()
    expect(log).toEqual([])
  })

  it('offers nothing in a browser without web push', async () => {
    setup(fakeBrowser({ topLevel: false, supported: false }).browser)
    await screen.findByRole('heading', { level: 1, name: 'Your appointments' })
    expect(screen.queryByRole('region', { name: 'Reminders on this device' })).toBeNull()
  })
})
