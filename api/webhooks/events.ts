import type { WebhookEventType, WebhookPayload } from '../../shared/schemas/webhooks'
import { type AppointmentListener, became } from '../appointments/changed'
import type { Tx } from '../db/connect'
import { enqueue } from '../outbox/queries'
import { isOpen } from '../../shared/policy/sessions'
import { endpointsFor } from './queries'

/** What an outbox row of topic `webhook` carries: the endpoint, the message id and the exact body. */
export type WebhookOutboxPayload = {
  endpoint_id: string
  /** `webhook-id`: one per message, the same on every retry. */
  message_id: string
  event_type: WebhookEventType
  /** The JSON body as sent, kept as text so every retry signs the same bytes. */
  body: string
}

/**
 * Queues an event for every endpoint of the practice that wants it, in the caller's transaction:
 * if the change rolls back, so does the webhook. The dispatcher delivers it (topic `webhook`).
 */
export async function queueWebhookEvent(
  tx: Tx,
  event: { practiceId: string; type: WebhookEventType; data: Record<string, string>; at: Date },
): Promise<number> {
  const endpoints = await endpointsFor(tx, event.practiceId, event.type)
  if (!endpoints.length) return 0
  const eventId = crypto.randomUUID()
  const payload: WebhookPayload = { type: event.type, timestamp: event.at.toISOString(), data: event.data }
  const body = JSON.stringify(payload)
  for (const endpoint of endpoints) {
    const id = crypto.randomUUID()
    const message: WebhookOutboxPayload = {
      endpoint_id: endpoint.id,
      message_id: `msg_${id.replaceAll('-', '')}`,
      event_type: event.type,
      body,
    }
    await enqueue(tx, {
      id,
      practiceId: event.practiceId,
      topic: 'webhook',
      channel: 'webhook',
      idempotencyKey: `webhook/${endpoint.id}/${eventId}`,
      payload: message,
      sendAt: event.at,
    })
  }
  return endpoints.length
}

const APPOINTMENT_EVENTS = ['confirmed', 'cancelled', 'late_cancelled'] as const

/**
 * A session that became confirmed, cancelled or late-cancelled is an `appointment.*` event; one
 * that moved (still booked, at another time) is `appointment.rescheduled`.
 */
export const webhooksFollowChange: AppointmentListener = async (tx, deps, change) => {
  const { before, after } = change
  if (before && isOpen(after.status) && before.starts_at.getTime() !== after.starts_at.getTime()) {
    await queueWebhookEvent(tx, {
      practiceId: after.practice_id,
      type: 'appointment.rescheduled',
      data: {
        id: after.id,
        previous_starts_at: before.starts_at.toISOString(),
        starts_at: after.starts_at.toISOString(),
        client_id: after.client_id,
        therapist_id: after.therapist_id,
      },
      at: deps.clock(),
    })
  }
  for (const status of APPOINTMENT_EVENTS) {
    if (!became(change, status)) continue
    await queueWebhookEvent(tx, {
      practiceId: after.practice_id,
      type: `appointment.${status}`,
      data: { appointment_id: after.id, client_id: after.client_id, therapist_id: after.therapist_id },
      at: deps.clock(),
    })
  }
}
