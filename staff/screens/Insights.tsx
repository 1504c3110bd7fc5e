import { ownTherapist } from '../../shared/policy/access'
import { useState } from 'preact/hooks'
import type { InsightGrouping, NoShowInsights } from '../../shared/schemas/practice-tools'
import { Loading, Problem } from '../../ui/States'
import { useWords } from '../i18n'
import { useLoad } from '../../ui/use-load'
import { BarChart } from '../components/BarChart'
import { StaffScreen } from '../components/Parts'
import type { StaffContext } from '../Console'

const GROUPINGS: InsightGrouping[] = [
  'weekday',
  'hour',
  'lead_time',
  'reminder_timing',
  'channel',
  'type',
  'therapist',
  'cancel_reason',
]
const RANGES = [30, 90, 180] as const

/**
 * No-show and late-cancellation rates as charts: first the effect that matters most (confirmed
 * against unconfirmed sessions), then any grouping. A therapist key sees its own sessions.
 */
export function Insights({ ctx }: { ctx: StaffContext }) {
  const { tr, locale } = useWords()
  const [grouping, setGrouping] = useState<InsightGrouping>('weekday')
  const [days, setDays] = useState<(typeof RANGES)[number]>(90)
  const from = new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10)
  const data = useLoad<NoShowInsights>(
    () => ctx.api.insights({ groupBy: grouping, from, locale }),
    [grouping, days, locale],
  )
  const wholePractice = ownTherapist(ctx.viewer) === null
  const groupings = GROUPINGS.filter((g) => g !== 'therapist' || wholePractice)

  return (
    <StaffScreen
      title={tr('staff.insights.title')}
      lead={tr(wholePractice ? 'staff.insights.leadAdmin' : 'staff.insights.lead')}
    >
      <div class="toolbar">
        <div class="field field-inline">
          <label for="insights-range">{tr('staff.insights.range')}</label>
          <select
            id="insights-range"
            value={days}
            onChange={(e) => setDays(Number(e.currentTarget.value) as (typeof RANGES)[number])}
          >
            {RANGES.map((n) => (
              <option key={n} value={n}>
                {tr('staff.insights.lastDays', { count: n })}
              </option>
            ))}
          </select>
        </div>
        <div class="field field-inline">
          <label for="insights-group">{tr('staff.insights.groupBy')}</label>
          <select
            id="insights-group"
            value={grouping}
            onChange={(e) => setGrouping(e.currentTarget.value as InsightGrouping)}
          >
            {groupings.map((g) => (
              <option key={g} value={g}>
                {tr(`staff.insights.by.${g}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {data.state === 'loading' ? (
        <Loading />
      ) : data.state === 'error' ? (
        <Problem compact error={data.error} onRetry={data.reload} />
      ) : (
        <div class={`charts${data.refreshing ? ' is-refreshing' : ''}`} aria-busy={data.refreshing}>
          <BarChart
            title={tr('staff.insights.confirmationTitle')}
            caption={tr('staff.insights.confirmationCaption')}
            cells={[data.data.confirmation.confirmed, data.data.confirmation.unconfirmed]}
          />
          <BarChart
            title={tr(`staff.insights.by.${grouping}`)}
            caption={tr(grouping === 'cancel_reason' ? 'staff.insights.reasonCaption' : 'staff.insights.caption', {
              min: data.data.min_sessions,
            })}
            cells={data.data.groups}
            measure={grouping === 'cancel_reason' ? 'share' : 'rates'}
          />
        </div>
      )}
    </StaffScreen>
  )
}
