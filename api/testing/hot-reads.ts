import type { Sql, Tx } from '../db/connect'
import { asSystem, inPractice } from '../db/tenant'
import { listAlerts } from '../alerts/queries'
import { listAppointments } from '../appointments/queries'
import { listClientAppointments } from '../appointments/portal-queries'
import { remindersBySession, callListCandidates } from '../confirmation-calls/call-list-queries'
import { noShowCounts } from '../insights/queries'
import type { InsightGrouping } from '../../shared/schemas/practice-tools'
import { claimDue } from '../outbox/queries'

const DAY = 86_400_000

/** Whose records the hot reads read: the largest practice, one of its clients and therapists. */
export type HotReadSubjects = { practiceId: string; clientId: string; therapistId: string }

export async function hotReadSubjects(sql: Sql, practiceId: string): Promise<HotReadSubjects> {
  const [row] = await sql<{ client_id: string; therapist_id: string }[]>`
    select client_id, therapist_id from appointments where practice_id = ${practiceId} and starts_at > now()
    order by starts_at limit 1`
  return { practiceId, clientId: row!.client_id, therapistId: row!.therapist_id }
}

class RollBack extends Error {}

/** The dispatcher's claim, rolled back so every run claims the same rows. */
async function claimAndRollBack(sql: Sql, now: Date) {
  await asSystem(sql, async (tx) => {
    await claimDue(tx, { now, limit: 500, topics: ['reminder'], channels: ['email', 'sms'] })
    throw new RollBack()
  }).catch((error) => {
    if (!(error instanceof RollBack)) throw error
  })
}

/** A hot read, and the transaction it really runs in (to explain its statements there). */
export type HotRead = {
  run: () => Promise<void>
  within: <T>(work: (tx: Tx) => Promise<T>) => Promise<T>
}

/**
 * The reads every busy morning repeats, each as the route runs its queries (the portal's list,
 * the staff day list, the call list, the alerts inbox, a year of insights, the dispatcher's claim):
 * timed by `npm run bench scale`, and their plans checked by api/db/plans.test.ts in the same kind
 * of transaction: a practice's reads as hearth_app with the practice set, the claim as the system.
 */
export function hotReads(sql: Sql, s: HotReadSubjects, now = new Date()) {
  const inTheirPractice = <T>(work: (tx: Tx) => Promise<T>) => inPractice(sql, s.practiceId, work)
  const read = (work: (tx: Tx) => Promise<unknown>): HotRead => ({
    run: () => inTheirPractice(work).then(() => {}),
    within: inTheirPractice,
  })
  const tomorrow = new Date(Math.ceil(now.getTime() / DAY) * DAY)
  const yearOfInsights = (grouping: InsightGrouping) =>
    read((tx) =>
      noShowCounts(tx, s.practiceId, {
        grouping,
        from: new Date(now.getTime() - 365 * DAY),
        to: now,
        timeZone: 'America/New_York',
      }),
    )
  return {
    'portal read': read((tx) =>
      listClientAppointments(tx, s.practiceId, s.clientId, {
        now,
        missedSince: new Date(now.getTime() - 14 * DAY),
        limit: 50,
      }),
    ),
    'staff day list': read((tx) =>
      listAppointments(tx, {
        from: tomorrow.toISOString(),
        to: new Date(tomorrow.getTime() + DAY).toISOString(),
        limit: 50,
      }),
    ),
    'call list': read(async (tx) => {
      const sessions = await callListCandidates(tx, s.practiceId, {
        therapistId: s.therapistId,
        from: tomorrow,
        to: new Date(tomorrow.getTime() + 3 * DAY),
        notBefore: now,
      })
      await remindersBySession(
        tx,
        s.practiceId,
        sessions.map((session) => session.id),
      )
    }),
    'alerts inbox': read((tx) => listAlerts(tx, s.practiceId, { status: 'open', limit: 50 })),
    'insights, 12 months': yearOfInsights('therapist'),
    'insights by channel': yearOfInsights('channel'),
    'insights by reminder timing': yearOfInsights('reminder_timing'),
    "dispatcher's claim": {
      run: () => claimAndRollBack(sql, now),
      within: <T>(work: (tx: Tx) => Promise<T>) => asSystem(sql, work),
    } satisfies HotRead,
  }
}
