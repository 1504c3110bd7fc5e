import type { z } from 'zod'
import type { Client, ClientCreate, ClientPatch } from '../../shared/schemas/people'
import type { Channel } from '../../shared/schemas/policies'
import type { Tx } from '../db/connect'
import { compact, decodeCursor, page, type Page } from '../db/rows'

export type ClientRow = {
  id: string
  external_id: string | null
  name: string
  email: string
  phone: string | null
  time_zone: string
  locale: Client['locale']
  consent_email: boolean
  consent_sms: boolean
  consent_whatsapp: boolean
  consent_push: boolean
  preferred_channels: Channel[] | null
  disabled_at: Date | null
  created_at: Date
}

export function toClient(row: ClientRow): Client {
  return compact({
    id: row.id,
    external_id: row.external_id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    time_zone: row.time_zone,
    locale: row.locale,
    consents: {
      email: row.consent_email,
      sms: row.consent_sms,
      whatsapp: row.consent_whatsapp,
      push: row.consent_push,
    },
    preferred_channels: row.preferred_channels,
    portal_access: row.disabled_at === null,
  }) as Client
}

export const clientColumns = (tx: Tx) =>
  tx`id, external_id, name, email, phone, time_zone, locale, consent_email, consent_sms, consent_whatsapp, consent_push, preferred_channels, disabled_at, created_at`

/** A therapist sees the clients they have sessions with; `seenBy` null means the whole practice. */
const seenBy = (tx: Tx, therapistId: string | null | undefined) =>
  therapistId
    ? tx`and exists (select 1 from appointments a where a.practice_id = clients.practice_id
                     and a.client_id = clients.id and a.therapist_id = ${therapistId})`
    : tx``

export async function findClient(
  tx: Tx,
  practiceId: string,
  id: string,
  therapistId?: string | null,
): Promise<Client | null> {
  const [row] = await tx<ClientRow[]>`
    select ${clientColumns(tx)} from clients where practice_id = ${practiceId} and id = ${id} ${seenBy(tx, therapistId)}`
  return row ? toClient(row) : null
}

export async function clientTimeZone(tx: Tx, practiceId: string, id: string): Promise<string | null> {
  const [row] = await tx<{ time_zone: string }[]>`
    select time_zone from clients where practice_id = ${practiceId} and id = ${id}`
  return row?.time_zone ?? null
}

export async function listClients(
  tx: Tx,
  practiceId: string,
  options: {
    limit: number
    cursor?: string | undefined
    email?: string | undefined
    q?: string | undefined
    therapistId?: string | null | undefined
  },
): Promise<Page<Client>> {
  const like = options.q ? `%${options.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null
  const after = decodeCursor(options.cursor)
  const rows = await tx<(ClientRow & { sort_key: string })[]>`
    select ${clientColumns(tx)}, created_at::text as sort_key from clients
    where practice_id = ${practiceId}
      ${options.email ? tx`and email = ${options.email}` : tx``}
      ${like ? tx`and (name ilike ${like} or email ilike ${like} or phone like ${like})` : tx``}
      ${seenBy(tx, options.therapistId)}
      ${after ? tx`and (created_at, id) > (${String(after[0])}::text::timestamptz, ${String(after[1])}::uuid)` : tx``}
    order by created_at, id
    limit ${options.limit + 1}`
  return page(rows, options.limit, toClient, (row) => [row.sort_key, row.id])
}

function consentColumns(consents: Partial<Client['consents']> | undefined) {
  const values: Record<string, boolean> = {}
  if (consents?.email !== undefined) values.consent_email = consents.email
  if (consents?.sms !== undefined) values.consent_sms = consents.sms
  if (consents?.whatsapp !== undefined) values.consent_whatsapp = consents.whatsapp
  if (consents?.push !== undefined) values.consent_push = consents.push
  return values
}

export async function insertClient(tx: Tx, practiceId: string, input: z.infer<typeof ClientCreate>): Promise<Client> {
  const { consents, ...fields } = input
  const values = { practice_id: practiceId, ...fields, phone: input.phone ?? null, ...consentColumns(consents) }
  const [row] = await tx<ClientRow[]>`insert into clients ${tx(values)} returning ${clientColumns(tx)}`
  return toClient(row!)
}

export async function updateClient(
  tx: Tx,
  practiceId: string,
  id: string,
  patch: z.infer<typeof ClientPatch>,
): Promise<Client | null> {
  const { consents, ...fields } = patch
  const values = { ...fields, ...consentColumns(consents) }
  if (!Object.keys(values).length) return findClient(tx, practiceId, id)
  const [row] = await tx<ClientRow[]>`
    update clients set ${tx(values)}, updated_at = now()
    where practice_id = ${practiceId} and id = ${id} returning ${clientColumns(tx)}`
  return row ? toClient(row) : null
}

/**
 * Ends a client's portal access: they can no longer sign in, and every session they have open
 * ends now (their next request is refused). Returns false when there is no such client.
 */
export async function endPortalAccess(tx: Tx, practiceId: string, id: string, now: Date): Promise<Client | null> {
  const [row] = await tx<ClientRow[]>`
    update clients set disabled_at = coalesce(disabled_at, ${now}), updated_at = ${now}
    where practice_id = ${practiceId} and id = ${id} returning ${clientColumns(tx)}`
  if (!row) return null
  await tx`
    update portal_sessions set revoked_at = ${now}, revoked_reason = 'disabled'
    where practice_id = ${practiceId} and client_id = ${id} and revoked_at is null`
  return toClient(row)
}

/**
 * Lets a client sign in to the portal again. Sessions that ended when access did stay ended: they
 * sign in afresh. Null when there is no such client.
 */
export async function restorePortalAccess(tx: Tx, practiceId: string, id: string, now: Date): Promise<Client | null> {
  const [row] = await tx<ClientRow[]>`
    update clients set disabled_at = null, updated_at = ${now}
    where practice_id = ${practiceId} and id = ${id} returning ${clientColumns(tx)}`
  return row ? toClient(row) : null
}
