import { useLayoutEffect, useRef, useState } from 'preact/hooks'
import type { Tab } from '../Console'
import { useWords } from '../i18n'

/** The alerts list's page: more open than that reads "100+". */
const ALERTS_PAGE = 100
const openCount = (open: number) => (open >= ALERTS_PAGE ? `${ALERTS_PAGE}+` : String(open))

/** Whether `inner` lies wholly inside `outer` as it is scrolled. */
function inSight(outer: Element, inner: Element): boolean {
  const [o, i] = [outer.getBoundingClientRect(), inner.getBoundingClientRect()]
  return i.left >= o.left && i.right <= o.right
}

/**
 * The console's tabs, as plain links to `#name`, the open alerts counted beside theirs. On a phone
 * they are one row that scrolls sideways (staff.css), so the screen itself starts on the first
 * screenful; after a change of tab or width, a current tab out of sight is brought into the middle
 * of the row (one in sight stays put, under the finger that tapped it), and `onAlertsInSight`
 * hears whether the Alerts tab can be seen in the row. Each end of the row fades while there are
 * tabs beyond it.
 */
export function ConsoleTabs({
  tabs,
  shown,
  openAlerts,
  onAlertsInSight,
}: {
  tabs: Tab[]
  shown: Tab
  openAlerts: number | null
  onAlertsInSight: (inSight: boolean) => void
}) {
  const { tr } = useWords()
  const row = useRef<HTMLUListElement>(null)
  const [moreBefore, setMoreBefore] = useState(false)
  const [moreAfter, setMoreAfter] = useState(false)
  useLayoutEffect(() => {
    const list = row.current
    if (!list) return
    const report = () => {
      const alerts = list.querySelector('a[href="#alerts"]')
      onAlertsInSight(list.scrollWidth <= list.clientWidth || !alerts || inSight(list, alerts))
      // A pixel's grace: a zoomed page scrolls in fractions.
      setMoreBefore(list.scrollLeft > 1)
      setMoreAfter(list.scrollLeft + list.clientWidth < list.scrollWidth - 1)
    }
    const centre = () => {
      const current = list.querySelector('[aria-current="page"]')
      if (current && list.scrollWidth > list.clientWidth && !inSight(list, current)) {
        // Sideways only: scrollIntoView could also move the page to the top.
        const [outer, inner] = [list.getBoundingClientRect(), current.getBoundingClientRect()]
        list.scrollLeft += inner.left - outer.left - (outer.width - inner.width) / 2
      }
      report()
    }
    centre()
    // A phone turned on its side, or a window made narrow, keeps the current tab in sight.
    addEventListener('resize', centre)
    list.addEventListener('scroll', report, { passive: true })
    return () => {
      removeEventListener('resize', centre)
      list.removeEventListener('scroll', report)
    }
  }, [shown, openAlerts])
  return (
    <nav
      class="staff-nav"
      aria-label={tr('staff.nav')}
      data-more-before={moreBefore || undefined}
      data-more-after={moreAfter || undefined}
    >
      <ul ref={row}>
        {tabs.map((name) => (
          <li key={name}>
            <a href={`#${name}`} aria-current={shown === name ? 'page' : undefined}>
              {tr(`staff.tab.${name}`)}
              {name === 'alerts' && openAlerts ? (
                <>
                  <span class="nav-count" aria-hidden="true">
                    {openCount(openAlerts)}
                  </span>
                  <span class="sr-only">{tr('staff.nav.openAlerts', { count: openAlerts })}</span>
                </>
              ) : null}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/**
 * Beside the person's name when the Alerts tab is scrolled out of the row (on a phone): how many
 * alerts are open, as a link to them.
 */
export function AlertsShortcut({ openAlerts, tabInSight }: { openAlerts: number | null; tabInSight: boolean }) {
  const { tr } = useWords()
  if (!openAlerts || tabInSight) return null
  return (
    <a class="staff-alerts-link" href="#alerts">
      {tr('staff.nav.alertsLink', { count: openAlerts, shown: openCount(openAlerts) })}
    </a>
  )
}
