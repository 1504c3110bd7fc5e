import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { App } from './App'
import type { Boot } from './boot'
import { IDLE_SIGN_OUT_MS, IDLE_WARN_MS } from './idle'
import Portal from './Portal'
import { memorySessionStore } from './session-store'
import { fakeApi, fakeBridge } from './testing'

const boot: Boot = {
  practice: { slug: 'demo', name: 'Calm Waters Counselling', locales: ['en', 'es', 'fr'] },
  mode: 'panel',
  parentOrigin: 'https://calmwaters.example',
}

afterEach(() => vi.useRealTimers())

function setup(signedIn: boolean, options: { languages?: string[]; boot?: Partial<Boot> } = {}) {
  let now = Date.parse('2026-03-02T15:00:00Z')
  const clock = { now: () => now, advance: (ms: number) => (now += ms) }
  const state = { signedIn }
  const { api, calls } = fakeApi({}, state)
  const { bridge, events, opened } = fakeBridge()
  const store = memorySessionStore(
    signedIn ? { access_token: 'a', refresh_token: 'r', expires_at: now + 900_000, last_active: now } : null,
  )
  render(
    <App
      boot={{ ...boot, ...options.boot }}
      api={api}
      bridge={bridge}
      store={store}
      now={clock.now}
      languages={options.languages ?? ['en-US']}
      loadPortal={async () => Portal}
    />,
    // As on the portal page, where the heading the loader's "opened" focuses is found.
    { container: document.body.appendChild(Object.assign(document.createElement('div'), { id: 'app' })) },
  )
  return { calls, events, clock, state, opened }
}

describe('App', () => {
  it('offers "Need help now?" before sign-in, with the crisis resources first', async () => {
    setup(false)
    fireEvent.click(screen.getByRole('button', { name: 'Need help now?' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Need help now?' })).toBeTruthy()
    expect(await screen.findByRole('link', { name: 'Call 911' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Back' }))
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in to see your appointments' })).toBeTruthy()
  })

  it('puts focus on the heading when the panel opens, unless the client has already moved on since', async () => {
    const { opened } = setup(false)
    const heading = await screen.findByRole('heading', { level: 1, name: 'Sign in to see your appointments' })
    const email = screen.getByLabelText('Your email address')
    window.dispatchEvent(new FocusEvent('focus'))
    opened()
    expect(document.activeElement).toBe(heading)
    // A keyboard user tabs on before the loader's repeated "opened" arrives: they stay where they are.
    fireEvent.keyDown(heading, { key: 'Tab' })
    email.focus()
    opened()
    expect(document.activeElement).toBe(email)
    // Closed and opened again: the frame gains focus afresh, and the heading is where the client starts.
    window.dispatchEvent(new FocusEvent('focus'))
    opened()
    expect(document.activeElement).toBe(heading)
  })

  it('closes through the host page when the close button is pressed', () => {
    const { events } = setup(false)
    fireEvent.click(screen.getByRole('button', { name: 'Close' }))
    expect(events).toEqual(['close'])
  })

  it('uses the browser language when the practice did not set one', async () => {
    setup(false, { languages: ['fr-CA', 'en'] })
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Connectez-vous pour voir vos rendez-vous' }),
    ).toBeTruthy()
    expect(document.documentElement.lang).toBe('fr')
  })

  it('prefers data-locale over the browser', async () => {
    setup(false, { languages: ['fr-CA'], boot: { locale: 'es' } })
    expect(await screen.findByRole('heading', { level: 1, name: 'Entra para ver tus citas' })).toBeTruthy()
  })

  it('signs out gently after a while without activity, after asking first', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const { calls, events, clock } = setup(true)
    expect(await screen.findByRole('heading', { level: 1, name: 'Your appointments' })).toBeTruthy()
    clock.advance(IDLE_WARN_MS + 1000)
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5_000)
    })
    expect((await screen.findByRole('alert')).textContent).toContain('Still there?')
    clock.advance(IDLE_SIGN_OUT_MS - IDLE_WARN_MS)
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5_000)
    })
    // Shown on the sign-in screen, and said once through the live region.
    expect(
      await screen.findAllByText('We signed you out after a while without activity, to keep your information private.'),
    ).toHaveLength(2)
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in to see your appointments' })).toBeTruthy()
    expect(calls.signOut).toHaveLength(1)
    expect(events).toContain('signed-out')
  })

  it('keeps the session when the client says they are still there', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const { calls, clock } = setup(true)
    await screen.findByRole('heading', { level: 1, name: 'Your appointments' })
    clock.advance(IDLE_WARN_MS + 1000)
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5_000)
    })
    fireEvent.click(await screen.findByRole('button', { name: "I'm still here" }))
    clock.advance(IDLE_SIGN_OUT_MS - IDLE_WARN_MS)
    await act(async () => {
      await vi.advanceTimersByTimeAsync(5_000)
    })
    expect(screen.queryByText(/We signed you out/)).toBeNull()
    expect(calls.signOut).toBeUndefined()
  })

  it('signs out on request and says so', async () => {
    const { calls } = setup(true)
    await screen.findByRole('heading', { level: 1, name: 'Your appointments' })
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }))
    expect(await screen.findByText("You're signed out. See you next time.")).toBeTruthy()
    await waitFor(() => expect(calls.signOut).toHaveLength(1))
  })
})
