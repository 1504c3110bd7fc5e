import type {
  Branding,
  CancellationPolicy,
  CrisisResource,
  Locale,
  ReminderSchedule,
} from '../../shared/schemas/policies'
import type { Tx } from '../db/connect'
import type { ClientReach } from '../outbox/client-delivery'

/** What sending a reminder needs to know about its session, client and practice. */
export type ReminderContext = ClientReach & {
  outbox_id: string
  status: string
  starts_at: Date
  ends_at: Date
  version: number
  type: string
  location: string | null
  telehealth_url: string | null
  /** No other reminder of the session is still to go after this one (the booking note aside). */
  is_last: boolean
  therapist_id: string
  therapist_name: string
  client_name: string
  email: string
  locale: Locale
  time_zone: string
  practice_name: string
  practice_slug: string
  practice_time_zone: string
  reminder_schedule: ReminderSchedule
  branding: Branding
  gateway_secret: string | null
}

/** The context of each reminder in a dispatcher's batch (a session gone finds none). */
export async function reminderContexts(tx: Tx, outboxIds: string[]): Promise<ReminderContext[]> {
  return tx<ReminderContext[]>`
    select o.id as outbox_id, a.status, a.starts_at, a.ends_at, a.version, a.type, a.location, a.telehealth_url,
           a.therapist_id, t.name as therapist_name,
           c.name as client_name, c.email, c.phone, c.locale, c.time_zone, c.consent_email, c.consent_sms,
           c.consent_whatsapp, c.consent_push, p.name as practice_name, p.slug as practice_slug,
           p.time_zone as practice_time_zone, p.reminder_schedule, p.branding, g.url as gateway_url,
           g.signing_secret as gateway_secret,
           exists(select 1 from whatsapp_connections w where w.practice_id = o.practice_id) as whatsapp_configured,
           not exists(select 1 from outbox later
                      where later.practice_id = o.practice_id and later.appointment_id = o.appointment_id
                        and later.topic = 'reminder' and later.status = 'pending'
                        and later.reminder_kind <> 'booked' and later.send_at > o.send_at) as is_last
    from outbox o
    join appointments a on a.practice_id = o.practice_id and a.id = o.appointment_id
    join clients c on c.practice_id = o.practice_id and c.id = o.client_id
    join practices p on p.id = o.practice_id
    join therapists t on t.practice_id = a.practice_id and t.id = a.therapist_id
    left join sms_gateways g on g.practice_id = o.practice_id
    where o.id = any(${outboxIds}::uuid[])`
}

/** What a session's reminder plan depends on beyond the session: its cancellation policies and the client's zone. */
export async function planContext(
  tx: Tx,
  session: { practice_id: string; therapist_id: string; client_id: string },
): Promise<{
  practice_policy: CancellationPolicy
  therapist_policy: CancellationPolicy | null
  time_zone: string
} | null> {
  const [context] = await tx<
    { practice_policy: CancellationPolicy; therapist_policy: CancellationPolicy | null; time_zone: string }[]
  >`
    select p.cancellation_policy as practice_policy, t.cancellation_policy as therapist_policy, c.time_zone
    from practices p
    join therapists t on t.practice_id = p.id and t.id = ${session.therapist_id}
    join clients c on c.practice_id = p.id and c.id = ${session.client_id}
    where p.id = ${session.practice_id}`
  return context ?? null
}

/** What the reply line says in the practice's name. */
export type ReplyLinePractice = {
  name: string
  phone: string | null
  locales: Locale[]
  crisis_resources: CrisisResource[]
}
/** A client a text may be from. */
/** `sms_opted_out`: opted out of the channel the message came in on (texts or WhatsApp). */
export type TextSender = { id: string; name: string; time_zone: string; locale: Locale; sms_opted_out: boolean }

export async function replyLinePractice(tx: Tx, practiceId: string): Promise<ReplyLinePractice | null> {
  const [practice] = await tx<ReplyLinePractice[]>`
    select name, phone, locales, crisis_resources from practices where id = ${practiceId}`
  return practice ?? null
}

/** The practice's clients whose phone has these digits (a family phone may be several). */
export async function textSenders(
  tx: Tx,
  practiceId: string,
  digits: string,
  channel: 'sms' | 'whatsapp' = 'sms',
): Promise<TextSender[]> {
  return tx<TextSender[]>`
    select c.id, c.name, c.locale, c.time_zone,
      exists(select 1 from client_channels cc where cc.practice_id = c.practice_id and cc.client_id = c.id
             and cc.channel = ${channel} and cc.opted_out_at is not null) as sms_opted_out
    from clients c
    where c.practice_id = ${practiceId} and regexp_replace(coalesce(c.phone, ''), '\\D', '', 'g') = ${digits}
      and c.disabled_at is null
    order by c.created_at limit 20`
}

type LinkUse = { practiceId: string; outboxId: string; action: string; appointmentId: string }

/** Whether this reminder's link for this action was used already (each works once). */
export async function linkUsed(tx: Tx, link: Omit<LinkUse, 'appointmentId'>): Promise<boolean> {
  const [use] = await tx`
    select 1 from action_link_uses
    where practice_id = ${link.practiceId} and outbox_id = ${link.outboxId} and action = ${link.action}`
  return Boolean(use)
}

export async function useLink(tx: Tx, link: LinkUse, now: Date): Promise<void> {
  await tx`
    insert into action_link_uses (practice_id, outbox_id, action, appointment_id, used_at)
    values (${link.practiceId}, ${link.outboxId}, ${link.action}, ${link.appointmentId}, ${now})`
}

/** Records a provider's event id; false when it was seen before (a delivery retried). */
export async function firstTimeSeen(
  tx: Tx,
  practiceId: string,
  event: { source: 'sms' | 'resend' | 'calcom' | 'whatsapp'; id: string; at: Date },
): Promise<boolean> {
  const [fresh] = await tx`
    insert into inbound_events (practice_id, source, event_id, received_at)
    values (${practiceId}, ${event.source}, ${event.id}, ${event.at})
    on conflict do nothing returning 1`
  return Boolean(fresh)
}

/** Who a refused reminder was for, and the session it was about (if any), for the front desk's alert. */
export async function bouncedReminderAbout(
  tx: Tx,
  row: { practice_id: string; client_id: string; appointment_id: string | null },
): Promise<{ client_name: string; starts_at: Date | null; time_zone: string; therapist_id: string | null } | null> {
  const [about] = await tx<
    { client_name: string; starts_at: Date | null; time_zone: string; therapist_id: string | null }[]
  >`
    select c.name as client_name, a.starts_at, p.time_zone, a.therapist_id
    from clients c join practices p on p.id = c.practice_id
    left join appointments a on a.practice_id = c.practice_id and a.id = ${row.appointment_id}
    where c.practice_id = ${row.practice_id} and c.id = ${row.client_id}`
  return about ?? null
}

/** The session's reminders that went out and did not bounce or fail: the kinds already delivered. */
export async function remindersThatReached(
  tx: Tx,
  practiceId: string,
  appointmentId: string,
): Promise<{ reminder_kind: string; idempotency_key: string }[]> {
  return tx<{ reminder_kind: string; idempotency_key: string }[]>`
    select reminder_kind, idempotency_key from outbox
    where practice_id = ${practiceId} and appointment_id = ${appointmentId} and topic = 'reminder'
      and status = 'sent' and coalesce(delivery_status, '') not in ('bounced', 'complained', 'failed')`
}
