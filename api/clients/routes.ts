import { Hono } from 'hono'
import { z } from 'zod'
import { adminOnly, apiKeyAuth } from '../api-keys/auth'
import type { AppEnv, Deps } from '../deps'
import { audit } from '../audit/queries'
import { findClient, insertClient, listClients, updateClient } from './queries'
import { inPractice } from '../db/tenant'
import { notFound } from '../http/errors'
import { describe, input } from '../http/openapi/describe'
import { Email, listOf, Limit } from '../../shared/schemas/common'
import { Client, ClientCreate, ClientPatch } from '../../shared/schemas/people'
import { ClientWithChannels } from '../../shared/schemas/reminders'
import { clientChannels } from '../reminders/audit'
import { clientReachChanged } from '../reminders/client-reach'
import { pathId } from '../http/params'

export function clientRoutes(deps: Deps) {
  const app = new Hono<AppEnv>()
  app.use('*', apiKeyAuth(deps), adminOnly)

  app.post(
    '/',
    describe({
      summary: 'Add a client',
      tags: ['clients'],
      auth: 'admin',
      responses: { 201: { description: 'The new client', schema: Client } },
    }),
    input('json', ClientCreate),
    async (c) => {
      const { practiceId, keyId } = c.var.principal
      const body = c.req.valid('json')
      const client = await inPractice(deps.sql, practiceId, async (tx) => {
        const created = await insertClient(tx, practiceId, body)
        await audit(tx, {
          practiceId,
          actor: { kind: 'api_key', id: keyId },
          action: 'client.created',
          subject: { kind: 'client', id: created.id },
        })
        return created
      })
      return c.json(client, 201)
    },
  )

  app.get(
    '/',
    describe({
      summary: 'List clients',
      tags: ['clients'],
      auth: 'admin',
      responses: { 200: { description: 'A page of clients', schema: listOf(Client) } },
    }),
    input('query', z.object({ limit: Limit, cursor: z.string().max(200).optional(), email: Email.optional() })),
    async (c) => {
      const { practiceId } = c.var.principal
      const query = c.req.valid('query')
      const page = await inPractice(deps.sql, practiceId, async (tx) => {
        const found = await listClients(tx, practiceId, query)
        await audit(tx, {
          practiceId,
          actor: { kind: 'api_key', id: c.var.principal.keyId },
          action: 'client.listed',
          detail: { count: found.data.length, by_email: Boolean(query.email) },
        })
        return found
      })
      return c.json(page)
    },
  )

  app.get(
    '/:id',
    describe({
      summary: 'A client',
      tags: ['clients'],
      auth: 'admin',
      description: '`reminder_channels` says per channel whether the client gets reminders, and if not, why.',
      responses: { 200: { description: 'The client', schema: ClientWithChannels } },
    }),
    async (c) => {
      const { practiceId } = c.var.principal
      const id = pathId(c.req.param('id'), 'That client')
      const found = await inPractice(deps.sql, practiceId, async (tx) => {
        const client = await findClient(tx, practiceId, id)
        if (!client) return null
        await audit(tx, {
          practiceId,
          actor: { kind: 'api_key', id: c.var.principal.keyId },
          action: 'client.read',
          subject: { kind: 'client', id },
        })
        return { ...client, reminder_channels: (await clientChannels(tx, practiceId, id))! }
      })
      if (!found) throw notFound('That client')
      return c.json(found)
    },
  )

  app.patch(
    '/:id',
    describe({
      summary: "Change a client's details or channel consents",
      tags: ['clients'],
      auth: 'admin',
      responses: { 200: { description: 'The updated client', schema: Client } },
    }),
    input('json', ClientPatch),
    async (c) => {
      const { practiceId, keyId } = c.var.principal
      const id = pathId(c.req.param('id'), 'That client')
      const patch = c.req.valid('json')
      const client = await inPractice(deps.sql, practiceId, async (tx) => {
        const updated = await updateClient(tx, practiceId, id, patch)
        if (updated) await clientReachChanged(tx, deps, practiceId, id, patch)
        if (updated) {
          await audit(tx, {
            practiceId,
            actor: { kind: 'api_key', id: keyId },
            action: 'client.updated',
            subject: { kind: 'client', id },
            detail: { fields: Object.keys(patch) },
          })
        }
        return updated
      })
      if (!client) throw notFound('That client')
      return c.json(client)
    },
  )
  return app
}
