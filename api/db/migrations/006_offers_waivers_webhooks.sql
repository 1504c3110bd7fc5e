-- Practice tools, second part: freed slots offered to the cancellation list, late-fee waiver
-- requests, and outbound webhooks (their messages travel through the outbox like reminders).

-- A freed session offered to one client on the therapist's cancellation list. The offers made for
-- one cancelled session form a batch (freed_appointment_id): the first claim books the slot for
-- its client and closes the rest as `taken`. An open offer past `expires_at` has expired.
create table waitlist_offers (
  id uuid primary key default gen_random_uuid(),
  practice_id uuid not null references practices (id) on delete cascade,
  freed_appointment_id uuid not null,
  client_id uuid not null,
  therapist_id uuid not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  status text not null default 'open' check (status in ('open', 'claimed', 'taken')),
  offered_at timestamptz not null,
  expires_at timestamptz not null,
  closed_at timestamptz,
  -- The session the claim booked (for `claimed`).
  claimed_appointment_id uuid,
  unique (practice_id, id),
  unique (practice_id, freed_appointment_id, client_id),
  foreign key (practice_id, freed_appointment_id) references appointments (practice_id, id) on delete cascade,
  foreign key (practice_id, client_id) references clients (practice_id, id) on delete cascade,
  foreign key (practice_id, therapist_id) references therapists (practice_id, id) on delete cascade,
  foreign key (practice_id, claimed_appointment_id) references appointments (practice_id, id),
  check (ends_at > starts_at),
  check (expires_at > offered_at),
  check ((status = 'open') = (closed_at is null))
);
create index waitlist_offers_client on waitlist_offers (practice_id, client_id, expires_at desc);
create index waitlist_offers_batch on waitlist_offers (practice_id, freed_appointment_id);

-- A client who cancelled late asks for the fee to be waived, once per session. Their reason
-- travels sealed in the alert (client_note), never here; `fee_cents` is the fee they were asked.
create table fee_waiver_requests (
  id uuid primary key default gen_random_uuid(),
  practice_id uuid not null references practices (id) on delete cascade,
  appointment_id uuid not null,
  client_id uuid not null,
  fee_cents integer not null check (fee_cents > 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  status text not null default 'requested' check (status in ('requested', 'granted', 'declined')),
  requested_at timestamptz not null,
  decided_at timestamptz,
  -- The API key that decided.
  decided_by text,
  alert_id uuid,
  unique (practice_id, id),
  unique (practice_id, appointment_id),
  foreign key (practice_id, appointment_id) references appointments (practice_id, id) on delete cascade,
  foreign key (practice_id, client_id) references clients (practice_id, id) on delete cascade,
  check ((status = 'requested') = (decided_at is null))
);

-- Where a practice wants to hear what happened (Standard Webhooks). The signing secret is sealed
-- with AES-GCM under a key derived from HEARTH_SECRET; it is shown to the practice once.
create table webhook_endpoints (
  id uuid primary key,
  practice_id uuid not null references practices (id) on delete cascade,
  url text not null check (url ~ '^https?://' and length(url) <= 2000),
  description text check (length(description) <= 200),
  events text[] not null check (cardinality(events) between 1 and 20),
  secret_ciphertext bytea not null,
  secret_iv bytea not null,
  created_at timestamptz not null,
  -- Deleted endpoints stop receiving at once; their delivery history stays readable.
  deleted_at timestamptz,
  unique (practice_id, id)
);
create index webhook_endpoints_active on webhook_endpoints (practice_id) where deleted_at is null;

-- Every attempt to deliver a webhook message: what the endpoint answered and how long it took.
create table webhook_deliveries (
  id bigint generated always as identity primary key,
  practice_id uuid not null references practices (id) on delete cascade,
  endpoint_id uuid not null,
  outbox_id uuid not null,
  message_id text not null,
  event_type text not null,
  attempt integer not null check (attempt >= 1),
  attempted_at timestamptz not null,
  outcome text not null check (outcome in ('delivered', 'retrying', 'failed', 'skipped')),
  status_code integer,
  error text check (length(error) <= 500),
  duration_ms integer,
  foreign key (practice_id, endpoint_id) references webhook_endpoints (practice_id, id) on delete cascade,
  foreign key (practice_id, outbox_id) references outbox (practice_id, id) on delete cascade
);
create index webhook_deliveries_endpoint on webhook_deliveries (practice_id, endpoint_id, id desc);

do $$
declare t text;
begin
  foreach t in array array['waitlist_offers', 'fee_waiver_requests', 'webhook_endpoints', 'webhook_deliveries'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format(
      'create policy tenant on %I using (practice_id = hearth_current_practice() or hearth_is_system()) '
      'with check (practice_id = hearth_current_practice() or hearth_is_system())', t);
  end loop;
end $$;

grant select, insert, update on waitlist_offers, fee_waiver_requests, webhook_endpoints to hearth_app;
grant select, insert on webhook_deliveries to hearth_app;
