import type { Tx } from '../db/connect'
import { asSystem } from '../db/tenant'
import type { Deps } from '../deps'
import { queueStaffNotice, readersWithSettings } from './enqueue'
import {
  claimHourlyRoundups,
  claimMorningDigests,
  openAlertsFor,
  practiceFacts,
  threadsWithNewMessages,
} from './queries'

/**
 * The timed half of telling staff, run by every dispatcher (the Node loop's `periodic`, the
 * Worker's minute cron): the hourly round-up of new messages, and the morning digest of open
 * alerts. Each hour and each morning is claimed in the transaction that queues its emails, so
 * dispatchers running these together queue each once; the outbox keys make each email once.
 */

const HOUR = 3_600_000
const BATCH = 200
/** "About 8:00": from 8 o'clock, and not at all once the morning is over (a dispatcher that was down). */
export const DIGEST_WINDOW = { fromHour: 8, toHour: 12 }

/** Everyone who chose `hourly` gets, after each full hour, one email if their threads have new messages. */
export async function queueHourlyRoundups(deps: Pick<Deps, 'sql' | 'clock'>): Promise<number> {
  let queued = 0
  for (;;) {
    const now = deps.clock()
    const until = new Date(Math.floor(now.getTime() / HOUR) * HOUR)
    const claimed = await asSystem(deps.sql, async (tx) => {
      const due = await claimHourlyRoundups(tx, until, BATCH)
      for (const person of due) queued += await queueRoundup(tx, person, until, now)
      return due.length
    })
    if (claimed < BATCH) return queued
  }
}

async function queueRoundup(
  tx: Tx,
  person: { practice_id: string; owner_key: string; since: Date | null },
  until: Date,
  now: Date,
): Promise<number> {
  const therapistId = person.owner_key.slice('therapist:'.length)
  const since = person.since ?? new Date(until.getTime() - HOUR)
  const count = await threadsWithNewMessages(tx, person.practice_id, { therapistId, since, until })
  if (!count) return 0
  const { locale } = await practiceFacts(tx, person.practice_id)
  const readers = await readersWithSettings(tx, person.practice_id, therapistId)
  for (const { reader, owner } of readers) {
    await queueStaffNotice(
      tx,
      person.practice_id,
      {
        kind: 'hourly',
        therapist_id: therapistId,
        since: since.toISOString(),
        until: until.toISOString(),
        reader: reader.key,
        owner,
        to: reader.email,
        locale,
      },
      until.toISOString(),
      now,
    )
  }
  return readers.length
}

/** At about 8:00 in each practice's zone, everyone who wants the digest and has open alerts to see. */
export async function queueMorningDigests(deps: Pick<Deps, 'sql' | 'clock'>): Promise<number> {
  let queued = 0
  for (;;) {
    const now = deps.clock()
    const claimed = await asSystem(deps.sql, async (tx) => {
      const due = await claimMorningDigests(tx, now, DIGEST_WINDOW, BATCH)
      for (const { practice_id, day } of due) queued += await queueDigests(tx, practice_id, day, now)
      return due.length
    })
    if (claimed < BATCH) return queued
  }
}

async function queueDigests(tx: Tx, practiceId: string, day: string, now: Date): Promise<number> {
  const practice = await practiceFacts(tx, practiceId)
  let queued = 0
  for (const { reader, owner, settings } of await readersWithSettings(tx, practiceId)) {
    if (!settings.daily_digest) continue
    const therapistId = reader.role === 'therapist' ? reader.therapist_id : null
    if (!(await openAlertsFor(tx, practiceId, { therapistId, before: now })).length) continue
    await queueStaffNotice(
      tx,
      practiceId,
      {
        kind: 'digest',
        day,
        therapist_id: therapistId,
        time_zone: practice.time_zone,
        reader: reader.key,
        owner,
        to: reader.email,
        locale: practice.locale,
      },
      day,
      now,
    )
    queued += 1
  }
  return queued
}

/** Both rounds, for the dispatcher loop (`startDispatcher`'s `periodic`) and the Worker's cron. */
export async function queueTimedStaffNotices(deps: Pick<Deps, 'sql' | 'clock'>): Promise<void> {
  await queueHourlyRoundups(deps)
  await queueMorningDigests(deps)
}

export function staffNoticeJob(deps: Pick<Deps, 'sql' | 'clock'>) {
  return { everyMs: 60_000, run: () => queueTimedStaffNotices(deps) }
}
