import type { z } from 'zod'
import type { Client, ClientCreate, ClientPatch } from '../../shared/schemas/people'
import type { Tx } from '../db/connect'
import { compact, decodeCursor, page, type Page } from '../db/rows'

type ClientRow = {
  id: string
  name: string
  email: string
  phone: string | null
  time_zone: string
  locale: Client['locale']
  consent_email: boolean
  consent_sms: boolean
  consent_push: boolean
  created_at: Date
}

export function toClient(row: ClientRow): Client {
  return compact({
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    time_zone: row.time_zone,
    locale: row.locale,
    consents: { email: row.consent_email, sms: row.consent_sms, push: row.consent_push },
  }) as Client
}

const columns = (tx: Tx) =>
  tx`id, name, email, phone, time_zone, locale, consent_email, consent_sms, consent_push, created_at`

export async function findClient(tx: Tx, practiceId: string, id: string): Promise<Client | null> {
  const [row] = await tx<ClientRow[]>`
    select ${columns(tx)} from clients where practice_id = ${practiceId} and id = ${id}`
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
  options: { limit: number; cursor?: string | undefined; email?: string | undefined },
): Promise<Page<Client>> {
  const after = decodeCursor(options.cursor)
  const rows = await tx<(ClientRow & { sort_key: string })[]>`
    select ${columns(tx)}, created_at::text as sort_key from clients
    where practice_id = ${practiceId}
      ${options.email ? tx`and email = ${options.email}` : tx``}
      ${after ? tx`and (created_at, id) > (${String(after[0])}::text::timestamptz, ${String(after[1])}::uuid)` : tx``}
    order by created_at, id
    limit ${options.limit + 1}`
  return page(rows, options.limit, toClient, (row) => [row.sort_key, row.id])
}

function consentColumns(consents: Partial<Client['consents']> | undefined) {
  const values: Record<string, boolean> = {}
  if (consents?.email !== undefined) values.consent_email = consents.email
  if (consents?.sms !== undefined) values.consent_sms = consents.sms
  if (consents?.push !== undefined) values.consent_push = consents.push
  return values
}

export async function insertClient(tx: Tx, practiceId: string, input: z.infer<typeof ClientCreate>): Promise<Client> {
  const { consents, ...fields } = input
  const values = { practice_id: practiceId, ...fields, phone: input.phone ?? null, ...consentColumns(consents) }
  const [row] = await tx<ClientRow[]>`insert into clients ${tx(values)} returning ${columns(tx)}`
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
    where practice_id = ${practiceId} and id = ${id} returning ${columns(tx)}`
  return row ? toClient(row) : null
}
