import { ConsolePush } from '../components/ConsolePush'
import type { PushBrowser } from '../../ui/push'
import { NotificationSettings } from '../components/NotificationSettings'
import type { ComponentChildren } from 'preact'
import { useState } from 'preact/hooks'
import { Done, Loading, Problem } from '../../ui/States'
import { useLoad } from '../../ui/use-load'
import type { StaffSession } from '../api'
import { StaffScreen, TitledSection, SmallButton } from '../components/Parts'
import { RecoveryCodesShown, TotpSetup } from '../components/TwoStep'
import type { StaffContext } from '../Console'
import { useWords } from '../i18n'
import { deviceOf } from '../session/device'

/** Where staff/passkeys.ts lists and adds the person's passkeys on this screen. */
export type PasskeysSection = (props: { ctx: StaffContext }) => ComponentChildren

/**
 * "Your account": who is signed in, two-step verification (an authenticator app, recovery
 * codes; passkeys from staff/passkeys.ts), and every place the person is signed in.
 */
export function Account({
  ctx,
  passkeys,
  pushBrowser,
}: {
  ctx: StaffContext
  passkeys?: PasskeysSection | undefined
  /** The browser's push pieces; tests pass a scripted one. */
  pushBrowser?: PushBrowser | undefined
}) {
  const { tr } = useWords()
  const { user, practice } = ctx.me
  return (
    <StaffScreen title={tr('staff.account.title')} lead={tr('staff.account.lead')}>
      <dl class="account-facts">
        <div>
          <dt>{tr('staff.account.name')}</dt>
          <dd>{user.name}</dd>
        </div>
        <div>
          <dt>{tr('staff.account.email')}</dt>
          <dd>{user.email}</dd>
        </div>
        <div>
          <dt>{tr('staff.account.role')}</dt>
          <dd>{tr(`staff.role.${user.role}`)}</dd>
        </div>
        <div>
          <dt>{tr('staff.account.practice')}</dt>
          <dd>{practice.name}</dd>
        </div>
      </dl>
      <TwoStepSection ctx={ctx} />
      {/* Passkeys: staff/passkeys.ts's section goes here. */}
      {passkeys?.({ ctx })}
      <NotificationSettings
        api={{ load: () => ctx.api.notificationSettings(), save: (s) => ctx.api.saveNotificationSettings(s) }}
      />
      <ConsolePush api={ctx.api} me={ctx.me} browser={pushBrowser} />
      <SessionsSection ctx={ctx} />
    </StaffScreen>
  )
}

function TwoStepSection({ ctx }: { ctx: StaffContext }) {
  const { tr } = useWords()
  const { me } = ctx
  const hasApp = me.second_factors.includes('totp')
  const [mode, setMode] = useState<'idle' | 'setting-up' | 'asking'>('idle')
  const [codes, setCodes] = useState<string[] | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [problem, setProblem] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  async function act(work: () => Promise<void>) {
    setBusy(true)
    setProblem(null)
    setDone(null)
    try {
      await work()
    } catch (error) {
      setProblem(error)
    } finally {
      setBusy(false)
    }
  }

  const newCodes = () =>
    act(async () => {
      setCodes(await ctx.api.newRecoveryCodes())
    })

  return (
    <>
      <TitledSection class="account-section" id="two-step" title={tr('staff.account.twoStep')}>
        <p>
          {hasApp
            ? tr('staff.account.twoStepOn')
            : me.second_factors.includes('passkey')
              ? tr('staff.account.twoStepPasskey')
              : tr('staff.account.twoStepOff')}
        </p>
        {me.practice.staff_second_factor === 'required' && (
          <p class="hint">{tr('staff.account.required', { practice: me.practice.name })}</p>
        )}
        {done && <Done takeFocus>{done}</Done>}
        {problem !== null && <Problem error={problem} />}
        {!hasApp && mode !== 'setting-up' && (
          <button type="button" class="button button-primary button-small" onClick={() => setMode('setting-up')}>
            {tr('staff.account.setUp')}
          </button>
        )}
        {!hasApp && mode === 'setting-up' && (
          <>
            <TotpSetup
              api={ctx.api}
              onEnrolled={() =>
                act(async () => {
                  setMode('idle')
                  // A new app comes with recovery codes, unless some are kept already.
                  if (me.recovery_codes_left === 0) setCodes(await ctx.api.newRecoveryCodes())
                  await ctx.refreshMe()
                  setDone(tr('staff.totp.on'))
                  ctx.announce(tr('staff.totp.on'))
                })
              }
            />
            <button type="button" class="link-button" onClick={() => setMode('idle')}>
              {tr('staff.account.cancel')}
            </button>
          </>
        )}
        {hasApp && mode !== 'asking' && (
          <SmallButton onClick={() => setMode('asking')}>{tr('staff.account.remove')}</SmallButton>
        )}
        {hasApp && mode === 'asking' && (
          <div class="notice notice-warn" role="alert">
            <p>{tr('staff.account.removeAsk')}</p>
            <div class="actions">
              <SmallButton
                disabled={busy}
                onClick={() =>
                  act(async () => {
                    setMode('idle')
                    await ctx.api.removeTotp()
                    await ctx.refreshMe()
                    setDone(tr('staff.account.removed'))
                    ctx.announce(tr('staff.account.removed'))
                  })
                }
              >
                {tr('staff.account.removeYes')}
              </SmallButton>
              <button type="button" class="button button-primary button-small" onClick={() => setMode('idle')}>
                {tr('staff.account.removeNo')}
              </button>
            </div>
          </div>
        )}
      </TitledSection>
      {codes && (
        // Shown once, under a heading of their own.
        <div class="account-section">
          <RecoveryCodesShown
            codes={codes}
            email={me.user.email}
            onSaved={() => {
              setCodes(null)
              ctx.refreshMe().catch(() => undefined)
            }}
          />
        </div>
      )}
      {hasApp && !codes && (
        <TitledSection class="account-section" id="recovery" title={tr('staff.account.recovery')}>
          <p>
            {me.recovery_codes_left > 0
              ? tr('staff.account.recoveryLeft', { count: me.recovery_codes_left })
              : tr('staff.account.recoveryNone')}
          </p>
          <SmallButton disabled={busy} onClick={newCodes}>
            {tr('staff.account.recoveryNew')}
          </SmallButton>
          {me.recovery_codes_left > 0 && <p class="hint">{tr('staff.account.recoveryHint')}</p>}
        </TitledSection>
      )}
    </>
  )
}

function SessionsSection({ ctx }: { ctx: StaffContext }) {
  const { tr, when } = useWords()
  const list = useLoad<StaffSession[]>(() => ctx.api.signedInSessions(), [])
  const [done, setDone] = useState<string | null>(null)
  const [problem, setProblem] = useState<unknown>(null)

  async function end(work: () => Promise<string>) {
    setProblem(null)
    setDone(null)
    try {
      const said = await work()
      setDone(said)
      ctx.announce(said)
      list.reload()
    } catch (error) {
      setProblem(error)
    }
  }

  const deviceName = (session: StaffSession) => {
    const device = deviceOf(session.user_agent)
    return device ? tr('staff.account.device', device) : tr('staff.account.unknownDevice')
  }

  return (
    <TitledSection class="account-section" id="sessions" title={tr('staff.account.sessions')}>
      {done && <Done takeFocus>{done}</Done>}
      {problem !== null && <Problem error={problem} />}
      {list.state === 'loading' && <Loading />}
      {list.state === 'error' && <Problem compact error={list.error} onRetry={list.reload} />}
      {list.state === 'ready' && (
        <>
          <ul class="session-list">
            {list.data.map((session) => (
              <li key={session.id} class="session-item">
                <div>
                  <p>
                    <strong>{deviceName(session)}</strong>
                    {session.current && <span class="chip">{tr('staff.account.thisBrowser')}</span>}
                  </p>
                  <p class="hint">
                    {tr('staff.account.lastActive', { when: when(session.last_seen_at, 'medium') })} ·{' '}
                    {tr('staff.account.signedInAt', { when: when(session.created_at, 'medium') })}
                  </p>
                </div>
                {!session.current && (
                  <button
                    type="button"
                    class="button button-secondary button-small"
                    aria-label={tr('staff.account.endSessionOf', {
                      device: deviceName(session),
                      when: when(session.last_seen_at, 'medium'),
                    })}
                    onClick={() =>
                      end(async () => {
                        await ctx.api.endSignedInSession(session.id)
                        return tr('staff.account.ended')
                      })
                    }
                  >
                    {tr('staff.account.endSession')}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {list.data.some((session) => !session.current) ? (
            <SmallButton
              onClick={() =>
                end(async () => {
                  const count = await ctx.api.endOtherSignedInSessions()
                  return tr('staff.account.endedOthers', { count })
                })
              }
            >
              {tr('staff.account.endOthers')}
            </SmallButton>
          ) : (
            <p class="hint">{tr('staff.account.onlyHere')}</p>
          )}
        </>
      )}
    </TitledSection>
  )
}
