import { ownTherapist } from '../../shared/policy/access'
import { practiceRouter } from '../auth/practice-auth'
import type { Deps } from '../deps'
import { cancelReasonCounts, noShowCounts, type CancelReasonRow, type InsightRow } from './queries'
import { findPractice } from '../practice/queries'
import { inPractice } from '../db/tenant'
import { fieldError } from '../http/errors'
import { describe, input } from '../http/openapi/describe'
import { CONFIRMATION_KEYS, compareGroups, groupLabel } from '../../shared/insights/groups'
import { insightRange, MAX_RANGE_DAYS } from '../../shared/insights/range'
import { MIN_CELL_SESSIONS, suppressSmallCells, type CellCounts } from '../../shared/insights/suppression'
import type { Locale } from '../../shared/schemas/policies'
import { NoShowInsights, NoShowInsightsQuery, type InsightGrouping } from '../../shared/schemas/practice-tools'

const DESCRIPTION = `Aggregated, anonymised no-show and late-cancellation rates for sessions that started in \`[from, to)\`.

- **Sessions counted** (the denominator of both rates): sessions that were due to happen, i.e. \`attended\` + \`no_show\` + \`late_cancelled\`. Plain cancellations (in time, or by the practice) were never due and are left out, as are sessions whose attendance is not recorded yet.
- \`no_show_rate\` = no-shows / sessions; \`late_cancel_rate\` = late cancellations / sessions; both 0..1, rounded to 4 places, with the counts beside them.
- \`weekday\` and \`hour\` read the start on the practice's clock (\`time_zone\`). \`lead_time\` is the time from when the session reached Hearth to its start: under 2 days, 2–7 days, 1–4 weeks, over 4 weeks. \`confirmed\` means the client confirmed the time before it happened. \`channel\` groups by the reminder channels that reached the client (sent and not bounced), combined like \`email+sms\`, or \`none\`.
- **Small cells**: a group of fewer than ${MIN_CELL_SESSIONS} sessions shows \`suppressed: true\` and no numbers, so no client can be singled out. When only one group would be hidden, the next-smallest is hidden too, so the hidden one cannot be worked out by subtraction from a total.
- \`reminder_timing\` groups by how long before the session its first confirmation request went out: under a day, 1–2 days, 2–3 days, 3 days or more, or \`none\` (no request was sent), so a practice can see whether timing changes no-shows.
- \`cancel_reason\` counts something else: the client's own cancellations (in time or late) of sessions in the range, grouped by the reason they chose to give (\`not_said\` when they gave none). There \`sessions\` is the number of cancellations, \`late_cancellations\` how many were late, \`share\` the reason's share of all of them; \`attended\` and \`no_shows\` are 0. Small cells are suppressed the same way.
- \`confirmation\` (in every answer) compares confirmed with unconfirmed sessions: the effect that matters most.
- An admin key sees the whole practice; a therapist key sees only that therapist's own sessions (\`therapist_id\` says so).
- Range: \`from\` inclusive, \`to\` exclusive; a date means the start of that day on the practice's clock. Default: the 90 days up to now; at most ${MAX_RANGE_DAYS} days.`

function counts(row: InsightRow, grouping: InsightGrouping, locale: Locale): CellCounts {
  return {
    key: row.key,
    label: groupLabel(grouping, row.key, locale, row.name ?? row.key),
    sessions: row.sessions,
    attended: row.attended,
    no_shows: row.no_shows,
    late_cancellations: row.late_cancellations,
    no_show_rate: row.no_show_rate,
    late_cancel_rate: row.late_cancel_rate,
  }
}

/** A reason's cancellations in the cell shape: the count where the sessions go, the share beside it. */
function reasonCounts(row: CancelReasonRow, locale: Locale): CellCounts {
  return {
    key: row.key,
    label: groupLabel('cancel_reason', row.key, locale),
    sessions: row.cancellations,
    attended: 0,
    no_shows: 0,
    late_cancellations: row.late_cancellations,
    no_show_rate: 0,
    late_cancel_rate: Math.round((row.late_cancellations / row.cancellations) * 10_000) / 10_000,
    share: row.share,
  }
}

const empty = (key: string, label: string): CellCounts => ({
  key,
  label,
  sessions: 0,
  attended: 0,
  no_shows: 0,
  late_cancellations: 0,
  no_show_rate: 0,
  late_cancel_rate: 0,
})

export function insightRoutes(deps: Deps) {
  const app = practiceRouter(deps, 'insights')

  app.get(
    '/no-shows',
    describe({
      summary: 'No-show and late-cancellation rates by group, small groups suppressed',
      description: DESCRIPTION,
      tags: ['insights'],
      auth: 'api_key',
      responses: { 200: { description: 'The rates, by group and by confirmation', schema: NoShowInsights } },
    }),
    input('query', NoShowInsightsQuery),
    async (c) => {
      const { practiceId } = c.var.principal
      const onlyTherapist = ownTherapist(c.var.principal) ?? undefined
      const q = c.req.valid('query')
      const byReason = q.group_by === 'cancel_reason'
      const { rows, reasons, timeZone, from, to } = await inPractice(deps.sql, practiceId, async (tx) => {
        const timeZone = (await findPractice(tx, practiceId))!.time_zone
        const range = insightRange(q, timeZone, deps.clock())
        if (!range.ok) {
          throw fieldError(range.field, range.message)
        }
        const rows = await noShowCounts(tx, practiceId, {
          // Reasons are counted on their own; the confirmation comparison is the same in every answer.
          grouping: byReason ? 'confirmed' : q.group_by,
          from: range.from,
          to: range.to,
          timeZone,
          therapistId: onlyTherapist,
        })
        const reasons = byReason
          ? await cancelReasonCounts(tx, practiceId, { from: range.from, to: range.to, therapistId: onlyTherapist })
          : []
        return { rows, reasons, timeZone, from: range.from, to: range.to }
      })

      const groups = (
        byReason
          ? reasons.map((r) => reasonCounts(r, q.locale))
          : rows.filter((r) => !r.is_confirmation).map((r) => counts(r, q.group_by, q.locale))
      ).sort(compareGroups(q.group_by))
      const confirmation = CONFIRMATION_KEYS.map((key) => {
        const row = rows.find((r) => r.is_confirmation && r.key === key)
        return row ? counts(row, 'confirmed', q.locale) : empty(key, groupLabel('confirmed', key, q.locale))
      })
      const [confirmed, unconfirmed] = suppressSmallCells(confirmation)
      return c.json({
        group_by: q.group_by,
        from: from.toISOString(),
        to: to.toISOString(),
        time_zone: timeZone,
        ...(onlyTherapist ? { therapist_id: onlyTherapist } : {}),
        min_sessions: MIN_CELL_SESSIONS,
        groups: suppressSmallCells(groups),
        confirmation: { confirmed: confirmed!, unconfirmed: unconfirmed! },
      })
    },
  )
  return app
}
