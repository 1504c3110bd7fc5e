import { fireEvent, render, screen, waitFor } from '@testing-library/preact'
import { describe, expect, it } from 'vitest'
import type { Locale } from '../../shared/i18n'
import type { StaffSignInState } from '../../shared/schemas/staff'
import { ApiError } from '../../ui/api-client'
import { WordsProvider } from '../../ui/words'
import { words } from '../i18n'
import { type Passkey, type PasskeyClient, PasskeyCeremonyError } from '../passkeys'
import { ZONE } from '../testing'
import { PasskeySignIn } from './PasskeySignIn'
import { Passkeys } from './Passkeys'

const LAPTOP: Passkey = {
  id: 'pk-1',
  name: 'Work laptop',
  transports: ['internal'],
  created_at: '2026-03-02T15:00:00Z',
  last_used_at: null,
}

/** A scripted passkey client: the browser prompt and the API both stand in here (the real ones run in passkeys.test.ts and end to end). */
function fakeClient(overrides: Partial<PasskeyClient> = {}) {
  let stored = [LAPTOP]
  const calls: { add: string[]; remove: string[] } = { add: [], remove: [] }
  const client: PasskeyClient = {
    supported: () => true,
    signIn: async () => ({ next: 'done' }),
    list: async () => stored,
    add: async (name) => {
      calls.add.push(name)
      const passkey = { ...LAPTOP, id: `pk-${stored.length + 1}`, name }
      stored = [...stored, passkey]
      return passkey
    },
    remove: async (id) => {
      calls.remove.push(id)
      stored = stored.filter((p) => p.id !== id)
    },
    ...overrides,
  }
  return { client, calls }
}

const inWords = (node: preact.ComponentChildren, locale: Locale = 'en') =>
  render(<WordsProvider value={words(locale, ZONE)}>{node}</WordsProvider>)

describe('Sign in with a passkey', () => {
  it('calls back with where signing in stands', async () => {
    const states: StaffSignInState[] = []
    inWords(<PasskeySignIn client={fakeClient().client} onSignedIn={(s) => states.push(s)} />)
    fireEvent.click(screen.getByRole('button', { name: 'Sign in with a passkey' }))
    await waitFor(() => expect(states).toEqual([{ next: 'done' }]))
  })

  it('says what to do when the prompt was closed, or the passkey refused', async () => {
    let answer: unknown = new PasskeyCeremonyError('cancelled')
    const { client } = fakeClient({ signIn: () => Promise.reject(answer) })
    inWords(<PasskeySignIn client={client} onSignedIn={() => {}} />)
    const button = screen.getByRole('button', { name: 'Sign in with a passkey' })
    fireEvent.click(button)
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Signing in with a passkey was cancelled. You can try again, or use a code by email.',
    )
    expect(button.getAttribute('aria-describedby')).toBe('passkey-sign-in-error')
    answer = new ApiError(400, 'passkey_rejected', 'server words')
    fireEvent.click(button)
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        "That passkey didn't work. Try again, or sign in with a code by email instead.",
      ),
    )
  })

  it('offers the code instead where the browser has no passkeys, in the reader’s language', () => {
    inWords(<PasskeySignIn client={fakeClient({ supported: () => false }).client} onSignedIn={() => {}} />, 'es')
    expect(screen.queryByRole('button')).toBeNull()
    expect(screen.getByText(/Este navegador no puede usar llaves de acceso/)).toBeTruthy()
  })
})

describe('the Account screen’s passkeys', () => {
  it('lists them, adds one with the name given, and removes one after confirming', async () => {
    const { client, calls } = fakeClient()
    inWords(<Passkeys client={client} />)
    expect(await screen.findByText('Work laptop')).toBeTruthy()
    expect(screen.getByText(/Not used yet/)).toBeTruthy()

    fireEvent.input(screen.getByLabelText('Name for this passkey'), { target: { value: 'My phone' } })
    fireEvent.click(screen.getByRole('button', { name: 'Add a passkey' }))
    expect(await screen.findByText('Passkey added. Next time you can sign in with it.')).toBeTruthy()
    expect(await screen.findByText('My phone')).toBeTruthy()
    expect(calls.add).toEqual(['My phone'])
    expect((screen.getByLabelText('Name for this passkey') as HTMLInputElement).value).toBe('')

    fireEvent.click(screen.getByRole('button', { name: 'Remove Work laptop' }))
    expect(screen.getByText("Remove “Work laptop”? You won't be able to sign in with it any more.")).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Keep it' }))
    expect(calls.remove).toEqual([])
    fireEvent.click(screen.getByRole('button', { name: 'Remove Work laptop' }))
    fireEvent.click(screen.getByRole('button', { name: 'Yes, remove it' }))
    expect(await screen.findByText('Passkey removed.')).toBeTruthy()
    await waitFor(() => expect(screen.queryByText('Work laptop')).toBeNull())
    expect(calls.remove).toEqual(['pk-1'])
  })

  it('names an unnamed passkey in the reader’s language, and refuses a name too long', async () => {
    const { client, calls } = fakeClient()
    inWords(<Passkeys client={client} />, 'fr')
    await screen.findByText('Work laptop')
    const name = screen.getByLabelText('Nom de cette clé d’accès')
    fireEvent.input(name, { target: { value: 'x'.repeat(61) } })
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter une clé d’accès' }))
    expect((await screen.findByRole('alert')).textContent).toBe('Le nom peut compter 60 caractères au plus.')
    expect(name.getAttribute('aria-invalid')).toBe('true')
    fireEvent.input(name, { target: { value: '  ' } })
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter une clé d’accès' }))
    await waitFor(() => expect(calls.add).toEqual(['Clé d’accès']))
  })

  it('keeps the last passkey when the practice requires a second factor, and says why', async () => {
    const { client } = fakeClient({ remove: () => Promise.reject(new ApiError(409, 'conflict', 'server words')) })
    inWords(<Passkeys client={client} />)
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Work laptop' }))
    fireEvent.click(screen.getByRole('button', { name: 'Yes, remove it' }))
    expect((await screen.findByRole('alert')).textContent).toMatch(/Your practice asks for a second factor/)
    expect(screen.getByText('Work laptop')).toBeTruthy()
  })

  it('says when adding was cancelled or the device already has one, and when the browser cannot', async () => {
    let answer = new PasskeyCeremonyError('cancelled')
    const { client } = fakeClient({ add: () => Promise.reject(answer) })
    const view = inWords(<Passkeys client={client} />)
    fireEvent.click(await screen.findByRole('button', { name: 'Add a passkey' }))
    expect((await screen.findByRole('alert')).textContent).toBe('Adding a passkey was cancelled. Nothing has changed.')
    answer = new PasskeyCeremonyError('already_added')
    fireEvent.click(screen.getByRole('button', { name: 'Add a passkey' }))
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('This device already has a passkey for your account.'),
    )
    view.unmount()
    inWords(<Passkeys client={fakeClient({ supported: () => false }).client} />)
    expect(await screen.findByText('Work laptop')).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Add a passkey' })).toBeNull()
    expect(screen.getByText(/This browser can't create passkeys/)).toBeTruthy()
  })
})
