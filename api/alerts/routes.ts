import { maySee } from '../../shared/policy/access'
import { openClientNote } from './raise'
import { therapistScope } from '../api-keys/auth'
import { practiceRouter } from '../auth/practice-auth'
import type { Deps } from '../deps'
import { alertHistoryOf, findAlert, listAlerts, resolveAlert, toAlert } from './queries'
import { auditCaller } from '../audit/queries'
import { inPractice } from '../db/tenant'
import { fieldError, notFound } from '../http/errors'
import { decideFeeWaiver } from '../fee-waivers/decide'
import { describe, input } from '../http/openapi/describe'
import { Alert, AlertListQuery, AlertResolve, AlertWithHistory } from '../../shared/schemas/alerts'
import { acknowledgeAlerts, alertHistory } from './history-queries'
import { listOf } from '../../shared/schemas/common'
import { pathId } from '../http/params'

/** Exceptions that need a person. An admin key sees all; a therapist key sees its therapist's. */
export function alertRoutes(deps: Deps) {
  const app = practiceRouter(deps, 'alerts')

  app.get(
    '/',
    describe({
      summary: 'Alerts that need a person: urgent (crisis) first, then newest',
      tags: ['alerts'],
      auth: 'api_key',
      responses: { 200: { description: 'A page of alerts, each with its history', schema: listOf(AlertWithHistory) } },
    }),
    input('query', AlertListQuery),
    async (c) => {
      const { practiceId } = c.var.principal
      const q = c.req.valid('query')
      const only = therapistScope(c.var.principal, q.therapist_id)
      if (only === null) return c.json({ data: [], next_cursor: null })
      const { result, events } = await inPractice(deps.sql, practiceId, async (tx) => {
        const result = await listAlerts(tx, practiceId, { ...q, therapistId: only })
        const events = await alertHistory(
          tx,
          practiceId,
          result.data.map((row) => row.id),
        )
        return { result, events }
      })
      const data = await Promise.all(
        result.data.map(async (row) => ({
          ...toAlert(row, await openClientNote(deps.secret, row), deps.publicUrl),
          history: alertHistoryOf(row, events),
        })),
      )
      return c.json({ data, next_cursor: result.next_cursor })
    },
  )

  app.post(
    '/:id/resolve',
    describe({
      summary: 'Mark an alert as handled, with an optional note',
      description:
        "A `fee_waiver_request` needs `decision` (`grant` sets the session's fee to nothing, `decline` keeps it); the client is told kindly either way. Other kinds take no decision.",
      tags: ['alerts'],
      auth: 'api_key',
      responses: { 200: { description: 'The resolved alert (unchanged if it already was)', schema: Alert } },
    }),
    input('json', AlertResolve),
    async (c) => {
      const { practiceId, actorId } = c.var.principal
      const id = pathId(c.req.param('id'), 'That alert')
      const { note, decision } = c.req.valid('json')
      const now = deps.clock()
      const row = await inPractice(deps.sql, practiceId, async (tx) => {
        const current = await findAlert(tx, practiceId, id, { forUpdate: true })
        if (!current || !maySee(c.var.principal, current)) throw notFound('That alert')
        if (current.status === 'resolved') return current
        const waiver = current.kind === 'fee_waiver_request'
        if (waiver !== Boolean(decision)) {
          throw fieldError(
            'decision',
            waiver
              ? 'Choose whether to grant or decline the fee waiver.'
              : 'Only a fee waiver request takes a decision.',
          )
        }
        if (decision)
          await decideFeeWaiver(tx, { alert: current, decision, actor: c.var.principal.actor, by: actorId }, now)
        const resolved = await resolveAlert(tx, practiceId, id, {
          at: now,
          by: actorId,
          byName: c.var.principal.actorName,
          note: note ?? null,
        })
        await auditCaller(tx, c.var.principal, {
          action: 'alert.resolved',
          subject: { kind: 'alert', id },
          detail: { kind: current.kind, ...(decision ? { decision } : {}) },
        })
        return resolved
      })
      return c.json(toAlert(row, await openClientNote(deps.secret, row), deps.publicUrl))
    },
  )
  app.get(
    '/:id',
    describe({
      summary: 'An alert with its history: each page, escalation, acknowledgement and the resolution',
      tags: ['alerts'],
      auth: 'api_key',
      responses: { 200: { description: 'The alert', schema: AlertWithHistory } },
    }),
    async (c) => {
      const { practiceId } = c.var.principal
      const id = pathId(c.req.param('id'), 'That alert')
      const found = await inPractice(deps.sql, practiceId, async (tx) => {
        const row = await findAlert(tx, practiceId, id)
        return row && maySee(c.var.principal, row) ? { row, history: await alertHistory(tx, practiceId, [id]) } : null
      })
      if (!found) throw notFound('That alert')
      return c.json({
        ...toAlert(found.row, await openClientNote(deps.secret, found.row), deps.publicUrl),
        history: alertHistoryOf(found.row, found.history),
      })
    },
  )

  app.post(
    '/:id/acknowledge',
    describe({
      summary: 'Say someone has seen an alert (opening it in the console does this)',
      description:
        "An urgent alert stops escalating once acknowledged; the first acknowledgement is kept and is in the alert's history.",
      tags: ['alerts'],
      auth: 'api_key',
      responses: { 200: { description: 'The alert, acknowledged', schema: Alert } },
    }),
    async (c) => {
      const { practiceId, actorId } = c.var.principal
      const id = pathId(c.req.param('id'), 'That alert')
      const now = deps.clock()
      const row = await inPractice(deps.sql, practiceId, async (tx) => {
        const current = await findAlert(tx, practiceId, id, { forUpdate: true })
        if (!current || !maySee(c.var.principal, current)) throw notFound('That alert')
        const acknowledged = await acknowledgeAlerts(tx, practiceId, { alertId: id }, actorId, now)
        if (acknowledged.length) {
          await auditCaller(tx, c.var.principal, {
            action: 'alert.acknowledged',
            subject: { kind: 'alert', id },
            detail: { kind: current.kind },
          })
        }
        return (await findAlert(tx, practiceId, id))!
      })
      return c.json(toAlert(row, await openClientNote(deps.secret, row), deps.publicUrl))
    },
  )
  return app
}
