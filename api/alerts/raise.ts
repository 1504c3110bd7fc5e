import type { AlertAudience, AlertKind } from '../../shared/schemas/alerts'
import { insertAlertOnce, type AlertRow } from './queries'
import type { Tx } from '../db/connect'
import { openText, sealText, type Sealed } from '../crypto/secrets'
import { queueWebhookEvent } from '../webhooks/events'
import { queuePages } from '../paging/enqueue'

export type NewAlert = {
  practiceId: string
  kind: AlertKind
  audience: AlertAudience
  therapistId?: string | null
  clientId?: string | null
  appointmentId?: string | null
  /** The client's thread, for an alert about something they wrote. */
  threadId?: string | null
  /** One alert per cause: a second raise with the same key in the practice does nothing. */
  dedupeKey: string
  /** For staff; never message text or what a client wrote. */
  summary: string
  context?: Record<string, unknown>
  /** The client's own words, if any, sealed with `sealClientNote` (opened only for staff). */
  clientNote?: Sealed
}

/**
 * Records that something needs a person, inside the caller's transaction (tenant or system); an
 * urgent one queues its pages and their escalation (api/paging).
 * Returns the new alert, or null when this cause already raised one.
 */
export async function raiseAlert(tx: Tx, alert: NewAlert, now: Date): Promise<AlertRow | null> {
  const row = await insertAlertOnce(tx, {
    id: crypto.randomUUID(),
    practice_id: alert.practiceId,
    kind: alert.kind,
    audience: alert.audience,
    therapist_id: alert.therapistId ?? null,
    client_id: alert.clientId ?? null,
    appointment_id: alert.appointmentId ?? null,
    thread_id: alert.threadId ?? null,
    dedupe_key: alert.dedupeKey,
    summary: alert.summary.slice(0, 300),
    context: alert.context ?? {},
    client_note_ciphertext: alert.clientNote?.ciphertext ?? null,
    client_note_iv: alert.clientNote?.iv ?? null,
    created_at: now,
  })
  if (row) {
    await queuePages(tx, row, now)
    await queueWebhookEvent(tx, {
      practiceId: row.practice_id,
      type: 'alert.created',
      data: { alert_id: row.id, kind: row.kind },
      at: now,
    })
  }
  return row
}

/** Notes are bound to the practice and the alert's dedupe key, so they cannot move between alerts. */
export function sealClientNote(secret: string, practiceId: string, dedupeKey: string, note: string) {
  return sealText(secret, 'alert-client-note', note, `${practiceId}:${dedupeKey}`)
}

export async function openClientNote(secret: string, row: AlertRow): Promise<string | null> {
  if (!row.client_note_ciphertext || !row.client_note_iv) return null
  return openText(
    secret,
    'alert-client-note',
    { ciphertext: row.client_note_ciphertext, iv: row.client_note_iv },
    `${row.practice_id}:${row.dedupe_key}`,
  )
}
