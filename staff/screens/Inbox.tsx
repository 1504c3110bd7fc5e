import { useEffect, useState } from 'preact/hooks'
import { readConsoleHash } from '../../shared/console-links'
import { mayReadMessages, mayRouteThreads, ownTherapist } from '../../shared/policy/access'
import { contactExpectation } from '../../shared/policy/contact'
import type { Therapist } from '../../shared/schemas/people'
import type { ContactPolicy } from '../../shared/schemas/policies'
import type { Message, Thread } from '../../shared/schemas/portal'
import { Done, Empty, Loading, Problem } from '../../ui/States'
import { useLoad } from '../../ui/use-load'
import { StaffScreen, NameOptions, SmallButton } from '../components/Parts'
import type { StaffContext } from '../Console'
import { useWords } from '../i18n'
import { useSubmit } from '../components/FormFields'
import { NoteField } from '../../ui/NoteField'

/**
 * The inbox: one thread per client and therapist, whatever the channel. Urgent threads first,
 * then the most recent. A therapist reads, replies and marks read, with their contact policy
 * beside the reply box; the front desk sees who wrote and when (not the words) and can hand a
 * thread to the right therapist. Opening an urgent thread acknowledges its alert.
 */
export function Inbox({ ctx }: { ctx: StaffContext }) {
  const { tr } = useWords()
  const threads = useLoad<Thread[]>(() => ctx.api.threads(), [])
  const therapists = useLoad<Therapist[]>(() => ctx.api.therapists(), [])
  // A link into the console (`#inbox/<id>`, from a page or an alert) opens that thread.
  const [openId, setOpenId] = useState<string | null>(() => readConsoleHash(location.hash)?.id ?? null)
  const wholePractice = ownTherapist(ctx.viewer) === null
  const names = new Map((therapists.state === 'ready' ? therapists.data : []).map((t) => [t.id, t.name]))
  const list = threads.state === 'ready' ? threads.data : []
  const open = list.find((t) => t.id === openId) ?? null

  return (
    <StaffScreen
      title={tr('staff.inbox.title')}
      lead={tr(mayReadMessages(ctx.viewer) ? 'staff.inbox.lead' : 'staff.inbox.leadFrontDesk')}
    >
      {threads.state === 'loading' || (wholePractice && therapists.state === 'loading') ? (
        <Loading />
      ) : threads.state === 'error' ? (
        <Problem compact error={threads.error} onRetry={threads.reload} />
      ) : list.length === 0 ? (
        <Empty>
          <p>{tr('staff.inbox.none')}</p>
        </Empty>
      ) : (
        <div class="inbox">
          <ul class="threads" aria-label={tr('staff.inbox.threads')}>
            {list.map((thread) => (
              <ThreadItem
                key={thread.id}
                thread={thread}
                therapist={wholePractice ? names.get(thread.therapist_id) : undefined}
                current={thread.id === openId}
                onOpen={() => setOpenId(thread.id)}
              />
            ))}
          </ul>
          {open ? (
            <Conversation
              key={open.id}
              ctx={ctx}
              thread={open}
              therapists={therapists.state === 'ready' ? therapists.data : []}
              onChanged={(threadId) => {
                if (threadId) setOpenId(threadId)
                threads.reload()
              }}
            />
          ) : (
            <p class="inbox-pick fine">{tr('staff.inbox.pick')}</p>
          )}
        </div>
      )}
    </StaffScreen>
  )
}

function ThreadItem({
  thread,
  therapist,
  current,
  onOpen,
}: {
  thread: Thread
  therapist: string | undefined
  current: boolean
  onOpen: () => void
}) {
  const { tr, when } = useWords()
  return (
    <li class={`thread${thread.urgent ? ' thread-urgent' : ''}`}>
      <button type="button" class="thread-open" aria-current={current ? 'true' : undefined} onClick={onOpen}>
        <span class="thread-who">
          <strong>{thread.client.name}</strong>
          {therapist && <span class="fine"> {tr('staff.schedule.with', { therapist })}</span>}
        </span>
        <span class="thread-facts">
          {thread.urgent && <span class="chip chip-urgent">{tr('staff.alerts.urgent')}</span>}
          {thread.unread_count > 0 && (
            <span class="chip chip-ask">{tr('staff.inbox.unread', { count: thread.unread_count })}</span>
          )}
          {thread.last_sender === 'client' && thread.unread_count === 0 && (
            <span class="chip chip-muted">{tr('staff.inbox.awaiting')}</span>
          )}
          <time class="fine" dateTime={thread.last_message_at}>
            {when(thread.last_message_at, 'short')}
          </time>
        </span>
      </button>
    </li>
  )
}

function Conversation({
  ctx,
  thread,
  therapists,
  onChanged,
}: {
  ctx: StaffContext
  thread: Thread
  therapists: Therapist[]
  onChanged: (threadId?: string) => void
}) {
  const { tr } = useWords()
  const reads = mayReadMessages(ctx.viewer)
  const [done, setDone] = useState<string | null>(null)
  const messages = useLoad<Message[] | null>(
    async () => (reads ? ctx.api.threadMessages(thread.id) : null),
    [thread.id],
  )

  // Opening a thread: the therapist's own reading marks it read on the server; anyone else who
  // may read it acknowledges an urgent one, so it stops escalating.
  useEffect(() => {
    if (messages.state !== 'ready' || !reads) return
    const own = ownTherapist(ctx.viewer) === thread.therapist_id
    if (own) {
      if (thread.unread_count > 0 || thread.urgent) onChanged()
    } else if (thread.urgent) {
      void ctx.api.markThreadRead(thread.id).then(() => onChanged())
    }
  }, [messages.state])

  const say = (text: string) => {
    setDone(text)
    ctx.announce(text)
  }

  return (
    <section class="conversation" aria-labelledby="conversation-title">
      <h2 id="conversation-title" class="staff-subtitle">
        {tr('staff.inbox.with', { client: thread.client.name })}
      </h2>
      {done && <Done>{done}</Done>}
      {!reads ? (
        <p class="fine">{tr('staff.inbox.noWords')}</p>
      ) : messages.state === 'loading' ? (
        <Loading />
      ) : messages.state === 'error' ? (
        <Problem compact error={messages.error} onRetry={messages.reload} />
      ) : (
        <>
          <ol class="messages">
            {(messages.data ?? []).map((message) => (
              <MessageItem key={message.id} message={message} client={thread.client.name} />
            ))}
          </ol>
          {thread.unread_count > 0 && ownTherapist(ctx.viewer) !== thread.therapist_id && (
            <SmallButton
              onClick={async () => {
                await ctx.api.markThreadRead(thread.id)
                say(tr('staff.inbox.markedRead'))
                onChanged()
              }}
            >
              {tr('staff.inbox.markRead')}
            </SmallButton>
          )}
          <ReplyBox
            ctx={ctx}
            thread={thread}
            therapist={therapists.find((t) => t.id === thread.therapist_id)}
            onSent={() => {
              say(tr('staff.inbox.sent', { client: thread.client.name }))
              messages.reload()
              onChanged()
            }}
          />
        </>
      )}
      {mayRouteThreads(ctx.viewer) && therapists.length > 1 && (
        <RouteThread
          ctx={ctx}
          thread={thread}
          therapists={therapists}
          onRouted={(moved, name) => {
            say(tr('staff.inbox.routed', { client: thread.client.name, therapist: name }))
            onChanged(moved.id)
          }}
        />
      )}
    </section>
  )
}

function MessageItem({ message, client }: { message: Message; client: string }) {
  const { tr, when } = useWords()
  const fromClient = message.sender === 'client'
  return (
    <li class={`message ${fromClient ? 'message-client' : 'message-staff'}`}>
      <p class="message-meta">
        <strong>{message.sender === 'client' ? client : tr(`staff.inbox.sender.${message.sender}`)}</strong>
        <span class="chip chip-muted">{tr(`staff.inbox.channel.${message.channel}`)}</span>
        {message.category === 'crisis' && <span class="chip chip-urgent">{tr('staff.inbox.crisis')}</span>}
        <time class="fine" dateTime={message.created_at}>
          {when(message.created_at, 'short')}
        </time>
      </p>
      <p class="message-body">{message.body}</p>
    </li>
  )
}

/** The reply box, with what the client has been told to expect beside it. */
function ReplyBox({
  ctx,
  thread,
  therapist,
  onSent,
}: {
  ctx: StaffContext
  thread: Thread
  therapist: Therapist | undefined
  onSent: () => void
}) {
  const { tr, locale } = useWords()
  const [body, setBody] = useState('')
  const { busy, problem, submit } = useSubmit()
  const policy = useLoad<ContactPolicy>(() => ctx.api.contactPolicy(thread.therapist_id), [thread.therapist_id])
  const expectation = policy.state === 'ready' ? contactExpectation(policy.data, therapist?.name ?? '', locale) : null

  async function send(event: Event) {
    event.preventDefault()
    if (!body.trim()) return
    await submit(async () => {
      await ctx.api.reply(thread.id, body.trim())
      setBody('')
      onSent()
    })
  }

  return (
    <div class="reply">
      <form class="form reply-form" onSubmit={send} noValidate>
        <NoteField
          id="reply-body"
          label={tr('staff.inbox.reply')}
          hint={tr('staff.inbox.replyHint')}
          rows={4}
          maxLength={4000}
          value={body}
          onValue={setBody}
        />
        {problem !== null && <Problem compact error={problem} />}
        <div class="actions">
          <button type="submit" class="button button-primary" disabled={busy || !body.trim()} aria-busy={busy}>
            {tr('staff.inbox.send')}
          </button>
        </div>
      </form>
      <aside class="reply-policy" aria-labelledby="reply-policy-title">
        <h3 id="reply-policy-title">{tr('staff.inbox.policyTitle')}</h3>
        {expectation ? (
          <>
            {expectation.welcome_text && <p>{expectation.welcome_text}</p>}
            <p>{expectation.reply_text}</p>
            {policy.state === 'ready' && policy.data.auto_reply && (
              <p class="fine">{tr('staff.inbox.autoReply', { text: policy.data.auto_reply })}</p>
            )}
          </>
        ) : policy.state === 'error' ? (
          <p class="fine">{tr('staff.inbox.policyUnknown')}</p>
        ) : (
          <Loading />
        )}
      </aside>
    </div>
  )
}

function RouteThread({
  ctx,
  thread,
  therapists,
  onRouted,
}: {
  ctx: StaffContext
  thread: Thread
  therapists: Therapist[]
  onRouted: (thread: Thread, therapistName: string) => void
}) {
  const { tr } = useWords()
  const others = therapists.filter((t) => t.id !== thread.therapist_id)
  const [to, setTo] = useState(others[0]?.id ?? '')
  const { busy, problem, submit } = useSubmit()

  async function route(event: Event) {
    event.preventDefault()
    const target = others.find((t) => t.id === to)
    if (!target) return
    await submit(async () => {
      onRouted(await ctx.api.routeThread(thread.id, target.id), target.name)
    })
  }

  return (
    <form class="route-thread toolbar" onSubmit={route}>
      <div class="field field-inline">
        <label for="route-to">{tr('staff.inbox.routeTo')}</label>
        <select id="route-to" value={to} onChange={(e) => setTo(e.currentTarget.value)}>
          <NameOptions people={others} />
        </select>
      </div>
      <button type="submit" class="button button-secondary button-small" disabled={busy || !to} aria-busy={busy}>
        {tr('staff.inbox.route')}
      </button>
      {problem !== null && <Problem compact error={problem} />}
    </form>
  )
}
