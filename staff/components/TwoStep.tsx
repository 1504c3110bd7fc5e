import QRCode from 'qrcode'
import { useEffect, useState } from 'preact/hooks'
import { ApiError } from '../../ui/api-client'
import { Loading, Problem } from '../../ui/States'
import { useLoad } from '../../ui/use-load'
import type { StaffApi, TotpSecret } from '../api'
import { useWords } from '../i18n'
import { OneFieldForm, sixDigitCode } from './OneFieldForm'
import { useFocusOnOpen } from '../../ui/use-focus-on-open'
import { SmallButton } from './Parts'

/** The otpauth URL as an SVG QR code, drawn here: the secret never leaves the browser for a QR service. */
async function qrImage(otpauthUrl: string): Promise<string> {
  const svg = await QRCode.toString(otpauthUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}

/** The base32 secret in groups of four, easier to type into an app by hand. */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ')

/**
 * Setting up an authenticator app: a new secret as a QR code and as text, then one code from the
 * app to confirm it (`POST /v1/staff/me/totp`, `/confirm`). Used while signing in, when the
 * practice requires a second factor, and on the Account screen.
 */
export function TotpSetup({ api, onEnrolled }: { api: StaffApi; onEnrolled: () => void }) {
  const { tr, problem } = useWords()
  const secret = useLoad<{ totp: TotpSecret; qr: string }>(async () => {
    const totp = await api.startTotp()
    return { totp, qr: await qrImage(totp.otpauth_url) }
  }, [])

  if (secret.state === 'loading') return <Loading />
  if (secret.state === 'error') return <Problem error={secret.error} onRetry={secret.reload} />
  const { totp, qr } = secret.data
  return (
    <div class="totp-setup">
      <ol class="totp-steps">
        <li>
          <p>{tr('staff.totp.scan')}</p>
          <img class="totp-qr" src={qr} alt={tr('staff.totp.qr')} width={200} height={200} />
          <p class="hint">{tr('staff.totp.manual')}</p>
          <p>
            <code class="totp-secret" data-secret={totp.secret}>
              {grouped(totp.secret)}
            </code>
          </p>
        </li>
        <li>
          <p>{tr('staff.totp.then')}</p>
          <OneFieldForm
            id="totp-confirm"
            kind="code"
            label={tr('staff.totp.code')}
            button={tr('staff.totp.confirm')}
            busyLabel={tr('staff.signin.checking')}
            submit={async (typed) => {
              const code = sixDigitCode(typed)
              if (!code) return tr('staff.signin.codeEmpty')
              try {
                await api.confirmTotp(code)
                onEnrolled()
                return null
              } catch (error) {
                return error instanceof ApiError && error.code === 'invalid_code'
                  ? tr('staff.totp.wrong')
                  : problem(error)
              }
            }}
          />
        </li>
      </ol>
    </div>
  )
}

/**
 * Ten recovery codes, shown once: copy them, download them, and say they're kept. Nothing else
 * on the page until then, so they are not lost by accident.
 */
export function RecoveryCodesShown({ codes, email, onSaved }: { codes: string[]; email: string; onSaved: () => void }) {
  const { tr } = useWords()
  const [copied, setCopied] = useState(false)
  const heading = useFocusOnOpen<HTMLHeadingElement>()
  const text = [tr('staff.recovery.fileHeading', { email }), '', ...codes, ''].join('\n')
  const download = `data:text/plain;charset=utf-8,${encodeURIComponent(text)}`
  useEffect(() => {
    heading.current?.scrollIntoView?.({ block: 'start' })
  }, [])

  return (
    <section class="recovery-codes" aria-labelledby="recovery-title">
      <h2 id="recovery-title" class="section-title" ref={heading} tabIndex={-1}>
        {tr('staff.recovery.title')}
      </h2>
      <p>{tr('staff.recovery.lead')}</p>
      <ul class="recovery-list" aria-label={tr('staff.recovery.list')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div class="actions">
        <SmallButton
          onClick={() => {
            navigator.clipboard?.writeText(text).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }}
        >
          {tr('staff.recovery.copy')}
        </SmallButton>
        <a class="button button-secondary button-small" href={download} download="hearth-recovery-codes.txt">
          {tr('staff.recovery.download')}
        </a>
        <button type="button" class="button button-primary button-small" onClick={onSaved}>
          {tr('staff.recovery.saved')}
        </button>
      </div>
      <p class="hint" role="status">
        {copied ? tr('staff.recovery.copied') : ''}
      </p>
    </section>
  )
}
