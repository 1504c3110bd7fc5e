import type { NotificationSettings } from '../../shared/schemas/notifications'
import type { Tx } from '../db/connect'

/** Who is told about what (040_conversations.sql): settings per person, console devices, and what a page needs. */

export const DEFAULT_SETTINGS: NotificationSettings = {
  urgent: ['email', 'sms', 'push'],
  new_messages: 'immediately',
  daily_digest: true,
}

export async function settingsOf(
  tx: Tx,
  practiceId: string,
  ownerKeys: string[],
): Promise<Map<string, NotificationSettings>> {
  if (!ownerKeys.length) return new Map()
  const rows = await tx<(NotificationSettings & { owner_key: string })[]>`
    select owner_key, urgent, new_messages, daily_digest from notification_settings
    where practice_id = ${practiceId} and owner_key = any(${ownerKeys}::text[])`
  return new Map(rows.map(({ owner_key, ...settings }) => [owner_key, settings as NotificationSettings]))
}

export async function saveSettings(
  tx: Tx,
  practiceId: string,
  ownerKey: string,
  settings: NotificationSettings,
  now: Date,
): Promise<void> {
  await tx`
    insert into notification_settings (practice_id, owner_key, urgent, new_messages, daily_digest, updated_at)
    values (${practiceId}, ${ownerKey}, ${settings.urgent}, ${settings.new_messages}, ${settings.daily_digest}, ${now})
    on conflict (practice_id, owner_key) do update
      set urgent = excluded.urgent, new_messages = excluded.new_messages, daily_digest = excluded.daily_digest,
          updated_at = excluded.updated_at`
}

/** The people a page can reach: the therapist records and the practice's own contacts. */
export async function pageContacts(
  tx: Tx,
  practiceId: string,
  therapistIds: string[],
): Promise<{
  practice: { email: string | null; escalation_minutes: number; locale: string; sms_gateway: boolean }
  therapists: { id: string; email: string; phone: string | null }[]
  /** The owners and front desk who have signed up. */
  staff: { id: string; role: string; email: string; phone: string | null }[]
  devices: Map<string, number>
}> {
  const [practice] = await tx<
    { email: string | null; escalation_minutes: number; locale: string; sms_gateway: boolean }[]
  >`
    select p.contact_email as email, p.urgent_escalation_minutes as escalation_minutes, p.locales[1] as locale,
           exists (select 1 from sms_gateways g where g.practice_id = p.id) as sms_gateway
    from practices p where p.id = ${practiceId}`
  const therapists = therapistIds.length
    ? await tx<{ id: string; email: string; phone: string | null }[]>`
        select id, email, phone from therapists where practice_id = ${practiceId} and id = any(${therapistIds}::uuid[])`
    : []
  const staff = await tx<{ id: string; role: string; email: string; phone: string | null }[]>`
    select id, role, email, phone from staff_users
    where practice_id = ${practiceId} and role in ('owner', 'front_desk') and removed_at is null and not invited
    order by created_at, id`
  const devices = await tx<{ owner_key: string; count: number }[]>`
    select owner_key, count(*)::int as count from staff_push_subscriptions
    where practice_id = ${practiceId} group by owner_key`
  return { practice: practice!, therapists, staff, devices: new Map(devices.map((d) => [d.owner_key, d.count])) }
}

export type StaffDevice = { id: string; owner_key: string; endpoint: string; p256dh: string; auth: string }

export async function staffDevicesOf(tx: Tx, practiceId: string, ownerKey: string): Promise<StaffDevice[]> {
  return tx<StaffDevice[]>`
    select id, owner_key, endpoint, p256dh, auth from staff_push_subscriptions
    where practice_id = ${practiceId} and owner_key = ${ownerKey}`
}

export async function saveStaffDevice(
  tx: Tx,
  practiceId: string,
  device: Omit<StaffDevice, 'id'>,
  now: Date,
): Promise<void> {
  await tx`
    insert into staff_push_subscriptions (practice_id, owner_key, endpoint, p256dh, auth, created_at)
    values (${practiceId}, ${device.owner_key}, ${device.endpoint}, ${device.p256dh}, ${device.auth}, ${now})
    on conflict (practice_id, endpoint) do update
      set owner_key = excluded.owner_key, p256dh = excluded.p256dh, auth = excluded.auth`
}

/** One person's device, by its endpoint; false when it is not theirs (or not there). */
export async function forgetStaffDevice(
  tx: Tx,
  practiceId: string,
  ownerKey: string,
  endpoint: string,
): Promise<boolean> {
  const rows = await tx`
    delete from staff_push_subscriptions
    where practice_id = ${practiceId} and owner_key = ${ownerKey} and endpoint = ${endpoint} returning id`
  return rows.length > 0
}

export async function forgetStaffDevices(tx: Tx, ids: string[]): Promise<void> {
  if (ids.length) await tx`delete from staff_push_subscriptions where id = any(${ids}::uuid[])`
}

/** What sending one page needs to know, checked again at sending time. */
export type PageContext = {
  outbox_id: string
  alert_status: 'open' | 'resolved'
  acknowledged_at: Date | null
  practice_name: string
  gateway_url: string | null
  gateway_secret: string | null
}

export async function pageContexts(tx: Tx, outboxIds: string[]): Promise<PageContext[]> {
  return tx<PageContext[]>`
    select o.id as outbox_id, a.status as alert_status, a.acknowledged_at, p.name as practice_name,
           g.url as gateway_url, g.signing_secret as gateway_secret
    from outbox o
    join alerts a on a.practice_id = o.practice_id and a.id = (o.payload->>'alert_id')::uuid
    join practices p on p.id = o.practice_id
    left join sms_gateways g on g.practice_id = o.practice_id
    where o.id = any(${outboxIds}::uuid[])`
}
