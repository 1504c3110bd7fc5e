import { useState } from 'preact/hooks'
import { categoryLabel, contactExpectation } from '../../shared/policy/contact'
import type { Therapist } from '../../shared/schemas/people'
import type { ContactPolicy, MessageCategory } from '../../shared/schemas/policies'
import { Loading, Problem } from '../../ui/States'
import { useWords } from '../i18n'
import { useLoad } from '../../ui/use-load'
import { ApiError } from '../../ui/api-client'
import { SaveActions, StaffScreen, TherapistPicker } from '../components/Parts'
import type { StaffContext } from '../Console'
import { useSubmit } from '../components/FormFields'
import { NoteField } from '../../ui/NoteField'

const CATEGORIES: MessageCategory[] = ['scheduling', 'resource', 'update', 'homework', 'other']

/**
 * A therapist's between-session contact policy (their own; an admin picks whose), with the exact
 * words clients will read before they write, from the same function the portal uses.
 */
export function ContactPolicyScreen({ ctx }: { ctx: StaffContext }) {
  const { tr } = useWords()
  const id = ctx.therapistId
  const loaded = useLoad<{ policy: ContactPolicy; therapist: Therapist } | null>(async () => {
    if (!id) return null
    const [policy, therapists] = await Promise.all([ctx.api.contactPolicy(id), ctx.api.therapists()])
    return { policy, therapist: therapists.find((t) => t.id === id)! }
  }, [id])

  return (
    <StaffScreen title={tr('staff.contact.title')} lead={tr('staff.contact.lead')}>
      <div class="toolbar">
        <TherapistPicker ctx={ctx} id="contact-therapist" />
      </div>
      {loaded.state === 'error' ? (
        <Problem compact error={loaded.error} onRetry={loaded.reload} />
      ) : loaded.state === 'loading' || !loaded.data || loaded.data.therapist.id !== id ? (
        // Until the chosen therapist's own policy has arrived, the previous one's must not be shown
        // (or saved) under the new name.
        <Loading />
      ) : (
        <Editor key={loaded.data.therapist.id} ctx={ctx} therapist={loaded.data.therapist} saved={loaded.data.policy} />
      )}
    </StaffScreen>
  )
}

function Editor({ ctx, therapist, saved }: { ctx: StaffContext; therapist: Therapist; saved: ContactPolicy }) {
  const { tr, locale } = useWords()
  const [policy, setPolicy] = useState<ContactPolicy>(saved)
  const [days, setDays] = useState(saved.reply_expectation.kind === 'business_days' ? saved.reply_expectation.days : 2)
  const { busy, problem, submit } = useSubmit()
  const [done, setDone] = useState(false)
  const fields = problem instanceof ApiError ? (problem.details?.fields ?? {}) : {}
  const expectation = contactExpectation(policy, therapist.name, locale)
  const update = (patch: Partial<ContactPolicy>) => {
    setDone(false)
    setPolicy({ ...policy, ...patch })
  }
  const toggle = (category: MessageCategory) =>
    update({
      allowed_categories: policy.allowed_categories.includes(category)
        ? policy.allowed_categories.filter((c) => c !== category)
        : CATEGORIES.filter((c) => c === category || policy.allowed_categories.includes(c)),
    })
  const text = (value: string) => (value.trim() ? value : undefined)
  /** One way of answering in the "replies" group: within some business days, or no promise. */
  const replyChoice = (kind: ContactPolicy['reply_expectation']['kind'], id: string, label: string) => (
    <>
      <input
        type="radio"
        name="replies"
        id={id}
        checked={policy.reply_expectation.kind === kind}
        onChange={() => update({ reply_expectation: kind === 'none' ? { kind } : { kind, days } })}
      />
      <label for={id}>{label}</label>
    </>
  )
  /** One of the policy's own words to clients, up to 1,000 characters; `words` names its label and hint. */
  const policyNote = (field: 'auto_reply' | 'crisis_note', id: string, words: 'autoReply' | 'crisisNote') => (
    <NoteField
      id={id}
      label={tr(`staff.contact.${words}`)}
      hint={tr(`staff.contact.${words}Hint`)}
      rows={3}
      maxLength={1000}
      value={policy[field] ?? ''}
      onValue={(value) => update({ [field]: value })}
    />
  )

  async function save(event: Event) {
    event.preventDefault()
    await submit(async () => {
      const body: ContactPolicy = {
        accepts_messages: policy.accepts_messages,
        allowed_categories: policy.allowed_categories,
        reply_expectation:
          policy.reply_expectation.kind === 'none' ? { kind: 'none' } : { kind: 'business_days', days },
        ...(text(policy.auto_reply ?? '') ? { auto_reply: policy.auto_reply!.trim() } : {}),
        ...(text(policy.crisis_note ?? '') ? { crisis_note: policy.crisis_note!.trim() } : {}),
      }
      setPolicy(await ctx.api.saveContactPolicy(therapist.id, body))
      setDone(true)
      ctx.announce(tr('staff.contact.saved', { therapist: therapist.name }))
    })
  }

  return (
    <div class="editor">
      <form class="form editor-form" onSubmit={save} noValidate>
        <div class="check check-plain">
          <input
            type="checkbox"
            id="accepts"
            checked={policy.accepts_messages}
            onChange={(e) => update({ accepts_messages: e.currentTarget.checked })}
          />
          <label for="accepts">{tr('staff.contact.accepts', { therapist: therapist.name })}</label>
        </div>
        {policy.accepts_messages && (
          <>
            <fieldset class="pills">
              <legend>{tr('staff.contact.categories')}</legend>
              {CATEGORIES.map((category) => (
                <span class="pill" key={category}>
                  <input
                    type="checkbox"
                    id={`cat-${category}`}
                    checked={policy.allowed_categories.includes(category)}
                    onChange={() => toggle(category)}
                  />
                  <label for={`cat-${category}`}>{categoryLabel(category, locale)}</label>
                </span>
              ))}
            </fieldset>
            <fieldset class="categories">
              <legend>{tr('staff.contact.replies')}</legend>
              <div class="radio">
                {replyChoice('business_days', 'replies-days', tr('staff.contact.repliesDays'))}
                {policy.reply_expectation.kind === 'business_days' && (
                  <span class="days">
                    <label class="sr-only" for="reply-days">
                      {tr('staff.contact.daysLabel')}
                    </label>
                    <input
                      id="reply-days"
                      type="number"
                      min={1}
                      max={10}
                      value={days}
                      onInput={(e) => {
                        const value = Number(e.currentTarget.value)
                        setDays(value)
                        update({ reply_expectation: { kind: 'business_days', days: value } })
                      }}
                      aria-invalid={fields['reply_expectation.days'] ? true : undefined}
                    />
                    <span aria-hidden="true">{tr('staff.contact.daysUnit')}</span>
                  </span>
                )}
              </div>
              <div class="radio">{replyChoice('none', 'replies-none', tr('staff.contact.repliesNone'))}</div>
            </fieldset>
            {policyNote('auto_reply', 'auto-reply', 'autoReply')}
          </>
        )}
        {policyNote('crisis_note', 'crisis-note', 'crisisNote')}
        <SaveActions
          problem={problem}
          saved={done && tr('staff.contact.saved', { therapist: therapist.name })}
          busy={busy}
        />
      </form>
      <aside class="preview" aria-labelledby="contact-preview">
        <h2 id="contact-preview" class="section-title">
          {tr('staff.contact.preview')}
        </h2>
        <div class="expect">
          {expectation.welcome_text && <p>{expectation.welcome_text}</p>}
          <p>{expectation.reply_text}</p>
          <p class="fine">{expectation.confidential_text}</p>
        </div>
      </aside>
    </div>
  )
}
