import { maySee } from '../../shared/policy/access'
import { z } from 'zod'
import { mustBeAllowed, permit, type Principal, practiceRouter } from '../auth/practice-auth'
import type { Deps } from '../deps'
import { auditCaller } from '../audit/queries'
import {
  findTherapist,
  insertTherapist,
  listTherapists,
  publicTherapist,
  setContactPolicy,
  updateTherapist,
} from './queries'
import { inPractice } from '../db/tenant'
import { notFound } from '../http/errors'
import { describe, input } from '../http/openapi/describe'
import { listOf, Limit, Text } from '../../shared/schemas/common'
import { Therapist, TherapistCreate, TherapistPatch } from '../../shared/schemas/people'
import { ContactPolicy, DEFAULT_CONTACT_POLICY } from '../../shared/schemas/policies'
import { pathId } from '../http/params'

/** A therapist key sees only its own therapist; anyone else's answers 404, as if absent. */
function visibleTherapistId(principal: Principal, raw: string | undefined): string {
  const id = pathId(raw, 'That therapist')
  if (!maySee(principal, { therapist_id: id })) throw notFound('That therapist')
  return id
}

export function therapistRoutes(deps: Deps) {
  const app = practiceRouter(deps)
  // The therapist's own details here; their contact policy below is a resource of its own.
  app.use('/', permit('therapists'))
  app.on(['GET', 'PATCH'], '/:id', permit('therapists', 'read'))
  app.use('/:id/contact-policy', permit('contact_policy'))

  app.post(
    '/',
    describe({
      summary: 'Add a therapist',
      tags: ['therapists'],
      auth: 'admin',
      responses: { 201: { description: 'The new therapist', schema: Therapist } },
    }),
    input('json', TherapistCreate),
    async (c) => {
      const { practiceId } = c.var.principal
      const body = c.req.valid('json')
      const therapist = await inPractice(deps.sql, practiceId, async (tx) => {
        const created = await insertTherapist(tx, practiceId, body, DEFAULT_CONTACT_POLICY)
        await auditCaller(tx, c.var.principal, {
          action: 'therapist.created',
          subject: { kind: 'therapist', id: created.id },
        })
        return created
      })
      return c.json(publicTherapist(therapist), 201)
    },
  )

  app.get(
    '/',
    describe({
      summary: 'List therapists (a therapist key sees itself)',
      tags: ['therapists'],
      auth: 'api_key',
      responses: { 200: { description: 'A page of therapists', schema: listOf(Therapist) } },
    }),
    input('query', z.object({ limit: Limit, cursor: Text.max(200).optional() })),
    async (c) => {
      const { practiceId, role, therapistId } = c.var.principal
      const query = c.req.valid('query')
      const result = await inPractice(deps.sql, practiceId, async (tx) => {
        if (role === 'therapist') {
          const own = await findTherapist(tx, practiceId, therapistId!)
          return { data: own ? [publicTherapist(own)] : [], next_cursor: null }
        }
        return listTherapists(tx, practiceId, query)
      })
      return c.json(result)
    },
  )

  app.get(
    '/:id',
    describe({
      summary: 'A therapist',
      tags: ['therapists'],
      auth: 'api_key',
      responses: { 200: { description: 'The therapist', schema: Therapist } },
    }),
    async (c) => {
      const { practiceId } = c.var.principal
      const id = visibleTherapistId(c.var.principal, c.req.param('id'))
      const therapist = await inPractice(deps.sql, practiceId, (tx) => findTherapist(tx, practiceId, id))
      if (!therapist) throw notFound('That therapist')
      return c.json(publicTherapist(therapist))
    },
  )

  app.patch(
    '/:id',
    describe({
      summary: "Change a therapist's details or cancellation policy override",
      tags: ['therapists'],
      auth: 'admin',
      responses: { 200: { description: 'The updated therapist', schema: Therapist } },
    }),
    input('json', TherapistPatch),
    async (c) => {
      const { practiceId } = c.var.principal
      const id = visibleTherapistId(c.var.principal, c.req.param('id'))
      mustBeAllowed(c.var.principal, 'change', 'therapists')
      const patch = c.req.valid('json')
      const therapist = await inPractice(deps.sql, practiceId, async (tx) => {
        const updated = await updateTherapist(tx, practiceId, id, patch)
        if (updated) {
          await auditCaller(tx, c.var.principal, {
            action: 'therapist.updated',
            subject: { kind: 'therapist', id },
            detail: { fields: Object.keys(patch) },
          })
        }
        return updated
      })
      if (!therapist) throw notFound('That therapist')
      return c.json(publicTherapist(therapist))
    },
  )

  app.get(
    '/:id/contact-policy',
    describe({
      summary: "A therapist's between-session contact policy",
      tags: ['therapists'],
      auth: 'api_key',
      responses: { 200: { description: 'The contact policy', schema: ContactPolicy } },
    }),
    async (c) => {
      const { practiceId } = c.var.principal
      const id = visibleTherapistId(c.var.principal, c.req.param('id'))
      const therapist = await inPractice(deps.sql, practiceId, (tx) => findTherapist(tx, practiceId, id))
      if (!therapist) throw notFound('That therapist')
      return c.json(therapist.contact_policy)
    },
  )

  app.put(
    '/:id/contact-policy',
    describe({
      summary: "Set a therapist's contact policy (admin, or that therapist's own key)",
      tags: ['therapists'],
      auth: 'api_key',
      responses: { 200: { description: 'The contact policy', schema: ContactPolicy } },
    }),
    input('json', ContactPolicy),
    async (c) => {
      const { practiceId } = c.var.principal
      const id = visibleTherapistId(c.var.principal, c.req.param('id'))
      const policy = c.req.valid('json')
      const therapist = await inPractice(deps.sql, practiceId, async (tx) => {
        const updated = await setContactPolicy(tx, practiceId, id, policy)
        if (updated) {
          await auditCaller(tx, c.var.principal, {
            action: 'therapist.contact_policy_set',
            subject: { kind: 'therapist', id },
          })
        }
        return updated
      })
      if (!therapist) throw notFound('That therapist')
      return c.json(therapist.contact_policy)
    },
  )
  return app
}
