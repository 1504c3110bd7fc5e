import { fireEvent, render, screen, waitFor } from '@testing-library/preact'
import { describe, expect, it, vi } from 'vitest'
import type { StaffSignInState } from '../../shared/schemas/staff'
import { ApiError } from '../../ui/api-client'
import { WordsProvider } from '../../ui/words'
import type { StaffApi } from '../api'
import { words } from '../i18n'
import { fakeStaffApi, OWNER, ZONE } from '../testing'
import { type PasskeySlot, SignIn } from './SignIn'

const wrongCode = () => new ApiError(400, 'invalid_code', "That code didn't work.")
const OTPAUTH = 'otpauth://totp/Hearth%20(Calm%20Waters):sam%40calmwaters.example?secret=JBSWY3DPEHPK3PXP&issuer=Hearth'

function signIn(api: StaffApi, options: { resume?: StaffSignInState; notice?: string; passkey?: PasskeySlot } = {}) {
  const onSignedIn = vi.fn()
  render(
    <WordsProvider value={words('en', ZONE)}>
      <SignIn
        api={api}
        resume={options.resume ?? null}
        notice={options.notice ?? null}
        onSignedIn={onSignedIn}
        passkey={options.passkey}
      />
    </WordsProvider>,
  )
  return onSignedIn
}

const type = (label: string | RegExp, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } })
const press = (name: string) => fireEvent.click(screen.getByRole('button', { name }))

describe('signing in to the console', () => {
  it('asks for a work email before sending a code, and says what is wrong with it', async () => {
    const { api, calls } = fakeStaffApi()
    signIn(api, { notice: "You're signed out." })
    expect(screen.getByRole('status').textContent).toBe("You're signed out.")
    press('Email me a code')
    expect((await screen.findByRole('alert')).textContent).toBe('Enter your work email first.')
    type('Work email', 'priya at calmwaters')
    press('Email me a code')
    await screen.findByText("That doesn't look like an email address. Check it and try again.")
    expect(calls.sendCode).toBeUndefined()
  })

  it('emails a code, refuses a wrong one kindly, then asks for the app’s code or a recovery code', async () => {
    const { api, calls } = fakeStaffApi({
      verifyCode: async (_email, code) => {
        if (code !== '123456') throw wrongCode()
        return { next: 'second_factor', second_factors: ['totp', 'recovery_code'] }
      },
      recoverySignIn: async () => ({ next: 'done' }),
    })
    const onSignedIn = signIn(api)
    type('Work email', ' sam.okafor@calmwaters.example ')
    press('Email me a code')
    await screen.findByRole('heading', { name: 'Check your email' })
    expect(calls.sendCode).toEqual([['sam.okafor@calmwaters.example']])
    screen.getByText(/If sam.okafor@calmwaters.example is on a practice's team/)

    type('6-digit code', '654321')
    press('Continue')
    await screen.findByText("That code didn't work. Check the newest email from Hearth, or send a new code.")
    press('Send a new code')
    await screen.findByText('A new code is on its way. Only the newest one works.')

    type('6-digit code', '123 456')
    press('Continue')
    await screen.findByRole('heading', { name: 'One more step' })
    expect(calls.verifyCode!.at(-1)).toEqual(['sam.okafor@calmwaters.example', '123456'])
    screen.getByLabelText('Code from your app')

    press('Use a recovery code instead')
    type('Recovery code', 'abcde-12345')
    press('Continue')
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledOnce())
    expect(calls.recoverySignIn).toEqual([['abcde-12345']])
  })

  it('asks which practice when the email is on several teams', async () => {
    const { api, calls } = fakeStaffApi({
      verifyCode: async () => ({
        next: 'choose_practice',
        practices: [
          { id: 'p-1', name: 'Calm Waters Counselling', slug: 'demo' },
          { id: 'p-2', name: 'Harbour Therapy', slug: 'harbour' },
        ],
      }),
      choosePractice: async () => ({ next: 'done' }),
    })
    const onSignedIn = signIn(api)
    type('Work email', 'sam@calmwaters.example')
    press('Email me a code')
    await screen.findByLabelText('6-digit code')
    type('6-digit code', '111111')
    press('Continue')
    await screen.findByRole('heading', { name: 'Which practice?' })
    press('Harbour Therapy')
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledOnce())
    expect(calls.choosePractice).toEqual([['p-2']])
  })

  it('sets up an authenticator app when the practice requires one, then shows the recovery codes once', async () => {
    const codes = Array.from({ length: 10 }, (_, i) => `code-${i}-abcdef`)
    const { api, calls } = fakeStaffApi({
      startTotp: async () => ({ secret: 'JBSWY3DPEHPK3PXP', otpauth_url: OTPAUTH }),
      confirmTotp: async (code) => {
        if (code !== '246810') throw wrongCode()
        return { next: 'done' }
      },
      newRecoveryCodes: async () => codes,
    })
    const onSignedIn = signIn(api, { resume: { next: 'enroll_second_factor' } })
    await screen.findByRole('heading', { name: 'Set up two-step verification' })
    const qr = (await screen.findByAltText('QR code for setting up your authenticator app')) as HTMLImageElement
    expect(qr.src).toMatch(/^data:image\/svg\+xml/)
    expect(screen.getByText('JBSW Y3DP EHPK 3PXP')).toBeTruthy()

    type('Code from your app', '135790')
    press('Turn on two-step verification')
    await screen.findByText(/That code didn't work\. Check that the time on your phone is right/)
    type('Code from your app', '246810')
    press('Turn on two-step verification')
    await screen.findByRole('heading', { name: 'Your recovery codes' })
    const list = screen.getByRole('list', { name: 'Recovery codes' })
    expect(list.querySelectorAll('li')).toHaveLength(10)
    const download = screen.getByRole('link', { name: 'Download as a text file' }) as HTMLAnchorElement
    expect(decodeURIComponent(download.href)).toContain(`Hearth recovery codes for ${OWNER.user.email}`)
    expect(onSignedIn).not.toHaveBeenCalled()
    press("I've saved them")
    expect(onSignedIn).toHaveBeenCalledOnce()
    expect(calls.confirmTotp).toEqual([['135790'], ['246810']])
  })

  it('gives a passkey its place: on the first step, and as the second factor', async () => {
    const { api } = fakeStaffApi({ verifyCode: async () => ({ next: 'second_factor', second_factors: ['passkey'] }) })
    const slot = vi.fn<PasskeySlot>(({ use }) => <button type="button">{`Passkey: ${use}`}</button>)
    signIn(api, { passkey: slot })
    screen.getByRole('button', { name: 'Passkey: sign_in' })
    type('Work email', 'sam@calmwaters.example')
    press('Email me a code')
    await screen.findByLabelText('6-digit code')
    type('6-digit code', '111111')
    press('Continue')
    await screen.findByText('Use your passkey to finish signing in.')
    screen.getByRole('button', { name: 'Passkey: second_factor' })
    expect(screen.queryByLabelText('Code from your app')).toBeNull()
  })
})
