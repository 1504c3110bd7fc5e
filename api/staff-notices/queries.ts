import type { Tx } from '../db/connect'

/** What telling staff needs (140_staff_notices.sql): who reads what, what is new, what is still open. */

/** A person at the practice who can be emailed: a staff account, or a therapist record without one. */
export type Reader = {
  /** `staff:<id>`, `therapist:<id>` (no staff account) or `practice` (its contact email). */
  key: string
  email: string
  role: 'owner' | 'admin' | 'front_desk' | 'therapist'
  therapist_id: string | null
}

/**
 * The practice's people, each once: signed-up staff accounts, every therapist record without an
 * account of its own (told at the record's email, as urgent pages are), and the practice's contact
 * email when nobody but therapists has an account yet.
 */
export async function readersOf(tx: Tx, practiceId: string, therapistId?: string): Promise<Reader[]> {
  return tx<Reader[]>`
    select 'staff:' || u.id as key, u.email, u.role, u.therapist_id
    from staff_users u
    where u.practice_id = ${practiceId} and u.removed_at is null and not u.invited
      ${therapistId ? tx`and u.therapist_id = ${therapistId}` : tx``}
    union all
    select 'therapist:' || t.id, t.email, 'therapist', t.id
    from therapists t
    where t.practice_id = ${practiceId} ${therapistId ? tx`and t.id = ${therapistId}` : tx``}
      and not exists (
        select 1 from staff_users u
        where u.practice_id = t.practice_id and u.therapist_id = t.id and u.removed_at is null and not u.invited)
    union all
    select 'practice', p.contact_email, 'front_desk', null
    from practices p
    where p.id = ${practiceId} and p.contact_email is not null ${therapistId ? tx`and false` : tx``}
      and not exists (
        select 1 from staff_users u
        where u.practice_id = p.id and u.role <> 'therapist' and u.removed_at is null and not u.invited)
    order by 1`
}

export async function practiceFacts(
  tx: Tx,
  practiceId: string,
): Promise<{ name: string; time_zone: string; locale: string }> {
  const [row] = await tx<{ name: string; time_zone: string; locale: string }[]>`
    select name, time_zone, coalesce(locales[1], 'en') as locale from practices where id = ${practiceId}`
  return row!
}

/**
 * When the client's run of messages nobody at the practice has read yet began (null: all read):
 * the same for every message of the run, so it names the run.
 */
export async function unreadRunStart(tx: Tx, practiceId: string, threadId: string): Promise<Date | null> {
  const [row] = await tx<{ since: Date | null }[]>`
    select min(created_at) as since from messages
    where practice_id = ${practiceId} and thread_id = ${threadId} and sender = 'client' and read_at is null`
  return row?.since ?? null
}

/** How many of a therapist's threads have client messages, still unread, written in (since, until]. */
export async function threadsWithNewMessages(
  tx: Tx,
  practiceId: string,
  q: { therapistId: string; since: Date; until: Date },
): Promise<number> {
  const [row] = await tx<{ n: number }[]>`
    select count(distinct m.thread_id)::int as n
    from messages m join message_threads t on t.practice_id = m.practice_id and t.id = m.thread_id
    where m.practice_id = ${practiceId} and t.therapist_id = ${q.therapistId} and m.sender = 'client'
      and m.read_at is null and m.created_at > ${q.since} and m.created_at <= ${q.until}`
  return row!.n
}

/**
 * Claims this hour's round-up for everyone who chose `hourly`: each person's last round-up moves
 * to `until` and the claim answers where it was (null: never). Locked rows are another
 * dispatcher's claim and are skipped, so each hour is claimed once.
 */
export async function claimHourlyRoundups(
  tx: Tx,
  until: Date,
  limit: number,
): Promise<{ practice_id: string; owner_key: string; since: Date | null }[]> {
  return tx<{ practice_id: string; owner_key: string; since: Date | null }[]>`
    with due as (
      select practice_id, owner_key, hourly_until from notification_settings
      where new_messages = 'hourly' and owner_key like 'therapist:%'
        and (hourly_until is null or hourly_until < ${until})
      limit ${limit}
      for update skip locked
    )
    update notification_settings s set hourly_until = ${until}
    from due where s.practice_id = due.practice_id and s.owner_key = due.owner_key
    returning s.practice_id, s.owner_key, due.hourly_until as since`
}

/**
 * Claims this morning's digest for each practice where it is now between `from` and `to` o'clock
 * and the digest for today (in its zone) has not been queued: once per practice per day.
 */
export async function claimMorningDigests(
  tx: Tx,
  now: Date,
  window: { fromHour: number; toHour: number },
  limit: number,
): Promise<{ practice_id: string; day: string }[]> {
  return tx<{ practice_id: string; day: string }[]>`
    insert into staff_digest_days (practice_id, day, queued_at)
    select p.id, (${now}::timestamptz at time zone p.time_zone)::date, ${now}
    from practices p
    where extract(hour from ${now}::timestamptz at time zone p.time_zone) >= ${window.fromHour}
      and extract(hour from ${now}::timestamptz at time zone p.time_zone) < ${window.toHour}
      and not exists (
        select 1 from staff_digest_days d
        where d.practice_id = p.id and d.day = (${now}::timestamptz at time zone p.time_zone)::date)
    limit ${limit}
    on conflict do nothing
    returning practice_id, day::text`
}

export type OpenAlert = { kind: string; created_at: Date }

/** The open alerts a reader sees (a therapist their own), oldest first, raised by `before`. */
export async function openAlertsFor(
  tx: Tx,
  practiceId: string,
  q: { therapistId: string | null; before: Date },
): Promise<OpenAlert[]> {
  return tx<OpenAlert[]>`
    select kind, created_at from alerts
    where practice_id = ${practiceId} and status = 'open' and created_at <= ${q.before}
      ${q.therapistId ? tx`and therapist_id = ${q.therapistId}` : tx``}
    order by created_at, id
    limit 200`
}
