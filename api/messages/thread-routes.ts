import { maySee } from '../../shared/policy/access'
import { Hono } from 'hono'
import { apiKeyAuth, therapistScope } from '../api-keys/auth'
import type { AppEnv, Deps } from '../deps'
import { audit } from '../audit/queries'
import { findThread, listThreadMessages, listThreads, markRead } from './queries'
import { iso } from '../db/rows'
import { inPractice } from '../db/tenant'
import { notFound } from '../http/errors'
import { toMessage } from './body'
import { postMessage } from './post'
import { describe, input } from '../http/openapi/describe'
import { listOf } from '../../shared/schemas/common'
import {
  Message,
  MessageList,
  Thread,
  ThreadListQuery,
  ThreadMessageListQuery,
  TherapistReply,
} from '../../shared/schemas/portal'
import { pathId } from '../http/params'

/**
 * The therapist's inbox. A therapist key sees only its own threads; an admin key (the staff
 * console) sees all. Only the therapist's own reading marks client messages as read.
 */
export function threadRoutes(deps: Deps) {
  const app = new Hono<AppEnv>()
  app.use('*', apiKeyAuth(deps))

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
        data: page.rows.map((row) => ({
          id: row.id,
          client: { id: row.client_id, name: row.client_name },
          therapist_id: row.therapist_id,
          last_message_at: iso(row.last_message_at),
          unread_count: row.unread_count,
          crisis: row.crisis,
        })),
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
      const { practiceId, role, keyId } = c.var.principal
      const id = pathId(c.req.param('id'), 'That thread')
      const q = c.req.valid('query')
      const now = deps.clock()
      const page = await inPractice(deps.sql, practiceId, async (tx) => {
        const thread = await findThread(tx, practiceId, id)
        if (!thread || !maySee(c.var.principal, thread)) throw notFound('That thread')
        const page = await listThreadMessages(tx, practiceId, id, q)
        if (role === 'therapist') await markRead(tx, practiceId, { threadIds: [id], writtenBy: 'client', now })
        await audit(tx, {
          practiceId,
          actor: { kind: 'api_key', id: keyId },
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
      const { practiceId, keyId } = c.var.principal
      const id = pathId(c.req.param('id'), 'That thread')
      const body = c.req.valid('json')
      const now = deps.clock()
      const message = await inPractice(deps.sql, practiceId, async (tx) => {
        const thread = await findThread(tx, practiceId, id)
        if (!thread || !maySee(c.var.principal, thread)) throw notFound('That thread')
        const row = await postMessage(tx, deps, {
          practiceId,
          clientId: thread.client_id,
          therapistId: thread.therapist_id,
          sender: 'therapist',
          senderKeyId: keyId,
          category: body.category,
          body: body.body,
          now,
        })
        await audit(tx, {
          practiceId,
          actor: { kind: 'api_key', id: keyId },
          action: 'message.sent',
          subject: { kind: 'message', id: row.id },
          detail: { thread_id: id, category: body.category },
        })
        return toMessage(deps, row)
      })
      return c.json(message, 201)
    },
  )
  return app
}
