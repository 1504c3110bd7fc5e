import type { Deps } from '../deps'
import { practiceRouter } from '../auth/practice-auth'
import { iso } from '../db/rows'
import { inPractice } from '../db/tenant'
import { fieldError } from '../http/errors'
import { describe, input } from '../http/openapi/describe'
import { AuditLog, AuditQuery } from '../../shared/schemas/staff'
import { type AuditRow, auditCaller, listAudit } from './queries'

const CSV_COLUMNS = [
  'at',
  'actor_kind',
  'actor_id',
  'actor_name',
  'action',
  'subject_kind',
  'subject_id',
  'ip',
  'user_agent',
]

/** A CSV cell: quoted when needed, and a leading = + - @ defused so a spreadsheet never runs it. */
function cell(value: string | null): string {
  if (value === null) return ''
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

function toEntry(row: AuditRow) {
  return {
    id: row.id,
    at: iso(row.at),
    actor: { kind: row.actor_kind, id: row.actor_id, name: row.actor_name },
    action: row.action,
    subject: row.subject_kind && row.subject_id ? { kind: row.subject_kind, id: row.subject_id } : null,
    ip: row.ip,
    user_agent: row.user_agent,
    detail: row.detail,
  }
}

/** Who read or changed what in the practice, staff named as actors (owners and admins). */
export function auditRoutes(deps: Deps) {
  const app = practiceRouter(deps, 'audit')

  app.get(
    '/',
    describe({
      summary: 'The audit log: who read or changed what, newest first (CSV with Accept: text/csv)',
      tags: ['audit'],
      auth: 'admin',
      description:
        'Filters: `actor_id` (a staff member or API key), `subject_id`, `from` and `to` (instants). JSON pages with ' +
        '`next_cursor`; `Accept: text/csv` answers the matching lines (up to `limit`) as a spreadsheet. Reading the log is itself logged.',
      responses: {
        200: { description: 'A page of the log', schema: AuditLog },
      },
    }),
    input('query', AuditQuery),
    async (c) => {
      const { practiceId } = c.var.principal
      const q = c.req.valid('query')
      if (q.cursor && !/^\d{1,18}$/.test(q.cursor)) {
        throw fieldError('cursor', 'Use the next_cursor of a page.')
      }
      const csv = /\btext\/csv\b/.test(c.req.header('accept') ?? '')
      const rows = await inPractice(deps.sql, practiceId, async (tx) => {
        const rows = await listAudit(tx, practiceId, {
          ...(q.actor_id ? { actorId: q.actor_id } : {}),
          ...(q.subject_id ? { subjectId: q.subject_id } : {}),
          ...(q.from ? { from: new Date(q.from) } : {}),
          ...(q.to ? { to: new Date(q.to) } : {}),
          ...(q.cursor ? { before: q.cursor } : {}),
          limit: q.limit,
        })
        await auditCaller(tx, c.var.principal, {
          action: 'audit_log.read',
          detail: { format: csv ? 'csv' : 'json', lines: rows.length },
        })
        return rows
      })
      if (csv) {
        const lines = rows.map((row) =>
          [
            iso(row.at),
            row.actor_kind,
            row.actor_id,
            row.actor_name,
            row.action,
            row.subject_kind,
            row.subject_id,
            row.ip,
            row.user_agent,
          ]
            .map(cell)
            .join(','),
        )
        c.header('content-disposition', 'attachment; filename="hearth-audit-log.csv"')
        return c.body(`${[CSV_COLUMNS.join(','), ...lines].join('\r\n')}\r\n`, 200, {
          'content-type': 'text/csv; charset=utf-8',
        })
      }
      return c.json({
        data: rows.map(toEntry),
        next_cursor: rows.length === q.limit ? rows[rows.length - 1]!.id : null,
      })
    },
  )
  return app
}
