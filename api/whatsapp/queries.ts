import type { WhatsappTemplates } from '../../shared/schemas/connectors'
import type { Tx } from '../db/connect'
import { findOutboxRow, type OutboxRow } from '../outbox/queries'

/** A practice's WhatsApp Cloud API number, its credentials sealed (api/whatsapp/settings.ts opens them). */
export type WhatsappConnectionRow = {
  practice_id: string
  phone_number_id: string
  api_base_url: string
  access_token: Uint8Array
  access_token_iv: Uint8Array
  app_secret: Uint8Array
  app_secret_iv: Uint8Array
  verify_token: Uint8Array
  verify_token_iv: Uint8Array
  templates: WhatsappTemplates
}

const columns = (tx: Tx) =>
  tx`practice_id, phone_number_id, api_base_url, access_token, access_token_iv, app_secret, app_secret_iv,
     verify_token, verify_token_iv, templates`

export async function findWhatsappConnection(tx: Tx, practiceId: string): Promise<WhatsappConnectionRow | null> {
  const [row] = await tx<WhatsappConnectionRow[]>`
    select ${columns(tx)} from whatsapp_connections where practice_id = ${practiceId}`
  return row ?? null
}

/** The connections of many practices at once (the dispatcher's batch). */
export async function whatsappConnectionsOf(tx: Tx, practiceIds: string[]): Promise<WhatsappConnectionRow[]> {
  return tx<WhatsappConnectionRow[]>`
    select ${columns(tx)} from whatsapp_connections where practice_id = any(${practiceIds}::uuid[])`
}

export async function setWhatsappConnection(
  tx: Tx,
  practiceId: string,
  connection: Omit<WhatsappConnectionRow, 'practice_id'> | null,
  now: Date,
): Promise<void> {
  if (!connection) {
    await tx`delete from whatsapp_connections where practice_id = ${practiceId}`
    return
  }
  const c = connection
  await tx`
    insert into whatsapp_connections (practice_id, phone_number_id, api_base_url, access_token, access_token_iv,
      app_secret, app_secret_iv, verify_token, verify_token_iv, templates, updated_at)
    values (${practiceId}, ${c.phone_number_id}, ${c.api_base_url}, ${c.access_token}, ${c.access_token_iv},
      ${c.app_secret}, ${c.app_secret_iv}, ${c.verify_token}, ${c.verify_token_iv}, ${tx.json(c.templates as never)},
      ${now})
    on conflict (practice_id) do update set
      phone_number_id = excluded.phone_number_id, api_base_url = excluded.api_base_url,
      access_token = excluded.access_token, access_token_iv = excluded.access_token_iv,
      app_secret = excluded.app_secret, app_secret_iv = excluded.app_secret_iv,
      verify_token = excluded.verify_token, verify_token_iv = excluded.verify_token_iv,
      templates = excluded.templates, updated_at = excluded.updated_at`
}

/** A client wrote on WhatsApp: the 24-hour window for free text opens (again) now. */
export async function recordWhatsappInbound(tx: Tx, practiceId: string, clientId: string, at: Date): Promise<void> {
  await tx`
    insert into client_channels (practice_id, client_id, channel, last_inbound_at, updated_at)
    values (${practiceId}, ${clientId}, 'whatsapp', ${at}, ${at})
    on conflict (practice_id, client_id, channel) do update
      set last_inbound_at = greatest(client_channels.last_inbound_at, excluded.last_inbound_at),
          updated_at = excluded.updated_at`
}

/** When each of these clients last wrote on WhatsApp (absent: never). */
export async function whatsappLastInbound(tx: Tx, clientIds: string[]): Promise<Map<string, Date>> {
  const rows = await tx<{ client_id: string; last_inbound_at: Date }[]>`
    select client_id, last_inbound_at from client_channels
    where client_id = any(${clientIds}::uuid[]) and channel = 'whatsapp' and last_inbound_at is not null`
  return new Map(rows.map((r) => [r.client_id, r.last_inbound_at]))
}

/** A status for a message whose send got no answer: its callback data names the outbox row. */
export async function adoptWhatsappMessage(tx: Tx, outboxId: string, messageId: string, now: Date) {
  const [row] = await tx<{ id: string; practice_id: string }[]>`
    update outbox set provider_message_id = ${messageId}, status = 'sent', sent_at = coalesce(sent_at, ${now}),
      closed_reason = null, updated_at = ${now}
    where id = ${outboxId} and channel = 'whatsapp' and provider_message_id is null
      and send_started_at is not null and status in ('pending', 'failed')
    returning id, practice_id`
  return row ?? null
}

/** The practice's WhatsApp message with this id (a status names it). */
export async function whatsappOutboxRow(tx: Tx, practiceId: string, messageId: string): Promise<OutboxRow | null> {
  const [row] = await tx<{ id: string }[]>`
    select id from outbox where practice_id = ${practiceId} and channel = 'whatsapp'
      and provider_message_id = ${messageId} limit 1`
  return row ? findOutboxRow(tx, practiceId, row.id) : null
}
