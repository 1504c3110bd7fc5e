import type { ComponentChildren } from 'preact'
import { useState } from 'preact/hooks'
import { ownTherapist } from '../../shared/policy/access'
import type { Locale } from '../../shared/schemas/policies'
import type { Client } from '../../shared/schemas/people'
import { zoneName } from '../../shared/time/format'
import { canonicalTimeZone, TIME_ZONE_NAMES } from '../../shared/time/zone-names'
import { Done } from '../../ui/States'
import { useLoad } from '../../ui/use-load'
import type { ClientFields } from '../api'
import { FormAlert, type TextInputProps, useFormFields } from '../components/FormFields'
import { loadedList, StaffScreen, SmallButton } from '../components/Parts'
import type { StaffContext } from '../Console'
import { useWords } from '../i18n'

const LANGUAGES: { code: Locale; name: string }[] = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
  { code: 'fr', name: 'Français' },
]

/**
 * The practice's clients: search, add, keep contact details and consents up to date (through
 * the same PATCH as the API, so reminders are re-planned), and end someone's portal access (or give it back). A
 * therapist sees the clients they have sessions with and changes nothing here.
 */
export function Clients({ ctx }: { ctx: StaffContext }) {
  const { tr } = useWords()
  const admin = ownTherapist(ctx.viewer) === null
  const [typed, setTyped] = useState('')
  const [search, setSearch] = useState('')
  const [done, setDone] = useState<string | null>(null)
  const clients = useLoad<Client[]>(() => ctx.api.clients(search || undefined), [search])
  const changed = (text: string) => {
    setDone(text)
    ctx.announce(text)
    clients.reload()
  }

  return (
    <StaffScreen
      title={tr('staff.clients.title')}
      lead={tr(admin ? 'staff.clients.lead' : 'staff.clients.leadTherapist')}
    >
      <search>
        <form
          class="toolbar"
          onSubmit={(e) => {
            e.preventDefault()
            setSearch(typed.trim())
          }}
        >
          <div class="field field-inline">
            <label for="client-search">{tr('staff.clients.search')}</label>
            <input id="client-search" type="search" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
          </div>
          <button type="submit" class="button button-secondary button-small">
            {tr('staff.clients.searchButton')}
          </button>
        </form>
      </search>
      {done && <Done>{done}</Done>}
      {loadedList(clients, tr('staff.clients.none'), (found) => (
        <>
          <p class="hint">{tr('staff.clients.count', { count: found.length })}</p>
          <ul class="client-list">
            {found.map((client) => (
              <ClientRow key={client.id} ctx={ctx} client={client} admin={admin} onChanged={changed} />
            ))}
          </ul>
        </>
      ))}
      {admin && (
        <details class="entry-card add-client">
          <summary>{tr('staff.clients.add')}</summary>
          <ClientForm
            id="new-client"
            initial={{
              name: '',
              email: '',
              phone: '',
              time_zone: ctx.me.practice.time_zone,
              locale: 'en',
              consents: { email: true, sms: false },
            }}
            submitLabel={tr('staff.clients.addButton')}
            save={async (fields) => {
              const added = await ctx.api.addClient(fields)
              changed(tr('staff.clients.added', { client: added.name }))
            }}
          />
        </details>
      )}
    </StaffScreen>
  )
}

function ClientRow({
  ctx,
  client,
  admin,
  onChanged,
}: {
  ctx: StaffContext
  client: Client
  admin: boolean
  onChanged: (text: string) => void
}) {
  const { tr, problem } = useWords()
  const [mode, setMode] = useState<'view' | 'edit' | 'end'>('view')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const id = `client-${client.id}`
  const channels = [
    client.consents.email && tr('staff.clients.consentEmail'),
    client.consents.sms && tr('staff.clients.consentSms'),
  ].filter(Boolean)

  return (
    <li class="entry-card client-row" aria-labelledby={`${id}-name`}>
      <div class="client-main">
        <p id={`${id}-name`}>
          <strong>{client.name}</strong>
        </p>
        <p class="client-contact">
          {client.email}
          {client.phone ? ` · ${client.phone}` : ''}
        </p>
        <p class="client-consents">
          {channels.length ? `${tr('staff.clients.consents')}: ${channels.join(', ')}` : tr('staff.clients.noConsent')}
        </p>
        <span class={`chip ${client.portal_access ? 'chip-ok' : 'chip-muted'}`}>
          {tr(client.portal_access ? 'staff.clients.portalOn' : 'staff.clients.portalOff')}
        </span>
      </div>
      {admin && mode === 'view' && (
        <div class="actions">
          <SmallButton describedBy={`${id}-name`} onClick={() => setMode('edit')}>
            {tr('staff.clients.edit')}
          </SmallButton>
          {client.portal_access && (
            <SmallButton danger describedBy={`${id}-name`} onClick={() => setMode('end')}>
              {tr('staff.clients.endAccess')}
            </SmallButton>
          )}
          {!client.portal_access && (
            <SmallButton
              disabled={busy}
              describedBy={`${id}-name`}
              onClick={async () => {
                setBusy(true)
                setError(null)
                try {
                  await ctx.api.restorePortalAccess(client.id)
                  onChanged(tr('staff.clients.restored', { client: client.name }))
                } catch (e) {
                  setError(problem(e))
                } finally {
                  setBusy(false)
                }
              }}
            >
              {tr('staff.clients.restoreAccess')}
            </SmallButton>
          )}
        </div>
      )}
      {mode === 'view' && <FormAlert message={error} />}
      {mode === 'edit' && (
        <div class="client-edit">
          <h2 class="section-title">{tr('staff.clients.editTitle', { client: client.name })}</h2>
          <ClientForm
            id={id}
            initial={{
              name: client.name,
              email: client.email,
              phone: client.phone ?? '',
              time_zone: client.time_zone,
              locale: client.locale,
              consents: { email: client.consents.email, sms: client.consents.sms },
            }}
            submitLabel={tr('staff.save')}
            onCancel={() => setMode('view')}
            save={async (fields) => {
              const saved = await ctx.api.editClient(client.id, { ...fields, phone: fields.phone || null })
              setMode('view')
              onChanged(tr('staff.clients.saved', { client: saved.name }))
            }}
          />
        </div>
      )}
      {mode === 'end' && (
        <div class="client-end">
          <p>{tr('staff.clients.endAsk', { client: client.name })}</p>
          <FormAlert message={error} />
          <div class="actions">
            <button
              type="button"
              class="button button-danger"
              disabled={busy}
              onClick={async () => {
                setBusy(true)
                setError(null)
                try {
                  await ctx.api.endPortalAccess(client.id)
                  setMode('view')
                  onChanged(tr('staff.clients.ended', { client: client.name }))
                } catch (e) {
                  setError(problem(e))
                } finally {
                  setBusy(false)
                }
              }}
            >
              {tr('staff.clients.endConfirm')}
            </button>
            <button type="button" class="button button-secondary" onClick={() => setMode('view')}>
              {tr('staff.schedule.keep')}
            </button>
          </div>
        </div>
      )}
    </li>
  )
}

function ClientForm({
  id,
  initial,
  submitLabel,
  save,
  onCancel,
}: {
  id: string
  initial: ClientFields & { phone: string }
  submitLabel: string
  save: (fields: ClientFields) => Promise<void>
  onCancel?: () => void
}) {
  const { tr, problem } = useWords()
  const { form, setForm, busy, problem: failed, submit, text, fieldError } = useFormFields(id, initial, problem)

  return (
    <form
      class="form"
      onSubmit={(e) => {
        e.preventDefault()
        const { phone, ...rest } = form
        return submit(() => save({ ...rest, ...(phone.trim() ? { phone: phone.trim() } : {}) }))
      }}
    >
      <div class="field">
        <label for={`${id}-name`}>{tr('staff.clients.name')}</label>
        <input type="text" required maxLength={120} autoComplete="off" {...text('name')} />
        {fieldError('name')}
      </div>
      <div class="field">
        <label for={`${id}-email`}>{tr('staff.clients.email')}</label>
        <input type="email" required autoComplete="off" {...text('email')} />
        {fieldError('email')}
      </div>
      <div class="field">
        <label for={`${id}-phone`}>{tr('staff.clients.phone')}</label>
        <input type="tel" autoComplete="off" {...text('phone')} />
        {fieldError('phone')}
      </div>
      <ZoneField id={id} input={text('time_zone')} error={fieldError('time_zone')} />
      <div class="field">
        <label for={`${id}-locale`}>{tr('staff.clients.language')}</label>
        <select
          id={`${id}-locale`}
          value={form.locale}
          onChange={(e) => setForm({ ...form, locale: e.currentTarget.value as Locale })}
        >
          {LANGUAGES.map((l) => (
            <option key={l.code} value={l.code} lang={l.code}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>{tr('staff.clients.consents')}</legend>
        {(['email', 'sms'] as const).map((channel) => (
          <div class="check" key={channel}>
            <input
              type="checkbox"
              id={`${id}-consent-${channel}`}
              checked={Boolean(form.consents[channel])}
              onChange={(e) => setForm({ ...form, consents: { ...form.consents, [channel]: e.currentTarget.checked } })}
            />
            <label for={`${id}-consent-${channel}`}>
              {tr(channel === 'email' ? 'staff.clients.consentEmail' : 'staff.clients.consentSms')}
            </label>
          </div>
        ))}
      </fieldset>
      <FormAlert message={failed?.message} />
      <div class="actions">
        <button type="submit" class="button button-primary" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" class="button button-secondary" onClick={onCancel}>
            {tr('staff.clients.cancelEdit')}
          </button>
        )}
      </div>
    </form>
  )
}

/**
 * The client's time zone, typed as its IANA name with every zone Hearth knows offered as it is
 * typed, and named underneath as people read it ("Central European Time (Paris)") once it is one.
 */
function ZoneField({ id, input, error }: { id: string; input: TextInputProps; error: ComponentChildren }) {
  const { tr, locale } = useWords()
  const known = canonicalTimeZone(input.value)
  // The format hint gives way to the server's error; a zone's name shows whenever it is one.
  const hinted = known !== null || !error
  const named = `${id}-time_zone-name`
  return (
    <div class="field">
      <label for={input.id}>{tr('staff.clients.zone')}</label>
      <input
        type="text"
        required
        autoComplete="off"
        spellcheck={false}
        list={`${id}-zones`}
        {...input}
        aria-describedby={[hinted ? named : null, input['aria-describedby']].filter(Boolean).join(' ')}
      />
      {hinted && (
        <p class="hint" id={named}>
          {known ? zoneName(known, locale) : tr('staff.clients.zoneHint')}
        </p>
      )}
      <datalist id={`${id}-zones`}>
        {TIME_ZONE_NAMES.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      {error}
    </div>
  )
}
