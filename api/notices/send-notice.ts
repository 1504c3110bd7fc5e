import { noticeText } from '../../shared/notices/text'
import type { Branding, Locale } from '../../shared/schemas/policies'
import type { ChannelStateRow } from '../clients/channel-queries'
import type { OutboxRow } from '../outbox/queries'
import type { EntryDeps } from '../deps'
import {
  type ClientReach,
  channelBlock,
  type DeliveryExtra,
  fromLine,
  type PushSubscriptionRow,
  pushSubscriptionsFor,
  pushToDevices,
  pushTopic,
  recordDeliveryFacts,
  refusal,
  textClient,
} from '../outbox/client-delivery'
import type { Job, Outcome, OutboxHandler } from '../outbox/dispatch'
import { type NoticePayload, portalLink } from './enqueue'
import { noticeEmail, noticePush } from './render'

/**
 * Sends `client_notice` rows on email, SMS or push. Each is checked again at sending time: the
 * client may have opted out, a missed session may have been corrected to attended, an offered time
 * may already be taken. Sends carry the row's idempotency key, as reminders do.
 */

type Context = ClientReach & {
  outbox_id: string
  email: string
  locale: Locale
  time_zone: string
  practice_name: string
  practice_slug: string
  practice_phone: string | null
  branding: Branding
  gateway_secret: string | null
  appointment_status: string | null
  offer_status: string | null
  offer_expires_at: Date | null
  states: ChannelStateRow[]
}

export const clientNoticeHandler: OutboxHandler<DeliveryExtra> = {
  topic: 'client_notice',

  async prepare(tx, rows, deps, now) {
    const contexts = await tx<Context[]>`
      select o.id as outbox_id, c.email, c.phone, c.locale, c.time_zone, c.consent_email, c.consent_sms,
             c.consent_push, p.name as practice_name, p.slug as practice_slug, p.phone as practice_phone, p.branding,
             g.url as gateway_url, g.signing_secret as gateway_secret, a.status as appointment_status,
             w.status as offer_status, w.expires_at as offer_expires_at,
             coalesce((select json_agg(json_build_object('channel', cc.channel, 'opted_out_at', cc.opted_out_at,
                         'opted_out_via', cc.opted_out_via, 'failing_since', cc.failing_since,
                         'failing_reason', cc.failing_reason))
                       from client_channels cc where cc.practice_id = c.practice_id and cc.client_id = c.id), '[]')
               as states
      from outbox o
      join clients c on c.practice_id = o.practice_id and c.id = o.client_id
      join practices p on p.id = o.practice_id
      left join sms_gateways g on g.practice_id = o.practice_id
      left join appointments a on a.practice_id = o.practice_id and a.id = o.appointment_id
      left join waitlist_offers w on w.practice_id = o.practice_id and w.id = (o.payload->>'offer_id')::uuid
      where o.id = any(${rows.map((r) => r.id)}::uuid[]) and c.disabled_at is null`
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

function whyNotNow(row: OutboxRow, context: Context, pushSubscriptions: number, now: Date): string | null {
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
  context: Context,
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
