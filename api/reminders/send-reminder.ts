import { portalLink } from '../notices/enqueue'
import { isOpen } from '../../shared/policy/sessions'
import { LATE_SEND_MIN_LEAD_HOURS, reminderNotWanted } from '../../shared/reminders/plan'
import { reminderExtras } from '../../shared/reminders/text'
import { formatInstant } from '../../shared/time/format'
import { raiseAlert } from '../alerts/raise'
import { channelStatesOf, type ClientChannelState } from '../clients/channel-queries'
import type { Tx } from '../db/connect'
import type { OutboxRow } from '../outbox/queries'
import type { EntryDeps } from '../deps'
import {
  type ClientDeliveryExtra,
  type ClientMessage,
  channelBlock,
  clientJobs,
  recordDeliveryFacts,
} from '../outbox/client-delivery'
import type { OutboxHandler, Result } from '../outbox/dispatch'
import { actionUrl, type LinkAction, signActionLink } from './action-token'
import { type ReminderContext, reminderContexts } from './queries'
import { type ReminderLinks, reminderEmail, reminderPush, reminderSms } from './render'

/**
 * Sends `reminder` rows: confirmation requests, reminders (morning-of and hours before) and the
 * booking note, on email, SMS, WhatsApp or push. The last reminder may carry the join link or the
 * address (`reminderExtras`).
 */

/** Retries take a quarter of an hour at most; beyond an hour late, a send is overdue. */
const OVERDUE_GRACE_MS = 60 * 60_000

/** What `after` needs to know beyond the outcome: the delivery's facts and the reminder's context. */
type Extra = ClientDeliveryExtra<ReminderContext>

export const reminderHandler: OutboxHandler<Extra> = {
  topic: 'reminder',

  async prepare(tx, rows, deps, now) {
    const ids = rows.map((r) => r.id)
    // Independent: pipelined on the transaction's connection, one round trip for both.
    const [contexts, states] = await Promise.all([
      reminderContexts(tx, ids),
      channelStatesOf(tx, [...new Set(rows.map((r) => r.client_id!))]),
    ])
    return clientJobs(tx, deps, rows, contexts, {
      missing: 'appointment_gone',
      whyNot: (row, context, devices) => whyNotNow(row, context, states, devices, now),
      message: (row, context) => reminderMessage(row, context, deps),
    })
  },

  async after(tx, results, _deps, now) {
    await recordDeliveryFacts(tx, results, now)
    const failed = results.filter((r) => r.outcome.status === 'failed')
    // A send that never answered left no context behind: the alert still needs one.
    const missing = failed.filter((r) => !r.extra?.context).map((r) => r.row.id)
    const found = missing.length ? await reminderContexts(tx, missing) : []
    for (const result of failed) {
      const context = result.extra?.context ?? found.find((c) => c.outbox_id === result.row.id)
      await alertFailure(tx, { ...result, extra: { ...result.extra, context } }, now)
    }
  },
}

function whyNotNow(
  row: OutboxRow,
  context: ReminderContext,
  states: ClientChannelState[],
  pushSubscriptions: number,
  now: Date,
): string | null {
  if (isOpen(context.status) && context.starts_at.getTime() <= now.getTime()) return 'started'
  const unwanted = reminderNotWanted({ kind: row.reminder_kind, idempotency_key: row.idempotency_key }, context)
  if (unwanted) return unwanted
  // Long overdue (the dispatchers were down) with the session close: the plan's late rule applies.
  const overdue = now.getTime() - row.send_at.getTime() > OVERDUE_GRACE_MS
  if (overdue && context.starts_at.getTime() - now.getTime() <= LATE_SEND_MIN_LEAD_HOURS * 3_600_000) return 'too_late'
  const clientStates = states.filter((s) => s.client_id === row.client_id)
  return channelBlock(row, context, clientStates, pushSubscriptions)
}

async function links(row: OutboxRow, context: ReminderContext, deps: EntryDeps): Promise<ReminderLinks> {
  const actions: LinkAction[] =
    context.status === 'scheduled' ? ['confirm', 'cancel', 'reschedule'] : ['cancel', 'reschedule']
  const entries = await Promise.all(
    actions.map(async (action) => {
      const token = await signActionLink(deps.secret, {
        practiceId: row.practice_id,
        outboxId: row.id,
        appointmentId: row.appointment_id!,
        version: context.version,
        action,
        expiresAt: Math.floor(context.starts_at.getTime() / 1000),
      })
      return [action, actionUrl(deps.publicUrl, token)] as const
    }),
  )
  return Object.fromEntries(entries)
}

function reminderMessage(row: OutboxRow, context: ReminderContext, deps: EntryDeps): ClientMessage {
  const extras = reminderExtras({
    kind: row.reminder_kind!,
    isLast: context.is_last,
    detail: context.reminder_schedule.detail,
    session: context,
    now: deps.clock(),
  })
  const words = {
    kind: row.reminder_kind!,
    startsAt: context.starts_at,
    timeZone: context.time_zone,
    locale: context.locale,
    practiceName: context.practice_name,
    detail: context.reminder_schedule.detail,
    therapistName: context.therapist_name,
    type: context.type,
    // "In your portal" says where: the portal, at this session.
    link: portalLink(deps.publicUrl, context.practice_slug, 'session', row.appointment_id!),
    ...extras,
  }
  return {
    kind: row.reminder_kind!,
    deadline: context.starts_at,
    email: async () => reminderEmail(words, await links(row, context, deps), context.branding.accent_color),
    sms: () => reminderSms(words),
    whatsapp: () => ({
      kind: row.reminder_kind!,
      text: reminderSms(words),
      startsAt: context.starts_at,
      timeZone: context.time_zone,
      locale: context.locale,
      practiceName: context.practice_name,
    }),
    push: async (topic) => reminderPush(words, await links(row, context, deps), topic),
    // Until the session starts, at each send: a reminder is no use after it.
    pushTtlSeconds: () => Math.max(60, Math.floor((context.starts_at.getTime() - deps.clock().getTime()) / 1000)),
  }
}

async function alertFailure(tx: Tx, result: Result<Extra>, now: Date) {
  const { row } = result
  const context = result.extra?.context
  if (!context || result.outcome.status !== 'failed') return
  const when = formatInstant(context.starts_at, context.practice_time_zone, 'en', 'medium')
  await raiseAlert(
    tx,
    {
      practiceId: row.practice_id,
      kind: 'reminder_failed',
      audience: 'front_desk',
      therapistId: context.therapist_id,
      clientId: row.client_id,
      appointmentId: row.appointment_id,
      dedupeKey: `reminder_failed:${row.id}`,
      summary:
        result.outcome.reason === 'outcome_unknown'
          ? `Hearth could not tell whether the ${row.channel} reminder to ${context.client_name} for ${when} went out, so it was not sent again. You may want to call them.`
          : `The ${row.channel} reminder to ${context.client_name} for ${when} could not be sent. You may want to call them.`,
      context: {
        outbox_id: row.id,
        channel: row.channel,
        reminder_kind: row.reminder_kind,
        error: result.outcome.error,
      },
    },
    now,
  )
}
