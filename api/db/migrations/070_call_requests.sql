-- A client asked (in their words) for the therapist's call before a session: "I'm nervous about
-- today". The session stays on the therapist's call list with that reason, confirmed or not, until
-- a call about it is recorded or the session starts.
create table call_requests (
  id uuid primary key default gen_random_uuid(),
  practice_id uuid not null references practices (id) on delete cascade,
  appointment_id uuid not null,
  reason text not null check (reason in ('asked_for_call')),
  -- Where it came from: `sms:<event id>`, `whatsapp:<message id>`, ...
  source text not null check (length(source) between 1 and 300),
  requested_at timestamptz not null,
  unique (practice_id, appointment_id, reason),
  foreign key (practice_id, appointment_id) references appointments (practice_id, id) on delete cascade
);

alter table call_requests enable row level security;
alter table call_requests force row level security;
create policy tenant on call_requests
  using (practice_id = hearth_current_practice() or hearth_is_system())
  with check (practice_id = hearth_current_practice() or hearth_is_system());
grant select, insert, update on call_requests to hearth_app;
