import type { ChannelFacts } from '../../shared/reminders/channels'
import type { Channel, ReminderSchedule } from '../../shared/schemas/policies'
import type { Tx } from '../db/connect'
import { iso } from '../db/rows'

/** A client_channels row as queries read it: Dates from a plain select, text from `json_agg`. */
export type ChannelStateRow = {
  channel: Channel
  opted_out_at: Date | string | null
  opted_out_via: string | null
  failing_since: Date | string | null
  failing_reason: string | null
}

/** What happened on each of a client's channels, in the shape the channel rules read. */
export function channelState(rows: readonly ChannelStateRow[]): ChannelFacts['state'] {
  const state: ChannelFacts['state'] = {}
  for (const s of rows) {
    state[s.channel] = {
      optedOutAt: s.opted_out_at && iso(s.opted_out_at),
      optedOutVia: s.opted_out_via,
      failingSince: s.failing_since && iso(s.failing_since),
      failingReason: s.failing_reason,
    }
  }
  return state
}

/** What decides whether a client can get reminders on each channel, in one query. */
export async function channelFacts(
  tx: Tx,
  practiceId: string,
  clientId: string,
): Promise<(ChannelFacts & { schedule: ReminderSchedule }) | null> {
  const [row] = await tx<
    {
      reminder_schedule: ReminderSchedule
      consent_email: boolean
      consent_sms: boolean
      consent_whatsapp: boolean
      consent_push: boolean
      preferred_channels: Channel[] | null
      has_phone: boolean
      sms_gateway: boolean
      whatsapp: boolean
      push_subscriptions: number
      states: ChannelStateRow[]
    }[]
  >`
    select p.reminder_schedule, c.consent_email, c.consent_sms, c.consent_whatsapp, c.consent_push, c.preferred_channels,
      c.phone is not null as has_phone,
      exists(select 1 from sms_gateways g where g.practice_id = c.practice_id) as sms_gateway,
      exists(select 1 from whatsapp_connections w where w.practice_id = c.practice_id) as whatsapp,
      (select count(*) from push_subscriptions s where s.practice_id = c.practice_id and s.client_id = c.id)::int
        as push_subscriptions,
      coalesce((select json_agg(json_build_object('channel', cc.channel, 'opted_out_at', cc.opted_out_at,
                  'opted_out_via', cc.opted_out_via, 'failing_since', cc.failing_since,
                  'failing_reason', cc.failing_reason))
                from client_channels cc where cc.practice_id = c.practice_id and cc.client_id = c.id), '[]') as states
    from clients c join practices p on p.id = c.practice_id
    where c.practice_id = ${practiceId} and c.id = ${clientId}`
  if (!row) return null
  return {
    schedule: row.reminder_schedule,
    consents: {
      email: row.consent_email,
      sms: row.consent_sms,
      whatsapp: row.consent_whatsapp,
      push: row.consent_push,
    },
    preferred: row.preferred_channels,
    hasPhone: row.has_phone,
    smsGatewayConfigured: row.sms_gateway,
    whatsappConfigured: row.whatsapp,
    pushSubscriptions: row.push_subscriptions,
    state: channelState(row.states),
  }
}

export async function markChannelFailing(
  tx: Tx,
  practiceId: string,
  clientId: string,
  channel: Channel,
  reason: string,
  now: Date,
): Promise<void> {
  await tx`
    insert into client_channels (practice_id, client_id, channel, failing_since, failing_reason, updated_at)
    values (${practiceId}, ${clientId}, ${channel}, ${now}, ${reason}, ${now})
    on conflict (practice_id, client_id, channel) do update
      set failing_since = coalesce(client_channels.failing_since, excluded.failing_since),
          failing_reason = excluded.failing_reason, updated_at = excluded.updated_at`
}

/** A new address or number gets a fresh start. */
export async function clearChannelFailing(tx: Tx, practiceId: string, clientId: string, channel: Channel, now: Date) {
  await tx`
    update client_channels set failing_since = null, failing_reason = null, updated_at = ${now}
    where practice_id = ${practiceId} and client_id = ${clientId} and channel = ${channel}`
}

export async function setOptOut(
  tx: Tx,
  practiceId: string,
  clientId: string,
  channel: Channel,
  optedOut: { via: string } | null,
  now: Date,
): Promise<void> {
  await tx`
    insert into client_channels (practice_id, client_id, channel, opted_out_at, opted_out_via, updated_at)
    values (${practiceId}, ${clientId}, ${channel}, ${optedOut ? now : null}, ${optedOut?.via ?? null}, ${now})
    on conflict (practice_id, client_id, channel) do update
      set opted_out_at = case when excluded.opted_out_at is null then null
                              else coalesce(client_channels.opted_out_at, excluded.opted_out_at) end,
          opted_out_via = case when excluded.opted_out_at is null then null
                               else coalesce(client_channels.opted_out_via, excluded.opted_out_via) end,
          updated_at = excluded.updated_at`
}

/** A client's opt-outs and failures on one channel, with whose they are. */
export type ClientChannelState = ChannelStateRow & { client_id: string }

/** The channel states of many clients at once (any practice: the dispatcher's batch). */
export async function channelStatesOf(tx: Tx, clientIds: string[]): Promise<ClientChannelState[]> {
  return tx<ClientChannelState[]>`
    select client_id, channel, opted_out_at, opted_out_via, failing_since, failing_reason
    from client_channels where client_id = any(${clientIds}::uuid[])`
}

/** Which of these clients have opted out of a channel. */
export async function optedOutOf(tx: Tx, clientIds: string[], channel: string): Promise<Set<string>> {
  const rows = await tx<{ client_id: string }[]>`
    select client_id from client_channels
    where client_id = any(${clientIds}::uuid[]) and channel = ${channel} and opted_out_at is not null`
  return new Set(rows.map((r) => r.client_id))
}
