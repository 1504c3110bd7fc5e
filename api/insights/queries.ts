import type { CellCounts } from '../../shared/insights/suppression'
import type { InsightGrouping } from '../../shared/schemas/practice-tools'
import type { Tx } from '../db/connect'

/** One group's counts as the database has them: what it knows of the group, not its label yet. */
export type InsightRow = Omit<CellCounts, 'label'> & {
  /** True for the confirmed-vs-unconfirmed summary rows, false for the requested grouping's rows. */
  is_confirmation: boolean
  name: string | null
}

/**
 * Each grouping's key, computed from one due session `d`. Weekday and hour come from the start as
 * the practice's clock showed it. The fragments are fixed SQL; nothing from the request is spliced in.
 */
const groupKey: Record<InsightGrouping, (tx: Tx) => ReturnType<Tx>> = {
  therapist: (tx) => tx`d.therapist_id::text`,
  weekday: (tx) =>
    tx`(array['monday','tuesday','wednesday','thursday','friday','saturday','sunday'])[extract(isodow from d.local_start)::int]`,
  hour: (tx) => tx`lpad(extract(hour from d.local_start)::int::text, 2, '0')`,
  type: (tx) => tx`d.type`,
  lead_time: (tx) => tx`case
    when d.lead < interval '2 days' then 'under_2_days'
    when d.lead < interval '7 days' then '2_to_7_days'
    when d.lead < interval '28 days' then '1_to_4_weeks'
    else 'over_4_weeks' end`,
  confirmed: (tx) => tx`case when d.was_confirmed then 'confirmed' else 'unconfirmed' end`,
  channel: (tx) => tx`coalesce(reached.channels, 'none')`,
  reminder_timing: (tx) => tx`case
    when asked.sent_at is null then 'none'
    when d.starts_at - asked.sent_at < interval '1 day' then 'under_1_day'
    when d.starts_at - asked.sent_at < interval '2 days' then '1_to_2_days'
    when d.starts_at - asked.sent_at < interval '3 days' then '2_to_3_days'
    else '3_days_or_more' end`,
  // Counted by `cancelReasonCounts`, over the client's cancellations instead of due sessions.
  cancel_reason: (tx) => tx`null::text`,
}

/**
 * When the session's first confirmation request went out, on any channel (none before the session
 * started: null). The practice's sent confirmation requests are counted once, along
 * outbox_sent_reminders; the first counts only if it went out before the session started (if it
 * did not, none did).
 */
const confirmationRequestJoin = (tx: Tx, practiceId: string) => tx`
  left join (
    select o.appointment_id, min(o.sent_at) as first_sent_at
    from outbox o
    where o.practice_id = ${practiceId} and o.topic = 'reminder' and o.status = 'sent'
      and o.reminder_kind = 'confirmation'
    group by o.appointment_id
  ) asked_first on asked_first.appointment_id = d.id
  cross join lateral (
    select case when asked_first.first_sent_at <= d.starts_at then asked_first.first_sent_at end as sent_at
  ) asked`

/**
 * The channels whose reminder reached the client before this session (sent, and not bounced or
 * failed since), as one combined key such as `email+sms`: each session lands in exactly one group.
 * Counted once over the practice's sent reminders, as above.
 */
const channelJoin = (tx: Tx, practiceId: string) => tx`
  left join (
    select o.appointment_id, string_agg(distinct o.channel, '+' order by o.channel) as channels
    from outbox o
    where o.practice_id = ${practiceId} and o.topic = 'reminder' and o.status = 'sent'
      and (o.delivery_status is null or o.delivery_status in ('delivered', 'delayed'))
    group by o.appointment_id
  ) reached on reached.appointment_id = d.id`

/** The groupings that join the practice's sent reminders to its due sessions, and how. */
const remindersJoin: Partial<Record<InsightGrouping, typeof channelJoin>> = {
  channel: channelJoin,
  reminder_timing: confirmationRequestJoin,
}

/**
 * No-show counts and rates over sessions that were due to happen in [from, to) (attended, missed or
 * cancelled late; plain cancellations were never due), grouped two ways in one query: by the
 * requested grouping, and by whether the session had been confirmed.
 */
export async function noShowCounts(
  tx: Tx,
  practiceId: string,
  q: { grouping: InsightGrouping; from: Date; to: Date; timeZone: string; therapistId?: string | undefined },
): Promise<InsightRow[]> {
  // Therapists' names are joined to the thirty-odd counted groups, not to every due session: joined
  // before counting, the planner guessed one therapist and rescanned the sessions for each of them.
  const byTherapist = q.grouping === 'therapist'
  const joined = remindersJoin[q.grouping]
  // Joined to the sent reminders, the due sessions must be hashed, never looped over: a prepared
  // statement's generic plan guesses one due session, and a nested loop on that guess recounts the
  // practice's reminders once per session (a year of the largest practice did not finish in ten
  // minutes). Off for this transaction's remaining statements only.
  if (joined) await tx`select set_config('enable_nestloop', 'off', true)`
  return tx<InsightRow[]>`
    with due as (
      select a.id, a.practice_id, a.therapist_id, a.type, a.status,
             a.confirmed_at is not null as was_confirmed,
             a.starts_at, a.starts_at at time zone ${q.timeZone} as local_start,
             a.starts_at - a.created_at as lead
      from appointments a
      where a.practice_id = ${practiceId} and a.status in ('attended', 'no_show', 'late_cancelled')
        and a.starts_at >= ${q.from} and a.starts_at < ${q.to}
        ${q.therapistId ? tx`and a.therapist_id = ${q.therapistId}` : tx``}
    ),
    keyed as (
      select d.status, ${groupKey[q.grouping](tx)} as group_key,
             case when d.was_confirmed then 'confirmed' else 'unconfirmed' end as confirmation_key
      from due d ${joined ? joined(tx, practiceId) : tx``}
    ),
    counted as (
      select grouping(group_key) = 1 as is_confirmation,
             coalesce(group_key, confirmation_key) as key,
             count(*)::int as sessions,
             (count(*) filter (where status = 'attended'))::int as attended,
             (count(*) filter (where status = 'no_show'))::int as no_shows,
             (count(*) filter (where status = 'late_cancelled'))::int as late_cancellations,
             round((count(*) filter (where status = 'no_show'))::numeric / count(*), 4)::float8 as no_show_rate,
             round((count(*) filter (where status = 'late_cancelled'))::numeric / count(*), 4)::float8 as late_cancel_rate
      from keyed
      group by grouping sets ((group_key), (confirmation_key))
    )
    select counted.*, ${byTherapist ? tx`t.name` : tx`null::text`} as name
    from counted
    ${
      byTherapist
        ? tx`left join therapists t
               on t.practice_id = ${practiceId} and not counted.is_confirmation and t.id::text = counted.key`
        : tx``
    }`
}

/** One reason's counts: the client's cancellations that gave it, how many late, and its share of all. */
export type CancelReasonRow = { key: string; cancellations: number; late_cancellations: number; share: number }

/**
 * The reasons clients gave for cancelling sessions that were to start in [from, to): every
 * cancellation by the client (in time or late), grouped by its reason, `not_said` when they chose
 * not to say.
 */
export async function cancelReasonCounts(
  tx: Tx,
  practiceId: string,
  q: { from: Date; to: Date; therapistId?: string | undefined },
): Promise<CancelReasonRow[]> {
  return tx<CancelReasonRow[]>`
    select coalesce(cancel_reason_code, 'not_said') as key,
           count(*)::int as cancellations,
           (count(*) filter (where status = 'late_cancelled'))::int as late_cancellations,
           round(count(*)::numeric / sum(count(*)) over (), 4)::float8 as share
    from appointments
    where practice_id = ${practiceId} and status in ('cancelled', 'late_cancelled') and cancelled_by = 'client'
      and starts_at >= ${q.from} and starts_at < ${q.to}
      ${q.therapistId ? tx`and therapist_id = ${q.therapistId}` : tx``}
    group by 1`
}
