import { insertHistory, insertSentReminders } from './queries'
import type { Tx } from '../db/connect'
import { insertClient } from '../clients/queries'
import { addDays, instantAt, localDate, weekdayOf } from '../../shared/time'

/**
 * The demo practice's past: about eleven weeks of sessions before the current week, so the
 * no-show insights have a story to tell. Confirmed sessions are missed far less often than
 * unconfirmed ones, as in practice. The sessions belong to clients of their own, so the three
 * clients the portal demo signs in as keep exactly the week of sessions they had.
 */

/** Half of them also take text reminders (a phone and SMS consent). */
const HISTORY_CLIENTS = [
  ['Priya Shah', 'priya@example.com', '+15550105001'],
  ['Marcus Bell', 'marcus@example.com', null],
  ['Hannah Kim', 'hannah@example.com', '+15550105003'],
  ['Diego Santos', 'diego@example.com', null],
  ['Grace Liu', 'grace@example.com', '+15550105005'],
  ['Omar Haddad', 'omar@example.com', null],
  ['Nora Walsh', 'nora@example.com', '+15550105007'],
  ['Theo Brooks', 'theo@example.com', null],
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
  for (const [name, email, phone] of HISTORY_CLIENTS) {
    clients.push(
      await insertClient(tx, practiceId, {
        name,
        email,
        ...(phone ? { phone } : {}),
        time_zone: options.zone,
        locale: 'en',
        consents: { email: true, sms: Boolean(phone) },
      }),
    )
  }
  const random = sequence(20_260_302)
  const today = localDate(options.now, options.zone)
  const rows = []
  const reminders: { index: number; channels: string[]; bounced: boolean }[] = []
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
      const lead = LEAD_DAYS[Math.floor(random() * LEAD_DAYS.length)]!
      // A different client each row, and a new pattern each week, so both therapists see both kinds.
      const client: number = (rows.length * 3 + Math.floor((offset - FIRST_DAY) / 7)) % clients.length
      // Booked the day before: no confirmation request went. A text is read sooner than an email,
      // so clients who get both confirm more often (and so miss fewer sessions).
      const channels: string[] = lead === 1 ? [] : HISTORY_CLIENTS[client]![2] ? ['email', 'sms'] : ['email']
      // A bounce leaves an email-only client with nothing; texts still reach the others.
      const bounced = channels.length === 1 && random() < 0.08
      const reached = bounced ? channels.filter((c) => c !== 'email') : channels
      const confirmed = random() < (reached.includes('sms') ? 0.75 : reached.length ? 0.55 : 0.3)
      const outcome = random()
      const status =
        outcome < (confirmed ? 0.04 : 0.22)
          ? 'no_show'
          : outcome > (confirmed ? 0.96 : 0.88)
            ? 'late_cancelled'
            : 'attended'
      const lateFee = status === 'late_cancelled' && index === 0
      rows.push({
        practice_id: practiceId,
        external_id: `demo-history-${rows.length + 1}`,
        therapist_id: therapist.id,
        client_id: clients[client]!.id,
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
      reminders.push({ index: rows.length - 1, channels, bounced })
    }
  }
  const inserted = await insertHistory(tx, rows)
  // The confirmation requests that went out, as the dispatcher would have recorded them.
  const sent = reminders.flatMap(({ index, channels, bounced }) =>
    channels.map((channel) => {
      const session = inserted[index]!
      const at = new Date(session.starts_at.getTime() - 3 * DAY)
      return {
        practice_id: practiceId,
        topic: 'reminder',
        channel,
        idempotency_key: `reminder/${session.id}/confirmation/${channel}/1`,
        appointment_id: session.id,
        client_id: session.client_id,
        reminder_kind: 'confirmation',
        status: 'sent',
        send_at: at,
        due_at: at,
        attempts: 1,
        provider_message_id: `demo-${channel}-${index}`,
        sent_at: at,
        delivery_status: channel === 'email' && bounced ? 'bounced' : 'delivered',
        delivery_updated_at: at,
        created_at: at,
        updated_at: at,
      }
    }),
  )
  if (sent.length) await insertSentReminders(tx, sent)
}
