import type { ComponentChildren } from 'preact'
import { useEffect, useRef } from 'preact/hooks'
import type { Therapist } from '../../shared/schemas/people'
import { useWords, type Words } from '../../widget/app/i18n'
import { useLoad } from '../../ui/use-load'
import { ApiError } from '../../ui/api-client'
import type { StaffContext } from '../Console'

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
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (document.hasFocus()) heading.current?.focus({ preventScroll: true })
  }, [title])
  return (
    <section class="screen staff-screen" aria-labelledby="screen-title">
      <h1 id="screen-title" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {lead && <p class="lead">{lead}</p>}
      {children}
    </section>
  )
}

/** What went wrong, in words staff can act on. */
export function staffProblemText(error: unknown, w: Words): string {
  if (error instanceof ApiError) {
    if (error.code === 'network') return w.tr('staff.error.network')
    if (error.status === 401) return w.tr('staff.error.signedOut')
    if (error.status === 403) return w.tr('staff.error.forbidden')
    if (error.status === 404) return w.tr('staff.error.notFound')
    if (error.status === 409 || error.status === 400) return error.message
  }
  return w.tr('staff.error.generic')
}

export function StaffProblem({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const w = useWords()
  return (
    <div class="notice notice-problem" role="alert">
      <p>{staffProblemText(error, w)}</p>
      {onRetry && (
        <button type="button" class="button button-secondary button-small" onClick={onRetry}>
          {w.tr('staff.retry')}
        </button>
      )}
    </div>
  )
}

/** An admin chooses whose calls or policy to see; a therapist key is always its own therapist. */
export function TherapistPicker({ ctx, id = 'therapist' }: { ctx: StaffContext; id?: string }) {
  const { tr } = useWords()
  const list = useLoad<Therapist[]>(() => ctx.api.therapists(), [])
  useEffect(() => {
    const first = list.state === 'ready' ? list.data[0] : undefined
    if (!ctx.therapistId && first) ctx.chooseTherapist(first.id)
  }, [list.state])
  if (ctx.identity.role !== 'admin') return null
  if (list.state === 'error') return <StaffProblem error={list.error} onRetry={list.reload} />
  const therapists = list.state === 'ready' ? list.data : []
  return (
    <div class="field field-inline">
      <label for={id}>{tr('staff.therapist')}</label>
      <select id={id} value={ctx.therapistId ?? ''} onChange={(e) => ctx.chooseTherapist(e.currentTarget.value)}>
        {therapists.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
    </div>
  )
}
