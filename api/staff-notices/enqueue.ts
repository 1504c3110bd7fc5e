import type { NotificationSettings } from '../../shared/schemas/notifications'
import type { Tx } from '../db/connect'
import { enqueue } from '../outbox/queries'
import { DEFAULT_SETTINGS, settingsOf } from '../paging/queries'
import { notificationOwner } from '../paging/recipients'
import { unreadRunStart, practiceFacts, type Reader, readersOf } from './queries'

/**
 * Emails to the practice's own people (outbox topic `staff_notice`): a client's new message, an
 * hourly round-up of them, the morning digest of open alerts. Never a client's words or name: a
 * work inbox is read on phones, on shared screens and over shoulders.
 *
 * Quiet hours do not hold these back: they protect clients from being woken by the practice;
 * staff chose "immediately" themselves (and can choose hourly or off), and email waits silently
 * in an inbox until they look.
 */

type Common = {
  /** The reader's key (`staff:<id>`, `therapist:<id>`, `practice`) and the settings they follow. */
  reader: string
  owner: string
  to: string
  locale: string
}
export type StaffNoticePayload = Common &
  (
    | { kind: 'new_message'; thread_id: string }
    | { kind: 'hourly'; therapist_id: string; since: string; until: string }
    | { kind: 'digest'; day: string; therapist_id: string | null; time_zone: string }
  )

/** Whose settings a reader follows: the same owner key /v1/staff/me/notifications saves them under. */
const settingsOwner = (reader: Reader) =>
  notificationOwner({
    role: reader.role,
    therapistId: reader.therapist_id,
    staffUserId: reader.key.startsWith('staff:') ? reader.key.slice('staff:'.length) : null,
  })

export async function readersWithSettings(
  tx: Tx,
  practiceId: string,
  therapistId?: string,
): Promise<{ reader: Reader; owner: string; settings: NotificationSettings }[]> {
  const readers = await readersOf(tx, practiceId, therapistId)
  const settings = await settingsOf(tx, practiceId, [...new Set(readers.map(settingsOwner))])
  return readers.map((reader) => {
    const owner = settingsOwner(reader)
    return { reader, owner, settings: settings.get(owner) ?? DEFAULT_SETTINGS }
  })
}

export async function queueStaffNotice(
  tx: Tx,
  practiceId: string,
  payload: StaffNoticePayload,
  once: string,
  now: Date,
): Promise<void> {
  await enqueue(tx, {
    practiceId,
    topic: 'staff_notice',
    channel: 'email',
    idempotencyKey: `staff-notice/${payload.kind}/${once}/${payload.reader}`,
    payload,
    sendAt: now,
  })
}

/**
 * A client wrote into a thread (portal, text, WhatsApp): its therapist's people who chose
 * "immediately" get one email. Messages in a row make one: the notice is keyed to when the run
 * of messages nobody has read yet began, so the next one comes after the thread has been read. A crisis
 * note pages them instead (api/paging), and is not announced twice.
 */
export async function announceClientMessage(
  tx: Tx,
  message: { practiceId: string; threadId: string; therapistId: string; crisis: boolean; now: Date },
): Promise<void> {
  if (message.crisis) return
  const readers = (await readersWithSettings(tx, message.practiceId, message.therapistId)).filter(
    (r) => r.settings.new_messages === 'immediately',
  )
  if (!readers.length) return
  const run = await unreadRunStart(tx, message.practiceId, message.threadId)
  if (!run) return
  const { locale } = await practiceFacts(tx, message.practiceId)
  for (const { reader, owner } of readers) {
    await queueStaffNotice(
      tx,
      message.practiceId,
      { kind: 'new_message', thread_id: message.threadId, reader: reader.key, owner, to: reader.email, locale },
      `${message.threadId}/${run.toISOString()}`,
      message.now,
    )
  }
}
