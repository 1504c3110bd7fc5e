import { Email, TimeZone, Url } from '../../shared/schemas/common'
import type { Actor } from '../audit/queries'
import { syncAppointment, type SyncedSession } from '../appointments/sync'
import type { Tx } from '../db/connect'
import type { Deps } from '../deps'
import { type DateOrder, dateOrderIn } from '../../shared/schemas/imports'
import { dateTime } from './cells'
import type { CsvRow } from './csv'
import { clientsNamed, therapistsNamed } from './queries'
import { type ImportTally, repeatedIn, rowReader } from './report'
import { isDoubleBooking } from '../db/pg-errors'
import { EMAIL_MESSAGE, schemaCell } from './zod-cell'

const TelehealthUrl = Url({ protocol: /^https$/, error: 'Use a secure link that starts with https://.' }).max(500)
const DEFAULT_TYPE = 'Session'

type SessionRow = {
  external_id: string
  client: { externalId: string } | { email: string } | null
  therapist_email: string
  starts_at?: Date | undefined
  ends_at?: Date | undefined
  type: string
  location: string | null
  telehealth_url: string | null
}

function readSession(row: CsvRow, practiceZone: string, order: DateOrder, repeats: Map<number, number>) {
  const r = rowReader(row)
  const externalId = r.text('external_id')
  if (!externalId)
    r.fail('external_id', 'Every row needs an external_id, the id your own system uses for this session.')
  const clientExternalId = r.text('client_external_id')
  const clientEmail = r.text('client_email')
    ? r.take('client_email', schemaCell(Email, r.text('client_email'), EMAIL_MESSAGE))
    : undefined
  if (!clientExternalId && !r.text('client_email'))
    r.fail('client_external_id', "Say whose session it is: the client's external_id or their email.")
  const therapistEmail = r.take('therapist_email', schemaCell(Email, r.text('therapist_email'), EMAIL_MESSAGE))
  const zone = r.text('time_zone') ? r.take('time_zone', schemaCell(TimeZone, r.text('time_zone'))) : practiceZone
  const startsAt = zone ? r.take('starts_at', dateTime(r.text('starts_at'), zone, order)) : undefined
  const endsAt = zone ? r.take('ends_at', dateTime(r.text('ends_at'), zone, order)) : undefined
  if (startsAt && endsAt && endsAt <= startsAt) r.fail('ends_at', 'The session has to end after it starts.')
  const type = r.text('type').slice(0, 80) || DEFAULT_TYPE
  const location = r.text('location').slice(0, 300) || null
  const telehealth = r.text('telehealth_url')
    ? (r.take('telehealth_url', schemaCell(TelehealthUrl, r.text('telehealth_url'))) ?? null)
    : null
  const same = repeats.get(row.row)
  if (same) r.fail('external_id', `Row ${same} has the same external_id. Each session belongs on one row.`)
  const session: SessionRow = {
    external_id: externalId,
    client: clientExternalId ? { externalId: clientExternalId } : clientEmail ? { email: clientEmail } : null,
    therapist_email: therapistEmail ?? '',
    starts_at: startsAt,
    ends_at: endsAt,
    type,
    location,
    telehealth_url: telehealth,
  }
  return { session, errors: r.errors }
}

/**
 * Brings a file of sessions in, in the caller's transaction, each through `syncAppointment` as
 * the EHR's upsert does: a new `external_id` is a new session, a changed time a move (its
 * reminders re-planned, and the client told unless `notifyClient` is false), the same row again
 * nothing at all.
 */
export async function importSessions(
  tx: Tx,
  deps: Deps,
  practice: { id: string; time_zone: string; country: string },
  rows: CsvRow[],
  tally: ImportTally,
  options: { actor: Actor; notifyClient: boolean },
): Promise<void> {
  const repeats = repeatedIn(rows, 'external_id')
  const read = rows.map((row) => ({
    row,
    ...readSession(row, practice.time_zone, dateOrderIn(practice.country), repeats),
  }))
  const wanted = read.map((r) => r.session)
  const clients = await clientsNamed(tx, practice.id, {
    externalIds: wanted.flatMap((s) => (s.client && 'externalId' in s.client ? [s.client.externalId] : [])),
    emails: wanted.flatMap((s) => (s.client && 'email' in s.client ? [s.client.email] : [])),
  })
  const therapists = await therapistsNamed(tx, practice.id, wanted.map((s) => s.therapist_email).filter(Boolean))
  const clientById = new Map(clients.filter((c) => c.external_id).map((c) => [c.external_id!, c.id]))
  const clientByEmail = new Map(clients.map((c) => [c.email, c.id]))
  const therapistByEmail = new Map(therapists.map((t) => [t.email, t]))

  for (const { row, session, errors } of read) {
    const clientId =
      session.client &&
      ('externalId' in session.client
        ? clientById.get(session.client.externalId)
        : clientByEmail.get(session.client.email))
    const therapist = therapistByEmail.get(session.therapist_email)
    if (session.client && !clientId) {
      const field = 'externalId' in session.client ? 'client_external_id' : 'client_email'
      errors.push({ row: row.row, field, message: 'No client with this id or email yet. Import your clients first.' })
    }
    if (session.therapist_email && !therapist) {
      errors.push({
        row: row.row,
        field: 'therapist_email',
        message: 'No therapist in your practice has this email.',
      })
    }
    if (errors.length || !clientId || !therapist || !session.starts_at || !session.ends_at) {
      for (const e of errors) tally.error(e.row, e.field, e.message)
      continue
    }
    const synced: SyncedSession = {
      external_id: session.external_id,
      therapist_id: therapist.id,
      client_id: clientId,
      starts_at: session.starts_at,
      ends_at: session.ends_at,
      type: session.type,
      location: session.location,
      telehealth_url: session.telehealth_url,
      series_id: null,
    }
    try {
      const { outcome } = await tx.savepoint((sp) =>
        syncAppointment(sp, deps, practice.id, synced, {
          actor: options.actor,
          notifyClient: options.notifyClient,
        }),
      )
      tally.count(outcome)
    } catch (error) {
      if (!isDoubleBooking(error)) throw error
      tally.error(row.row, 'starts_at', `${therapist.name} already has a session at this time.`)
    }
  }
}
