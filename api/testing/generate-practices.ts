import type { Sql } from '../db/connect'
import { asSystem } from '../db/tenant'
import { insertPractice } from '../practice/queries'
import { defaultCrisisResources } from '../../shared/crisis'
import { DEFAULT_CANCELLATION_POLICY, DEFAULT_REMINDER_SCHEDULE } from '../../shared/schemas/policies'

/** One practice's size: its therapists, its clients, and each therapist's sessions over two years. */
export type PracticeShape = { therapists: number; clients: number; sessionsPerTherapist: number }

export type GroupShape = {
  /** Practices in all; the first is `largest`, the rest `typical`. */
  practices: number
  largest: PracticeShape
  typical: PracticeShape
  /** Open and resolved alerts per practice. */
  alertsPerPractice: number
}

/** The scale the read path is held to: 1,000 practices, ~100,000 clients, ~1,000,000 sessions. */
export const PRACTICE_GROUP: GroupShape = {
  practices: 1000,
  largest: { therapists: 30, clients: 10_000, sessionsPerTherapist: 3_334 },
  typical: { therapists: 3, clients: 90, sessionsPerTherapist: 300 },
  alertsPerPractice: 50,
}

export type GeneratedGroup = {
  largestPracticeId: string
  counts: { practices: number; clients: number; appointments: number; outbox: number; alerts: number }
}

/**
 * Fills the database with a practice group in a few set-based statements (generate_series), as
 * the scale benchmark and the plan test need it: sessions from a year ago to a year ahead, spaced
 * so no therapist is double-booked, the past ones attended, missed or cancelled, the future ones
 * scheduled or confirmed, and three reminder rows in the outbox for each session (sent before now,
 * pending after). Then ANALYZE, so the planner sees the sizes.
 */
export async function generatePracticeGroup(sql: Sql, shape: GroupShape): Promise<GeneratedGroup> {
  const prefix = `group-${Date.now().toString(36)}-`
  const template = await asSystem(sql, (tx) =>
    insertPractice(tx, {
      name: 'Practice 1',
      slug: `${prefix}1`,
      time_zone: 'America/New_York',
      country: 'US',
      allowed_origins: [],
      locales: ['en', 'es', 'fr'],
      cancellation_policy: DEFAULT_CANCELLATION_POLICY,
      reminder_schedule: DEFAULT_REMINDER_SCHEDULE,
      crisis_resources: defaultCrisisResources('US'),
      branding: {},
    }),
  )
  const { largest, typical } = shape
  await asSystem(sql, async (tx) => {
    await tx`
      insert into practices (name, slug, time_zone, country, allowed_origins, locales, cancellation_policy,
                             reminder_schedule, crisis_resources, branding)
      select 'Practice ' || i, ${prefix} || i,
             (array['America/New_York', 'America/Chicago', 'America/Los_Angeles', 'Europe/London'])[1 + i % 4],
             p.country, p.allowed_origins, p.locales, p.cancellation_policy, p.reminder_schedule,
             p.crisis_resources, p.branding
      from practices p cross join generate_series(2, ${shape.practices}::int) i
      where p.id = ${template.id}`
    await tx`
      create temp table group_practices on commit drop as
      select id, (id = ${template.id}) as largest from practices
      where slug like ${`${prefix}%`}`
    await tx`
      insert into therapists (practice_id, name, email, time_zone, contact_policy)
      select p.id, 'Therapist ' || n, 'therapist' || n || '@' || p.id || '.example', 'America/New_York', '{}'
      from group_practices p
      cross join lateral generate_series(1, case when p.largest then ${largest.therapists}::int else ${typical.therapists}::int end) n`
    await tx`
      insert into clients (practice_id, name, email, phone, time_zone, consent_sms)
      select p.id, 'Client ' || n, 'client' || n || '@' || p.id || '.example', '+1555' || lpad(n::text, 7, '0'),
             (array['America/New_York', 'America/Chicago', 'Europe/London'])[1 + n % 3], n % 2 = 0
      from group_practices p
      cross join lateral generate_series(1, case when p.largest then ${largest.clients}::int else ${typical.clients}::int end) n`
    await tx`
      create temp table numbered_clients on commit drop as
      select c.id, c.practice_id, (row_number() over (partition by c.practice_id order by c.id) - 1)::int as n,
             (count(*) over (partition by c.practice_id))::int as total
      from clients c join group_practices p on p.id = c.practice_id`
    await tx`create index on numbered_clients (practice_id, n)`
    // Each therapist's k-th session: a year ago plus k steps (a step spreads the sessions over two
    // years), plus an hour per therapist, so sessions of one therapist never overlap.
    await tx`
      insert into appointments (practice_id, therapist_id, client_id, starts_at, ends_at, type, status,
                                confirmed_at, created_at)
      select t.practice_id, t.id, c.id, s.starts_at, s.starts_at + interval '50 minutes', 'Individual session',
             case when s.starts_at < now()
                  then (array['attended', 'attended', 'attended', 'attended', 'no_show', 'late_cancelled', 'cancelled'])[1 + k % 7]
                  when k % 3 = 0 then 'confirmed' else 'scheduled' end,
             case when s.starts_at >= now() and k % 3 = 0 then s.starts_at - interval '1 day' end,
             s.starts_at - interval '14 days'
      from (select id, practice_id, (row_number() over (partition by practice_id order by id) - 1)::int as tn
            from therapists where practice_id in (select id from group_practices)) t
      join group_practices p on p.id = t.practice_id
      cross join lateral (select case when p.largest then ${largest.sessionsPerTherapist}::int
                                      else ${typical.sessionsPerTherapist}::int end as per) per
      cross join lateral generate_series(0, per.per - 1) k
      cross join lateral (select date_trunc('hour', now()) - interval '365 days'
                                 + k * (interval '730 days' / per.per) + t.tn * interval '1 hour' as starts_at) s
      join numbered_clients c on c.practice_id = t.practice_id and c.n = (t.tn * per.per + k) % c.total`
    await tx`
      insert into outbox (practice_id, topic, channel, idempotency_key, appointment_id, client_id, reminder_kind,
                          status, send_at, due_at, sent_at)
      select a.practice_id, 'reminder', r.channel, 'reminder/' || a.id || '/' || r.kind || '/' || r.channel || '/1',
             a.id, a.client_id, r.kind,
             case when a.starts_at - r.lead < now() then 'sent' else 'pending' end,
             a.starts_at - r.lead, a.starts_at - r.lead,
             case when a.starts_at - r.lead < now() then a.starts_at - r.lead end
      from appointments a
      cross join (values ('confirmation', 'email', interval '48 hours'), ('confirmation', 'sms', interval '48 hours'),
                         ('morning_of', 'email', interval '3 hours')) r(kind, channel, lead)
      where a.practice_id in (select id from group_practices)`
    await tx`
      insert into alerts (id, practice_id, kind, audience, therapist_id, client_id, dedupe_key, summary, status,
                          created_at, resolved_at)
      select gen_random_uuid(), p.id, (array['no_show', 'reminder_failed', 'crisis_message'])[1 + n % 3],
             'therapist', t.id, null, 'generated/' || n, 'A generated alert',
             case when n % 5 = 0 then 'open' else 'resolved' end, now() - n * interval '1 day',
             case when n % 5 = 0 then null else now() - n * interval '1 day' + interval '1 hour' end
      from group_practices p
      cross join lateral (select id from therapists where practice_id = p.id limit 1) t
      cross join generate_series(1, ${shape.alertsPerPractice}::int) n`
  })
  await sql`analyze`
  const [counts] = await sql<GeneratedGroup['counts'][]>`
    select (select count(*)::int from practices) as practices, (select count(*)::int from clients) as clients,
           (select count(*)::int from appointments) as appointments, (select count(*)::int from outbox) as outbox,
           (select count(*)::int from alerts) as alerts`
  return { largestPracticeId: template.id, counts: counts! }
}
