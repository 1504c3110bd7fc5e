import { useState } from 'preact/hooks'
import { can } from '../../shared/policy/permissions'
import type { Therapist } from '../../shared/schemas/people'
import type { StaffUser } from '../../shared/schemas/staff'
import { addDays } from '../../shared/time/calendar'
import { zoneName } from '../../shared/time/format'
import { instantAt, localDate } from '../../shared/time/zone'
import { Done, Empty, Loading, Problem } from '../../ui/States'
import { useLoad } from '../../ui/use-load'
import type { ApiKeySummary, AuditEntry, AuditFilter, AuditPage } from '../api'
import { Field } from '../components/FormFields'
import { StaffScreen, ClosedScreen, SmallButton } from '../components/Parts'
import { staffRoleOf } from '../components/refusal'
import type { StaffContext } from '../Console'
import { useWords } from '../i18n'

type Words = ReturnType<typeof useWords>

/** The actions the console has words for; any other shows as the log wrote it. */
const NAMED_ACTIONS = [
  'appointments.listed',
  'confirmation_calls.read',
  'staff.invited',
  'staff.updated',
  'staff.removed',
  'staff.listed',
  'staff.invitation_resent',
  'staff.invitation_revoked',
  'staff.invitation_accepted',
  'staff.code_sent',
  'staff.signed_out',
  'staff.signed_out_everywhere',
  'api_key.created',
  'api_key.revoked',
  'audit_log.read',
  'client.read',
  'client.listed',
  'client.created',
  'client.updated',
  'message.sent',
  'thread.read',
  'appointment.created',
  'appointment.rescheduled',
  'alert.resolved',
  'confirmation_call.recorded',
  'practice.updated',
] as const
const NAMED_SUBJECTS = [
  'staff_user',
  'api_key',
  'client',
  'appointment',
  'thread',
  'message',
  'alert',
  'therapist',
  'practice',
] as const
const OTHER_ACTORS = ['client', 'operator', 'system', 'link'] as const

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value)

/** Dates typed in the practice's zone; `to` includes its whole day. */
function toFilter(form: { actorId: string; from: string; to: string }, zone: string): AuditFilter {
  return {
    actorId: form.actorId || undefined,
    from: form.from ? instantAt(form.from, '00:00', zone).toISOString() : undefined,
    to: form.to ? instantAt(addDays(form.to, 1), '00:00', zone).toISOString() : undefined,
  }
}

/**
 * Who read or changed what: the practice's audit log, newest first, with the people and keys by
 * name, filters by person and dates, more on request, and the same lines as a spreadsheet.
 */
export function Audit({ ctx }: { ctx: StaffContext }) {
  const words = useWords()
  const { tr } = words
  const zone = ctx.me.practice.time_zone
  const role = staffRoleOf(ctx.viewer.role)
  const allowed = role !== null && can(role, 'read', 'audit')
  const [form, setForm] = useState({ actorId: '', from: '', to: '' })
  const [filter, setFilter] = useState<AuditFilter>({})
  const [more, setMore] = useState<{ entries: AuditEntry[]; cursor: string | null } | null>(null)
  const [busy, setBusy] = useState<'more' | 'csv' | null>(null)
  const [problem, setProblem] = useState<unknown>(null)
  const [done, setDone] = useState<string | null>(null)
  const nothing = () => Promise.resolve([])
  const people = useLoad<StaffUser[]>(() => (allowed ? ctx.api.staffUsers() : nothing()), [])
  const keys = useLoad<ApiKeySummary[]>(() => (allowed ? ctx.api.apiKeys() : nothing()), [])
  const therapists = useLoad<Therapist[]>(() => (allowed ? ctx.api.therapists() : nothing()), [])
  const first = useLoad<AuditPage>(
    () => (allowed ? ctx.api.auditLog(filter) : Promise.resolve({ data: [], next_cursor: null })),
    [filter],
  )

  if (!allowed) {
    return <ClosedScreen title={tr('staff.audit.title')} why={tr('staff.people.adminOnly')} />
  }

  const names = {
    people: people.state === 'ready' ? people.data : [],
    keys: keys.state === 'ready' ? keys.data : [],
    therapists: therapists.state === 'ready' ? therapists.data : [],
  }
  const entries = first.state === 'ready' ? [...first.data.data, ...(more?.entries ?? [])] : []
  const cursor = more ? more.cursor : first.state === 'ready' ? first.data.next_cursor : null

  async function loadMore() {
    if (!cursor) return
    setBusy('more')
    setProblem(null)
    try {
      const page = await ctx.api.auditLog(filter, cursor)
      setMore({ entries: [...(more?.entries ?? []), ...page.data], cursor: page.next_cursor })
    } catch (e) {
      setProblem(e)
    } finally {
      setBusy(null)
    }
  }

  async function downloadCsv() {
    setBusy('csv')
    setProblem(null)
    setDone(null)
    try {
      const csv = await ctx.api.auditCsv(filter)
      saveFile(`hearth-audit-log-${localDate(new Date(), zone)}.csv`, csv)
      setDone(tr('staff.audit.csvDone'))
      ctx.announce(tr('staff.audit.csvDone'))
    } catch (e) {
      setProblem(e)
    } finally {
      setBusy(null)
    }
  }

  return (
    <StaffScreen title={tr('staff.audit.title')} lead={tr('staff.audit.lead', { zone: zoneName(zone, words.locale) })}>
      <form
        class="toolbar audit-filters"
        aria-label={tr('staff.audit.filters')}
        onSubmit={(e) => {
          e.preventDefault()
          setMore(null)
          setDone(null)
          setFilter(toFilter(form, zone))
        }}
      >
        <div class="field">
          <label for="audit-person">{tr('staff.audit.person')}</label>
          <select
            id="audit-person"
            value={form.actorId}
            onChange={(e) => setForm({ ...form, actorId: e.currentTarget.value })}
          >
            <option value="">{tr('staff.audit.everyone')}</option>
            <optgroup label={tr('staff.audit.people')}>
              {names.people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </optgroup>
            <optgroup label={tr('staff.audit.keys')}>
              {names.keys.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.name || tr('staff.keys.unnamed')}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
        {(['from', 'to'] as const).map((end) => (
          <Field
            key={end}
            id={`audit-${end}`}
            label={tr(`staff.audit.${end}`)}
            type="date"
            value={form[end]}
            onValue={(value) => setForm({ ...form, [end]: value })}
          />
        ))}
        <button type="submit" class="button button-secondary button-small">
          {tr('staff.audit.show')}
        </button>
        <SmallButton disabled={busy !== null} busy={busy === 'csv'} onClick={downloadCsv}>
          {tr('staff.audit.csv')}
        </SmallButton>
      </form>
      {done && <Done>{done}</Done>}
      {first.state === 'loading' ? (
        <Loading />
      ) : first.state === 'error' ? (
        <Problem compact error={first.error} onRetry={first.reload} />
      ) : entries.length === 0 ? (
        <Empty>
          <p>{tr('staff.audit.none')}</p>
        </Empty>
      ) : (
        <table class="audit-table">
          <caption class="sr-only">{tr('staff.audit.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{tr('staff.audit.when')}</th>
              <th scope="col">{tr('staff.audit.who')}</th>
              <th scope="col">{tr('staff.audit.what')}</th>
              <th scope="col">{tr('staff.audit.record')}</th>
              <th scope="col">{tr('staff.audit.where')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <Line key={entry.id} entry={entry} names={names} />
            ))}
          </tbody>
        </table>
      )}
      {problem !== null && <Problem compact error={problem} />}
      {cursor && first.state === 'ready' && (
        <div class="actions">
          <button
            type="button"
            class="button button-secondary"
            disabled={busy !== null}
            aria-busy={busy === 'more'}
            onClick={loadMore}
          >
            {tr('staff.audit.more')}
          </button>
        </div>
      )}
    </StaffScreen>
  )
}

type Names = { people: StaffUser[]; keys: ApiKeySummary[]; therapists: Therapist[] }

function Line({ entry, names }: { entry: AuditEntry; names: Names }) {
  const words = useWords()
  const { tr, when } = words
  return (
    <tr>
      <td data-label={tr('staff.audit.when')}>{when(entry.at, 'medium')}</td>
      <td data-label={tr('staff.audit.who')}>{actorName(entry.actor, names, words)}</td>
      <td data-label={tr('staff.audit.what')}>
        {isOneOf(NAMED_ACTIONS, entry.action) ? tr(`staff.audit.action.${entry.action}`) : <code>{entry.action}</code>}
      </td>
      <td data-label={tr('staff.audit.record')}>{subjectName(entry.subject, names, words)}</td>
      <td data-label={tr('staff.audit.where')}>
        {entry.ip ?? '—'}
        {entry.user_agent && <span class="audit-agent">{browserOf(entry.user_agent)}</span>}
      </td>
    </tr>
  )
}

function actorName(actor: AuditEntry['actor'], names: Names, { tr }: Words): string {
  if (actor.kind === 'staff') return actor.name ?? tr('staff.audit.actor.staff')
  if (actor.kind === 'api_key') {
    const key = names.keys.find((k) => k.id === actor.id)
    return key?.name ? tr('staff.audit.actor.namedKey', { name: key.name }) : tr('staff.audit.actor.api_key')
  }
  return isOneOf(OTHER_ACTORS, actor.kind) ? tr(`staff.audit.actor.${actor.kind}`) : actor.kind
}

function subjectName(subject: AuditEntry['subject'], names: Names, { tr }: Words): string {
  if (!subject) return '—'
  const kind = tr(`staff.audit.subject.${isOneOf(NAMED_SUBJECTS, subject.kind) ? subject.kind : 'other'}`)
  const among: Partial<Record<string, { id: string; name: string }[]>> = {
    staff_user: names.people,
    api_key: names.keys,
    therapist: names.therapists,
  }
  const named = among[subject.kind]?.find((record) => record.id === subject.id)?.name
  return `${kind}: ${named || subject.id.slice(0, 8)}`
}

/** "Chrome · Linux" from a user agent: enough to tell one device from another at a glance. */
export function browserOf(userAgent: string): string {
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : null
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null
  if (browser && system) return `${browser} · ${system}`
  return browser ?? system ?? userAgent.slice(0, 40)
}

/** Hands the text to the browser as a download. */
function saveFile(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
