-- The client's own order of channels: reminders and notices go to the first that works. Null keeps
-- the practice's schedule (every channel the client can receive), as before.
alter table clients add column preferred_channels text[]
  check (preferred_channels <@ array['email', 'sms', 'push']::text[] and cardinality(preferred_channels) between 1 and 3);

-- Every consent given or withdrawn, with when and through what: the practice's record of what the
-- client agreed to. Never updated; the client's current consents stay on `clients`.
create table consent_records (
  id uuid primary key default gen_random_uuid(),
  practice_id uuid not null references practices (id) on delete cascade,
  client_id uuid not null,
  channel text not null check (channel in ('email', 'sms', 'whatsapp', 'push')),
  granted boolean not null,
  -- `practice_api` (staff or an integration, with the key), `portal` (the client themselves).
  source text not null check (source in ('practice_api', 'portal')),
  recorded_by text check (length(recorded_by) <= 200),
  recorded_at timestamptz not null,
  foreign key (practice_id, client_id) references clients (practice_id, id) on delete cascade
);
create index consent_records_client on consent_records (practice_id, client_id, recorded_at);

alter table consent_records enable row level security;
alter table consent_records force row level security;
create policy tenant on consent_records
  using (practice_id = hearth_current_practice() or hearth_is_system())
  with check (practice_id = hearth_current_practice() or hearth_is_system());
grant select, insert on consent_records to hearth_app;
