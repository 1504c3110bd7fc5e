import { fireEvent, screen, waitFor } from '@testing-library/preact'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../ui/api-client'
import type { StaffSession } from '../api'
import { fakeStaffApi, OWNER, renderScreen } from '../testing'
import { Account } from './Account'

const CHROME_LINUX = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36'
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1'

const session = (id: string, userAgent: string | null, current = false): StaffSession => ({
  id,
  created_at: '2026-12-02T13:00:00Z',
  last_seen_at: '2026-12-02T14:00:00Z',
  expires_at: '2026-12-03T01:00:00Z',
  ip: '127.0.0.1',
  user_agent: userAgent,
  current,
})

const AccountScreen = ({ ctx }: Parameters<typeof Account>[0]) => <Account ctx={ctx} />
const press = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }))

describe('Your account', () => {
  it('shows who is signed in, and where, with this browser marked', async () => {
    const { api } = fakeStaffApi({
      signedInSessions: async () => [
        session('s-here', CHROME_LINUX, true),
        session('s-phone', SAFARI_IPHONE),
        session('s-x', null),
      ],
    })
    renderScreen(AccountScreen, { api })
    screen.getByRole('heading', { level: 1, name: 'Your account' })
    screen.getByText(OWNER.user.name)
    screen.getByText(OWNER.user.email)
    screen.getByText('Owner')
    screen.getByText(/^Off: you sign in with your email alone/)
    const items = await screen.findAllByRole('listitem')
    expect(items.map((item) => item.querySelector('strong')?.textContent)).toEqual([
      'Chrome on Linux',
      'Safari on iOS',
      'A browser Hearth doesn’t recognise',
    ])
    expect(items[0]!.textContent).toContain('This browser')
    expect(items[0]!.querySelector('button')).toBeNull()
    screen.getByRole('button', { name: /^Sign out there: Safari on iOS, last active/ })
  })

  it('ends one other session, then every other one', async () => {
    let live = [
      session('s-here', CHROME_LINUX, true),
      session('s-phone', SAFARI_IPHONE),
      session('s-tab', CHROME_LINUX),
    ]
    const { api, calls } = fakeStaffApi({
      signedInSessions: async () => live,
      endSignedInSession: async (id) => {
        live = live.filter((s) => s.id !== id)
      },
      endOtherSignedInSessions: async () => {
        const ended = live.filter((s) => !s.current).length
        live = live.filter((s) => s.current)
        return ended
      },
    })
    const { announced } = renderScreen(AccountScreen, { api })
    fireEvent.click(await screen.findByRole('button', { name: /^Sign out there: Safari on iOS/ }))
    await screen.findByText('Signed out there.')
    expect(calls.endSignedInSession).toEqual([['s-phone']])
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(2))
    press('Sign out everywhere else')
    await screen.findByText('Signed out of 1 other session.')
    await screen.findByText("You're only signed in here.")
    expect(announced).toEqual(['Signed out there.', 'Signed out of 1 other session.'])
  })

  it('sets up an authenticator app and hands out recovery codes with it', async () => {
    const refreshMe = vi.fn(async () => undefined)
    const { api, calls } = fakeStaffApi({
      startTotp: async () => ({
        secret: 'JBSWY3DPEHPK3PXP',
        otpauth_url: 'otpauth://totp/Hearth:x?secret=JBSWY3DPEHPK3PXP',
      }),
      confirmTotp: async () => ({ next: 'done' }),
      newRecoveryCodes: async () => ['aaaaa-11111', 'bbbbb-22222'],
    })
    renderScreen(AccountScreen, { api, refreshMe })
    press('Set up an authenticator app')
    fireEvent.input(await screen.findByLabelText('Code from your app'), { target: { value: '123456' } })
    press('Turn on two-step verification')
    await screen.findByRole('heading', { name: 'Your recovery codes' })
    expect(calls.confirmTotp).toEqual([['123456']])
    expect(refreshMe).toHaveBeenCalled()
    screen.getByText('aaaaa-11111')
    press("I've saved them")
    expect(screen.queryByText('aaaaa-11111')).toBeNull()
  })

  it('turns the app off after asking, and makes new recovery codes', async () => {
    const refreshMe = vi.fn(async () => undefined)
    const { api, calls } = fakeStaffApi({
      removeTotp: async () => undefined,
      newRecoveryCodes: async () => ['ccccc-33333'],
    })
    const me = { ...OWNER, second_factors: ['totp' as const], recovery_codes_left: 3 }
    renderScreen(AccountScreen, { api, me, refreshMe })
    screen.getByText(/^On: you sign in with your email and a code/)
    screen.getByText(/^You have 3 recovery codes left/)
    press('Make new recovery codes')
    await screen.findByText('ccccc-33333')
    press("I've saved them")

    press('Turn off two-step verification')
    screen.getByText("Turn it off? You'll sign in with your email alone.")
    press('Keep it on')
    expect(calls.removeTotp).toBeUndefined()
    press('Turn off two-step verification')
    press('Turn it off')
    await screen.findByText('Two-step verification is off.')
    expect(calls.removeTotp).toHaveLength(1)
    expect(refreshMe).toHaveBeenCalled()
  })

  it('says why when the practice requires the app and it cannot be turned off', async () => {
    const { api } = fakeStaffApi({
      removeTotp: async () => {
        throw new ApiError(
          409,
          'conflict',
          'Your practice requires a second factor. Add a passkey before removing this app.',
        )
      },
    })
    const me = {
      ...OWNER,
      practice: { ...OWNER.practice, staff_second_factor: 'required' as const },
      second_factors: ['totp' as const],
    }
    renderScreen(AccountScreen, { api, me })
    screen.getByText('Calm Waters Counselling requires two-step verification for everyone on the team.')
    press('Turn off two-step verification')
    press('Turn it off')
    await screen.findByText('Your practice requires a second factor. Add a passkey before removing this app.')
  })
})

describe('Your account: how Hearth tells you', () => {
  it("loads the person's own choices and saves them through the console's session", async () => {
    const { api, calls } = fakeStaffApi({ signedInSessions: async () => [] })
    renderScreen(AccountScreen, { api })
    await screen.findByRole('heading', { level: 2, name: 'How Hearth tells you' })
    fireEvent.click(await screen.findByLabelText('At most one email an hour'))
    press('Save')
    await screen.findByText('Saved. Hearth will tell you this way from now on.')
    expect(calls.saveNotificationSettings).toEqual([
      [{ urgent: ['email'], new_messages: 'hourly', daily_digest: true }],
    ])
  })
})

describe('Your account: two-step verification with a passkey only', () => {
  it('says it is on', async () => {
    const { api } = fakeStaffApi({ signedInSessions: async () => [] })
    renderScreen(AccountScreen, { api, me: { ...OWNER, second_factors: ['passkey'] } })
    screen.getByText(/^On: you sign in with your email and a passkey/)
    expect(screen.queryByText(/^Off: you sign in with your email alone/)).toBeNull()
  })
})
