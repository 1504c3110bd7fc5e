import { useState } from 'preact/hooks'
import { can } from '../../shared/policy/permissions'
import type { Therapist } from '../../shared/schemas/people'
import { Done } from '../../ui/States'
import { useLoad } from '../../ui/use-load'
import type { ApiKeySummary, NewApiKey } from '../api'
import { ConfirmStep } from '../components/Confirm'
import { FormAlert, useFormFields } from '../components/FormFields'
import { loadedList, StaffScreen, TherapistChoice, ClosedScreen, SubmitActions, SmallButton } from '../components/Parts'
import { refusalText, staffRoleOf } from '../components/refusal'
import type { StaffContext } from '../Console'
import { useWords } from '../i18n'
import { useFocusOnOpen } from '../../ui/use-focus-on-open'

/**
 * The practice's API keys, for machines (an EHR, a script): what each may use, when it was made;
 * a new one shown once with a copy button, and revoking one. People sign in as themselves.
 */
export function Integrations({ ctx }: { ctx: StaffContext }) {
  const { tr } = useWords()
  const role = staffRoleOf(ctx.viewer.role)
  const allowed = role !== null && can(role, 'read', 'api_keys')
  const keys = useLoad<ApiKeySummary[]>(() => (allowed ? ctx.api.apiKeys() : Promise.resolve([])), [])
  const therapists = useLoad<Therapist[]>(() => (allowed ? ctx.api.therapists() : Promise.resolve([])), [])
  const [done, setDone] = useState<string | null>(null)
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null)

  if (!allowed) {
    return <ClosedScreen title={tr('staff.keys.title')} why={tr('staff.people.adminOnly')} />
  }
  const therapistList = therapists.state === 'ready' ? therapists.data : []
  const changed = (text: string | null) => {
    setDone(text)
    if (text) ctx.announce(text)
    keys.reload()
  }

  return (
    <StaffScreen title={tr('staff.keys.title')} lead={tr('staff.keys.lead')}>
      {done && <Done>{done}</Done>}
      {created && <ShownOnce name={created.name} secret={created.key} onSaved={() => setCreated(null)} />}
      {loadedList(keys, tr('staff.keys.none'), (list) => (
        <ul class="client-list">
          {list.map((key) => (
            <KeyRow
              key={key.id}
              ctx={ctx}
              apiKey={key}
              therapists={therapistList}
              onRevoked={(name) => changed(tr('staff.keys.revoked', { name }))}
            />
          ))}
        </ul>
      ))}
      <details class="entry-card add-client">
        <summary>{tr('staff.keys.create')}</summary>
        <KeyForm
          ctx={ctx}
          therapists={therapistList}
          onCreated={(name, key) => {
            setCreated({ name, key })
            changed(null)
          }}
        />
      </details>
    </StaffScreen>
  )
}

function KeyRow({
  ctx,
  apiKey,
  therapists,
  onRevoked,
}: {
  ctx: StaffContext
  apiKey: ApiKeySummary
  therapists: Therapist[]
  onRevoked: (name: string) => void
}) {
  const words = useWords()
  const { tr, when } = words
  const [asking, setAsking] = useState(false)
  const id = `key-${apiKey.id}`
  const name = apiKey.name || tr('staff.keys.unnamed')
  const therapist = therapists.find((t) => t.id === apiKey.therapist_id)
  return (
    <li class="entry-card" aria-labelledby={`${id}-name`}>
      <p id={`${id}-name`}>
        <strong>{name}</strong>
      </p>
      <dl class="facts">
        <div>
          <dt>{tr('staff.keys.access')}</dt>
          <dd>
            {apiKey.role === 'admin'
              ? tr('staff.keys.role.admin')
              : tr('staff.keys.role.therapist', { therapist: therapist?.name ?? tr('staff.people.role.therapist') })}
          </dd>
        </div>
        <div>
          <dt>{tr('staff.keys.prefix')}</dt>
          <dd>
            <code>{apiKey.prefix}…</code>
          </dd>
        </div>
        <div>
          <dt>{tr('staff.keys.created')}</dt>
          <dd>{when(apiKey.created_at, 'medium')}</dd>
        </div>
        <div>
          <dt>{tr('staff.keys.lastUsed')}</dt>
          <dd>{apiKey.last_used_at ? when(apiKey.last_used_at, 'medium') : tr('staff.keys.neverUsed')}</dd>
        </div>
      </dl>
      {asking ? (
        <ConfirmStep
          question={tr('staff.keys.revokeAsk', { name })}
          confirmLabel={tr('staff.keys.revokeConfirm')}
          keepLabel={tr('staff.keys.keep')}
          explain={(e) => refusalText(e, words)}
          onKeep={() => setAsking(false)}
          onConfirm={async () => {
            await ctx.api.revokeApiKey(apiKey.id)
            onRevoked(name)
          }}
        />
      ) : (
        <div class="actions">
          <SmallButton danger describedBy={`${id}-name`} onClick={() => setAsking(true)}>
            {tr('staff.keys.revoke')}
          </SmallButton>
        </div>
      )}
    </li>
  )
}

/** The secret, this once: selectable text and a copy button, until the person says it is saved. */
function ShownOnce({ name, secret, onSaved }: { name: string; secret: string; onSaved: () => void }) {
  const { tr } = useWords()
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null)
  const title = useFocusOnOpen<HTMLHeadingElement>([secret])
  return (
    <section class="entry-card key-once" aria-labelledby="key-once-title">
      <h2 class="section-title" id="key-once-title" tabIndex={-1} ref={title}>
        {tr('staff.keys.createdTitle', { name })}
      </h2>
      <p>{tr('staff.keys.showOnce')}</p>
      <div class="field">
        <label for="key-once-secret">{tr('staff.keys.secret')}</label>
        <textarea
          id="key-once-secret"
          class="key-secret"
          rows={2}
          readOnly
          value={secret}
          spellcheck={false}
          autoComplete="off"
          onFocus={(e) => e.currentTarget.select()}
        />
      </div>
      <div class="actions">
        <button
          type="button"
          class="button button-primary button-small"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(secret)
              setCopied('yes')
            } catch {
              setCopied('failed')
            }
          }}
        >
          {tr('staff.keys.copy')}
        </button>
        <SmallButton onClick={onSaved}>{tr('staff.keys.saved')}</SmallButton>
      </div>
      <p role="status" class="hint">
        {copied === 'yes' ? tr('staff.keys.copied') : copied === 'failed' ? tr('staff.keys.copyFailed') : ''}
      </p>
    </section>
  )
}

function KeyForm({
  ctx,
  therapists,
  onCreated,
}: {
  ctx: StaffContext
  therapists: Therapist[]
  onCreated: (name: string, key: string) => void
}) {
  const words = useWords()
  const { tr } = words
  const empty = { name: '', role: 'admin' as NewApiKey['role'], therapistId: '' }
  const { form, setForm, busy, problem, submit, fieldError } = useFormFields('new-key', empty, (err) =>
    refusalText(err, words),
  )
  return (
    <form
      class="form"
      onSubmit={(e) => {
        e.preventDefault()
        return submit(async () => {
          const created = await ctx.api.createApiKey({
            name: form.name.trim(),
            role: form.role,
            ...(form.role === 'therapist' ? { therapist_id: form.therapistId } : {}),
          })
          setForm(empty)
          onCreated(created.name || tr('staff.keys.unnamed'), created.key)
        })
      }}
    >
      <div class="field">
        <label for="new-key-name">{tr('staff.keys.name')}</label>
        <input
          id="new-key-name"
          type="text"
          required
          maxLength={80}
          autoComplete="off"
          value={form.name}
          aria-describedby="new-key-name-hint"
          onInput={(e) => setForm({ ...form, name: e.currentTarget.value })}
        />
        <p class="hint" id="new-key-name-hint">
          {tr('staff.keys.nameHint')}
        </p>
        {fieldError('name')}
      </div>
      <div class="field">
        <label for="new-key-role">{tr('staff.keys.access')}</label>
        <select
          id="new-key-role"
          value={form.role}
          onChange={(e) => setForm({ ...form, role: e.currentTarget.value as NewApiKey['role'] })}
        >
          <option value="admin">{tr('staff.keys.access.admin')}</option>
          <option value="therapist">{tr('staff.keys.access.therapist')}</option>
        </select>
      </div>
      {form.role === 'therapist' && (
        <TherapistChoice
          formId="new-key"
          label={tr('staff.therapist')}
          therapists={therapists}
          value={form.therapistId}
          onValue={(therapistId) => setForm({ ...form, therapistId })}
          error={problem?.fields.therapist_id}
        />
      )}
      <FormAlert message={problem?.message} />
      <SubmitActions busy={busy} label={tr('staff.keys.createButton')} />
    </form>
  )
}
