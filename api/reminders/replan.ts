import { planContext, remindersThatReached } from './queries'
import { effectiveCancellationPolicy, freeCancellationDeadline } from '../../shared/policy/cancellation'
import { isOpen } from '../../shared/policy/sessions'
import { channelStatus, eachChannel } from '../../shared/reminders/channels'
import { planReminders, reminderNotWanted, reminderStepOf } from '../../shared/reminders/plan'
import type { Channel } from '../../shared/schemas/policies'
import { type AppointmentRow, upcomingSessions } from '../appointments/queries'
import { channelFacts } from '../clients/channel-queries'
import type { Tx } from '../db/connect'
import { closeOutboxRows, type OutboxRow, pendingReminders, upsertReminders } from '../outbox/queries'
import type { Deps } from '../deps'
import { type AppointmentListener, tellsClient } from '../appointments/changed'

/**
 * Rewrites an appointment's pending reminders from its current state, in the caller's transaction:
 * a new session gets its plan, a moved one a new plan under new keys (the old rows are cancelled),
 * a cancelled one none, a confirmed one keeps only its morning-of reminder. Sent rows are history
 * and are never touched.
 */
export async function replanReminders(
  tx: Tx,
  deps: Pick<Deps, 'clock'>,
  appointment: AppointmentRow,
  options: { justBooked?: boolean } = {},
): Promise<void> {
  const now = deps.clock()
  const practiceId = appointment.practice_id
  const context = await planContext(tx, appointment)
  const facts = await channelFacts(tx, practiceId, appointment.client_id)
  if (!context || !facts) return
  const status = channelStatus(facts)
  const usable = (channel: Channel) => status[channel].receives
  const policy = effectiveCancellationPolicy(context.practice_policy, context.therapist_policy)
  const fullPlan = planReminders({
    appointment: {
      id: appointment.id,
      starts_at: appointment.starts_at,
      status: appointment.status,
      version: appointment.version,
    },
    freeUntil: freeCancellationDeadline(appointment.starts_at, policy),
    schedule: facts.schedule,
    client: {
      time_zone: context.time_zone,
      consents: eachChannel(usable),
    },
    justBooked: options.justBooked,
    now,
  })

  // With one chosen channel, a fallback plans on the next: a reminder that already reached the
  // client on an earlier channel is not sent again.
  const reached = facts.preferred?.length ? await remindersThatReached(tx, practiceId, appointment.id) : []
  const plan = fullPlan.filter(
    (p) =>
      !reached.some(
        (r) =>
          reminderStepOf(r.idempotency_key) === reminderStepOf(p.idempotency_key) &&
          r.idempotency_key.endsWith(`/${appointment.version}`),
      ),
  )
  const planned = new Set(plan.map((p) => p.idempotency_key))
  const open = isOpen(appointment.status)
  const closing: { id: string; reason: string }[] = []
  for (const row of await pendingReminders(tx, practiceId, appointment.id)) {
    if (planned.has(row.idempotency_key)) continue
    const reason = whyNotPlanned(row, appointment, (c) => status[c as Channel])
    // A reminder that fell due moments ago and is still wanted waits for the dispatcher, even when
    // a late plan (made now, inside 12 h of the start) would no longer add it.
    if (reason === 'replanned' && open && row.send_at.getTime() <= now.getTime()) continue
    // The booking note is planned only when the session comes in; a later re-plan leaves it be.
    if (reason === 'replanned' && open && row.reminder_kind === 'booked') continue
    closing.push({ id: row.id, reason })
  }
  await closeOutboxRows(tx, closing, 'cancelled', now)
  await upsertReminders(tx, practiceId, appointment, plan, now)
}

function whyNotPlanned(
  row: OutboxRow,
  appointment: AppointmentRow,
  status: (channel: string) => { receives: boolean; reason?: string } | undefined,
): string {
  const unwanted = reminderNotWanted({ kind: row.reminder_kind, idempotency_key: row.idempotency_key }, appointment)
  if (unwanted) return unwanted
  const channel = status(row.channel)
  if (channel && !channel.receives) return channel.reason ?? 'channel_unavailable'
  return 'replanned'
}

/**
 * Creating, moving, cancelling or confirming rewrites the pending reminders (a confirmed session
 * keeps its reminders and drops later confirmation requests); creating may add the booking note.
 */
export const remindersFollowChange: AppointmentListener = async (tx, deps, change) => {
  const { before, after } = change
  // A session that just came in may get the practice's booking note, unless the client is not to hear of it.
  if (changesPlan(before, after)) await replanReminders(tx, deps, after, { justBooked: !before && tellsClient(change) })
}

/** Whether a change can alter the plan: anything else (a new room, a note) leaves reminders alone. */
export function changesPlan(before: AppointmentRow | null, after: AppointmentRow): boolean {
  return (
    !before ||
    before.version !== after.version ||
    before.status !== after.status ||
    before.client_id !== after.client_id ||
    before.therapist_id !== after.therapist_id ||
    before.starts_at.getTime() !== after.starts_at.getTime()
  )
}

/** Re-plans a client's upcoming sessions after their channels changed (consent, STOP, a bounce, a device). */
export async function replanClient(tx: Tx, deps: Pick<Deps, 'clock'>, practiceId: string, clientId: string) {
  const rows = await upcomingSessions(tx, practiceId, { clientId, after: deps.clock() })
  for (const row of rows) await replanReminders(tx, deps, row)
}

/** Re-plans every upcoming session of a practice after its schedule or channels changed. */
export async function replanPractice(tx: Tx, deps: Pick<Deps, 'clock'>, practiceId: string) {
  const rows = await upcomingSessions(tx, practiceId, { after: deps.clock() })
  for (const row of rows) await replanReminders(tx, deps, row)
}
