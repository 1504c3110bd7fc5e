-- Getting the schedule in without a developer: spreadsheet imports keyed by the practice's own ids,
-- Cal.com booking webhooks, and a pull sync from the practice's FHIR R4 server.

-- A client or therapist can carry the id another system knows them by (a spreadsheet's, `fhir:<id>`).
alter table clients add column external_id text check (length(external_id) between 1 and 200);
alter table clients add constraint clients_practice_external_id unique (practice_id, external_id);
alter table therapists add column external_id text check (length(external_id) between 1 and 200);
alter table therapists add constraint therapists_practice_external_id unique (practice_id, external_id);

-- Cal.com deliveries are de-duplicated like the other providers' (on a hash of the signed body).
alter table inbound_events drop constraint inbound_events_source_check;
alter table inbound_events add constraint inbound_events_source_check
  check (source in ('resend', 'sms', 'calcom'));

-- The practice's Cal.com webhook: its signing secret (write-only), which organizer is which
-- therapist, and the consents a client first met through a booking starts with.
create table calcom_connections (
  practice_id uuid primary key references practices (id) on delete cascade,
  webhook_secret text not null check (length(webhook_secret) between 8 and 200),
  therapists jsonb not null default '{}',
  client_consents jsonb not null default '{"email": true, "sms": false, "push": false}',
  updated_at timestamptz not null default now()
);

-- The practice's FHIR server and how far its sync has come. `synced_through` is the newest
-- `meta.lastUpdated` already applied (the next pull asks for `_lastUpdated=ge` it); `lease_until`
-- keeps two dispatchers from pulling the same practice at once.
create table fhir_connections (
  practice_id uuid primary key references practices (id) on delete cascade,
  base_url text not null check (length(base_url) between 8 and 500),
  token text check (length(token) between 1 and 4000),
  synced_through timestamptz,
  last_attempt_at timestamptz,
  last_success_at timestamptz,
  last_result jsonb,
  last_errors jsonb not null default '[]',
  lease_until timestamptz,
  updated_at timestamptz not null default now()
);
create index fhir_connections_due on fhir_connections (last_attempt_at nulls first);

do $$
declare t text;
begin
  foreach t in array array['calcom_connections', 'fhir_connections'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format(
      'create policy tenant on %I using (practice_id = hearth_current_practice() or hearth_is_system()) '
      'with check (practice_id = hearth_current_practice() or hearth_is_system())', t);
  end loop;
end $$;

grant select, insert, update, delete on calcom_connections, fhir_connections to hearth_app;
