import { raiseAlert } from '../alerts/raise'
import { portalRouter } from '../portal/token'
import type { Deps } from '../deps'
import { audit } from '../audit/queries'
import { listClientMessages, markRead } from './queries'
import { chooseClientTherapist, findPortalClient } from '../portal/people-queries'
import { findPractice } from '../practice/queries'
import { ApiError } from '../http/errors'
import { toMessage } from './body'
import { postMessage } from './post'
import { describe, input } from '../http/openapi/describe'
import { contactDecision } from '../../shared/policy/contact'
import { MessageCreate, MessageCreated, MessageList, MessageListQuery } from '../../shared/schemas/portal'
import { isUuid } from '../http/params'

export function portalMessageRoutes(deps: Deps) {
  const app = portalRouter(deps)

  app.get(
    '/',
    describe({
      summary: "The client's messages with their therapists (newest page, oldest to newest)",
      tags: ['portal'],
      auth: 'portal',
      responses: { 200: { description: 'Messages; the therapist’s replies are marked read', schema: MessageList } },
    }),
    input('query', MessageListQuery),
    async (c) => {
      const { practiceId, clientId } = c.var.client
      const q = c.req.valid('query')
      if (q.therapist_id && !isUuid(q.therapist_id)) return c.json({ data: [], next_cursor: null })
      const now = deps.clock()
      const page = await c.var.inSession(async (tx) => {
        const page = await listClientMessages(tx, practiceId, clientId, { ...q, therapistId: q.therapist_id })
        await markRead(tx, practiceId, {
          threadIds: [...new Set(page.rows.map((m) => m.thread_id))],
          writtenBy: 'therapist',
          now,
        })
        await audit(tx, { practiceId, actor: { kind: 'client', id: clientId }, action: 'portal.viewed_messages' })
        return page
      })
      const data = await Promise.all(page.rows.map((row) => toMessage(deps, row)))
      return c.json({ data, next_cursor: page.next_cursor })
    },
  )

  app.post(
    '/',
    describe({
      summary: "Write to a therapist, as the therapist's contact policy allows",
      tags: ['portal'],
      auth: 'portal',
      description:
        'A category the therapist does not take (or any message when they take none) answers 403 `contact_policy` with the reason. ' +
        '`crisis` is never refused: the answer carries the crisis resources, and the therapist gets an urgent alert.',
      responses: { 201: { description: 'Sent', schema: MessageCreated } },
    }),
    input('json', MessageCreate),
    async (c) => {
      const { practiceId, clientId } = c.var.client
      const body = c.req.valid('json')
      const now = deps.clock()
      const actor = { kind: 'client', id: clientId } as const
      const crisis = body.category === 'crisis'
      const outcome = await c.var.inSession(async (tx) => {
        const therapist = await chooseClientTherapist(tx, practiceId, clientId, body.therapist_id, {
          ...(crisis ? { nearestWhenUnsure: now } : {}),
        })
        const client = (await findPortalClient(tx, practiceId, clientId))!
        const practice = (await findPractice(tx, practiceId))!
        const decision = contactDecision({
          policy: therapist.contact_policy,
          category: body.category,
          therapistName: therapist.name,
          locale: client.locale,
          crisisResources: practice.crisis_resources,
        })
        if (!decision.allowed) {
          // The refusal is recorded (without the text) and committed; the client gets the reason.
          await audit(tx, {
            practiceId,
            actor,
            action: 'message.refused',
            detail: { therapist_id: therapist.id, category: body.category, reason: decision.reason },
          })
          return { refused: decision, created: null }
        }
        const row = await postMessage(tx, deps, {
          practiceId,
          clientId,
          therapistId: therapist.id,
          sender: 'client',
          channel: 'portal',
          senderKeyId: null,
          category: body.category,
          body: body.body,
          now,
        })
        if (decision.crisis) {
          await raiseAlert(
            tx,
            {
              practiceId,
              kind: 'crisis_message',
              audience: 'therapist',
              therapistId: therapist.id,
              clientId,
              threadId: row.thread_id,
              dedupeKey: `crisis_message:${row.id}`,
              summary: `${client.name} sent ${therapist.name} a message marked "I'm in crisis". Please check on them today.`,
              context: { thread_id: row.thread_id, message_id: row.id },
            },
            now,
          )
        }
        await audit(tx, {
          practiceId,
          actor,
          action: 'message.sent',
          subject: { kind: 'message', id: row.id },
          detail: { therapist_id: therapist.id, category: body.category },
        })
        const created: MessageCreated = {
          message: await toMessage(deps, row),
          expectation: decision.expectation,
          ...(!decision.crisis && decision.auto_reply ? { auto_reply: decision.auto_reply } : {}),
          ...(decision.crisis ? { crisis_resources: decision.resources, crisis_text: decision.crisis_text } : {}),
        }
        return { refused: null, created }
      })
      if (outcome.refused) {
        throw new ApiError('contact_policy', outcome.refused.message, { reason: outcome.refused.reason })
      }
      return c.json(outcome.created, 201)
    },
  )
  return app
}
