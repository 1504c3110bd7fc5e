import type { Tx } from '../db/connect'
import { insertClient } from '../db/clients'
import { addDays, instantAt, localDate, weekdayOf } from '../../shared/time'

/**
 * The demo practice's past: about eleven weeks of sessions before the current week, so the
 * no-show insights have a story to tell. Confirmed sessions are missed far less often than
 * unconfirmed ones, as in practice. The sessions belong to clients of their own, so the three
 * clients the portal demo signs in as keep exactly the week of sessions they had.
 */

const HISTORY_CLIENTS = [
  ['Priya Shah', 'priya@example.com'],
  ['Marcus Bell', 'marcus@example.com'],
  ['Hannah Kim', 'hannah@example.com'],
  ['Diego Santos', 'diego@example.com'],
  ['Grace Liu', 'grace@example.com'],
  ['Omar Haddad', 'omar@example.com'],
  ['Nora Walsh', 'nora@example.com'],
  ['Theo Brooks', 'theo@example.com'],
] as const

const HOURS = [9, 10, 11, 14, 15, 16]
const LEAD_DAYS = [1, 4, 14, 35]
const FIRST_DAY = -88
const LAST_DAY = -15
const DAY = 86_400_000

/** A fixed sequence of numbers in [0, 1): the same demo every time (mulberry32). */
function sequence(seed: number) {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let x = Math.imul(state ^ (state >>> 15), 1 | state)
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296
  }
}

export async function seedDemoHistory(
  tx: Tx,
  practiceId: string,
  options: { now: Date; zone: string; rivera: { id: string }; okafor: { id: string }; lateFeeCents: number },
): Promise<void> {
  const clients = []
  for (const [name, email] of HISTORY_CLIENTS) {
    clients.push(
      await insertClient(tx, practiceId, {
        name,
        email,
        time_zone: options.zone,
        locale: 'en',
        consents: { email: true },
      }),
    )
  }
  const random = sequence(20_260_302)
  const today = localDate(options.now, options.zone)
  const rows = []
  for (let offset = FIRST_DAY; offset <= LAST_DAY; offset++) {
    const date = addDays(today, offset)
    // One session a working day each, Sam Okafor on Saturdays and Dr. Rivera on Sundays too, so
    // no weekday chart has a lone small cell; Dr. Rivera mostly in the office, Sam Okafor by video.
    const weekday = weekdayOf(date)
    const working = [weekday !== 0 && options.rivera, weekday !== 6 && options.okafor]
    for (const [index, therapist] of working.entries()) {
      if (!therapist) continue
      const hour = HOURS[Math.floor(random() * HOURS.length)]!
      const start = instantAt(date, `${String(hour).padStart(2, '0')}:00`, options.zone)
      const video = random() < (index === 0 ? 0.3 : 0.8)
      const confirmed = random() < 0.6
      const outcome = random()
      const status =
        outcome < (confirmed ? 0.04 : 0.22)
          ? 'no_show'
          : outcome > (confirmed ? 0.96 : 0.88)
            ? 'late_cancelled'
            : 'attended'
      const lead = LEAD_DAYS[Math.floor(random() * LEAD_DAYS.length)]!
      const lateFee = status === 'late_cancelled' && index === 0
      rows.push({
        practice_id: practiceId,
        external_id: `demo-history-${rows.length + 1}`,
        therapist_id: therapist.id,
        client_id: clients[(rows.length * 3) % clients.length]!.id,
        starts_at: start,
        ends_at: new Date(start.getTime() + 50 * 60_000),
        type: video ? 'Video session' : 'Individual session',
        location: video ? null : 'Calm Waters Counselling, 12 Harbor Street, Suite 3, Portland, ME 04101',
        telehealth_url: video ? `https://video.calmwaters.example/room/h${rows.length + 1}` : null,
        status,
        confirmed_at: confirmed ? new Date(start.getTime() - DAY) : null,
        cancelled_at: status === 'late_cancelled' ? new Date(start.getTime() - 6 * 3_600_000) : null,
        cancelled_by: status === 'late_cancelled' ? 'client' : null,
        late_fee_cents: lateFee ? options.lateFeeCents : null,
        created_at: new Date(start.getTime() - lead * DAY),
        updated_at: new Date(start.getTime() + 3_600_000),
      })
    }
  }
  await tx`insert into appointments ${tx(rows)}`
}
