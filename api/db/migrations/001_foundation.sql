-- Practices, their keys, therapists, clients, appointments and the audit log.
-- Every tenant table carries practice_id and is guarded by row-level security (the second wall:
-- the first is that every query names its practice).

create extension if not exists btree_gist;

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'hearth_app') then
    create role hearth_app nologin nosuperuser nobypassrls noinherit;
  end if;
exception when duplicate_object or unique_violation then null; -- another database created it first
end $$;

do $$
begin
  if not (select rolsuper from pg_roles where rolname = current_user) then
    execute format('grant hearth_app to %I', current_user);
  end if;
exception when others then null;
end $$;

-- The practice of the current transaction, set with set_config('app.practice_id', id, true).
create or replace function hearth_current_practice() returns uuid
language sql stable as $$ select nullif(current_setting('app.practice_id', true), '')::uuid $$;

-- System work (key lookup, operator, dispatcher) runs as the connecting role with app.system on;
-- the tenant role can never use it.
create or replace function hearth_is_system() returns boolean
language sql stable as $$
  select current_user <> 'hearth_app' and coalesce(current_setting('app.system', true), '') = 'on'
$$;

create table practices (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 120),
  slug text not null unique,
  time_zone text not null,
  country text not null default 'US',
  phone text,
  allowed_origins text[] not null default '{}',
  locales text[] not null default '{en,es,fr}',
  cancellation_policy jsonb not null,
  reminder_schedule jsonb not null,
  crisis_resources jsonb not null,
  branding jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table therapists (
  id uuid primary key default gen_random_uuid(),
  practice_id uuid not null references practices (id) on delete cascade,
  name text not null,
  email text not null,
  phone text,
  time_zone text not null,
  cancellation_policy jsonb,
  contact_policy jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (practice_id, id),
  unique (practice_id, email)
);

create table api_keys (
  id uuid primary key default gen_random_uuid(),
  practice_id uuid not null references practices (id) on delete cascade,
  role text not null check (role in ('admin', 'therapist')),
  therapist_id uuid,
  name text not null default '',
  key_hash text not null unique,
  key_prefix text not null,
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  foreign key (practice_id, therapist_id) references therapists (practice_id, id) on delete cascade,
  check ((role = 'therapist') = (therapist_id is not null))
);

create table clients (
  id uuid primary key default gen_random_uuid(),
  practice_id uuid not null references practices (id) on delete cascade,
  name text not null,
  email text not null,
  phone text,
  time_zone text not null,
  locale text not null default 'en' check (locale in ('en', 'es', 'fr')),
  consent_email boolean not null default true,
  consent_sms boolean not null default false,
  consent_push boolean not null default false,
  disabled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (practice_id, id),
  unique (practice_id, email)
);

create table appointments (
  id uuid primary key default gen_random_uuid(),
  practice_id uuid not null references practices (id) on delete cascade,
  external_id text,
  therapist_id uuid not null,
  client_id uuid not null,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  type text not null,
  location text,
  telehealth_url text,
  series_id text,
  status text not null default 'scheduled'
    check (status in ('scheduled', 'confirmed', 'cancelled', 'late_cancelled', 'no_show', 'attended')),
  -- Bumped whenever the session moves, so reminder idempotency keys change with it.
  version integer not null default 1,
  confirmed_at timestamptz,
  cancelled_at timestamptz,
  cancelled_by text check (cancelled_by in ('client', 'practice')),
  cancel_reason text,
  late_fee_cents integer,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (practice_id, id),
  unique (practice_id, external_id),
  foreign key (practice_id, therapist_id) references therapists (practice_id, id),
  foreign key (practice_id, client_id) references clients (practice_id, id),
  check (ends_at > starts_at),
  constraint appointments_no_double_booking exclude using gist (
    therapist_id with =,
    tstzrange(starts_at, ends_at, '[)') with &&
  ) where (status not in ('cancelled', 'late_cancelled'))
);
create index appointments_practice_starts on appointments (practice_id, starts_at);
create index appointments_client_starts on appointments (client_id, starts_at);

create table audit_log (
  id bigint generated always as identity primary key,
  practice_id uuid references practices (id) on delete cascade,
  at timestamptz not null default now(),
  actor_kind text not null check (actor_kind in ('operator', 'api_key', 'client', 'system', 'link')),
  actor_id text,
  action text not null,
  subject_kind text,
  subject_id text,
  detail jsonb not null default '{}'
);
create index audit_log_practice_at on audit_log (practice_id, at);

-- Append-only: not even the owner may rewrite history.
create or replace function hearth_audit_append_only() returns trigger
language plpgsql as $$ begin raise exception 'audit_log is append-only'; end $$;
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function hearth_audit_append_only();

-- Row-level security on every tenant table.
do $$
declare t text;
begin
  foreach t in array array['therapists', 'api_keys', 'clients', 'appointments', 'audit_log'] loop
    execute format('alter table %I enable row level security', t);
    execute format('alter table %I force row level security', t);
    execute format(
      'create policy tenant on %I using (practice_id = hearth_current_practice() or hearth_is_system()) '
      'with check (practice_id = hearth_current_practice() or hearth_is_system())', t);
  end loop;
end $$;
alter table practices enable row level security;
alter table practices force row level security;
create policy tenant on practices using (id = hearth_current_practice() or hearth_is_system())
  with check (id = hearth_current_practice() or hearth_is_system());

grant usage on schema public to hearth_app;
grant select, insert, update, delete on practices, therapists, api_keys, clients, appointments to hearth_app;
grant select, insert on audit_log to hearth_app;
grant usage on all sequences in schema public to hearth_app;
