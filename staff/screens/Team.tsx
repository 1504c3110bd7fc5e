import { useState } from 'preact/hooks'
import { can, leavesNoOwner, mayManageStaff, STAFF_ROLES, type StaffRole } from '../../shared/policy/permissions'
import type { Therapist } from '../../shared/schemas/people'
import type { StaffUser } from '../../shared/schemas/staff'
import { Done } from '../../ui/States'
import { useLoad } from '../../ui/use-load'
import { ConfirmStep } from '../components/Confirm'
import { FormAlert, fieldsOf, useFormFields, useSubmit } from '../components/FormFields'
import { loadedList, StaffScreen, TherapistChoice, ClosedScreen, SubmitActions, SmallButton } from '../components/Parts'
import { refusalText, staffRoleOf } from '../components/refusal'
import type { StaffContext } from '../Console'
import { useWords } from '../i18n'

/**
 * The practice's people: who signs in, with which role, and who is still invited. Owners and
 * admins invite, change roles and remove people; only an owner touches an owner, and the last
 * owner stays (the same rules the server enforces, from shared/policy/permissions.ts).
 */
export function Team({ ctx }: { ctx: StaffContext }) {
  const words = useWords()
  const { tr } = words
  const role = staffRoleOf(ctx.viewer.role)
  const [done, setDone] = useState<string | null>(null)
  const allowed = role !== null && can(role, 'read', 'staff')
  const people = useLoad<StaffUser[]>(() => (allowed ? ctx.api.staffUsers() : Promise.resolve([])), [])
  const therapists = useLoad<Therapist[]>(() => (allowed ? ctx.api.therapists() : Promise.resolve([])), [])

  if (!role || !allowed) {
    return <ClosedScreen title={tr('staff.team.title')} why={tr('staff.people.adminOnly')} />
  }
  const changed = (text: string) => {
    setDone(text)
    ctx.announce(text)
    people.reload()
  }
  const therapistList = therapists.state === 'ready' ? therapists.data : []

  return (
    <StaffScreen title={tr('staff.team.title')} lead={tr('staff.team.lead', { practice: ctx.me.practice.name })}>
      {done && <Done>{done}</Done>}
      {loadedList(people, tr('staff.team.none'), (everyone) => (
        <>
          <p class="hint">{tr('staff.team.count', { count: everyone.length })}</p>
          <ul class="client-list team-list">
            {everyone.map((person) => (
              <Person
                key={person.id}
                ctx={ctx}
                actor={role}
                person={person}
                everyone={everyone}
                therapists={therapistList}
                onChanged={changed}
              />
            ))}
          </ul>
        </>
      ))}
      {can(role, 'change', 'staff') && (
        <details class="entry-card add-client">
          <summary>{tr('staff.team.invite')}</summary>
          <p class="hint">{tr('staff.team.inviteLead')}</p>
          <InviteForm
            ctx={ctx}
            actor={role}
            therapists={therapistList}
            onInvited={(user) => changed(tr('staff.team.invitedDone', { email: user.email }))}
          />
        </details>
      )}
    </StaffScreen>
  )
}

/** The roles this person may hand out: an owner's only by an owner. */
const grantable = (actor: StaffRole) => STAFF_ROLES.filter((r) => mayManageStaff(actor, { role: r }, r).allowed)

function Person({
  ctx,
  actor,
  person,
  everyone,
  therapists,
  onChanged,
}: {
  ctx: StaffContext
  actor: StaffRole
  person: StaffUser
  everyone: StaffUser[]
  therapists: Therapist[]
  onChanged: (text: string) => void
}) {
  const words = useWords()
  const { tr, when } = words
  const [mode, setMode] = useState<'view' | 'role' | 'remove' | 'withdraw'>('view')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const id = `person-${person.id}`
  const invited = person.status === 'invited'
  const manages = mayManageStaff(actor, person).allowed
  const owners = everyone.map((p) => ({ id: p.id, role: p.role, invited: p.status === 'invited' }))
  const onlyOwner = leavesNoOwner(owners, person, null)
  const therapist = therapists.find((t) => t.id === person.therapist_id)

  async function resend() {
    setBusy(true)
    setError(null)
    try {
      await ctx.api.resendInvitation(person.id)
      onChanged(tr('staff.team.resent', { email: person.email }))
    } catch (e) {
      setError(refusalText(e, words))
    } finally {
      setBusy(false)
    }
  }

  return (
    <li class="entry-card person" aria-labelledby={`${id}-name`}>
      <div class="client-main">
        <p id={`${id}-name`}>
          <strong>{person.name}</strong>
        </p>
        <p class="client-contact">{person.email}</p>
        <p>
          {tr(`staff.people.role.${person.role}`)}
          {person.role === 'therapist' && therapist && (
            <span class="client-consents"> · {tr('staff.team.forTherapist', { therapist: therapist.name })}</span>
          )}
        </p>
        <span class={`chip ${invited ? (person.invitation?.expired ? 'chip-muted' : 'chip-ask') : 'chip-ok'}`}>
          {!invited
            ? tr('staff.team.active')
            : person.invitation
              ? tr(person.invitation.expired ? 'staff.team.expired' : 'staff.team.invited', {
                  when: when(person.invitation.expires_at, 'medium'),
                })
              : tr('staff.team.expired', { when: '—' })}
        </span>
      </div>
      {manages && onlyOwner && mode === 'view' && <p class="hint">{tr('staff.team.lastOwner')}</p>}
      {!manages && person.role === 'owner' && <p class="hint">{tr('staff.team.ownersOnly')}</p>}
      {manages && mode === 'view' && (
        <div class="actions">
          {invited && (
            <SmallButton disabled={busy} busy={busy} describedBy={`${id}-name`} onClick={resend}>
              {tr('staff.team.resend')}
            </SmallButton>
          )}
          {!onlyOwner && (
            <SmallButton describedBy={`${id}-name`} onClick={() => setMode('role')}>
              {tr('staff.team.changeRole')}
            </SmallButton>
          )}
          {!onlyOwner && (
            <SmallButton danger describedBy={`${id}-name`} onClick={() => setMode(invited ? 'withdraw' : 'remove')}>
              {tr(invited ? 'staff.team.withdraw' : 'staff.team.remove')}
            </SmallButton>
          )}
        </div>
      )}
      {mode === 'view' && <FormAlert message={error} />}
      {mode === 'role' && (
        <RoleForm
          ctx={ctx}
          actor={actor}
          person={person}
          therapists={therapists}
          onDone={(text) => {
            setMode('view')
            onChanged(text)
          }}
          onCancel={() => setMode('view')}
        />
      )}
      {mode === 'remove' && (
        <ConfirmStep
          question={tr('staff.team.removeAsk', { name: person.name })}
          confirmLabel={tr('staff.team.removeConfirm', { name: person.name })}
          keepLabel={tr('staff.team.keep')}
          explain={(e) => refusalText(e, words)}
          onKeep={() => setMode('view')}
          onConfirm={async () => {
            await ctx.api.removeStaff(person.id)
            onChanged(tr('staff.team.removed', { name: person.name }))
          }}
        />
      )}
      {mode === 'withdraw' && (
        <ConfirmStep
          question={tr('staff.team.withdrawAsk', { name: person.name })}
          confirmLabel={tr('staff.team.withdrawConfirm')}
          keepLabel={tr('staff.team.keep')}
          explain={(e) => refusalText(e, words)}
          onKeep={() => setMode('view')}
          onConfirm={async () => {
            await ctx.api.withdrawInvitation(person.id)
            onChanged(tr('staff.team.withdrawn', { name: person.name }))
          }}
        />
      )}
    </li>
  )
}

/** A role, and for a therapist the therapist record they are; with what the role allows beside it. */
function RoleFields({
  id,
  roles,
  role,
  therapistId,
  therapists,
  onRole,
  onTherapist,
  fieldErrors,
}: {
  id: string
  roles: readonly StaffRole[]
  role: StaffRole
  therapistId: string
  therapists: Therapist[]
  onRole: (role: StaffRole) => void
  onTherapist: (id: string) => void
  fieldErrors: Record<string, string>
}) {
  const { tr } = useWords()
  const error = (name: string) =>
    fieldErrors[name] && (
      <p class="field-error" id={`${id}-${name}-error`}>
        {fieldErrors[name]}
      </p>
    )
  return (
    <>
      <div class="field">
        <label for={`${id}-role`}>{tr('staff.team.role')}</label>
        <select
          id={`${id}-role`}
          value={role}
          aria-describedby={`${id}-role-hint`}
          onChange={(e) => onRole(e.currentTarget.value as StaffRole)}
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {tr(`staff.people.role.${r}`)}
            </option>
          ))}
        </select>
        <p class="hint" id={`${id}-role-hint`}>
          {tr(`staff.team.roleHint.${role}`)}
        </p>
        {error('role')}
      </div>
      {role === 'therapist' && (
        <TherapistChoice
          formId={id}
          label={tr('staff.team.therapistRecord')}
          therapists={therapists}
          value={therapistId}
          onValue={onTherapist}
          error={fieldErrors.therapist_id}
        />
      )}
    </>
  )
}

function RoleForm({
  ctx,
  actor,
  person,
  therapists,
  onDone,
  onCancel,
}: {
  ctx: StaffContext
  actor: StaffRole
  person: StaffUser
  therapists: Therapist[]
  onDone: (text: string) => void
  onCancel: () => void
}) {
  const words = useWords()
  const { tr } = words
  const [role, setRole] = useState<StaffRole>(person.role)
  const [therapistId, setTherapistId] = useState(person.therapist_id ?? '')
  const {
    busy,
    problem: error,
    submit,
  } = useSubmit((err) => ({ message: refusalText(err, words), fields: fieldsOf(err) }), { busyAfterSuccess: true })
  const id = `role-${person.id}`
  return (
    <form
      class="form client-edit"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault()
        return submit(async () => {
          const saved = await ctx.api.changeStaffRole(person.id, role, role === 'therapist' ? therapistId : null)
          onDone(tr('staff.team.roleSaved', { name: saved.name, role: tr(`staff.people.role.${saved.role}`) }))
        })
      }}
    >
      <h2 class="section-title" id={`${id}-title`}>
        {tr('staff.team.changeRoleTitle', { name: person.name })}
      </h2>
      <RoleFields
        id={id}
        roles={grantable(actor)}
        role={role}
        therapistId={therapistId}
        therapists={therapists}
        onRole={setRole}
        onTherapist={setTherapistId}
        fieldErrors={error?.fields ?? {}}
      />
      <p class="fine">{tr('staff.team.roleNote')}</p>
      <FormAlert message={error?.message} />
      <div class="actions">
        <button type="submit" class="button button-primary button-small" disabled={busy} aria-busy={busy}>
          {tr('staff.team.saveRole')}
        </button>
        <SmallButton onClick={onCancel}>{tr('staff.team.keep')}</SmallButton>
      </div>
    </form>
  )
}

function InviteForm({
  ctx,
  actor,
  therapists,
  onInvited,
}: {
  ctx: StaffContext
  actor: StaffRole
  therapists: Therapist[]
  onInvited: (user: StaffUser) => void
}) {
  const words = useWords()
  const { tr } = words
  const empty = { name: '', email: '', role: 'therapist' as StaffRole, therapistId: '' }
  const id = 'invite'
  const {
    form,
    setForm,
    busy,
    problem: error,
    submit,
    text,
    fieldError,
  } = useFormFields(id, empty, (err) => refusalText(err, words))

  return (
    <form
      class="form"
      onSubmit={(e) => {
        e.preventDefault()
        return submit(async () => {
          const user = await ctx.api.inviteStaff({
            name: form.name.trim(),
            email: form.email.trim(),
            role: form.role,
            ...(form.role === 'therapist' ? { therapist_id: form.therapistId } : {}),
          })
          setForm(empty)
          onInvited(user)
        })
      }}
    >
      <div class="field">
        <label for={`${id}-name`}>{tr('staff.team.name')}</label>
        <input type="text" required maxLength={120} autoComplete="off" {...text('name')} />
        {fieldError('name')}
      </div>
      <div class="field">
        <label for={`${id}-email`}>{tr('staff.team.email')}</label>
        <input type="email" required autoComplete="off" {...text('email')} />
        {fieldError('email')}
      </div>
      <RoleFields
        id={id}
        roles={grantable(actor)}
        role={form.role}
        therapistId={form.therapistId}
        therapists={therapists}
        onRole={(role) => setForm({ ...form, role })}
        onTherapist={(therapistId) => setForm({ ...form, therapistId })}
        fieldErrors={error?.fields ?? {}}
      />
      <FormAlert message={error?.message} />
      <SubmitActions busy={busy} label={tr('staff.team.sendInvite')} />
    </form>
  )
}
