import type { InsightCell } from '../../shared/schemas/practice-tools'
import { Fragment } from 'preact'
import { useWords } from '../i18n'

/**
 * Rates as horizontal SVG bars, one row per group: the no-show rate (solid) and the
 * late-cancellation rate (below it), each with the percentage and the counts in words beside the
 * bars, so the chart reads the same to a screen reader. Suppressed groups show no numbers.
 */
export function BarChart({
  title,
  caption,
  cells,
  measure = 'rates',
}: {
  title: string
  caption?: string
  cells: InsightCell[]
  /** `share`: one bar per group, its share of all cancellations (the cancel-reason chart). */
  measure?: 'rates' | 'share'
}) {
  const { tr, locale } = useWords()
  const shown = cells.filter((c): c is Extract<InsightCell, { suppressed: false }> => !c.suppressed)
  const byShare = measure === 'share'
  const highest = Math.max(
    0.1,
    ...shown.flatMap((c) => (byShare ? [c.share ?? 0] : [c.no_show_rate, c.late_cancel_rate])),
  )
  // The axis ends at the next 10 %, so bars compare within a chart without one filling it.
  const scale = Math.min(1, Math.ceil(highest * 10) / 10)
  const percent = (rate: number) =>
    new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: rate < 0.1 && rate > 0 ? 1 : 0 }).format(
      rate,
    )
  const width = (rate: number) => `${Math.max(rate > 0 ? 0.8 : 0, (rate / scale) * 100)}`

  return (
    <figure class="chart">
      <figcaption>
        <h2 class="chart-title">{title}</h2>
        {caption && <p class="fine">{caption}</p>}
        <p class="chart-legend" aria-hidden="true">
          {byShare ? (
            <>
              <span class="swatch swatch-noshow" /> {tr('staff.insights.share')}
            </>
          ) : (
            <>
              <span class="swatch swatch-noshow" /> {tr('staff.insights.noShowRate')}
              <span class="swatch swatch-late" /> {tr('staff.insights.lateRate')}
            </>
          )}
          <span class="chart-scale">{tr('staff.insights.scale', { max: percent(scale) })}</span>
        </p>
      </figcaption>
      {cells.length === 0 ? (
        <p class="empty">{tr(byShare ? 'staff.insights.noCancellations' : 'staff.insights.noData')}</p>
      ) : (
        <ul class="bars">
          {cells.map((cell) => (
            <li key={cell.key} class="bar-row">
              <span class="bar-label">{cell.label}</span>
              {cell.suppressed ? (
                <span class="bar-suppressed">
                  {tr(byShare ? 'staff.insights.suppressedCancellations' : 'staff.insights.suppressed')}
                </span>
              ) : byShare ? (
                <>
                  <Bars bars={[{ class: 'bar-noshow', width: width(cell.share ?? 0), y: 0, height: 15 }]} />
                  <span class="bar-value">
                    <strong>{tr('staff.insights.shareValue', { share: percent(cell.share ?? 0) })}</strong>{' '}
                    {tr('staff.insights.cancellations', { count: cell.sessions, late: cell.late_cancellations })}
                  </span>
                </>
              ) : (
                <>
                  <Bars
                    bars={[
                      { class: 'bar-noshow', width: width(cell.no_show_rate), y: 0, height: 15 },
                      { class: 'bar-late', width: width(cell.late_cancel_rate), y: 18, height: 8 },
                    ]}
                  />
                  <span class="bar-value">
                    <strong>{tr('staff.insights.noShows', { rate: percent(cell.no_show_rate) })}</strong>{' '}
                    {tr('staff.insights.counts', { count: cell.sessions, no_shows: cell.no_shows })}
                    <span class="bar-late-text">
                      {' · '}
                      {tr('staff.insights.lateCancels', {
                        rate: percent(cell.late_cancel_rate),
                        late: cell.late_cancellations,
                      })}
                    </span>
                  </span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </figure>
  )
}

type Bar = { class: string; width: string; y: number; height: number }

/** The bars of one row, each filled to its width over a full-width track; a picture only (the words beside say it). */
function Bars({ bars }: { bars: Bar[] }) {
  const last = bars.at(-1)!
  return (
    <svg
      class="bar-svg"
      viewBox={`0 0 100 ${last.y + last.height}`}
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      {bars.map((bar) => (
        <Fragment key={bar.class}>
          <rect class="bar-track" x="0" y={bar.y} width="100" height={bar.height} />
          <rect class={bar.class} x="0" y={bar.y} width={bar.width} height={bar.height} />
        </Fragment>
      ))}
    </svg>
  )
}
