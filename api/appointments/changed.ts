import type { AppointmentRow } from '../db/appointments'
import type { Actor } from '../db/audit'
import type { Tx } from '../db/connect'
import type { Deps } from '../deps'
import { changesPlan, replanReminders } from '../reminders/replan'

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
export async function appointmentChanged(tx: Tx, deps: Deps, change: AppointmentChange): Promise<void> {
  // Creating, moving, cancelling or confirming rewrites the pending reminders (a confirmed session
  // keeps its morning-of reminder and drops later confirmation requests).
  if (changesPlan(change.before, change.after)) await replanReminders(tx, deps, change.after)
  // Client-facing webhooks and cancellation-list offers are queued here as those features land.
}
