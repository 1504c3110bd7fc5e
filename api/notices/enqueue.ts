import { noticeSendTime } from '../../shared/notices/timing'
import type { PortalScreen } from '../../shared/portal-links'
import type { NoticeKind } from '../../shared/notices/text'
import { usableChannels } from '../../shared/reminders/channels'
import type { Channel } from '../../shared/schemas/policies'
import { channelFacts } from '../clients/channel-queries'
import type { Tx } from '../db/connect'
import { enqueue } from '../outbox/queries'

/**
 * Notes to a client that Hearth sends on its own (a missed session, a freed time, a fee answer)
 * travel through the outbox as topic `client_notice`, like reminders: in the caller's transaction,
 * on the channels the client can receive, sent by the dispatcher (api/notices/send-notice.ts).
 */

export type NoticePayload = {
  kind: NoticeKind
  starts_at: string
  /** The portal screen the button opens, and the id it shows. */
  show: PortalScreen
  subject_id: string
  /** A reply notice: the thread whose unread replies it announces. */
  thread_id?: string
  /** A change notice: the session's version it was written for (a later move supersedes it). */
  version?: number
  expires_at?: string
  offer_id?: string
  fee_cents?: number
  currency?: string
}

export type NoticeRequest = {
  practiceId: string
  clientId: string
  /** The client's own session the note is about (never someone else's). */
  appointmentId?: string | null
  /**
   * `all`: every channel they can receive (a freed time goes to whoever is quickest);
   * `preferred`: the first of them in the practice's order, one note being enough.
   */
  reach: 'all' | 'preferred'
  payload: NoticePayload
  sendAt: Date
  /** What makes this note once-only, when the subject alone does not (one per change, one per run of replies). */
  onceFor?: string
}

/** Queues the note; returns the channels it will go on (none when the client can be reached on none). */
export async function queueClientNotice(tx: Tx, notice: NoticeRequest): Promise<Channel[]> {
  const facts = await channelFacts(tx, notice.practiceId, notice.clientId)
  if (!facts) return []
  const usable = usableChannels(facts)
  const channels = notice.reach === 'all' ? usable : usable.slice(0, 1)
  for (const channel of channels) {
    await enqueue(tx, {
      practiceId: notice.practiceId,
      topic: 'client_notice',
      channel,
      idempotencyKey: `notice/${notice.payload.kind}/${notice.onceFor ?? notice.payload.subject_id}/${channel}`,
      clientId: notice.clientId,
      appointmentId: notice.appointmentId ?? null,
      payload: notice.payload,
      sendAt: notice.sendAt,
    })
  }
  return channels
}

/**
 * A note about one of the client's sessions (booked, moved, cancelled, a request answered), to
 * their preferred channel, opening that session, sent when it is not night on their clock.
 */
export function queueSessionNotice(
  tx: Tx,
  session: { practice_id: string; client_id: string; id: string; starts_at: Date },
  notice: { kind: NoticeKind; timeZone: string; now: Date; onceFor?: string; payload?: Partial<NoticePayload> },
): Promise<Channel[]> {
  return queueClientNotice(tx, {
    practiceId: session.practice_id,
    clientId: session.client_id,
    appointmentId: session.id,
    reach: 'preferred',
    payload: {
      kind: notice.kind,
      starts_at: session.starts_at.toISOString(),
      show: 'session',
      subject_id: session.id,
      ...notice.payload,
    },
    sendAt: noticeSendTime(notice.now, notice.timeZone),
    ...(notice.onceFor ? { onceFor: notice.onceFor } : {}),
  })
}

/** The portal page on the screen a note is about; the widget reads `show` and `id` after sign-in. */
export function portalLink(publicUrl: string, slug: string, show: NoticePayload['show'], id: string): string {
  const params = new URLSearchParams({ show, id })
  return `${publicUrl}/portal/${encodeURIComponent(slug)}?${params}`
}
