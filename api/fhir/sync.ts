import { Email, Phone } from '../../shared/schemas/common'
import type { FhirSyncError } from '../../shared/schemas/connectors'
import { DEFAULT_CONTACT_POLICY } from '../../shared/schemas/policies'
import { syncAppointment } from '../appointments/sync'
import { audit, type Actor } from '../audit/queries'
import { insertClient } from '../clients/queries'
import type { Tx } from '../db/connect'
import { asSystem, inPractice } from '../db/tenant'
import type { Deps } from '../deps'
import { isDoubleBooking, isUniqueViolation } from '../db/pg-errors'
import { findPractice } from '../practice/queries'
import { insertTherapist } from '../therapists/queries'
import { type FhirResource, FhirReadError, searchAll } from './fetch-bundles'
import { contact, participants, patientLocale, personName, sessionStatus, sessionType } from './map'
import {
  dueFhirPractices,
  type FhirConnection,
  finishFhirSync,
  leaseFhirSync,
  linkPerson,
  peopleNamed,
} from './queries'

/** The dispatcher syncs each practice this often. */
export const FHIR_SYNC_EVERY_MS = 5 * 60_000
/** Long enough for a slow server's pages; a crashed sync frees its practice after this. */
const LEASE_MS = 10 * 60_000

const actor: Actor = { kind: 'system' }
const fhirId = (resource: FhirResource) => `fhir:${resource.id}`
const label = (resource: FhirResource) => `${resource.resourceType}/${resource.id ?? '?'}`

type Counts = { therapists: number; clients: number; sessions: number }

export type FhirSyncOutcome = 'synced' | 'busy' | 'not_connected'

/**
 * One sync of one practice: takes its lease (another dispatcher or a staff click already syncing
 * means `busy`), reads every Practitioner, Patient and Appointment changed since the last complete
 * sync, page by page, then writes them in one transaction. A resource that cannot come in is
 * listed with its reason and the rest still do; the high-water mark moves only when all did, so
 * nothing is skipped for good.
 */
export async function syncFhirPractice(
  deps: Deps,
  practiceId: string,
  options: { dueBefore?: Date; fetch?: typeof fetch } = {},
): Promise<FhirSyncOutcome> {
  const startedAt = deps.clock()
  const connection = await inPractice(deps.sql, practiceId, (tx) =>
    leaseFhirSync(tx, practiceId, startedAt, LEASE_MS, options.dueBefore),
  )
  if (!connection) {
    const exists = await inPractice(
      deps.sql,
      practiceId,
      (tx) => tx`select 1 from fhir_connections where practice_id = ${practiceId}`,
    )
    return exists.length ? 'busy' : 'not_connected'
  }
  const counts: Counts = { therapists: 0, clients: 0, sessions: 0 }
  const errors: FhirSyncError[] = []
  let read: { practitioners: FhirResource[]; patients: FhirResource[]; appointments: FhirResource[] } | null = null
  try {
    const since = connection.synced_through
    read = {
      practitioners: await searchAll(connection, 'Practitioner', since, options.fetch),
      patients: await searchAll(connection, 'Patient', since, options.fetch),
      appointments: await searchAll(connection, 'Appointment', since, options.fetch),
    }
  } catch (error) {
    if (!(error instanceof FhirReadError)) throw error
    errors.push({ resource: connection.base_url, message: error.message })
  }
  await inPractice(deps.sql, practiceId, async (tx) => {
    if (read) await applyResources(tx, deps, practiceId, read, counts, errors)
    await finishFhirSync(tx, practiceId, {
      at: startedAt,
      ok: errors.length === 0,
      syncedThrough: read && !errors.length ? newest(read, connection) : null,
      counts,
      errors: errors.slice(0, 100),
    })
  })
  return 'synced'
}

/** The dispatcher's round: every practice whose sync is due, one after another. */
export async function syncDueFhirPractices(deps: Deps, options: { fetch?: typeof fetch } = {}): Promise<number> {
  const now = deps.clock()
  const dueBefore = new Date(now.getTime() - FHIR_SYNC_EVERY_MS)
  const due = await asSystem(deps.sql, (tx) => dueFhirPractices(tx, dueBefore, now, 20))
  let synced = 0
  for (const practiceId of due) {
    if ((await syncFhirPractice(deps, practiceId, { ...options, dueBefore })) === 'synced') synced++
  }
  return synced
}

function newest(read: Record<string, FhirResource[]>, connection: FhirConnection): Date | null {
  let max = connection.synced_through?.getTime() ?? null
  for (const resources of Object.values(read)) {
    for (const r of resources) {
      const at = Date.parse(r.meta?.lastUpdated ?? '')
      if (Number.isFinite(at) && (max === null || at > max)) max = at
    }
  }
  return max === null ? null : new Date(max)
}

async function applyResources(
  tx: Tx,
  deps: Deps,
  practiceId: string,
  read: { practitioners: FhirResource[]; patients: FhirResource[]; appointments: FhirResource[] },
  counts: Counts,
  errors: FhirSyncError[],
) {
  const practice = (await findPractice(tx, practiceId))!
  const fail = (resource: FhirResource, message: string) => errors.push({ resource: label(resource), message })

  for (const [table, resources] of [
    ['therapists', read.practitioners],
    ['clients', read.patients],
  ] as const) {
    for (const resource of resources.filter((r) => r.id)) {
      const name = personName(resource)
      const email = Email.safeParse(contact(resource, 'email') ?? '')
      const known = await peopleNamed(tx, table, practiceId, {
        externalIds: [fhirId(resource)],
        emails: email.success ? [email.data] : [],
      })
      const existing = known.find((p) => p.external_id === fhirId(resource)) ?? known.find((p) => !p.external_id)
      try {
        await tx.savepoint(async (sp) => {
          if (existing) {
            if (
              await linkPerson(sp, table, practiceId, existing.id, {
                external_id: fhirId(resource),
                name: name ?? existing.name,
              })
            )
              counts[table]++
            return
          }
          if (!email.success) return fail(resource, 'Has no email address, so Hearth cannot add them.')
          if (!name) return fail(resource, 'Has no name, so Hearth cannot add them.')
          if (known.length) return fail(resource, 'Someone else in your practice already uses this email.')
          const id =
            table === 'therapists'
              ? (
                  await insertTherapist(
                    sp,
                    practiceId,
                    { name, email: email.data, time_zone: practice.time_zone },
                    DEFAULT_CONTACT_POLICY,
                  )
                ).id
              : (await addPatient(sp, practiceId, practice.time_zone, resource, name, email.data)).id
          await linkPerson(sp, table, practiceId, id, { external_id: fhirId(resource), name })
          await audit(sp, {
            practiceId,
            actor,
            action: `${table === 'therapists' ? 'therapist' : 'client'}.created`,
            subject: { kind: table.slice(0, -1), id },
            detail: { via: 'fhir' },
          })
          counts[table]++
        })
      } catch (error) {
        if (!isUniqueViolation(error)) throw error
        fail(resource, 'Someone else in your practice already uses this email.')
      }
    }
  }

  for (const resource of read.appointments.filter((r) => r.id)) {
    const status = sessionStatus(resource.status)
    if (status === 'skip') continue
    const who = participants(resource)
    const start = Date.parse(String(resource.start ?? ''))
    const end = Date.parse(String(resource.end ?? ''))
    if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) {
      fail(resource, 'Has no start and end time (or ends before it starts).')
      continue
    }
    const [therapist] = who.practitioner
      ? await peopleNamed(tx, 'therapists', practiceId, { externalIds: [`fhir:${who.practitioner}`], emails: [] })
      : []
    const [client] = who.patient
      ? await peopleNamed(tx, 'clients', practiceId, { externalIds: [`fhir:${who.patient}`], emails: [] })
      : []
    if (!therapist) {
      fail(resource, 'Its practitioner is not a therapist in Hearth yet.')
      continue
    }
    if (!client) {
      fail(resource, 'Its patient is not a client in Hearth yet.')
      continue
    }
    try {
      const { outcome } = await tx.savepoint((sp) =>
        syncAppointment(
          sp,
          deps,
          practiceId,
          {
            external_id: fhirId(resource),
            therapist_id: therapist.id,
            client_id: client.id,
            starts_at: new Date(start),
            ends_at: new Date(end),
            type: sessionType(resource),
            location: null,
            telehealth_url: null,
            series_id: null,
            status,
          },
          { actor },
        ),
      )
      if (outcome !== 'unchanged') counts.sessions++
    } catch (error) {
      if (!isDoubleBooking(error)) throw error
      fail(resource, `${therapist.name} already has a session at this time.`)
    }
  }
}

async function addPatient(
  tx: Tx,
  practiceId: string,
  zone: string,
  resource: FhirResource,
  name: string,
  email: string,
) {
  const phone = Phone.safeParse(contact(resource, 'phone') ?? '')
  return insertClient(tx, practiceId, {
    name,
    email,
    time_zone: zone,
    locale: patientLocale(resource) ?? 'en',
    ...(phone.success ? { phone: phone.data } : {}),
  })
}

/** The dispatcher's FHIR round (`startDispatcher`'s `periodic`), checking for due practices each minute. */
export function fhirSyncJob(deps: Deps) {
  return { everyMs: 60_000, run: () => syncDueFhirPractices(deps) }
}
