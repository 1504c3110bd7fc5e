import { Email, Phone, TimeZone } from '../../shared/schemas/common'
import type { ClientPatch } from '../../shared/schemas/people'
import { Locale } from '../../shared/schemas/policies'
import type { z } from 'zod'
import { audit, type Actor } from '../audit/queries'
import { createClient } from '../clients/create'
import { updateClient, type ClientRow } from '../clients/queries'
import type { Tx } from '../db/connect'
import type { Deps } from '../deps'
import { clientReachChanged } from '../reminders/client-reach'
import { yesNo } from './cells'
import type { CsvRow } from './csv'
import { clientsNamed } from './queries'
import { type ImportTally, repeatedIn, rowReader } from './report'
import { isUniqueViolation } from '../db/pg-errors'
import { EMAIL_MESSAGE, schemaCell } from './zod-cell'

type ClientFields = {
  external_id: string
  name: string
  email: string
  phone?: string | undefined
  time_zone?: string | undefined
  locale?: z.infer<typeof Locale> | undefined
  consent_email?: boolean | undefined
  consent_sms?: boolean | undefined
}

/** One row's client, or its problems recorded on the tally. */
function readClient(row: CsvRow, repeats: { id: Map<number, number>; email: Map<number, number> }) {
  const r = rowReader(row)
  const externalId = r.text('external_id')
  const name = r.text('name')
  if (!externalId) r.fail('external_id', 'Every row needs an external_id, the id your own system uses for this client.')
  if (!name) r.fail('name', "Add the client's name.")
  const email = r.take('email', schemaCell(Email, r.text('email'), EMAIL_MESSAGE))
  const fields: ClientFields = {
    external_id: externalId,
    name,
    email: email ?? '',
    phone: r.text('phone') ? r.take('phone', schemaCell(Phone, r.text('phone'))) : undefined,
    time_zone: r.text('time_zone') ? r.take('time_zone', schemaCell(TimeZone, r.text('time_zone'))) : undefined,
    locale: r.text('locale')
      ? r.take('locale', schemaCell(Locale, r.text('locale').toLowerCase(), 'Use en, es or fr.'))
      : undefined,
    consent_email: r.take('consent_email', yesNo(r.text('consent_email'))),
    consent_sms: r.take('consent_sms', yesNo(r.text('consent_sms'))),
  }
  const sameId = repeats.id.get(row.row)
  if (sameId) r.fail('external_id', `Row ${sameId} has the same external_id. Each client belongs on one row.`)
  const sameEmail = repeats.email.get(row.row)
  if (sameEmail) r.fail('email', `Row ${sameEmail} has the same email. Two clients cannot share one email.`)
  return { fields, errors: r.errors }
}

/** The differences between what the file says and what Hearth holds; blank cells change nothing. */
function clientPatch(existing: ClientRow, next: ClientFields): z.infer<typeof ClientPatch> {
  const patch: Record<string, unknown> = {}
  if (existing.external_id !== next.external_id) patch.external_id = next.external_id
  if (existing.name !== next.name) patch.name = next.name
  if (existing.email !== next.email) patch.email = next.email
  if (next.phone !== undefined && existing.phone !== next.phone) patch.phone = next.phone
  if (next.time_zone !== undefined && existing.time_zone !== next.time_zone) patch.time_zone = next.time_zone
  if (next.locale !== undefined && existing.locale !== next.locale) patch.locale = next.locale
  const consents: Record<string, boolean> = {}
  if (next.consent_email !== undefined && existing.consent_email !== next.consent_email)
    consents.email = next.consent_email
  if (next.consent_sms !== undefined && existing.consent_sms !== next.consent_sms) consents.sms = next.consent_sms
  if (Object.keys(consents).length) patch.consents = consents
  return patch as z.infer<typeof ClientPatch>
}

/**
 * Brings a file of clients in, in the caller's transaction: each row is found by its
 * `external_id` (or, the first time, by its email when that client has no external id yet),
 * then added, changed the way `PATCH /v1/clients/{id}` changes it (reminders re-planned when
 * contact details or consents change), or left as it is.
 */
export async function importClients(
  tx: Tx,
  deps: Deps,
  practice: { id: string; time_zone: string },
  rows: CsvRow[],
  tally: ImportTally,
  actor: Actor,
): Promise<void> {
  const repeats = {
    id: repeatedIn(rows, 'external_id'),
    email: repeatedIn(rows, 'email', (v) => v.trim().toLowerCase()),
  }
  const read = rows.map((row) => ({ row, ...readClient(row, repeats) }))
  const known = await clientsNamed(tx, practice.id, {
    externalIds: read.map((r) => r.fields.external_id).filter(Boolean),
    emails: read.map((r) => r.fields.email).filter(Boolean),
  })
  const byId = new Map(known.filter((c) => c.external_id).map((c) => [c.external_id!, c]))
  const byEmail = new Map(known.map((c) => [c.email, c]))

  for (const { row, fields, errors } of read) {
    if (errors.length) {
      for (const e of errors) tally.error(e.row, e.field, e.message)
      continue
    }
    const holder = byEmail.get(fields.email)
    const existing = byId.get(fields.external_id) ?? (holder && !holder.external_id ? holder : undefined)
    if (holder && holder.id !== existing?.id) {
      tally.error(row.row, 'email', 'Another client in your practice already uses this email.')
      continue
    }
    try {
      const outcome = await tx.savepoint((sp) =>
        existing
          ? updateFromFile(sp, deps, practice.id, existing, fields, actor)
          : addFromFile(sp, practice, fields, actor),
      )
      tally.count(outcome)
    } catch (error) {
      if (!isUniqueViolation(error)) throw error
      tally.error(row.row, 'email', 'Another client in your practice already uses this email.')
    }
  }
}

async function addFromFile(
  tx: Tx,
  practice: { id: string; time_zone: string },
  fields: ClientFields,
  actor: Actor,
): Promise<'created'> {
  await createClient(
    tx,
    practice.id,
    {
      external_id: fields.external_id,
      name: fields.name,
      email: fields.email,
      time_zone: fields.time_zone ?? practice.time_zone,
      locale: fields.locale ?? 'en',
      ...(fields.phone ? { phone: fields.phone } : {}),
      consents: {
        ...(fields.consent_email !== undefined ? { email: fields.consent_email } : {}),
        ...(fields.consent_sms !== undefined ? { sms: fields.consent_sms } : {}),
      },
    },
    { actor, via: 'import' },
  )
  return 'created'
}

async function updateFromFile(
  tx: Tx,
  deps: Deps,
  practiceId: string,
  existing: ClientRow,
  fields: ClientFields,
  actor: Actor,
): Promise<'updated' | 'unchanged'> {
  const patch = clientPatch(existing, fields)
  if (!Object.keys(patch).length) return 'unchanged'
  await updateClient(tx, practiceId, existing.id, patch)
  await clientReachChanged(tx, deps, practiceId, existing.id, patch)
  await audit(tx, {
    practiceId,
    actor,
    action: 'client.updated',
    subject: { kind: 'client', id: existing.id },
    detail: { fields: Object.keys(patch), via: 'import' },
  })
  return 'updated'
}
