import type { AppointmentStatus } from '../../shared/schemas/appointment'
import type { Actor } from '../audit/queries'
import type { Tx } from '../db/connect'
import type { Deps } from '../deps'
import type { AppointmentRow } from './queries'

/**
 * What happened to an appointment. Every writer (practice API, EHR upsert, portal, reminder
 * replies, action links, confirmation calls, cancellation-list claims) reports each change here,
 * inside its own transaction; the features that follow from a change (reminders, webhooks, the
 * missed-session note, the cancellation list) listen, registered where the app is composed
 * (`composeDeps` in app.ts), so this folder imports none of them.
 */
export type AppointmentChange = {
  before: AppointmentRow | null
  after: AppointmentRow
  actor: Actor
  /**
   * False when the client should not hear of this change (a practice's first import of sessions
   * the client already knows about): a listener that writes to the client skips its note; the
   * reminder plan, webhooks and alerts follow as always. Absent means true.
   */
  notifyClient?: boolean
}

/** One consequence of a change, run in the writer's transaction with the app's dependencies. */
export type AppointmentListener = (tx: Tx, deps: Deps, change: AppointmentChange) => Promise<void>

/**
 * Tells every listener, in the order they were registered, each in the writer's transaction: if
 * one fails, the change itself rolls back, so no reminder, webhook or offer is ever half-made.
 */
export async function appointmentChanged(tx: Tx, deps: Deps, change: AppointmentChange): Promise<void> {
  for (const listener of deps.appointmentListeners) await listener(tx, deps, change)
}

/** The change made the session `status` (it was something else, or did not exist). */
export function became(change: AppointmentChange, status: AppointmentStatus): boolean {
  return change.after.status === status && change.before?.status !== status
}

/** Whether the client may be told of this change (see `notifyClient`). */
export function tellsClient(change: AppointmentChange): boolean {
  return change.notifyClient !== false
}
