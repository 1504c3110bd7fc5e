import type { ComponentChildren } from 'preact'
import { useState } from 'preact/hooks'
import type { StaffSignInState } from '../../shared/schemas/staff'
import { ApiError } from '../../ui/api-client'
import type { StaffApi } from '../api'
import { OneFieldForm, sixDigitCode } from '../components/OneFieldForm'
import { RecoveryCodesShown, TotpSetup } from '../components/TwoStep'
import { useWords } from '../i18n'
import { useFocusOnOpen } from '../../ui/use-focus-on-open'

/**
 * Where another part of the console offers a passkey (staff/passkeys.ts): on the first step
 * instead of the emailed code, and as the second factor. It calls `onSignedIn` with the state the
 * server answered, and signing in carries on from there.
 */
export type PasskeySlot = (props: {
  use: 'sign_in' | 'second_factor'
  onSignedIn: (state: StaffSignInState) => void
}) => ComponentChildren

type Step =
  | { step: 'email' }
  | { step: 'code'; email: string }
  | { step: 'second_factor'; factors: string[]; with: 'totp' | 'recovery_code' }
  | { step: 'choose_practice'; practices: NonNullable<StaffSignInState['practices']> }
  | { step: 'enroll' }
  | { step: 'recovery_codes'; codes: string[]; email: string }

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** The step a server answer leads to (null: signed in). */
function stepFor(state: StaffSignInState): Step | null {
  if (state.next === 'done') return null
  if (state.next === 'choose_practice') return { step: 'choose_practice', practices: state.practices ?? [] }
  if (state.next === 'enroll_second_factor') return { step: 'enroll' }
  const factors = state.second_factors ?? []
  return { step: 'second_factor', factors, with: factors.includes('totp') ? 'totp' : 'recovery_code' }
}

/**
 * Signing in as oneself: a work email, the 6-digit code emailed to it, then what the practice and
 * the person's account ask for (the authenticator app's code or a recovery code, which practice,
 * setting up an app). `resume` continues a sign-in this browser started (after a reload, or an
 * accepted invitation).
 */
export function SignIn({
  api,
  resume,
  notice,
  onSignedIn,
  passkey,
}: {
  api: StaffApi
  resume: StaffSignInState | null
  notice: string | null
  onSignedIn: () => void
  passkey?: PasskeySlot | undefined
}) {
  const { tr, problem } = useWords()
  const [step, setStep] = useState<Step>(() => (resume && stepFor(resume)) || { step: 'email' })
  /** What asking for a new code led to, for the live region. */
  const [resent, setResent] = useState<string | null>(null)
  const heading = useFocusOnOpen<HTMLHeadingElement>([step.step, step.step === 'second_factor' && step.with])

  const advance = (state: StaffSignInState) => {
    const next = stepFor(state)
    if (next) setStep(next)
    else onSignedIn()
  }

  /** What to say when a code was refused: `wrong` for a wrong code, else what went wrong. */
  const refused = (error: unknown, wrong: string) => {
    if (error instanceof ApiError && error.code === 'invalid_code') return wrong
    if (error instanceof ApiError && error.status === 429) return tr('staff.signin.tooMany')
    return problem(error)
  }

  async function sendCode(email: string): Promise<string | null> {
    if (!email) return tr('staff.signin.emailEmpty')
    if (!EMAIL.test(email)) return tr('staff.signin.emailInvalid')
    try {
      await api.sendCode(email)
      setStep({ step: 'code', email })
      return null
    } catch (error) {
      return error instanceof ApiError && error.status === 400 ? tr('staff.signin.emailInvalid') : refused(error, '')
    }
  }

  async function startOver() {
    // A half-finished sign-in is ended, not left waiting.
    await api.signOut().catch(() => undefined)
    setResent(null)
    setStep({ step: 'email' })
  }

  let title: string
  let lead: ComponentChildren = null
  let body: ComponentChildren
  let footer: ComponentChildren = (
    <button type="button" class="link-button" onClick={startOver}>
      {tr('staff.signin.startOver')}
    </button>
  )

  switch (step.step) {
    case 'email':
      title = tr('staff.signin.title')
      lead = tr('staff.signin.lead')
      footer = null
      body = (
        <>
          <OneFieldForm
            id="staff-email"
            kind="email"
            label={tr('staff.signin.email')}
            button={tr('staff.signin.sendCode')}
            busyLabel={tr('staff.signin.sending')}
            submit={sendCode}
          />
          {/* Passkeys: the passkey engineer's button goes here (staff/passkeys.ts). */}
          {passkey?.({ use: 'sign_in', onSignedIn: advance })}
        </>
      )
      break
    case 'code':
      title = tr('staff.signin.codeTitle')
      lead = tr('staff.signin.codeLead', { email: step.email })
      body = (
        <>
          <OneFieldForm
            key="code"
            id="staff-code"
            kind="code"
            label={tr('staff.signin.code')}
            button={tr('staff.signin.continue')}
            busyLabel={tr('staff.signin.checking')}
            submit={async (typed) => {
              const code = sixDigitCode(typed)
              if (!code) return tr('staff.signin.codeEmpty')
              try {
                advance(await api.verifyCode(step.email, code))
                return null
              } catch (error) {
                return refused(error, tr('staff.signin.codeWrong'))
              }
            }}
          />
          <div class="actions">
            <button
              type="button"
              class="link-button"
              onClick={async () => {
                setResent(null)
                await api.sendCode(step.email).then(
                  () => setResent(tr('staff.signin.resent')),
                  (error) => setResent(refused(error, tr('staff.signin.tooMany'))),
                )
              }}
            >
              {tr('staff.signin.resend')}
            </button>
            <button type="button" class="link-button" onClick={startOver}>
              {tr('staff.signin.otherEmail')}
            </button>
          </div>
          <p class="hint" role="status">
            {resent ?? ''}
          </p>
        </>
      )
      footer = null
      break
    case 'second_factor': {
      title = tr('staff.signin.secondTitle')
      const hasApp = step.factors.includes('totp')
      const onlyPasskey = !hasApp && !step.factors.includes('recovery_code')
      lead = onlyPasskey
        ? tr('staff.signin.passkeyLead')
        : step.with === 'totp'
          ? tr('staff.signin.totpLead')
          : tr('staff.signin.recoveryLead')
      const usingApp = step.with === 'totp'
      body = (
        <>
          {!onlyPasskey && (
            <OneFieldForm
              key={step.with}
              id={usingApp ? 'staff-totp' : 'staff-recovery'}
              kind={usingApp ? 'code' : 'recovery'}
              label={usingApp ? tr('staff.signin.totpCode') : tr('staff.signin.recoveryCode')}
              button={tr('staff.signin.continue')}
              busyLabel={tr('staff.signin.checking')}
              submit={async (typed) => {
                const code = usingApp ? sixDigitCode(typed) : typed
                if (!code) return usingApp ? tr('staff.signin.codeEmpty') : tr('staff.signin.recoveryEmpty')
                try {
                  advance(usingApp ? await api.totpSignIn(code) : await api.recoverySignIn(code))
                  return null
                } catch (error) {
                  return refused(error, usingApp ? tr('staff.signin.totpWrong') : tr('staff.signin.recoveryWrong'))
                }
              }}
            />
          )}
          {/* Passkeys: a passkey as the second factor goes here (staff/passkeys.ts). */}
          {step.factors.includes('passkey') && passkey?.({ use: 'second_factor', onSignedIn: advance })}
          {hasApp && (
            <button
              type="button"
              class="link-button"
              onClick={() => setStep({ ...step, with: usingApp ? 'recovery_code' : 'totp' })}
            >
              {usingApp ? tr('staff.signin.useRecovery') : tr('staff.signin.useApp')}
            </button>
          )}
        </>
      )
      break
    }
    case 'choose_practice':
      title = tr('staff.signin.practiceTitle')
      lead = tr('staff.signin.practiceLead')
      body = (
        <ul class="practice-choices">
          {step.practices.map((practice) => (
            <li key={practice.id}>
              <button
                type="button"
                class="button button-secondary button-wide"
                onClick={() => api.choosePractice(practice.id).then(advance, startOver)}
              >
                {practice.name}
              </button>
            </li>
          ))}
        </ul>
      )
      break
    case 'enroll':
      title = tr('staff.signin.enrollTitle')
      lead = tr('staff.signin.enrollLead')
      body = (
        <TotpSetup
          api={api}
          onEnrolled={async () => {
            // Signed in now; recovery codes come with the new app, shown once.
            const [me, codes] = await Promise.all([api.me(), api.newRecoveryCodes()])
            setStep({ step: 'recovery_codes', codes, email: me.user.email })
          }}
        />
      )
      break
    case 'recovery_codes':
      title = tr('staff.totp.on')
      footer = null
      body = <RecoveryCodesShown codes={step.codes} email={step.email} onSaved={onSignedIn} />
      break
  }

  return (
    <main id="main" class="staff-signin" tabIndex={-1}>
      <section class="staff-card" aria-labelledby="signin-title">
        <p class="practice">{tr('staff.title')}</p>
        <h1 id="signin-title" ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {lead && <p class="lead">{lead}</p>}
        {notice && step.step === 'email' && (
          <div class="notice notice-info" role="status">
            <p>{notice}</p>
          </div>
        )}
        {body}
        {footer && <div class="signin-footer">{footer}</div>}
      </section>
    </main>
  )
}
