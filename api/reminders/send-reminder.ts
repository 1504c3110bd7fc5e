import { channelStatus, type ChannelFacts } from '../../shared/reminders/channels'
import { LATE_SEND_MIN_LEAD_HOURS } from '../../shared/reminders/plan'
import type { Branding, Channel, Locale, ReminderSchedule } from '../../shared/schemas/policies'
import { formatInstant } from '../../shared/time/format'
import { raiseAlert } from '../alerts/raise'
import { sha256Hex } from '../crypto'
import { markChannelFailing } from '../db/client-channels'
import type { Tx } from '../db/connect'
import type { OutboxRow } from '../db/outbox'
import type { Deps } from '../deps'
import type { Job, Outcome, OutboxHandler, Result } from '../outbox/dispatch'
import { SendError } from '../providers/send-error'
import { smsGatewaySender } from '../providers/sms'
import { actionUrl, type LinkAction, signActionLink } from './action-token'
import { type ReminderLinks, reminderEmail, reminderPush, reminderSms } from './render'

/** Sends `reminder` rows: confirmation requests and morning-of reminders, on email, SMS or push. */

type Context = {
  outbox_id: string
  status: string
  starts_at: Date
  version: number
  type: string
  therapist_id: string
  therapist_name: string
  client_name: string
  email: string
  phone: string | null
  locale: Locale
  time_zone: string
  consent_email: boolean
  consent_sms: boolean
  consent_push: boolean
  practice_name: string
  practice_time_zone: string
  reminder_schedule: ReminderSchedule
  branding: Branding
  gateway_url: string | null
  gateway_secret: string | null
}

type ChannelState = {
  client_id: string
  channel: Channel
  opted_out_at: Date | null
  opted_out_via: string | null
  failing_since: Date | null
  failing_reason: string | null
}
type Subscription = { id: string; client_id: string; endpoint: string; p256dh: string; auth: string }

/** Retries take a quarter of an hour at most; beyond an hour late, a send is overdue. */
const OVERDUE_GRACE_MS = 60 * 60_000

/** What `after` needs to know beyond the outcome. */
type Extra = { goneSubscriptions?: string[]; permanentEmailFailure?: boolean; context?: Context }

export const reminderHandler: OutboxHandler<Extra> = {
  topic: 'reminder',

  async prepare(tx, rows, deps, now) {
    const ids = rows.map((r) => r.id)
    const contexts = await tx<Context[]>`
      select o.id as outbox_id, a.status, a.starts_at, a.version, a.type, a.therapist_id, t.name as therapist_name,
             c.name as client_name, c.email, c.phone, c.locale, c.time_zone, c.consent_email, c.consent_sms,
             c.consent_push, p.name as practice_name, p.time_zone as practice_time_zone, p.reminder_schedule,
             p.branding, g.url as gateway_url, g.signing_secret as gateway_secret
      from outbox o
      join appointments a on a.practice_id = o.practice_id and a.id = o.appointment_id
      join clients c on c.practice_id = o.practice_id and c.id = o.client_id
      join practices p on p.id = o.practice_id
      join therapists t on t.practice_id = a.practice_id and t.id = a.therapist_id
      left join sms_gateways g on g.practice_id = o.practice_id
      where o.id = any(${ids}::uuid[])`
    const clientIds = [...new Set(rows.map((r) => r.client_id!))]
    const states = await tx<ChannelState[]>`
      select client_id, channel, opted_out_at, opted_out_via, failing_since, failing_reason
      from client_channels where client_id = any(${clientIds}::uuid[])`
    const pushClients = [...new Set(rows.filter((r) => r.channel === 'push').map((r) => r.client_id!))]
    const subscriptions = pushClients.length
      ? await tx<Subscription[]>`
          select id, client_id, endpoint, p256dh, auth from push_subscriptions
          where client_id = any(${pushClients}::uuid[])`
      : []

    const byId = new Map(contexts.map((c) => [c.outbox_id, c]))
    const jobs = new Map<string, Job<Extra>>()
    for (const row of rows) {
      const context = byId.get(row.id)
      const subs = subscriptions.filter((s) => s.client_id === row.client_id)
      const skip = context ? whyNotNow(row, context, states, subs.length, now) : 'appointment_gone'
      if (skip) {
        jobs.set(row.id, async () => ({ outcome: { status: 'skipped', reason: skip } }))
        continue
      }
      jobs.set(row.id, async () => {
        const sent = await sendOne(row, context!, subs, deps)
        return { ...sent, extra: { ...sent.extra, context } }
      })
    }
    return jobs
  },

  async after(tx, results, _deps, now) {
    const gone = results.flatMap((r) => r.extra?.goneSubscriptions ?? [])
    if (gone.length) await tx`delete from push_subscriptions where id = any(${gone}::uuid[])`
    for (const result of results) {
      if (result.outcome.status !== 'failed') continue
      await alertFailure(tx, result, now)
    }
  },
}

function whyNotNow(
  row: OutboxRow,
  context: Context,
  states: ChannelState[],
  pushSubscriptions: number,
  now: Date,
): string | null {
  if (context.status !== 'scheduled' && context.status !== 'confirmed') return context.status
  if (context.starts_at.getTime() <= now.getTime()) return 'started'
  if (!row.idempotency_key.endsWith(`/${context.version}`)) return 'moved'
  if (row.reminder_kind === 'confirmation' && context.status === 'confirmed') return 'confirmed'
  // Long overdue (the dispatchers were down) with the session close: the plan's late rule applies.
  const overdue = now.getTime() - row.send_at.getTime() > OVERDUE_GRACE_MS
  if (overdue && context.starts_at.getTime() - now.getTime() <= LATE_SEND_MIN_LEAD_HOURS * 3_600_000) return 'too_late'
  const state: ChannelFacts['state'] = {}
  for (const s of states.filter((s) => s.client_id === row.client_id)) {
    state[s.channel] = {
      optedOutAt: s.opted_out_at?.toISOString() ?? null,
      optedOutVia: s.opted_out_via,
      failingSince: s.failing_since?.toISOString() ?? null,
      failingReason: s.failing_reason,
    }
  }
  const status = channelStatus({
    // The row was planned on this channel; a schedule change since is handled by re-planning.
    schedule: { channels: [row.channel as Channel] },
    consents: { email: context.consent_email, sms: context.consent_sms, push: context.consent_push },
    hasPhone: Boolean(context.phone),
    smsGatewayConfigured: Boolean(context.gateway_url),
    pushSubscriptions,
    state,
  })[row.channel as Channel]
  return status.receives ? null : status.reason
}

async function links(row: OutboxRow, context: Context, deps: Deps): Promise<ReminderLinks> {
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

/** "Calm Waters Counselling <portal@hearth.example>": the practice's name on Hearth's address. */
export function fromLine(emailFrom: string, practiceName: string): string {
  const address = /<([^>]+)>/.exec(emailFrom)?.[1] ?? emailFrom.trim()
  const name = practiceName.replace(/["<>\\\r\n]/g, '').trim()
  return name ? `"${name}" <${address}>` : address
}

async function sendOne(
  row: OutboxRow,
  context: Context,
  subscriptions: Subscription[],
  deps: Deps,
): Promise<{ outcome: Outcome; extra?: Extra }> {
  const words = {
    kind: row.reminder_kind!,
    startsAt: context.starts_at,
    timeZone: context.time_zone,
    locale: context.locale,
    practiceName: context.practice_name,
    detail: context.reminder_schedule.detail,
    therapistName: context.therapist_name,
    type: context.type,
  }
  const deadline = context.starts_at
  try {
    if (row.channel === 'email') {
      const email = reminderEmail(words, await links(row, context, deps), context.branding.accent_color)
      const sent = await deps.mailer.send({
        from: fromLine(deps.emailFrom, context.practice_name),
        to: context.email,
        ...email,
        idempotencyKey: row.idempotency_key,
        tags: { kind: row.reminder_kind! },
      })
      return { outcome: { status: 'sent', providerMessageId: sent.id } }
    }
    if (row.channel === 'sms') {
      const sms = deps.sms ?? smsGatewaySender()
      const sent = await sms.send({
        gateway: { url: context.gateway_url!, signingSecret: context.gateway_secret! },
        to: context.phone!,
        text: reminderSms(words),
        idempotencyKey: row.idempotency_key,
      })
      return { outcome: { status: 'sent', providerMessageId: sent.id } }
    }
    if (row.channel === 'push') {
      if (!deps.push) return { outcome: { status: 'retry', error: 'No push sender in this process.', deadline } }
      const topic = (await sha256Hex(row.idempotency_key)).slice(0, 32)
      const payload = reminderPush(words, await links(row, context, deps), topic)
      const gone: string[] = []
      let delivered = 0
      let lastError: SendError | null = null
      for (const sub of subscriptions) {
        try {
          await deps.push.send({
            subscription: { endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } },
            payload,
            topic,
            ttlSeconds: Math.max(60, Math.floor((context.starts_at.getTime() - deps.clock().getTime()) / 1000)),
          })
          delivered += 1
        } catch (error) {
          if (error instanceof SendError && error.gone) gone.push(sub.id)
          else lastError = error instanceof SendError ? error : new SendError((error as Error).message, false)
        }
      }
      if (delivered)
        return { outcome: { status: 'sent', providerMessageId: `push:${topic}` }, extra: { goneSubscriptions: gone } }
      if (lastError && !lastError.permanent)
        return { outcome: { status: 'retry', error: lastError.message, deadline }, extra: { goneSubscriptions: gone } }
      if (lastError)
        return {
          outcome: { status: 'failed', reason: 'rejected', error: lastError.message },
          extra: { goneSubscriptions: gone },
        }
      return { outcome: { status: 'skipped', reason: 'no_device' }, extra: { goneSubscriptions: gone } }
    }
    return { outcome: { status: 'failed', reason: 'unknown_channel', error: `No ${row.channel} reminders.` } }
  } catch (error) {
    const permanent = (error as { permanent?: unknown }).permanent === true
    const message = (error as Error).message || 'The provider did not accept the message.'
    if (permanent) {
      return {
        outcome: { status: 'failed', reason: 'rejected', error: message },
        extra: { permanentEmailFailure: row.channel === 'email' },
      }
    }
    return { outcome: { status: 'retry', error: message, deadline } }
  }
}

async function alertFailure(tx: Tx, result: Result<Extra>, now: Date) {
  const { row } = result
  const context = result.extra?.context
  if (!context || result.outcome.status !== 'failed') return
  if (result.extra?.permanentEmailFailure) {
    await markChannelFailing(tx, row.practice_id, row.client_id!, 'email', 'rejected', now)
  }
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
      summary: `The ${row.channel} reminder to ${context.client_name} for ${when} could not be sent. You may want to call them.`,
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
