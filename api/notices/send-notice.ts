import { type PushSubscriptionRow, pushSubscriptionsFor } from '../push/queries'
import { noticeText } from '../../shared/notices/text'
import type { OutboxRow } from '../outbox/queries'
import type { EntryDeps } from '../deps'
import {
  channelBlock,
  type DeliveryExtra,
  fromLine,
  pushToDevices,
  pushTopic,
  recordDeliveryFacts,
  refusal,
  textClient,
} from '../outbox/client-delivery'
import type { Job, Outcome, OutboxHandler } from '../outbox/dispatch'
import { type NoticePayload, portalLink } from './enqueue'
import { type NoticeContext, noticeContexts } from './queries'
import { noticeEmail, noticePush } from './render'

/**
 * Sends `client_notice` rows on email, SMS or push. Each is checked again at sending time: the
 * client may have opted out, a missed session may have been corrected to attended, an offered time
 * may already be taken. Sends carry the row's idempotency key, as reminders do.
 */

export const clientNoticeHandler: OutboxHandler<DeliveryExtra> = {
  topic: 'client_notice',

  async prepare(tx, rows, deps, now) {
    const contexts = await noticeContexts(
      tx,
      rows.map((r) => r.id),
    )
    const subscriptions = await pushSubscriptionsFor(tx, rows)

    const jobs = new Map<string, Job<DeliveryExtra>>()
    for (const row of rows) {
      const context = contexts.find((c) => c.outbox_id === row.id)
      const subs = subscriptions.filter((s) => s.client_id === row.client_id)
      const skip = context ? whyNotNow(row, context, subs.length, now) : 'client_gone'
      if (skip) {
        jobs.set(row.id, async () => ({ outcome: { status: 'skipped', reason: skip } }))
        continue
      }
      jobs.set(row.id, () => sendOne(row, context!, subs, deps))
    }
    return jobs
  },

  async after(tx, results, _deps, now) {
    await recordDeliveryFacts(tx, results, now)
  },
}

function whyNotNow(row: OutboxRow, context: NoticeContext, pushSubscriptions: number, now: Date): string | null {
  const payload = row.payload as NoticePayload
  if (payload.kind === 'missed' && context.appointment_status !== 'no_show') return 'no_longer_missed'
  if (payload.kind === 'offer') {
    if (context.offer_status !== 'open') return 'offer_closed'
    if (!context.offer_expires_at || context.offer_expires_at.getTime() <= now.getTime()) return 'offer_expired'
  }
  return channelBlock(row, context, context.states, pushSubscriptions)
}

async function sendOne(
  row: OutboxRow,
  context: NoticeContext,
  subscriptions: PushSubscriptionRow[],
  deps: EntryDeps,
): Promise<{ outcome: Outcome; extra?: DeliveryExtra }> {
  const payload = row.payload as NoticePayload
  const link = portalLink(deps.publicUrl, context.practice_slug, payload.show, payload.subject_id)
  const words = noticeText({
    kind: payload.kind,
    startsAt: payload.starts_at,
    timeZone: context.time_zone,
    locale: context.locale,
    practiceName: context.practice_name,
    practicePhone: context.practice_phone,
    link,
    ...(payload.expires_at ? { expiresAt: payload.expires_at } : {}),
    ...(payload.fee_cents ? { fee: { cents: payload.fee_cents, currency: payload.currency ?? 'USD' } } : {}),
  })
  // An offer is worth retrying only while it is open.
  const deadline = payload.kind === 'offer' && context.offer_expires_at ? context.offer_expires_at : undefined
  try {
    if (row.channel === 'email') {
      const email = noticeEmail(words, link, {
        locale: context.locale,
        practiceName: context.practice_name,
        accent: context.branding.accent_color,
      })
      const sent = await deps.mailer.send({
        from: fromLine(deps.emailFrom, context.practice_name),
        to: context.email,
        ...email,
        idempotencyKey: row.idempotency_key,
        tags: { kind: `notice_${payload.kind}` },
      })
      return { outcome: { status: 'sent', providerMessageId: sent.id } }
    }
    if (row.channel === 'sms') return await textClient(deps, row, context, words.sms)
    if (row.channel === 'push') {
      if (!deps.push) return { outcome: { status: 'retry', error: 'No push sender in this process.', deadline } }
      const topic = await pushTopic(row)
      const body = noticePush(words, link, topic, context.locale)
      const message = { payload: body, topic, ttlSeconds: () => 24 * 3600 }
      return await pushToDevices(deps.push, subscriptions, message, deadline)
    }
    return { outcome: { status: 'failed', reason: 'unknown_channel', error: `No ${row.channel} notices.` } }
  } catch (error) {
    return refusal(row, error, deadline)
  }
}
