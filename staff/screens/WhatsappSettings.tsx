import { useState } from 'preact/hooks'
import { can } from '../../shared/policy/permissions'
import {
  WHATSAPP_MESSAGE_KINDS,
  type WhatsappMessageKind,
  type WhatsappSettings as Settings,
  type WhatsappTemplates,
} from '../../shared/schemas/connectors'
import type { Locale } from '../../shared/schemas/policies'
import type { Practice } from '../../shared/schemas/practice'
import { Loading, Problem } from '../../ui/States'
import { useLoad } from '../../ui/use-load'
import { ConnectionForm, CopyAddress, Disconnect, TextField, useSave } from '../components/ConnectionParts'
import { StaffScreen, TitledSection } from '../components/Parts'
import type { StaffContext } from '../Console'
import { useWords } from '../i18n'

/** The language code a new template row starts with, as WhatsApp Manager names it. */
const SUGGESTED_LANGUAGE: Record<Locale, string> = { en: 'en_US', es: 'es', fr: 'fr' }

/** What connects Hearth to the practice's WhatsApp number: each field, its box, and which are secrets. */
const CREDENTIALS = [
  { field: 'phone_number_id', id: 'phone-number-id', words: 'phoneNumberId', secret: false },
  { field: 'access_token', id: 'access-token', words: 'accessToken', secret: true },
  { field: 'app_secret', id: 'app-secret', words: 'appSecret', secret: true },
  { field: 'verify_token', id: 'verify-token', words: 'verifyToken', secret: true },
] as const
type Credential = (typeof CREDENTIALS)[number]['field']

type TemplateRows = Record<WhatsappMessageKind, Partial<Record<Locale, { name: string; language: string }>>>

/**
 * WhatsApp through Meta's Cloud API, under the practice's settings: everyone sees whether it is
 * on; owners and admins enter the number's id and its three secrets (never shown back), give Meta
 * the webhook address, and name the approved template for each message Hearth sends.
 */
export function WhatsappSettings({ ctx }: { ctx: StaffContext }) {
  const { tr } = useWords()
  const loaded = useLoad<Practice>(() => ctx.api.practice(), [])
  const [saved, setSaved] = useState<Practice | null>(null)
  const [editing, setEditing] = useState(false)
  const mayChange = can(ctx.me.user.role, 'change', 'practice')
  if (loaded.state === 'loading') return <Loading />
  if (loaded.state === 'error') return <Problem error={loaded.error} onRetry={loaded.reload} />
  const practice = saved ?? loaded.data
  const whatsapp = practice.whatsapp
  const onSaved = (next: Practice, announcement: string) => {
    setSaved(next)
    setEditing(false)
    ctx.announce(announcement)
  }
  return (
    <StaffScreen title={tr('staff.whatsapp.title')} lead={tr('staff.whatsapp.lead')}>
      <TitledSection class="entry-card connection" id="whatsapp-status" title={tr('staff.whatsapp.status')}>
        <p>
          {whatsapp
            ? tr('staff.whatsapp.on', { id: whatsapp.phone_number_id })
            : mayChange
              ? tr('staff.whatsapp.off')
              : tr('staff.whatsapp.offAskAdmin')}
        </p>
        {whatsapp && mayChange && !editing && (
          <>
            <CopyAddress
              id="whatsapp-url"
              label={tr('staff.whatsapp.address')}
              url={whatsapp.webhook_url}
              announce={ctx.announce}
            />
            <ol class="steps">
              <li>{tr('staff.whatsapp.step1')}</li>
              <li>{tr('staff.whatsapp.step2')}</li>
              <li>{tr('staff.whatsapp.step3')}</li>
            </ol>
            <p class="hint">{tr('staff.whatsapp.secretsKept')}</p>
            <div class="actions">
              <button type="button" class="button button-secondary button-small" onClick={() => setEditing(true)}>
                {tr('staff.connect.change')}
              </button>
              <Disconnect
                label={tr('staff.whatsapp.disconnect')}
                question={tr('staff.whatsapp.disconnectQuestion')}
                consequence={tr('staff.whatsapp.disconnectConsequence')}
                onConfirm={async () => onSaved(await ctx.api.connectWhatsapp(null), tr('staff.whatsapp.disconnected'))}
              />
            </div>
          </>
        )}
        {whatsapp && !mayChange && <p class="hint">{tr('staff.whatsapp.askAdmin')}</p>}
      </TitledSection>
      {mayChange && (!whatsapp || editing) && (
        <TitledSection
          class="entry-card"
          id="whatsapp-form-title"
          title={whatsapp ? tr('staff.whatsapp.changeTitle') : tr('staff.whatsapp.connectTitle')}
        >
          <WhatsappForm
            ctx={ctx}
            practice={practice}
            whatsapp={whatsapp}
            onCancel={whatsapp ? () => setEditing(false) : undefined}
            onSaved={(next) => onSaved(next, tr('staff.whatsapp.saved'))}
          />
        </TitledSection>
      )}
    </StaffScreen>
  )
}

function templateRows(locales: readonly Locale[], saved: WhatsappTemplates | undefined): TemplateRows {
  const rows = {} as TemplateRows
  for (const kind of WHATSAPP_MESSAGE_KINDS) {
    rows[kind] = {}
    for (const locale of locales) {
      const ref = saved?.[kind]?.[locale]
      rows[kind][locale] = { name: ref?.name ?? '', language: ref?.language ?? SUGGESTED_LANGUAGE[locale] }
    }
  }
  return rows
}

/** Only the rows with a template name go to the server. */
function templatesToSend(rows: TemplateRows): WhatsappTemplates {
  const templates: WhatsappTemplates = {}
  for (const kind of WHATSAPP_MESSAGE_KINDS) {
    for (const [locale, row] of Object.entries(rows[kind]) as [Locale, { name: string; language: string }][]) {
      if (!row.name.trim()) continue
      templates[kind] = { ...templates[kind], [locale]: { name: row.name.trim(), language: row.language.trim() } }
    }
  }
  return templates
}

function WhatsappForm({
  ctx,
  practice,
  whatsapp,
  onCancel,
  onSaved,
}: {
  ctx: StaffContext
  practice: Practice
  whatsapp: Settings | undefined
  onCancel: (() => void) | undefined
  onSaved: (practice: Practice) => void
}) {
  const { tr } = useWords()
  // The three secrets are never filled from what is saved: they are typed again, or not sent.
  const [credentials, setCredentials] = useState<Record<Credential, string>>({
    phone_number_id: whatsapp?.phone_number_id ?? '',
    access_token: '',
    app_secret: '',
    verify_token: '',
  })
  const [rows, setRows] = useState(() => templateRows(practice.locales, whatsapp?.templates))
  const { busy, problem, save, fields } = useSave('whatsapp')
  const setRow = (kind: WhatsappMessageKind, locale: Locale, part: 'name' | 'language', value: string) =>
    setRows({ ...rows, [kind]: { ...rows[kind], [locale]: { ...rows[kind][locale]!, [part]: value } } })

  const submit = () =>
    save(async () => {
      onSaved(
        await ctx.api.connectWhatsapp({
          phone_number_id: credentials.phone_number_id.trim(),
          access_token: credentials.access_token.trim(),
          app_secret: credentials.app_secret.trim(),
          verify_token: credentials.verify_token.trim(),
          // A server address set through the API stays as it is.
          ...(whatsapp ? { api_base_url: whatsapp.api_base_url } : {}),
          templates: templatesToSend(rows),
        }),
      )
    })

  return (
    <ConnectionForm
      label={tr('staff.whatsapp.formLabel')}
      problem={problem}
      busy={busy}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <p class="hint">{whatsapp ? tr('staff.whatsapp.secretsAgain') : tr('staff.whatsapp.whereToFind')}</p>
      {CREDENTIALS.map(({ field, id, words, secret }) => (
        <TextField
          key={field}
          id={`whatsapp-${id}`}
          label={tr(`staff.whatsapp.${words}`)}
          hint={tr(`staff.whatsapp.${words}Hint`)}
          value={credentials[field]}
          onInput={(value) => setCredentials({ ...credentials, [field]: value })}
          error={fields[field]}
          secret={secret}
          required
        />
      ))}
      <details class="templates" open={Object.keys(fields).some((f) => f.startsWith('templates'))}>
        <summary>{tr('staff.whatsapp.templates')}</summary>
        <p class="hint">{tr('staff.whatsapp.templatesHint', { first: '{{1}}', second: '{{2}}', third: '{{3}}' })}</p>
        {WHATSAPP_MESSAGE_KINDS.map((kind) => (
          <fieldset key={kind} class="template-kind">
            <legend>{tr(`staff.whatsapp.kind.${kind}`)}</legend>
            {practice.locales.map((locale) => {
              const id = `whatsapp-${kind}-${locale}`
              const at = `templates.${kind}.${locale}`
              return (
                <div class="template-row" key={locale}>
                  <TextField
                    id={`${id}-name`}
                    label={tr(`staff.whatsapp.templateName.${locale}`)}
                    value={rows[kind][locale]?.name ?? ''}
                    onInput={(value) => setRow(kind, locale, 'name', value)}
                    error={fields[`${at}.name`] ?? fields[at]}
                  />
                  <TextField
                    id={`${id}-language`}
                    label={tr('staff.whatsapp.templateLanguage')}
                    value={rows[kind][locale]?.language ?? ''}
                    onInput={(value) => setRow(kind, locale, 'language', value)}
                    error={fields[`${at}.language`]}
                  />
                </div>
              )
            })}
          </fieldset>
        ))}
      </details>
    </ConnectionForm>
  )
}
