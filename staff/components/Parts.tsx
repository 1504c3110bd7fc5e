import { ownTherapist } from '../../shared/policy/access'
import type { ComponentChildren } from 'preact'
import { useEffect } from 'preact/hooks'
import type { Therapist } from '../../shared/schemas/people'
import { Done, Empty, Loading, Problem } from '../../ui/States'
import { useWords } from '../i18n'
import { type Loaded, useLoad } from '../../ui/use-load'
import type { StaffContext } from '../Console'
import { ScreenHeading } from '../../ui/ScreenHeading'

/** A console screen: its heading takes focus when it opens, so screen readers start there. */
export function StaffScreen({
  title,
  lead,
  children,
}: {
  title: string
  lead?: ComponentChildren
  children?: ComponentChildren
}) {
  return (
    <section class="screen staff-screen" aria-labelledby="screen-title">
      <ScreenHeading title={title} lead={lead} refocusOn={[title]} />
      {children}
    </section>
  )
}

/** A section of a screen under its own heading, which names it for screen readers. */
export function TitledSection({
  id,
  title,
  class: className,
  children,
}: {
  id: string
  title: ComponentChildren
  class: string
  children?: ComponentChildren
}) {
  return (
    <section class={className} aria-labelledby={id}>
      <h2 class="section-title" id={id}>
        {title}
      </h2>
      {children}
    </section>
  )
}

/** A small button beside what it acts on; `danger` for one that removes or cancels. */
export function SmallButton({
  onClick,
  danger,
  disabled,
  busy,
  describedBy,
  children,
}: {
  onClick: () => void
  danger?: boolean
  disabled?: boolean
  busy?: boolean
  describedBy?: string
  children: ComponentChildren
}) {
  return (
    <button
      type="button"
      class={`button ${danger ? 'button-quiet-danger' : 'button-secondary'} button-small`}
      disabled={disabled}
      aria-busy={busy}
      aria-describedby={describedBy}
      onClick={onClick}
    >
      {children}
    </button>
  )
}

/** A screen this viewer may not use: its title and why, in place of its content. */
export function ClosedScreen({ title, why }: { title: string; why: string }) {
  return (
    <StaffScreen title={title}>
      <Empty>
        <p>{why}</p>
      </Empty>
    </StaffScreen>
  )
}

const ALL = 'all'

/**
 * An admin chooses whose calls or policy to see; a therapist is always their own. `all` adds a
 * choice of everyone (the call list), kept by the screen that offers it.
 */
export function TherapistPicker({
  ctx,
  id = 'therapist',
  all,
}: {
  ctx: StaffContext
  id?: string
  all?: { chosen: boolean; choose: (all: boolean) => void }
}) {
  const { tr } = useWords()
  const list = useLoad<Therapist[]>(() => ctx.api.therapists(), [])
  useEffect(() => {
    const first = list.state === 'ready' ? list.data[0] : undefined
    if (first) ctx.chooseTherapist((current) => current ?? first.id)
  }, [list.state])
  if (ownTherapist(ctx.viewer) !== null) return null
  if (list.state === 'error') return <Problem compact error={list.error} onRetry={list.reload} />
  const therapists = list.state === 'ready' ? list.data : []
  return (
    <div class="field field-inline">
      <label for={id}>{tr('staff.therapist')}</label>
      <select
        id={id}
        value={all?.chosen ? ALL : (ctx.therapistId ?? '')}
        onChange={(e) => {
          const value = e.currentTarget.value
          all?.choose(value === ALL)
          if (value !== ALL) ctx.chooseTherapist(value)
        }}
      >
        {all && <option value={ALL}>{tr('staff.calls.allTherapists')}</option>}
        <NameOptions people={therapists} />
      </select>
    </div>
  )
}

/** One checkbox or radio with its label (and a hint it is described by), in the wrapper the form's styles expect. */
export function Choice({
  type,
  id,
  name,
  checked,
  onChange,
  label,
  hint,
  wrapper: Wrapper = 'div',
  class: className,
}: {
  type: 'checkbox' | 'radio'
  id: string
  name?: string
  checked: boolean
  onChange: (checked: boolean) => void
  label: string
  hint?: string
  wrapper?: 'div' | 'span'
  class: string
}) {
  return (
    <Wrapper class={className}>
      <input
        type={type}
        id={id}
        name={name}
        checked={checked}
        onChange={(e) => onChange(e.currentTarget.checked)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <label for={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
    </Wrapper>
  )
}

/** A list as it loads: waiting, what went wrong with a retry, `none` when it is empty, else the items. */
export function loadedList<T>(loaded: Loaded<T[]>, none: string, render: (items: T[]) => ComponentChildren) {
  if (loaded.state === 'loading') return <Loading />
  if (loaded.state === 'error') return <Problem compact error={loaded.error} onRetry={loaded.reload} />
  if (loaded.data.length === 0) {
    return (
      <Empty>
        <p>{none}</p>
      </Empty>
    )
  }
  return render(loaded.data)
}

/** A form's actions row with its submit button, disabled and marked busy while it sends. */
export function SubmitActions({ busy, label }: { busy: boolean; label: string }) {
  return (
    <div class="actions">
      <button type="submit" class="button button-primary" disabled={busy} aria-busy={busy}>
        {label}
      </button>
    </div>
  )
}

/**
 * The end of an editor's form: what went wrong saving, the words once it saved (`saved`, or
 * nothing), and the save button, disabled while it goes (`label`, else the console's Save).
 */
export function SaveActions({
  problem,
  saved,
  busy,
  label,
}: {
  problem: unknown
  saved: string | false
  busy: boolean
  label?: string
}) {
  const { tr } = useWords()
  return (
    <>
      {problem !== null && <Problem compact error={problem} />}
      {saved && <Done>{saved}</Done>}
      <SubmitActions busy={busy} label={label ?? tr('staff.save')} />
    </>
  )
}

/**
 * Which therapist an account or key acts as, once its role is therapist: required, and marked
 * with the server's words when it refused the choice. Ids are `${formId}-therapist` and, for the
 * words, `${formId}-therapist_id-error`, as the form's other fields are named.
 */
export function TherapistChoice({
  formId,
  label,
  therapists,
  value,
  onValue,
  error,
}: {
  formId: string
  label: string
  therapists: Therapist[]
  value: string
  onValue: (therapistId: string) => void
  error: string | undefined
}) {
  const { tr } = useWords()
  const errorId = `${formId}-therapist_id-error`
  return (
    <div class="field">
      <label for={`${formId}-therapist`}>{label}</label>
      <select
        id={`${formId}-therapist`}
        value={value}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => onValue(e.currentTarget.value)}
      >
        <option value="">{tr('staff.team.chooseTherapist')}</option>
        <NameOptions people={therapists} />
      </select>
      {error && (
        <p class="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  )
}

/** A choice list's options for people (therapists, clients), each by name. */
export function NameOptions({ people }: { people: { id: string; name: string }[] }) {
  return (
    <>
      {people.map((person) => (
        <option key={person.id} value={person.id}>
          {person.name}
        </option>
      ))}
    </>
  )
}
