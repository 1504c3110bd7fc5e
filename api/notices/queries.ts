import type { Branding, Locale } from '../../shared/schemas/policies'
import type { ChannelStateRow } from '../clients/channel-queries'
import type { Tx } from '../db/connect'
import type { ClientReach } from '../outbox/client-delivery'

/** What sending a client notice needs to know about its client, practice and subject. */
export type NoticeContext = ClientReach & {
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
  appointment_version: number | null
  /** For a reply notice: the practice's replies in its thread the client has not read yet. */
  unread_replies: number
  offer_status: string | null
  offer_expires_at: Date | null
  states: ChannelStateRow[]
}

/** The context of each notice in a dispatcher's batch; a disabled client's notices find none. */
export async function noticeContexts(tx: Tx, outboxIds: string[]): Promise<NoticeContext[]> {
  return tx<NoticeContext[]>`
    select o.id as outbox_id, c.email, c.phone, c.locale, c.time_zone, c.consent_email, c.consent_sms,
           c.consent_whatsapp, c.consent_push,
           exists(select 1 from whatsapp_connections wc where wc.practice_id = o.practice_id) as whatsapp_configured,
           p.name as practice_name, p.slug as practice_slug, p.phone as practice_phone, p.branding,
           g.url as gateway_url, g.signing_secret as gateway_secret, a.status as appointment_status,
           a.version as appointment_version,
           (select count(*)::int from messages m
            where m.practice_id = o.practice_id and m.thread_id = (o.payload->>'thread_id')::uuid
              and m.sender <> 'client' and m.read_at is null) as unread_replies,
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
    where o.id = any(${outboxIds}::uuid[]) and c.disabled_at is null`
}
