import { Hono } from 'hono'
import { maySee } from '../../shared/policy/access'
import { Availability, emptyAvailability } from '../../shared/schemas/availability'
import { permit, practiceAuth } from '../auth/practice-auth'
import { auditCaller } from '../audit/queries'
import { inPractice } from '../db/tenant'
import type { AppEnv, Deps } from '../deps'
import { notFound } from '../http/errors'
import { describe, input } from '../http/openapi/describe'
import { pathId } from '../http/params'
import { findTherapist } from '../therapists/queries'
import { findAvailability, putAvailability } from './queries'

/**
 * A therapist's bookable hours. Whoever may see the therapist may keep their hours: the therapist
 * themself, and anyone who works with the whole practice (an admin, an EHR's admin key).
 */
export function availabilityRoutes(deps: Deps) {
  const app = new Hono<AppEnv>()
  app.use('/:id/availability', practiceAuth(deps), permit('availability'))

  const visibleTherapist = (principal: AppEnv['Variables']['principal'], raw: string | undefined) => {
    const id = pathId(raw, 'That therapist')
    if (!maySee(principal, { therapist_id: id })) throw notFound('That therapist')
    return id
  }

  app.get(
    '/:id/availability',
    describe({
      summary: "A therapist's weekly hours, exceptions, buffer, notice and horizon",
      description: 'A therapist who has set none answers empty weekly hours in their own zone (no times offered).',
      tags: ['availability'],
      auth: 'api_key',
      responses: { 200: { description: 'The availability', schema: Availability } },
    }),
    async (c) => {
      const { practiceId } = c.var.principal
      const id = visibleTherapist(c.var.principal, c.req.param('id'))
      const found = await inPractice(deps.sql, practiceId, async (tx) => {
        const therapist = await findTherapist(tx, practiceId, id)
        if (!therapist) return null
        return (await findAvailability(tx, practiceId, id)) ?? emptyAvailability(therapist.time_zone)
      })
      if (!found) throw notFound('That therapist')
      return c.json(found)
    },
  )

  app.put(
    '/:id/availability',
    describe({
      summary: "Set a therapist's availability (the whole of it; an EHR can keep it in step)",
      description:
        'Weekly hours are wall-clock times in `time_zone` (ISO weekday, Monday 1), each with the modes offered ' +
        '(both when left out). An exception without times is a day away; with times, that day has those hours instead. ' +
        'Sessions already booked stay where they are.',
      tags: ['availability'],
      auth: 'api_key',
      responses: { 200: { description: 'The availability as stored', schema: Availability } },
    }),
    input('json', Availability),
    async (c) => {
      const { practiceId } = c.var.principal
      const id = visibleTherapist(c.var.principal, c.req.param('id'))
      const body = c.req.valid('json')
      const saved = await inPractice(deps.sql, practiceId, async (tx) => {
        if (!(await findTherapist(tx, practiceId, id))) return null
        const stored = await putAvailability(tx, practiceId, id, body, deps.clock())
        await auditCaller(tx, c.var.principal, {
          action: 'therapist.availability_set',
          subject: { kind: 'therapist', id },
          detail: { weekly: body.weekly.length, exceptions: body.exceptions.length },
        })
        return stored
      })
      if (!saved) throw notFound('That therapist')
      return c.json(saved)
    },
  )
  return app
}
