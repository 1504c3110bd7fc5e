-- Therapists' bookable hours, the practice's rule for clients moving their own sessions, and the
-- moves that wait for the practice (each holding the asked-for time for at most a day).

alter table practices add column reschedule jsonb not null
  default '{"mode": "instant", "inside_window": "request"}';

-- One row per therapist; weekly hours and exceptions are read whole by the free-slot function.
create table therapist_availability (
  practice_id uuid not null references practices (id) on delete cascade,
  therapist_id uuid not null,
  time_zone text not null,
  weekly jsonb not null default '[]',
  exceptions jsonb not null default '[]',
  buffer_minutes integer not null default 0 check (buffer_minutes between 0 and 240),
  min_notice_hours integer not null default 24 check (min_notice_hours between 0 and 720),
  horizon_days integer not null default 28 check (horizon_days between 1 and 365),
  video_url text,
  updated_at timestamptz not null default now(),
  primary key (practice_id, therapist_id),
  foreign key (practice_id, therapist_id) references therapists (practice_id, id) on delete cascade
);

-- A client's move that the practice's rule makes a request. While `requested` and before
-- `hold_until`, the asked-for time is kept for them: two requests can never hold the same time.
create table reschedule_requests (
  id uuid primary key default gen_random_uuid(),
  practice_id uuid not null references practices (id) on delete cascade,
  appointment_id uuid not null,
  client_id uuid not null,
  therapist_id uuid not null,
  previous_starts_at timestamptz not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  status text not null default 'requested' check (status in ('requested', 'approved', 'declined', 'expired', 'withdrawn')),
  requested_at timestamptz not null,
  hold_until timestamptz not null,
  -- The late fee the client acknowledged (the rule treats a late move as a late cancellation).
  late_fee_cents integer,
  decided_at timestamptz,
  decided_by text,
  -- The front desk's alert about it, resolved with the decision.
  alert_id uuid,
  unique (practice_id, id),
  foreign key (practice_id, appointment_id) references appointments (practice_id, id) on delete cascade,
  foreign key (practice_id, client_id) references clients (practice_id, id) on delete cascade,
  foreign key (practice_id, therapist_id) references therapists (practice_id, id) on delete cascade,
  check (ends_at > starts_at),
  check (hold_until > requested_at),
  check ((status = 'requested') = (decided_at is null)),
  constraint reschedule_requests_one_hold exclude using gist (
    therapist_id with =,
    tstzrange(starts_at, ends_at, '[)') with &&
  ) where (status = 'requested')
);
-- One waiting request per session.
create unique index reschedule_requests_one_open on reschedule_requests (practice_id, appointment_id)
  where status = 'requested';
create index reschedule_requests_practice on reschedule_requests (practice_id, status, requested_at);

do $$
declare t text;
begin
  foreach t in array array['therapist_availability', 'reschedule_requests'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format(
      'create policy tenant on %I using (practice_id = hearth_current_practice() or hearth_is_system()) '
      'with check (practice_id = hearth_current_practice() or hearth_is_system())', t);
  end loop;
end $$;

grant select, insert, update, delete on therapist_availability to hearth_app;
grant select, insert, update on reschedule_requests to hearth_app;
