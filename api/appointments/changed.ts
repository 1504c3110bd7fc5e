import type { AppointmentRow } from '../db/appointments'
import type { Actor } from '../db/audit'
import type { Tx } from '../db/connect'
import type { Deps } from '../deps'

/**
 * What happened to an appointment. Every writer (practice API, EHR upsert, portal, reminder
 * replies, action links, confirmation calls) reports each change here, inside its own
 * transaction, so everything that follows from a change is listed in this one function.
 */
export type AppointmentChange = {
  before: AppointmentRow | null
  after: AppointmentRow
  actor: Actor
}

/**
 * The consequences of a change, in order, each in the writer's transaction: if one fails, the
 * change itself rolls back, so no reminder, webhook or offer is ever half-made.
 */
export async function appointmentChanged(_tx: Tx, _deps: Deps, _change: AppointmentChange): Promise<void> {
  // Reminders are re-planned here (api/reminders), client-facing webhooks and cancellation-list
  // offers are queued here as those features land.
}
