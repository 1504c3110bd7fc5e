import { can } from '../../shared/policy/permissions'
import { useState } from 'preact/hooks'
import { formatMoney } from '../../shared/i18n'
import { cancellationQuote } from '../../shared/policy/cancellation'
import { instantAt, localDate } from '../../shared/time/zone'
import type { Therapist } from '../../shared/schemas/people'
import type { CancellationPolicy } from '../../shared/schemas/policies'
import type { Practice } from '../../shared/schemas/practice'
import { displayPhone } from '../../ui/phone'
import { Loading, Problem } from '../../ui/States'
import { useWords } from '../i18n'
import { useLoad } from '../../ui/use-load'
import { SaveActions, StaffScreen, NameOptions, TitledSection } from '../components/Parts'
import type { StaffContext } from '../Console'
import { PolicyFields, usePolicyDraft } from './cancellation-fields'
import { useSubmit } from '../components/FormFields'

const DAY = 86_400_000

/**
 * The practice's cancellation policy (an admin changes it; a therapist sees it), with the rule as
 * a client will read it for a session a week away, from the same function the API enforces; then
 * each therapist's own rule where one replaces the practice's.
 */
export function CancellationPolicyScreen({ ctx }: { ctx: StaffContext }) {
  const { tr } = useWords()
  const loaded = useLoad<{ practice: Practice; therapists: Therapist[] }>(async () => {
    const [practice, therapists] = await Promise.all([ctx.api.practice(), ctx.api.therapists()])
    return { practice, therapists }
  }, [])
  return (
    <StaffScreen title={tr('staff.cancellation.title')} lead={tr('staff.cancellation.lead')}>
      {loaded.state === 'loading' ? (
        <Loading />
      ) : loaded.state === 'error' ? (
        <Problem compact error={loaded.error} onRetry={loaded.reload} />
      ) : (
        <>
          <Editor ctx={ctx} practice={loaded.data.practice} onSaved={loaded.reload} />
          <TherapistRules
            ctx={ctx}
            practice={loaded.data.practice}
            therapists={loaded.data.therapists}
            onSaved={loaded.reload}
          />
        </>
      )}
    </StaffScreen>
  )
}

function Preview({ policy, practice, id }: { policy: CancellationPolicy; practice: Practice; id: string }) {
  const { tr, locale } = useWords()
  // A session next week at 3 pm on the practice's clock, and one later today.
  const nextWeek = instantAt(localDate(Date.now() + 7 * DAY, practice.time_zone), '15:00', practice.time_zone)
  const quote = (startsAt: number | Date) =>
    cancellationQuote({
      startsAt,
      policy,
      now: Date.now(),
      timeZone: practice.time_zone,
      locale,
      // As the portal shows it: clients read "(555) 010-2000", not the stored number.
      practicePhone: displayPhone(practice.phone) ?? null,
    })
  return (
    <aside class="preview" aria-labelledby={id}>
      <h3 id={id} class="section-title">
        {tr('staff.cancellation.preview')}
      </h3>
      <p class="fine">{tr('staff.cancellation.exampleFree')}</p>
      <div class="rule">
        <p>{quote(nextWeek).policy_text}</p>
      </div>
      <p class="fine">{tr('staff.cancellation.exampleLate')}</p>
      <div class="rule rule-late">
        <p>{quote(Date.now() + 6 * 3_600_000).policy_text}</p>
      </div>
    </aside>
  )
}

/** "48 hours before the session · a $75.00 fee", as the list of rules says it. */
function useRuleSummary() {
  const { tr, locale } = useWords()
  return (policy: CancellationPolicy) =>
    `${tr('staff.cancellation.hours', { count: policy.window_hours })} · ${
      policy.late_action === 'fee'
        ? tr('staff.cancellation.feeOf', { fee: formatMoney(policy.fee_cents, policy.currency, locale) })
        : tr('staff.cancellation.contact')
    }`
}

function Editor({ ctx, practice, onSaved }: { ctx: StaffContext; practice: Practice; onSaved: () => void }) {
  const { tr } = useWords()
  const draft = usePolicyDraft(practice.cancellation_policy)
  const { busy, problem, submit } = useSubmit()
  const [done, setDone] = useState(false)
  const summary = useRuleSummary()
  const admin = can(ctx.me.user.role, 'change', 'practice_policies')

  async function save(event: Event) {
    event.preventDefault()
    const policy = draft.checked()
    if (!policy) return
    await submit(async () => {
      const saved = await ctx.api.saveCancellationPolicy(policy)
      draft.reset(saved.cancellation_policy)
      setDone(true)
      ctx.announce(tr('staff.cancellation.saved'))
      onSaved()
    })
  }

  const preview = <Preview policy={draft.shown} practice={practice} id="cancellation-preview" />
  const heading = (
    <h2 id="practice-rule" class="section-title">
      {tr('staff.cancellation.practiceRule')}
    </h2>
  )
  if (!admin) {
    return (
      <section aria-labelledby="practice-rule">
        {heading}
        <div class="editor">
          <div>
            <p class="rule-summary">{summary(draft.policy)}</p>
            <p class="fine">{tr('staff.cancellation.adminOnly')}</p>
          </div>
          {preview}
        </div>
      </section>
    )
  }

  return (
    <section aria-labelledby="practice-rule">
      {heading}
      <div class="editor">
        <form class="form editor-form" onSubmit={save} noValidate>
          <PolicyFields draft={draft} idPrefix="practice" onEdit={() => setDone(false)} />
          <SaveActions problem={problem} saved={done && tr('staff.cancellation.saved')} busy={busy} />
        </form>
        {preview}
      </div>
    </section>
  )
}

/** Every therapist's rule at a glance, and (for an admin) one therapist's own rule to set or remove. */
function TherapistRules({
  ctx,
  practice,
  therapists,
  onSaved,
}: {
  ctx: StaffContext
  practice: Practice
  therapists: Therapist[]
  onSaved: () => void
}) {
  const { tr } = useWords()
  const summary = useRuleSummary()
  const admin = can(ctx.me.user.role, 'change', 'therapists')
  const [chosenId, setChosenId] = useState(therapists[0]?.id ?? '')
  const chosen = therapists.find((t) => t.id === chosenId)
  if (therapists.length === 0) return null
  return (
    <TitledSection class="therapist-rules" id="therapist-rules" title={tr('staff.cancellation.therapists')}>
      <ul class="rules-list">
        {therapists.map((t) => (
          <li key={t.id}>
            <strong>{t.name}</strong>
            <span>
              {t.cancellation_policy
                ? tr('staff.cancellation.ownRule', { rule: summary(t.cancellation_policy) })
                : tr('staff.cancellation.followsPractice')}
            </span>
          </li>
        ))}
      </ul>
      {admin && chosen && (
        <>
          <div class="toolbar">
            <div class="field field-inline">
              <label for="override-therapist">{tr('staff.cancellation.whose')}</label>
              <select id="override-therapist" value={chosenId} onChange={(e) => setChosenId(e.currentTarget.value)}>
                <NameOptions people={therapists} />
              </select>
            </div>
          </div>
          <OverrideEditor key={chosen.id} ctx={ctx} practice={practice} therapist={chosen} onSaved={onSaved} />
        </>
      )}
    </TitledSection>
  )
}

function OverrideEditor({
  ctx,
  practice,
  therapist,
  onSaved,
}: {
  ctx: StaffContext
  practice: Practice
  therapist: Therapist
  onSaved: () => void
}) {
  const { tr } = useWords()
  const [own, setOwn] = useState(Boolean(therapist.cancellation_policy))
  const draft = usePolicyDraft(therapist.cancellation_policy ?? practice.cancellation_policy)
  const { busy, problem, submit } = useSubmit()
  const [done, setDone] = useState(false)
  const choose = (value: boolean) => {
    setDone(false)
    setOwn(value)
  }

  async function save(event: Event) {
    event.preventDefault()
    const policy = own ? draft.checked() : null
    if (own && !policy) return
    await submit(async () => {
      await ctx.api.saveTherapistCancellationPolicy(therapist.id, policy)
      setDone(true)
      ctx.announce(tr('staff.cancellation.savedFor', { therapist: therapist.name }))
      onSaved()
    })
  }

  return (
    <div class="editor">
      <form class="form editor-form" onSubmit={save} noValidate>
        <fieldset class="categories">
          <legend>{tr('staff.cancellation.ruleFor', { therapist: therapist.name })}</legend>
          <div class="radio">
            <input type="radio" name="own-rule" id="own-none" checked={!own} onChange={() => choose(false)} />
            <label for="own-none">{tr('staff.cancellation.usePractice')}</label>
          </div>
          <div class="radio">
            <input type="radio" name="own-rule" id="own-rule" checked={own} onChange={() => choose(true)} />
            <label for="own-rule">{tr('staff.cancellation.useOwn')}</label>
          </div>
        </fieldset>
        {own && <PolicyFields draft={draft} idPrefix="own" onEdit={() => setDone(false)} />}
        <SaveActions
          problem={problem}
          saved={done && tr('staff.cancellation.savedFor', { therapist: therapist.name })}
          busy={busy}
          label={tr('staff.cancellation.saveFor', { therapist: therapist.name })}
        />
      </form>
      <Preview policy={own ? draft.shown : practice.cancellation_policy} practice={practice} id="own-rule-preview" />
    </div>
  )
}
