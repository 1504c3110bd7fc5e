import { ALERT_KINDS } from '../../shared/alert-kinds'
import { consoleLink } from '../../shared/console-links'
import type { Locale } from '../../shared/schemas/policies'
import type { Tx } from '../db/connect'
import type { EntryDeps } from '../deps'
import { t } from '../i18n'
import { fromLine, refusal } from '../outbox/client-delivery'
import type { Job, OutboxHandler } from '../outbox/dispatch'
import type { OutboxRow } from '../outbox/queries'
import { DEFAULT_SETTINGS, settingsOf } from '../paging/queries'
import { type StaffEmail, staffEmailHtml, staffEmailText } from './email'
import type { StaffNoticePayload } from './enqueue'
import { unreadRunStart, type OpenAlert, openAlertsFor, practiceFacts, threadsWithNewMessages } from './queries'

/**
 * Sends `staff_notice` rows, each checked again at sending time: a thread read meanwhile, an
 * hour whose threads were all read, a morning with nothing open, or a person who has since turned
 * these off, sends nothing. One email per row under the row's key, so a retry is the same email.
 */

const LOCALES: readonly Locale[] = ['en', 'es', 'fr']
export const staffLocale = (locale: string): Locale =>
  (LOCALES as readonly string[]).includes(locale) ? (locale as Locale) : 'en'

type Message = { subject: string; email: StaffEmail }

export const staffNoticeHandler: OutboxHandler = {
  topic: 'staff_notice',

  async prepare(tx, rows, deps) {
    const jobs = new Map<string, Job>()
    for (const row of rows) {
      const message = await compose(tx, row, deps)
      jobs.set(
        row.id,
        typeof message === 'string'
          ? async () => ({ outcome: { status: 'skipped', reason: message } })
          : () => send(deps, row, message),
      )
    }
    return jobs
  },
}

/** The email a row sends now, or why it sends nothing. */
async function compose(tx: Tx, row: OutboxRow, deps: EntryDeps): Promise<Message | string> {
  const payload = row.payload as StaffNoticePayload
  const settings = (await settingsOf(tx, row.practice_id, [payload.owner])).get(payload.owner) ?? DEFAULT_SETTINGS
  const practice = await practiceFacts(tx, row.practice_id)
  const locale = staffLocale(payload.locale)
  const footer = t(locale, 'staffNotice.footer', { practice: practice.name })
  const inbox = (threadId?: string) => ({
    label: t(locale, 'staffNotice.inbox'),
    link: consoleLink(deps.publicUrl, threadId ? { tab: 'inbox', threadId } : { tab: 'inbox' }),
  })

  if (payload.kind === 'new_message') {
    if (settings.new_messages !== 'immediately') return 'turned_off'
    if (!(await unreadRunStart(tx, row.practice_id, payload.thread_id))) return 'read'
    return {
      subject: t(locale, 'staffNotice.message.subject'),
      email: { locale, lead: t(locale, 'staffNotice.message.lead'), button: inbox(payload.thread_id), footer },
    }
  }
  if (payload.kind === 'hourly') {
    if (settings.new_messages !== 'hourly') return 'turned_off'
    const count = await threadsWithNewMessages(tx, row.practice_id, {
      therapistId: payload.therapist_id,
      since: new Date(payload.since),
      until: new Date(payload.until),
    })
    if (!count) return 'read'
    return {
      subject: t(locale, 'staffNotice.hourly.subject', { count }),
      email: { locale, lead: t(locale, 'staffNotice.hourly.lead', { count }), button: inbox(), footer },
    }
  }
  if (!settings.daily_digest) return 'turned_off'
  const open = await openAlertsFor(tx, row.practice_id, { therapistId: payload.therapist_id, before: row.send_at })
  if (!open.length) return 'nothing_open'
  const now = deps.clock()
  return {
    subject: t(locale, 'staffNotice.digest.subject', { count: open.length }),
    email: {
      locale,
      lead: t(locale, 'staffNotice.digest.lead', { practice: practice.name }),
      lines: open.map((alert) => digestLine(alert, now, locale)),
      button: { label: t(locale, 'staffNotice.alerts'), link: consoleLink(deps.publicUrl, { tab: 'alerts' }) },
      footer,
    },
  }
}

/** "Late cancellation: open for 3 hours": what kind of thing waits, and how long; never whose. */
export function digestLine(alert: OpenAlert, now: Date, locale: Locale): string {
  const known = (ALERT_KINDS as readonly string[]).includes(alert.kind)
  const kind = t(locale, known ? (`alertKind.${alert.kind}` as 'alertKind.other') : 'alertKind.other')
  const minutes = Math.max(1, Math.floor((now.getTime() - alert.created_at.getTime()) / 60_000))
  const age =
    minutes < 60
      ? t(locale, 'staffNotice.age.minutes', { count: minutes })
      : minutes < 48 * 60
        ? t(locale, 'staffNotice.age.hours', { count: Math.floor(minutes / 60) })
        : t(locale, 'staffNotice.age.days', { count: Math.floor(minutes / (24 * 60)) })
  return t(locale, 'staffNotice.digest.line', { kind, age })
}

async function send(deps: EntryDeps, row: OutboxRow, message: Message) {
  const payload = row.payload as StaffNoticePayload
  try {
    const sent = await deps.mailer.send({
      from: fromLine(deps.emailFrom, 'Hearth'),
      to: payload.to,
      subject: message.subject,
      text: staffEmailText(message.email),
      html: staffEmailHtml(message.email),
      idempotencyKey: row.idempotency_key,
      tags: { kind: `staff_${payload.kind}` },
    })
    return { outcome: { status: 'sent' as const, providerMessageId: sent.id } }
  } catch (error) {
    return { outcome: refusal(row, error, undefined).outcome }
  }
}
