import { noticeText } from '../../shared/notices/text'
import type { OutboxRow } from '../outbox/queries'
import type { EntryDeps } from '../deps'
import {
  type ClientDeliveryExtra,
  type ClientMessage,
  channelBlock,
  clientJobs,
  recordDeliveryFacts,
} from '../outbox/client-delivery'
import type { OutboxHandler } from '../outbox/dispatch'
import { type NoticePayload, portalLink } from './enqueue'
import { type NoticeContext, noticeContexts } from './queries'
import { noticeEmail, noticePush } from './render'

/**
 * Sends `client_notice` rows on email, SMS or push. Each is checked again at sending time: the
 * client may have opted out, a missed session may have been corrected to attended, an offered time
 * may already be taken. Sends carry the row's idempotency key, as reminders do.
 */

export const clientNoticeHandler: OutboxHandler<ClientDeliveryExtra<NoticeContext>> = {
  topic: 'client_notice',

  async prepare(tx, rows, deps, now) {
    const contexts = await noticeContexts(
      tx,
      rows.map((r) => r.id),
    )
    return clientJobs(tx, deps, rows, contexts, {
      missing: 'client_gone',
      whyNot: (row, context, devices) => whyNotNow(row, context, devices, now),
      message: (row, context) => noticeMessage(row, context, deps),
    })
  },

  async after(tx, results, _deps, now) {
    await recordDeliveryFacts(tx, results, now)
  },
}

function whyNotNow(row: OutboxRow, context: NoticeContext, pushSubscriptions: number, now: Date): string | null {
  const payload = row.payload as NoticePayload
  if (payload.kind === 'missed' && context.appointment_status !== 'no_show') return 'no_longer_missed'
  if (payload.kind === 'reply_waiting' && context.unread_replies === 0) return 'already_read'
  if (payload.kind === 'session_moved') {
    if (context.appointment_version !== payload.version) return 'moved_again'
    if (context.appointment_status && !['scheduled', 'confirmed'].includes(context.appointment_status)) {
      return 'no_longer_open'
    }
  }
  if (payload.kind === 'session_cancelled' && context.appointment_status !== 'cancelled') return 'no_longer_cancelled'
  if (payload.kind === 'offer') {
    if (context.offer_status !== 'open') return 'offer_closed'
    if (!context.offer_expires_at || context.offer_expires_at.getTime() <= now.getTime()) return 'offer_expired'
  }
  return channelBlock(row, context, context.states, pushSubscriptions)
}

function noticeMessage(row: OutboxRow, context: NoticeContext, deps: EntryDeps): ClientMessage {
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
  return {
    kind: `notice_${payload.kind}`,
    // An offer is worth retrying only while it is open.
    deadline: payload.kind === 'offer' && context.offer_expires_at ? context.offer_expires_at : undefined,
    email: () =>
      noticeEmail(words, link, {
        locale: context.locale,
        practiceName: context.practice_name,
        accent: context.branding.accent_color,
      }),
    sms: () => words.sms,
    whatsapp: () => ({
      kind: payload.kind,
      text: words.sms,
      startsAt: payload.starts_at,
      timeZone: context.time_zone,
      locale: context.locale,
      practiceName: context.practice_name,
    }),
    push: (topic) => noticePush(words, link, topic, context.locale),
    pushTtlSeconds: () => 24 * 3600,
  }
}
