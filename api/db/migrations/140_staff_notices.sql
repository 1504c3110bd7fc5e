-- Staff are told: a client's new message (at once, or in an hourly round-up) and, each morning, the
-- alerts still open. Once per hour and once per day are claimed here, in the transaction that
-- queues the emails, so any number of dispatchers running the rounds together send each once.

-- The end of the last hourly round-up for a person who chose `hourly`: the next one counts what
-- came after it.
alter table notification_settings add column hourly_until timestamptz;

-- The practice's mornings whose digest has been queued (the day in the practice's zone).
create table staff_digest_days (
  practice_id uuid not null references practices (id) on delete cascade,
  day date not null,
  queued_at timestamptz not null,
  primary key (practice_id, day)
);
alter table staff_digest_days enable row level security;
alter table staff_digest_days force row level security;
create policy tenant on staff_digest_days using (practice_id = hearth_current_practice() or hearth_is_system())
  with check (practice_id = hearth_current_practice() or hearth_is_system());
grant select, insert, delete on staff_digest_days to hearth_app;
