import { ownTherapist } from '../../shared/policy/access'
import { z } from 'zod'
import { practiceRouter } from '../auth/practice-auth'
import type { Deps } from '../deps'
import { auditCaller } from '../audit/queries'
import { createClient } from './create'
import { endPortalAccess, findClient, listClients, restorePortalAccess, updateClient } from './queries'
import { recordConsentChanges } from './consent-queries'
import { inPractice } from '../db/tenant'
import { notFound } from '../http/errors'
import { describe, input } from '../http/openapi/describe'
import { Email, listOf, Limit, Text } from '../../shared/schemas/common'
import { Client, ClientCreate, ClientPatch } from '../../shared/schemas/people'
import { ClientWithChannels } from '../../shared/schemas/reminders'
import { clientChannels } from '../reminders/audit'
import { clientReachChanged } from '../reminders/client-reach'
import { pathId } from '../http/params'

export function clientRoutes(deps: Deps) {
  const app = practiceRouter(deps, 'clients')

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
      const { practiceId, actorId } = c.var.principal
      const body = c.req.valid('json')
      const client = await inPractice(deps.sql, practiceId, async (tx) => {
        const created = await createClient(tx, practiceId, body, { actor: c.var.principal.actor })
        await recordConsentChanges(tx, practiceId, {
          clientId: created.id,
          before: null,
          after: created.consents,
          source: 'practice_api',
          recordedBy: `${c.var.principal.actor.kind}:${actorId}`,
          at: deps.clock(),
        })
        return created
      })
      return c.json(client, 201)
    },
  )

  app.get(
    '/',
    describe({
      summary: 'List or search clients (a therapist key sees the clients it has sessions with)',
      tags: ['clients'],
      auth: 'api_key',
      description: '`q` finds clients whose name, email or phone contains it.',
      responses: { 200: { description: 'A page of clients', schema: listOf(Client) } },
    }),
    input(
      'query',
      z.object({
        limit: Limit,
        cursor: Text.max(200).optional(),
        email: Email.optional(),
        q: Text.trim().min(1).max(100).optional(),
      }),
    ),
    async (c) => {
      const { practiceId } = c.var.principal
      const query = c.req.valid('query')
      const page = await inPractice(deps.sql, practiceId, async (tx) => {
        const found = await listClients(tx, practiceId, { ...query, therapistId: ownTherapist(c.var.principal) })
        await auditCaller(tx, c.var.principal, {
          action: 'client.listed',
          detail: { count: found.data.length, by_email: Boolean(query.email), searched: Boolean(query.q) },
        })
        return found
      })
      return c.json(page)
    },
  )

  app.get(
    '/:id',
    describe({
      summary: 'A client (a therapist key: one it has sessions with)',
      tags: ['clients'],
      auth: 'api_key',
      description: '`reminder_channels` says per channel whether the client gets reminders, and if not, why.',
      responses: { 200: { description: 'The client', schema: ClientWithChannels } },
    }),
    async (c) => {
      const { practiceId } = c.var.principal
      const id = pathId(c.req.param('id'), 'That client')
      const found = await inPractice(deps.sql, practiceId, async (tx) => {
        const client = await findClient(tx, practiceId, id, ownTherapist(c.var.principal))
        if (!client) return null
        await auditCaller(tx, c.var.principal, {
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
      summary: "Change a client's details, channel consents or preferred channels",
      description:
        '`preferred_channels` (an order of `email`, `sms`, `push`; null to clear) sends reminders and notices to the ' +
        'first channel that works (consented, reachable, not opted out, not failing), then the next. Each consent ' +
        'change is recorded with its time and source.',
      tags: ['clients'],
      auth: 'admin',
      responses: { 200: { description: 'The updated client', schema: Client } },
    }),
    input('json', ClientPatch),
    async (c) => {
      const { practiceId, actorId } = c.var.principal
      const id = pathId(c.req.param('id'), 'That client')
      const patch = c.req.valid('json')
      const client = await inPractice(deps.sql, practiceId, async (tx) => {
        const before = await findClient(tx, practiceId, id)
        const updated = await updateClient(tx, practiceId, id, patch)
        if (before && updated) {
          await recordConsentChanges(tx, practiceId, {
            clientId: id,
            before: before.consents,
            after: updated.consents,
            source: 'practice_api',
            recordedBy: `${c.var.principal.actor.kind}:${actorId}`,
            at: deps.clock(),
          })
          await clientReachChanged(tx, deps, practiceId, id, patch)
        }
        if (updated) {
          await auditCaller(tx, c.var.principal, {
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
  app.post(
    '/:id/end-portal-access',
    describe({
      summary: "End a client's portal access",
      tags: ['clients'],
      auth: 'admin',
      description:
        'The client can no longer sign in to the portal, and any session they have open ends at once. Their sessions, reminders and messages stay as they are. Signing in then answers exactly as for an email the practice does not know (no code is sent, and nothing says why); `restore-portal-access` undoes it.',
      responses: { 200: { description: 'The client, with `portal_access: false`', schema: Client } },
    }),
    async (c) => {
      const { practiceId } = c.var.principal
      const id = pathId(c.req.param('id'), 'That client')
      const client = await inPractice(deps.sql, practiceId, async (tx) => {
        const ended = await endPortalAccess(tx, practiceId, id, deps.clock())
        if (ended) {
          await auditCaller(tx, c.var.principal, {
            action: 'client.portal_access_ended',
            subject: { kind: 'client', id },
          })
        }
        return ended
      })
      if (!client) throw notFound('That client')
      return c.json(client)
    },
  )
  app.post(
    '/:id/restore-portal-access',
    describe({
      summary: 'Give a client their portal access back',
      tags: ['clients'],
      auth: 'admin',
      description:
        'The client can sign in to the portal again (a new code, or silent sign-in). Sessions that ended with their access stay ended.',
      responses: { 200: { description: 'The client, with `portal_access: true`', schema: Client } },
    }),
    async (c) => {
      const { practiceId } = c.var.principal
      const id = pathId(c.req.param('id'), 'That client')
      const client = await inPractice(deps.sql, practiceId, async (tx) => {
        const before = await findClient(tx, practiceId, id)
        if (!before) return null
        const restored = await restorePortalAccess(tx, practiceId, id, deps.clock())
        if (!before.portal_access) {
          await auditCaller(tx, c.var.principal, {
            action: 'client.portal_access_restored',
            subject: { kind: 'client', id },
          })
        }
        return restored
      })
      if (!client) throw notFound('That client')
      return c.json(client)
    },
  )
  return app
}
