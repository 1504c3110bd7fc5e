import { statusAfterMove } from '../../shared/policy/sessions'
import type { AppointmentStatus } from '../../shared/schemas/appointment'
import { audit, type Actor } from '../audit/queries'
import type { Tx } from '../db/connect'
import type { Deps } from '../deps'
import { appointmentChanged } from './changed'
import {
  findByExternalId,
  insertUnlessSynced,
  updateAppointment,
  type AppointmentRow,
  type AppointmentValues,
} from './queries'

/**
 * A session as another system holds it (the EHR's upsert, a spreadsheet row, a Cal.com booking,
 * a FHIR Appointment), keyed by that system's `external_id`. `status` absent keeps the status
 * Hearth holds (a moved confirmed session asks again).
 */
export type SyncedSession = Omit<AppointmentValues, 'status' | 'external_id'> & {
  external_id: string
  status?: AppointmentStatus | undefined
}

export type SyncOutcome = 'created' | 'updated' | 'unchanged'

/**
 * Creates or updates one session by `external_id`, in the caller's transaction, the one way every
 * sync does it: audited under `actor`, and announced to the appointment listeners (a changed time
 * is a move: new reminder plan, new idempotency keys). `notifyClient: false` keeps the client's
 * own notes out of it (see AppointmentChange).
 */
export async function syncAppointment(
  tx: Tx,
  deps: Deps,
  practiceId: string,
  session: SyncedSession,
  options: { actor: Actor; notifyClient?: boolean },
): Promise<{ row: AppointmentRow; outcome: SyncOutcome }> {
  const now = deps.clock()
  const { actor } = options
  const notify = options.notifyClient === false ? { notifyClient: false } : {}
  const values: AppointmentValues = { ...session, status: session.status ?? 'scheduled' }
  const inserted = await insertUnlessSynced(tx, practiceId, {
    ...values,
    ...cancellationColumns(values.status, now),
  })
  if (inserted) {
    await audit(tx, {
      practiceId,
      actor,
      action: 'appointment.created',
      subject: { kind: 'appointment', id: inserted.id },
    })
    await appointmentChanged(tx, deps, { before: null, after: inserted, actor, ...notify })
    return { row: inserted, outcome: 'created' }
  }
  const existing = (await findByExternalId(tx, practiceId, session.external_id))!
  const changes = syncChanges(existing, values)
  const moved = 'starts_at' in changes || 'ends_at' in changes
  const status = session.status ?? statusAfterMove(existing.status, moved)
  if (status !== existing.status) Object.assign(changes, { status }, cancellationColumns(status, now))
  if (!Object.keys(changes).length) return { row: existing, outcome: 'unchanged' }
  if (moved) changes.version = existing.version + 1
  const row = await updateAppointment(tx, practiceId, existing.id, changes, now)
  await audit(tx, {
    practiceId,
    actor,
    action: 'appointment.synced',
    subject: { kind: 'appointment', id: row.id },
    detail: { fields: Object.keys(changes) },
  })
  await appointmentChanged(tx, deps, { before: existing, after: row, actor, ...notify })
  return { row, outcome: 'updated' }
}

function sameInstant(a: Date | string, b: Date | string) {
  return new Date(a).getTime() === new Date(b).getTime()
}

/** The columns a sync would change; empty when the other system sent what we already hold. */
function syncChanges(existing: AppointmentRow, next: AppointmentValues): Record<string, unknown> {
  const changes: Record<string, unknown> = {}
  for (const key of ['therapist_id', 'client_id', 'type', 'location', 'telehealth_url', 'series_id'] as const) {
    if ((existing[key] ?? null) !== (next[key] ?? null)) changes[key] = next[key] ?? null
  }
  if (!sameInstant(existing.starts_at, next.starts_at)) changes.starts_at = next.starts_at
  if (!sameInstant(existing.ends_at, next.ends_at)) changes.ends_at = next.ends_at
  return changes
}

/** Cancelling on the practice's side records who and when; re-opening clears it. */
export function cancellationColumns(status: string, now: Date): Record<string, unknown> {
  return status === 'cancelled'
    ? { cancelled_at: now, cancelled_by: 'practice' }
    : { cancelled_at: null, cancelled_by: null }
}
