import type { AppointmentStatus } from '../../shared/schemas/appointment'
import type { AppointmentRow } from './queries'
import type { Actor } from '../audit/queries'
import type { Tx } from '../db/connect'
import type { Deps } from '../deps'
import { offerFreedSlot } from '../offers/make-offers'
import { changesPlan, replanReminders } from '../reminders/replan'
import { queueWebhookEvent } from '../webhooks/events'
import { followUpNoShow } from './no-show'

/**
 * What happened to an appointment. Every writer (practice API, EHR upsert, portal, reminder
 * replies, action links, confirmation calls, cancellation-list claims) reports each change here,
 * inside its own transaction, so everything that follows from a change is listed in this one function.
 */
export type AppointmentChange = {
  before: AppointmentRow | null
  after: AppointmentRow
  actor: Actor
}

const OPEN: AppointmentStatus[] = ['scheduled', 'confirmed']
const WEBHOOK_STATUSES = ['confirmed', 'cancelled', 'late_cancelled'] as const

/**
 * The consequences of a change, in order, each in the writer's transaction: if one fails, the
 * change itself rolls back, so no reminder, webhook or offer is ever half-made.
 */
export async function appointmentChanged(tx: Tx, deps: Deps, change: AppointmentChange): Promise<void> {
  const { before, after } = change
  const now = deps.clock()
  const became = (status: AppointmentStatus) => after.status === status && before?.status !== status

  // Creating, moving, cancelling or confirming rewrites the pending reminders (a confirmed session
  // keeps its morning-of reminder and drops later confirmation requests).
  if (changesPlan(before, after)) await replanReminders(tx, deps, after)

  for (const status of WEBHOOK_STATUSES) {
    if (!became(status)) continue
    await queueWebhookEvent(tx, {
      practiceId: after.practice_id,
      type: `appointment.${status}`,
      data: { appointment_id: after.id, client_id: after.client_id, therapist_id: after.therapist_id },
      at: now,
    })
  }

  // A missed session: a kind note to the client and an alert for the therapist.
  if (became('no_show')) await followUpNoShow(tx, after, now)

  // A booked session given up, whoever cancelled it and however: the cancellation list hears.
  const freed = before && OPEN.includes(before.status) && (became('cancelled') || became('late_cancelled'))
  if (freed) await offerFreedSlot(tx, after, now)
}
