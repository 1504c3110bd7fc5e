import { fireEvent, render, screen, waitFor } from '@testing-library/preact'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../../ui/api-client'
import { fakeApi, InWords } from '../testing'
import { SignIn } from './SignIn'

afterEach(() => vi.useRealTimers())

function setup(overrides: Parameters<typeof fakeApi>[0] = {}) {
  const { api, calls } = fakeApi(overrides, { signedIn: false })
  const onSignedIn = vi.fn()
  render(
    <InWords>
      <SignIn api={api} practiceName="Calm Waters Counselling" onSignedIn={onSignedIn} />
    </InWords>,
  )
  return { calls, onSignedIn }
}

const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } })

describe('SignIn', () => {
  it('asks for an email first and says clearly what is missing', async () => {
    const { calls } = setup()
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sign in to see your appointments')
    fireEvent.click(screen.getByRole('button', { name: 'Email me a code' }))
    expect(await screen.findByText('Enter the email address you gave the practice.')).toBeTruthy()
    expect(screen.getByLabelText('Your email address').getAttribute('aria-invalid')).toBe('true')
    type('Your email address', 'alex@example')
    fireEvent.click(screen.getByRole('button', { name: 'Email me a code' }))
    expect(await screen.findByText('That email address looks incomplete. Check it and try again.')).toBeTruthy()
    expect(calls.startSignIn).toBeUndefined()
  })

  it('sends a code, then signs in with it', async () => {
    const { calls, onSignedIn } = setup()
    type('Your email address', ' alex@example.com ')
    fireEvent.click(screen.getByRole('button', { name: 'Email me a code' }))
    expect(await screen.findByRole('heading', { name: 'Check your email' })).toBeTruthy()
    expect(calls.startSignIn).toEqual([['alex@example.com']])
    type('6-digit code', '123 456')
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }))
    await waitFor(() => expect(onSignedIn).toHaveBeenCalled())
    expect(calls.verify).toEqual([['alex@example.com', '123456']])
  })

  it('explains a code that did not work without blaming, and lets the client try again', async () => {
    setup({
      verify: async () => {
        throw new ApiError(400, 'invalid_code', 'no')
      },
    })
    type('Your email address', 'alex@example.com')
    fireEvent.click(screen.getByRole('button', { name: 'Email me a code' }))
    await screen.findByLabelText('6-digit code')
    type('6-digit code', '12345')
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByText('Enter the 6 digits from the email.')).toBeTruthy()
    type('6-digit code', '999999')
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(
      await screen.findByText(
        "That code didn't work. Check the newest email from Calm Waters Counselling, or send a new code.",
      ),
    ).toBeTruthy()
  })

  it('lets a new code be sent only after a cooldown', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const { calls } = setup()
    type('Your email address', 'alex@example.com')
    fireEvent.click(screen.getByRole('button', { name: 'Email me a code' }))
    const resend = await screen.findByRole('button', { name: /Send a new code in 30 seconds/ })
    expect((resend as HTMLButtonElement).disabled).toBe(true)
    await vi.advanceTimersByTimeAsync(31_000)
    const ready = await screen.findByRole('button', { name: 'Send a new code' })
    expect((ready as HTMLButtonElement).disabled).toBe(false)
    fireEvent.click(ready)
    await waitFor(() => expect(calls.startSignIn).toHaveLength(2))
    expect(await screen.findByText('A new code is on its way to alex@example.com.')).toBeTruthy()
  })

  it('says what to do when the portal cannot be reached', async () => {
    setup({
      startSignIn: async () => {
        throw new ApiError(0, 'network', 'offline')
      },
    })
    type('Your email address', 'alex@example.com')
    fireEvent.click(screen.getByRole('button', { name: 'Email me a code' }))
    expect((await screen.findByRole('alert')).textContent).toContain("We couldn't reach the portal.")
  })

  it('speaks Spanish when asked', () => {
    const { api } = fakeApi({}, { signedIn: false })
    render(
      <InWords locale="es">
        <SignIn api={api} practiceName="Calm Waters" onSignedIn={() => {}} />
      </InWords>,
    )
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Entra para ver tus citas')
    expect(screen.getByRole('button', { name: 'Enviarme un código' })).toBeTruthy()
  })
})
