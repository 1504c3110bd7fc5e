import { maySee, mayReadMessages } from '../../shared/policy/access'
import { URGENT_ALERT_KINDS } from '../../shared/alert-kinds'
import { acknowledgeAlerts } from '../alerts/history-queries'
import { therapistScope } from '../api-keys/auth'
import { mustBeAllowed, permit, practiceRouter } from '../auth/practice-auth'
import type { Deps } from '../deps'
import { auditCaller } from '../audit/queries'
import { findThread, listThreadMessages, listThreads, markRead, routeThread, type ThreadRow } from './queries'
import { refuseUnknownTherapist } from '../therapists/queries'
import type { Tx } from '../db/connect'
import { iso } from '../db/rows'
import { inPractice } from '../db/tenant'
import { forbidden, notFound } from '../http/errors'
import { toMessage } from './body'
import { postMessage } from './post'
import { announceReply } from './reply-notice'
import { describe, input } from '../http/openapi/describe'
import { listOf } from '../../shared/schemas/common'
import {
  Message,
  MessageList,
  Thread,
  ThreadListQuery,
  ThreadMessageListQuery,
  ThreadRoute,
  TherapistReply,
} from '../../shared/schemas/portal'
import { pathId } from '../http/params'

function threadItem(row: ThreadRow): Thread {
  return {
    id: row.id,
    client: { id: row.client_id, name: row.client_name },
    therapist_id: row.therapist_id,
    last_message_at: iso(row.last_message_at),
    unread_count: row.unread_count,
    last_sender: row.last_sender,
    urgent: row.urgent,
    crisis: row.urgent,
  }
}

const wordsForbidden = () => forbidden('The front desk sees who wrote and when, but not what they wrote.')

/** Reading a thread marks the client's messages read and acknowledges its urgent alerts. */
async function openedThread(tx: Tx, practiceId: string, threadId: string, by: string, now: Date) {
  await markRead(tx, practiceId, { threadIds: [threadId], writtenBy: 'client', now })
  await acknowledgeAlerts(tx, practiceId, { threadId, kinds: URGENT_ALERT_KINDS }, by, now)
}

/**
 * The therapist's inbox. A therapist key sees only its own threads; an admin key (the staff
 * console) sees all. Only the therapist's own reading marks client messages as read.
 */
export function threadRoutes(deps: Deps) {
  const app = practiceRouter(deps, 'threads')
  // The words themselves: the front desk sees who wrote and when, never what (403 before anything is looked up).
  app.use('/:id/messages', permit('message_bodies'))
  app.use('/:id/read', permit('message_bodies'))

  app.get(
    '/',
    describe({
      summary: 'Message threads: crisis-flagged first, then most recent',
      tags: ['messages'],
      auth: 'api_key',
      responses: { 200: { description: 'A page of threads', schema: listOf(Thread) } },
    }),
    input('query', ThreadListQuery),
    async (c) => {
      const { practiceId } = c.var.principal
      const q = c.req.valid('query')
      const only = therapistScope(c.var.principal, q.therapist_id)
      if (only === null) return c.json({ data: [], next_cursor: null })
      const page = await inPractice(deps.sql, practiceId, (tx) =>
        listThreads(tx, practiceId, { ...q, therapistId: only }),
      )
      return c.json({
        data: page.rows.map(threadItem),
        next_cursor: page.next_cursor,
      })
    },
  )

  app.get(
    '/:id/messages',
    describe({
      summary: 'Messages in a thread (newest page, oldest to newest)',
      tags: ['messages'],
      auth: 'api_key',
      responses: { 200: { description: 'Messages', schema: MessageList } },
    }),
    input('query', ThreadMessageListQuery),
    async (c) => {
      const { practiceId, role, actorId } = c.var.principal
      const id = pathId(c.req.param('id'), 'That thread')
      const q = c.req.valid('query')
      const now = deps.clock()
      const page = await inPractice(deps.sql, practiceId, async (tx) => {
        const thread = await findThread(tx, practiceId, id)
        if (!thread || !maySee(c.var.principal, thread)) throw notFound('That thread')
        if (!mayReadMessages(c.var.principal)) throw wordsForbidden()
        const page = await listThreadMessages(tx, practiceId, id, q)
        // The therapist opening their own thread has read it, and has seen anything urgent in it.
        if (role === 'therapist') await openedThread(tx, practiceId, id, actorId, now)
        await auditCaller(tx, c.var.principal, {
          action: 'thread.read',
          subject: { kind: 'thread', id },
        })
        return page
      })
      const data = await Promise.all(page.rows.map((row) => toMessage(deps, row)))
      return c.json({ data, next_cursor: page.next_cursor })
    },
  )

  app.post(
    '/:id/messages',
    describe({
      summary: "Reply to the client in the therapist's name",
      tags: ['messages'],
      auth: 'api_key',
      responses: { 201: { description: 'The reply', schema: Message } },
    }),
    input('json', TherapistReply),
    async (c) => {
      const { practiceId, actorId } = c.var.principal
      const id = pathId(c.req.param('id'), 'That thread')
      const body = c.req.valid('json')
      const now = deps.clock()
      const message = await inPractice(deps.sql, practiceId, async (tx) => {
        const thread = await findThread(tx, practiceId, id)
        if (!thread || !maySee(c.var.principal, thread)) throw notFound('That thread')
        if (!mayReadMessages(c.var.principal)) throw wordsForbidden()
        const row = await postMessage(tx, deps, {
          practiceId,
          clientId: thread.client_id,
          therapistId: thread.therapist_id,
          sender: 'therapist',
          channel: 'portal',
          senderKeyId: c.var.principal.actor.kind === 'api_key' ? actorId : null,
          senderStaff:
            c.var.principal.actor.kind === 'staff' ? { id: actorId, name: c.var.principal.actor.name } : null,
          category: body.category,
          body: body.body,
          now,
        })
        await announceReply(tx, {
          practiceId,
          clientId: thread.client_id,
          therapistId: thread.therapist_id,
          threadId: id,
          now,
        })
        await auditCaller(tx, c.var.principal, {
          action: 'message.sent',
          subject: { kind: 'message', id: row.id },
          detail: { thread_id: id, category: body.category },
        })
        return toMessage(deps, row)
      })
      return c.json(message, 201)
    },
  )
  app.post(
    '/:id/read',
    describe({
      summary: "Mark the client's messages in a thread read (opening it in the console)",
      description: 'Also acknowledges the open urgent alerts about the thread, so they stop escalating.',
      tags: ['messages'],
      auth: 'api_key',
      responses: { 204: { description: 'Marked read' } },
    }),
    async (c) => {
      const { practiceId, actorId } = c.var.principal
      const id = pathId(c.req.param('id'), 'That thread')
      const now = deps.clock()
      await inPractice(deps.sql, practiceId, async (tx) => {
        const thread = await findThread(tx, practiceId, id)
        if (!thread || !maySee(c.var.principal, thread)) throw notFound('That thread')
        if (!mayReadMessages(c.var.principal)) throw wordsForbidden()
        await openedThread(tx, practiceId, id, actorId, now)
        await auditCaller(tx, c.var.principal, {
          action: 'thread.marked_read',
          subject: { kind: 'thread', id },
        })
      })
      return c.body(null, 204)
    },
  )

  app.patch(
    '/:id',
    describe({
      summary: 'Hand a thread to the right therapist (admin, front desk)',
      description:
        "The thread, its messages and its alerts move to `therapist_id`; if the client already has a thread with that therapist, the two become one. Answers the thread's id afterwards.",
      tags: ['messages'],
      auth: 'admin',
      responses: { 200: { description: 'The thread as it is now', schema: Thread } },
    }),
    input('json', ThreadRoute),
    async (c) => {
      const { practiceId } = c.var.principal
      mustBeAllowed(c.var.principal, 'change', 'thread_routing')
      const id = pathId(c.req.param('id'), 'That thread')
      const { therapist_id } = c.req.valid('json')
      const threadId = await inPractice(deps.sql, practiceId, async (tx) => {
        const thread = await findThread(tx, practiceId, id)
        if (!thread) throw notFound('That thread')
        await refuseUnknownTherapist(tx, practiceId, therapist_id)
        if (thread.therapist_id === therapist_id) return id
        const moved = await routeThread(tx, practiceId, thread, therapist_id)
        await auditCaller(tx, c.var.principal, {
          action: 'thread.routed',
          subject: { kind: 'thread', id: moved },
          detail: { from_therapist_id: thread.therapist_id, therapist_id, merged_from: moved === id ? null : id },
        })
        return moved
      })
      const [row] = (
        await inPractice(deps.sql, practiceId, (tx) => listThreads(tx, practiceId, { threadId, limit: 1 }))
      ).rows
      return c.json(threadItem(row!))
    },
  )
  return app
}
