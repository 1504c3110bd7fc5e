import { useState } from 'preact/hooks'
import { crisisSentence } from '../../../shared/crisis'
import { contactDecision, contactExpectation } from '../../../shared/policy/contact'
import type { ClientMessageCategory } from '../../../shared/schemas/policies'
import type { MessageCreated, PortalTherapist } from '../../../shared/schemas/portal'
import { ApiError } from '../../../ui/api-client'
import { CrisisResources } from '../components/CrisisResources'
import { Screen } from '../components/Screen'
import { Done, Empty, Loading, Problem } from '../../../ui/States'
import { useWords } from '../i18n/signed-in'
import type { PortalContext } from '../Portal'
import { useLoad } from '../../../ui/use-load'

type Props = { ctx: PortalContext; therapistId?: string | undefined; startWithCrisis?: boolean | undefined }

/**
 * Writing to a therapist, as their contact policy allows: what they welcome and when they reply
 * comes first; "I'm in crisis" shows the practice's crisis resources before the message box.
 */
export function Messages({ ctx, therapistId, startWithCrisis }: Props) {
  const words = useWords()
  const { tr, locale, when } = words
  const therapists = ctx.me.therapists
  const [chosen, setChosen] = useState<PortalTherapist | undefined>(
    therapists.find((t) => t.id === therapistId) ?? (therapists.length === 1 ? therapists[0] : undefined),
  )
  const [category, setCategory] = useState<ClientMessageCategory | null>(startWithCrisis ? 'crisis' : null)
  const [body, setBody] = useState('')
  const [fieldError, setFieldError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<unknown>(null)
  const [sent, setSent] = useState<MessageCreated | null>(null)
  const thread = useLoad(() => ctx.api.messages())
  const home = () => ctx.go({ name: 'home' })
  const resources = ctx.me.crisis_resources

  if (!chosen) {
    return (
      <Screen title={tr('widget.messages.pickTitle')} onBack={home} backLabel={tr('widget.sessions.title')}>
        <ul class="choices">
          {therapists.map((t) => (
            <li key={t.id}>
              <button type="button" class="shortcut" onClick={() => setChosen(t)}>
                <span class="shortcut-title">{t.name}</span>
              </button>
            </li>
          ))}
        </ul>
      </Screen>
    )
  }

  const name = chosen.name
  const expectation = contactExpectation(chosen.contact_policy, name, locale)
  const decision = category
    ? contactDecision({
        policy: chosen.contact_policy,
        category,
        therapistName: name,
        locale,
        crisisResources: resources,
      })
    : null

  async function send(event: Event) {
    event.preventDefault()
    setProblem(null)
    if (!category) {
      setFieldError(tr('widget.messages.pickCategory'))
      document.getElementById('category-0')?.focus()
      return
    }
    if (!body.trim()) {
      setFieldError(tr('widget.messages.empty'))
      document.getElementById('body')?.focus()
      return
    }
    setFieldError(null)
    setBusy(true)
    try {
      const created = await ctx.api.sendMessage({
        ...(therapists.length > 1 && { therapist_id: chosen!.id }),
        category,
        body: body.trim(),
      })
      setSent(created)
      setBody('')
      ctx.announce(tr('widget.messages.sent'))
      ctx.bridge.emit('message-sent')
      thread.reload()
    } catch (error) {
      setProblem(error)
    } finally {
      setBusy(false)
    }
  }

  if (sent) {
    const crisis = sent.message.category === 'crisis'
    return (
      <Screen key="sent" title={tr('widget.messages.sentTitle')} onBack={home} backLabel={tr('widget.sessions.title')}>
        {crisis && <CrisisResources resources={sent.crisis_resources ?? resources} />}
        <Done>
          <p>{sent.expectation}</p>
        </Done>
        {sent.auto_reply && (
          <figure class="auto-reply">
            <blockquote>{sent.auto_reply}</blockquote>
            <figcaption>{tr('widget.messages.autoReply', { therapist: name })}</figcaption>
          </figure>
        )}
        <div class="actions">
          <button
            type="button"
            class="button button-secondary"
            onClick={() => {
              setSent(null)
              setCategory(null)
            }}
          >
            {tr('widget.messages.another')}
          </button>
        </div>
      </Screen>
    )
  }

  const blocked = decision && !decision.allowed ? decision.message : null
  return (
    <Screen
      title={tr('widget.messages.title', { therapist: name })}
      onBack={home}
      backLabel={tr('widget.sessions.title')}
    >
      {decision?.crisis && (
        <div id="crisis-first" class="stack">
          <CrisisResources resources={decision.resources} headingLevel={2} />
          {decision.therapist_note && (
            <figure class="auto-reply">
              <blockquote>{decision.therapist_note}</blockquote>
              <figcaption>{name}</figcaption>
            </figure>
          )}
        </div>
      )}
      <div class="expect">
        {expectation.welcome_text && <p>{expectation.welcome_text}</p>}
        <p>{expectation.reply_text}</p>
        <p class="fine">{expectation.confidential_text}</p>
      </div>

      <form class="form" onSubmit={send} noValidate>
        <fieldset class="categories" aria-describedby={fieldError && !category ? 'category-error' : undefined}>
          <legend>{tr('widget.messages.about')}</legend>
          {expectation.choices.map((choice, index) => (
            <div class={`radio ${choice.category === 'crisis' ? 'radio-crisis' : ''}`} key={choice.category}>
              <input
                type="radio"
                id={`category-${index}`}
                name="category"
                value={choice.category}
                checked={category === choice.category}
                onChange={() => {
                  setCategory(choice.category)
                  setFieldError(null)
                  if (choice.category === 'crisis') {
                    ctx.announce(crisisSentence(resources, locale))
                    // The resources come first, and so does focus: Tab goes on to the numbers, not the text box.
                    requestAnimationFrame(() => {
                      const title = document.getElementById('crisis-title')
                      title?.focus({ preventScroll: true })
                      title?.scrollIntoView?.({ block: 'start' })
                    })
                  }
                }}
              />
              <label for={`category-${index}`}>{choice.label}</label>
            </div>
          ))}
          {fieldError && !category && (
            <p id="category-error" class="field-error">
              {fieldError}
            </p>
          )}
        </fieldset>

        {decision?.crisis && <p>{tr('widget.messages.crisisNote', { therapist: name })}</p>}
        {blocked ? (
          <div class="notice notice-info" role="status">
            <p>{blocked}</p>
          </div>
        ) : (
          <>
            <div class="field">
              <label for="body">
                {decision?.crisis ? tr('widget.messages.crisisLabel') : tr('widget.messages.label')}
              </label>
              <textarea
                id="body"
                rows={5}
                maxLength={4000}
                value={body}
                onInput={(e) => setBody(e.currentTarget.value)}
                aria-invalid={fieldError && category ? 'true' : undefined}
                aria-describedby={fieldError && category ? 'body-error' : undefined}
              />
              {fieldError && category && (
                <p id="body-error" class="field-error">
                  {fieldError}
                </p>
              )}
            </div>
            {problem !== null && (
              <Problem error={problem}>
                {problem instanceof ApiError && problem.code === 'contact_policy' ? problem.message : undefined}
              </Problem>
            )}
            <div class="actions">
              <button type="submit" class="button button-primary" disabled={busy} aria-busy={busy}>
                {busy ? tr('widget.messages.sending') : tr('widget.messages.send')}
              </button>
            </div>
          </>
        )}
      </form>

      <section class="thread" aria-labelledby="thread-title">
        <h2 id="thread-title" class="section-title">
          {tr('widget.messages.thread')}
        </h2>
        {thread.state === 'loading' && <Loading />}
        {thread.state === 'error' && <Problem error={thread.error} onRetry={thread.reload} />}
        {thread.state === 'ready' &&
          (thread.data.filter((m) => m.therapist_id === chosen.id).length === 0 ? (
            <Empty>
              <p>{tr('widget.messages.none')}</p>
            </Empty>
          ) : (
            <ol class="bubbles">
              {thread.data
                .filter((m) => m.therapist_id === chosen.id)
                .map((m) => (
                  <li key={m.id} class={`bubble bubble-${m.sender}`}>
                    <p class="bubble-meta">
                      {m.sender === 'client' ? tr('widget.messages.you') : name} · {when(m.created_at, 'short')}
                    </p>
                    <p class="bubble-body">{m.body}</p>
                  </li>
                ))}
            </ol>
          ))}
      </section>
    </Screen>
  )
}
