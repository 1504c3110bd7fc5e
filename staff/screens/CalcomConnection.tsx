import { useState } from 'preact/hooks'
import type { CalcomSettings } from '../../shared/schemas/connectors'
import type { Consents, Therapist } from '../../shared/schemas/people'
import type { Practice } from '../../shared/schemas/practice'
import { Problem } from '../../ui/States'
import { useLoad } from '../../ui/use-load'
import { ConnectionForm, CopyAddress, Disconnect, TextField, useSave } from '../components/ConnectionParts'
import type { StaffContext } from '../Console'
import { useWords } from '../i18n'

/** The channels a practice may start a booked client on; push needs the client's own device. */
const CONSENTS = ['email', 'sms', 'whatsapp'] as const

/**
 * Cal.com bookings: the status everyone sees; for those who may change the practice, the form
 * (the signing secret, each therapist's Cal.com email, a new client's consents), the address to
 * paste into Cal.com with the steps to get there, and disconnecting.
 */
export function CalcomConnection({
  ctx,
  calcom,
  mayChange,
  onSaved,
}: {
  ctx: StaffContext
  calcom: CalcomSettings | undefined
  mayChange: boolean
  onSaved: (practice: Practice) => void
}) {
  const { tr } = useWords()
  const [editing, setEditing] = useState(false)
  const connectedCount = calcom ? Object.keys(calcom.therapists).length : 0
  return (
    <div class="connection">
      <h3>{tr('staff.connections.calcom')}</h3>
      <p class="hint">{tr('staff.calcom.what')}</p>
      {calcom ? (
        <p>{tr('staff.connections.calcomOn', { count: connectedCount })}</p>
      ) : (
        <p>{mayChange ? tr('staff.calcom.off') : tr('staff.connections.calcomOff')}</p>
      )}
      {calcom && mayChange && !editing && (
        <>
          <CopyAddress
            id="calcom-url"
            label={tr('staff.calcom.address')}
            url={calcom.webhook_url}
            announce={ctx.announce}
          />
          <CalcomSteps />
          <p class="hint">{tr('staff.connect.secretKept')}</p>
          <div class="actions">
            <button type="button" class="button button-secondary button-small" onClick={() => setEditing(true)}>
              {tr('staff.calcom.change')}
            </button>
            <Disconnect
              label={tr('staff.calcom.disconnect')}
              question={tr('staff.calcom.disconnectQuestion')}
              consequence={tr('staff.calcom.disconnectConsequence')}
              onConfirm={async () => {
                onSaved(await ctx.api.connectCalcom(null))
                ctx.announce(tr('staff.calcom.disconnected'))
              }}
            />
          </div>
        </>
      )}
      {calcom && !mayChange && (
        <p class="hint">
          {tr('staff.connections.calcomUrl')} <code>{calcom.webhook_url}</code>
        </p>
      )}
      {mayChange && (!calcom || editing) && (
        <CalcomForm
          ctx={ctx}
          calcom={calcom}
          onCancel={calcom ? () => setEditing(false) : undefined}
          onSaved={(practice) => {
            setEditing(false)
            onSaved(practice)
            ctx.announce(tr('staff.calcom.saved'))
          }}
        />
      )}
    </div>
  )
}

function CalcomSteps() {
  const { tr } = useWords()
  return (
    <ol class="steps">
      <li>{tr('staff.calcom.step1')}</li>
      <li>{tr('staff.calcom.step2')}</li>
      <li>{tr('staff.calcom.step3')}</li>
      <li>{tr('staff.calcom.step4')}</li>
    </ol>
  )
}

/** Each therapist's Cal.com email, from what is saved (organizer email → therapist id). */
function emailsByTherapist(calcom: CalcomSettings | undefined): Record<string, string> {
  const emails: Record<string, string> = {}
  for (const [email, therapistId] of Object.entries(calcom?.therapists ?? {})) emails[therapistId] ??= email
  return emails
}

function CalcomForm({
  ctx,
  calcom,
  onCancel,
  onSaved,
}: {
  ctx: StaffContext
  calcom: CalcomSettings | undefined
  onCancel: (() => void) | undefined
  onSaved: (practice: Practice) => void
}) {
  const { tr } = useWords()
  const therapists = useLoad<Therapist[]>(() => ctx.api.therapists(), [])
  const [secret, setSecret] = useState('')
  const [emails, setEmails] = useState(() => emailsByTherapist(calcom))
  const [consents, setConsents] = useState<Pick<Consents, (typeof CONSENTS)[number]>>(() => ({
    email: calcom?.client_consents.email ?? true,
    sms: calcom?.client_consents.sms ?? false,
    whatsapp: calcom?.client_consents.whatsapp ?? false,
  }))
  const { busy, problem, save, fields } = useSave('calcom')

  const submit = () =>
    save(async () => {
      const mapping: Record<string, string> = {}
      for (const [therapistId, email] of Object.entries(emails)) if (email.trim()) mapping[email.trim()] = therapistId
      onSaved(await ctx.api.connectCalcom({ webhook_secret: secret, therapists: mapping, client_consents: consents }))
    })

  return (
    <ConnectionForm
      label={tr('staff.calcom.formLabel')}
      problem={problem}
      busy={busy}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <TextField
        id="calcom-secret"
        label={tr('staff.calcom.secret')}
        hint={calcom ? tr('staff.calcom.secretAgain') : tr('staff.calcom.secretHint')}
        value={secret}
        onInput={setSecret}
        error={fields.webhook_secret}
        secret
        required
      />
      <fieldset>
        <legend>{tr('staff.calcom.whoIsWho')}</legend>
        <p class="hint">{tr('staff.calcom.whoIsWhoHint')}</p>
        {therapists.state === 'error' ? (
          <Problem compact error={therapists.error} onRetry={therapists.reload} />
        ) : (
          (therapists.state === 'ready' ? therapists.data : []).map((t) => (
            <TextField
              key={t.id}
              id={`calcom-email-${t.id}`}
              label={tr('staff.calcom.emailOf', { name: t.name })}
              value={emails[t.id] ?? ''}
              onInput={(value) => setEmails({ ...emails, [t.id]: value })}
              // The server names the email it could not read, in its own words: ours say what to do.
              error={fields[`therapists.${(emails[t.id] ?? '').trim()}`] && tr('staff.calcom.emailInvalid')}
              inputMode="email"
            />
          ))
        )}
        {fields.therapists && <p class="field-error">{fields.therapists}</p>}
      </fieldset>
      <fieldset>
        <legend>{tr('staff.calcom.consents')}</legend>
        <p class="hint">{tr('staff.calcom.consentsHint')}</p>
        <div class="categories">
          {CONSENTS.map((channel) => (
            <div class="radio" key={channel}>
              <input
                type="checkbox"
                id={`calcom-consent-${channel}`}
                checked={consents[channel]}
                onChange={(e) => setConsents({ ...consents, [channel]: e.currentTarget.checked })}
              />
              <label for={`calcom-consent-${channel}`}>{tr(`staff.connect.channel.${channel}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>
    </ConnectionForm>
  )
}
