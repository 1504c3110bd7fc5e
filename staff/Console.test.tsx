import { act, fireEvent, render, screen, within } from '@testing-library/preact'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { StaffMe } from '../shared/schemas/staff'
import { ApiError } from '../ui/api-client'
import type { SessionEvents, StaffApi } from './api'
import { Console } from './Console'
import { CRISIS_ALERT, fakeStaffApi, OWNER, RIVERA, staffMember } from './testing'

const MINUTE = 60_000

/** The session times the server would answer with for a request at `now`. */
const sessionFrom = (now: number, who: StaffMe) => ({
  idle_expires_at: new Date(now + who.practice.staff_idle_minutes * MINUTE).toISOString(),
  expires_at: new Date(now + 12 * 60 * MINUTE).toISOString(),
})

/** The console with a scripted API whose requests report to the console as the real one does. */
function openConsole(overrides: Partial<StaffApi> = {}, me: () => StaffMe = () => OWNER) {
  let events: SessionEvents = {}
  const { api, calls } = fakeStaffApi({
    me: async () => {
      events.onActivity?.(Date.now())
      const who = me()
      return { ...who, session: sessionFrom(Date.now(), who) }
    },
    ...overrides,
  })
  render(
    <Console
      languages={['en']}
      makeApi={(given) => {
        events = given
        return api
      }}
    />,
  )
  return { calls, events: () => events }
}

/** Lets the console's requests answer and its timers run, on the fake clock. */
const settle = (ms = 0) =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(ms)
  })

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  location.hash = ''
})
afterEach(() => vi.useRealTimers())

const tabs = () =>
  within(screen.getByRole('navigation'))
    .getAllByRole('link')
    .map((link) => link.textContent)

describe('the console, signed in', () => {
  it("carries on this browser's session, and shows the owner every tab", async () => {
    openConsole()
    await settle()
    screen.getByText('Priya Shah')
    expect(tabs()).toEqual([
      'Calls',
      'Inbox',
      'Alerts',
      'Schedule',
      'Clients',
      'Move requests',
      'Availability',
      'Import',
      'Contact policy',
      'Cancellation policy',
      'Reminders',
      'Insights',
      'WhatsApp',
      'Team',
      'Integrations',
      'Audit',
      'Your account',
    ])
  })

  it('counts the open alerts beside their tab, and counts again after the person acts', async () => {
    const open = [{ id: 'a-1' }, { id: 'a-2' }] as never[]
    const { calls } = openConsole({ alerts: async () => open.slice() })
    await settle()
    await settle()
    const link = within(screen.getByRole('navigation')).getByRole('link', { name: /^Alerts/ })
    expect(link.textContent).toBe('Alerts2, 2 open')
    expect(calls.alerts).toHaveLength(1)
    open.pop()
    fireEvent.click(within(screen.getByRole('navigation')).getByRole('link', { name: 'Schedule' }))
    location.hash = '#schedule'
    window.dispatchEvent(new HashChangeEvent('hashchange'))
    await settle()
    await settle()
    expect(within(screen.getByRole('navigation')).getByRole('link', { name: /^Alerts/ }).textContent).toBe(
      'Alerts1, 1 open',
    )
    // Nothing asks on a timer: an idle console stays idle.
    const asked = calls.alerts!.length
    await settle(10 * MINUTE)
    expect(calls.alerts).toHaveLength(asked)
  })

  it('counts "100+" beside the Alerts tab past a page of open alerts', async () => {
    const open = Array.from({ length: 100 }, (_, i) => ({ ...CRISIS_ALERT, id: `a-${i}` }))
    openConsole({ alerts: async () => open })
    await settle()
    await settle()
    const link = within(screen.getByRole('navigation')).getByRole('link', { name: /^Alerts/ })
    expect(link.textContent).toBe('Alerts100+, 100 open')
  })

  it('shows each role the tabs its permissions allow', async () => {
    openConsole({}, () => staffMember('front_desk'))
    await settle()
    expect(tabs()).not.toContain('Import')
    expect(tabs()).not.toContain('Insights')
    expect(tabs()).not.toContain('Contact policy')
    expect(tabs()).toContain('Schedule')
    expect(tabs()).toContain('Your account')
  })

  it('shows a therapist their own work, not the practice’s imports', async () => {
    openConsole({}, () => staffMember('therapist', RIVERA.id))
    await settle()
    expect(tabs()).toContain('Insights')
    expect(tabs()).toContain('Contact policy')
    expect(tabs()).not.toContain('Import')
  })

  it('warns two minutes before the idle time runs out; staying is one request', async () => {
    const { calls } = openConsole()
    await settle()
    expect(calls.me).toHaveLength(1)
    await settle(12 * MINUTE)
    expect(screen.queryByRole('alertdialog')).toBeNull()
    await settle(1 * MINUTE + 100)
    const dialog = screen.getByRole('alertdialog', { name: 'Are you still there?' })
    expect(dialog.textContent).toContain("You'll be signed out in about 2 minutes to keep clients' details safe.")
    expect(document.activeElement?.textContent).toBe('Stay signed in')
    fireEvent.click(screen.getByRole('button', { name: 'Stay signed in' }))
    await settle()
    expect(calls.me).toHaveLength(2)
    expect(screen.queryByRole('alertdialog')).toBeNull()
    // The deadline moved on: no warning until 13 minutes after staying.
    await settle(12 * MINUTE)
    expect(screen.queryByRole('alertdialog')).toBeNull()
  })

  it('counts every request as activity, and signs out calmly when the idle time passes', async () => {
    const { calls, events } = openConsole()
    await settle()
    await settle(10 * MINUTE)
    events().onActivity?.(Date.now())
    await settle(12 * MINUTE)
    expect(screen.queryByRole('alertdialog')).toBeNull()
    await settle(3 * MINUTE + 100)
    // The note follows the server's answer to the sign-out.
    await settle()
    screen.getByRole('heading', { name: 'Sign in to the staff console' })
    screen.getByText(/You were signed out after 15 minutes without activity, to keep clients' details safe/)
    expect(calls.signOut).toHaveLength(1)
  })

  it('goes back to signing in, with a note, when any request answers 401', async () => {
    const { events } = openConsole()
    await settle()
    act(() => events().onSignedOut?.())
    await settle()
    screen.getByText("Your session has ended, so you've been signed out. Sign in again to carry on.")
  })

  it('signs out at once from the header', async () => {
    const { calls } = openConsole()
    await settle()
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }))
    await settle()
    screen.getByText("You're signed out.")
    expect(calls.signOut).toHaveLength(1)
  })

  it('hides the console at once, and says signed out only once the server has ended the session', async () => {
    let ended: () => void = () => {}
    openConsole({ signOut: () => new Promise<void>((resolve) => (ended = resolve)) })
    await settle()
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }))
    await settle()
    screen.getByRole('heading', { name: 'Sign in to the staff console' })
    screen.getByText('Signing you out…')
    expect(screen.queryByText("You're signed out.")).toBeNull()
    await act(async () => ended())
    screen.getByText("You're signed out.")
  })

  it('stays signed out when an answer asked for before signing out arrives after it', async () => {
    let asked = 0
    let answer: () => void = () => {}
    const { calls } = openConsole({
      me: () => {
        asked += 1
        const who = { ...OWNER, session: sessionFrom(Date.now(), OWNER) }
        return asked === 1 ? Promise.resolve(who) : new Promise((resolve) => (answer = () => resolve(who)))
      },
    })
    await settle(13 * MINUTE + 100)
    fireEvent.click(screen.getByRole('button', { name: 'Stay signed in' }))
    await settle()
    expect(asked).toBe(2)
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }))
    await settle()
    await act(async () => answer())
    await settle()
    screen.getByRole('heading', { name: 'Sign in to the staff console' })
    screen.getByText("You're signed out.")
    expect(screen.queryByText('Signed in as', { exact: false })).toBeNull()
    expect(calls.signOut).toHaveLength(1)
  })

  it('says so when the server could not be reached to end the session', async () => {
    openConsole({
      signOut: async () => {
        throw new TypeError('Failed to fetch')
      },
    })
    await settle()
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }))
    await settle()
    screen.getByText(/couldn't be reached to end your session, so it may still be open on this device/)
    screen.getByText(/It ends by itself after 15 minutes without activity/)
    expect(screen.queryByText("You're signed out.")).toBeNull()
  })
})

describe('opening the console', () => {
  it('asks for an email when this browser has no session', async () => {
    openConsole({ signInState: async () => Promise.reject(new ApiError(401, 'unauthorized', 'Please sign in.')) })
    await settle()
    screen.getByLabelText('Work email')
  })

  it('accepts an invitation link, takes the token out of the address, and signs the newcomer in', async () => {
    location.hash = '#invitation=abcdefghijklmnopqrstuvwxyz0123'
    const { calls } = openConsole({ acceptInvitation: async () => ({ next: 'done' }) })
    await settle()
    expect(calls.acceptInvitation).toEqual([['abcdefghijklmnopqrstuvwxyz0123']])
    expect(location.hash).toBe('')
    expect(calls.signInState).toBeUndefined()
    screen.getByText('Priya Shah')
  })

  it('continues to setting up the app when the practice requires one', async () => {
    location.hash = '#invitation=abcdefghijklmnopqrstuvwxyz0123'
    openConsole({
      acceptInvitation: async () => ({ next: 'enroll_second_factor' }),
      startTotp: () => new Promise(() => undefined),
    })
    await settle()
    screen.getByRole('heading', { name: 'Set up two-step verification' })
  })

  it.each([
    [new ApiError(410, 'link_expired', 'expired'), 'This invitation has expired.'],
    [new ApiError(410, 'already_used', 'used'), 'This invitation has been used already.'],
    [new ApiError(404, 'not_found', 'gone'), "This invitation link isn't working any more"],
  ])('says kindly when the invitation link no longer works (%s)', async (error, words) => {
    location.hash = '#invitation=abcdefghijklmnopqrstuvwxyz0123'
    openConsole({ acceptInvitation: async () => Promise.reject(error) })
    await settle()
    expect(screen.getByText(words, { exact: false }).closest('.notice-info')).not.toBeNull()
    screen.getByLabelText('Work email')
  })
})
